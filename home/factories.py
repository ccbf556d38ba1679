"""Builders for the site tree, shared by the tests and the demo-content command.

Each builder is idempotent where the demo needs it: ``get_or_create`` style by slug or
translation source, so running the demo command twice creates nothing new.
"""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage, StandardPage

LANGUAGE_CODES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


@transaction.atomic
def ensure_home(title="City Cooperation", source_language="en"):
    """The home page of the source language as the default site's root, replacing Wagtail's welcome page."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locales[source_language]).first()
    if home is None:
        welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:  # Wagtail's "Welcome to your new Wagtail site!" page, removed below
            Page.objects.filter(pk=welcome.pk).update(slug="wagtail-welcome")
        home = root.add_child(
            instance=HomePage(title=title, slug="home", locale=locales[source_language])
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name=title)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home


def add_page(parent, page, publish=True):
    """Add ``page`` under ``parent`` unless a page with its slug is already there; returns the page."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        return existing
    page.locale = parent.locale
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return type(page).objects.get(pk=page.pk)


class UntranslatedStringsError(ValueError):
    """A strict translation was asked for, but some source strings have no translation."""


def translate(obj, language_code, strings=None, publish=True, strict=False):
    """Translate a page or snippet through wagtail-localize, as the translation editor would.

    ``strings`` maps each source string to its translation; strings it does not cover keep the
    source text (wagtail-localize's fallback), unless ``strict`` is set: then a missing string
    raises ``UntranslatedStringsError`` naming it, so no page is left partly untranslated.
    The translations are stored in translation memory (a ``Translation`` an editor can open
    and change in the translation editor). Translate parent pages before their children: the
    translation is placed under the parent's translation.

    Pages are published at once, not when the outer transaction commits (wagtail-localize's
    ``save_target`` defers publishing to ``on_commit``, which never comes inside a test).
    """
    strings = strings or {}
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(obj)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    if strict:
        missing = sorted({s.string.data for s in segments if s.string.data not in strings})
        if missing:
            raise UntranslatedStringsError(
                f"{obj!r} → {language_code}: no translation for " + "; ".join(repr(m) for m in missing)
            )
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text},
        )
    has_drafts = isinstance(obj, DraftStateMixin)  # pages, and snippets with drafts
    target, _created = source.create_or_update_translation(
        locale, publish=not has_drafts, copy_parent_pages=True, fallback=True
    )
    if has_drafts and publish:
        target.get_latest_revision().publish()
        target = type(target).objects.get(pk=target.pk)
    return target


def standard_page(parent, title, slug=None, introduction="", body=None, show_in_menus=False, **fields):
    """An about, privacy or accessibility page; ``body`` is a list of (block type, value) pairs."""
    return add_page(
        parent,
        StandardPage(
            title=title,
            slug=slug or slugify(title),
            introduction=introduction,
            body=body or [],
            show_in_menus=show_in_menus,
            **fields,
        ),
    )
