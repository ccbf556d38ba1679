"""Builders every app's factories and demo data use: locales, themes and organisations, adding and
translating pages, bulk indexing.

Each builder is idempotent where the demo needs it: ``get_or_create`` style by slug or
translation source, so running the demo command twice creates nothing new.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_save
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from base.models import Organisation, Theme

LANGUAGE_CODES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def locale_of(locale):
    """A Locale from a language code, a Locale, or None (the default locale)."""
    if locale is None:
        return Locale.get_default()
    if isinstance(locale, str):
        return Locale.objects.get(language_code=locale)
    return locale


def theme(slug, name=None, description="", locale=None):
    """The theme with ``slug`` in ``locale`` (default: the default locale), created if missing."""
    obj, _created = Theme.objects.get_or_create(
        slug=slug,
        locale=locale_of(locale),
        defaults={"name": name or slug.replace("-", " ").capitalize(), "description": description},
    )
    return obj


def organisation(name, kind=Organisation.Kind.PARTNER, locale=None, **fields):
    """The organisation called ``name`` in ``locale``, created with ``fields`` if missing."""
    obj, _created = Organisation.objects.get_or_create(
        name=name, locale=locale_of(locale), defaults={"kind": kind, **fields}
    )
    return obj


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
    # Extracts the segments again only when the source has changed since the last translation.
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    if strict and isinstance(obj, Page) and obj.depth > 2:
        parent = obj.get_parent()
        if not Page.objects.filter(translation_key=parent.translation_key, locale=locale).exists():
            # save_target would copy the parent as an untranslated alias: translate parents first.
            raise UntranslatedStringsError(
                f"{obj!r} → {language_code}: translate its parent {parent!r} first"
            )
    if strict:
        missing = sorted({s.string.data for s in segments if s.string.data not in strings})
        if missing:
            raise UntranslatedStringsError(
                f"{obj!r} → {language_code}: no translation for " + "; ".join(repr(m) for m in missing)
            )
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
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


@contextmanager
def search_index_deferred():
    """Index each object saved inside the block once, at the end, instead of on every save.

    Building a translated page saves it four or five times (copy, revision, publish...), and
    each save re-indexes it. For bulk builds (the demo, benchmarks) that is most of the time.
    """
    from modelsearch import index
    from modelsearch.backends import get_search_backends
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in saved.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in backends:
            backend.add_bulk(model, objects)
