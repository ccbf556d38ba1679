"""A translated page gets a slug made from its translated title, not the source's slug.

The slug is one of a page's translatable strings (``home.models.BasePage``), but translators
rarely translate it, and wagtail-localize then falls back to the source's slug: the Polish
"Spotkanie burmistrzów" would live at ``/pl/.../meeting-of-mayors/``. So the slug's translation is
filled in translation memory, where the translation editor shows it and the translator can still
change it, whenever it is missing or is only the source's slug:

- when a translator saves the title's translation in the translation editor; while the translated
  page has never been published, a slug made from their previous title follows the new one, as
  Wagtail's own editor does for new pages;
- when the translation editor publishes, when "Sync translated pages" runs (``views``), and when a
  PO file is imported (``po``): this covers translations made before, and new source slugs.

Translations written by code (``home.factories.translate``, the demo) keep the slugs they are given.
Slugs are ASCII and transliterated the way the demo content's are (``base.slugs.slug_for``);
wagtail-localize makes the slug unique among the page's siblings when it writes the page.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from base.slugs import slug_for

TITLE = "title"
SLUG = "slug"


def _segment(source, path):
    return (
        StringSegment.objects.filter(source=source, context__path=path)
        .select_related("string", "context")
        .first()
    )


def _translated_page(source, locale_id):
    return Page.objects.filter(translation_key=source.object_id, locale_id=locale_id).first()


def fill_slug_translation(source, locale_id, title=None, replaceable=()):
    """Set the slug's translation into the locale ``locale_id``, unless a translator chose one.

    The slug is made from ``title``, the title's translation (default: the one in translation
    memory, else the translated page's own title when it differs from the source's). A slug
    translation is replaced only when it equals the source's slug or one of ``replaceable``. When
    the source's slug changed (no translation of it yet), a live translated page keeps its address.
    Returns the slug set, or None.
    """
    if not issubclass(source.specific_content_type.model_class() or object, Page):
        return None
    slug_segment = _segment(source, SLUG)
    title_segment = _segment(source, TITLE)
    if slug_segment is None or title_segment is None:
        return None
    source_slug = slug_segment.string.data
    existing = StringTranslation.objects.filter(
        translation_of=slug_segment.string, locale_id=locale_id, context=slug_segment.context
    ).first()
    if existing is not None and existing.data not in {source_slug, *replaceable}:
        return None  # the translator's own slug
    page = _translated_page(source, locale_id)
    if existing is None and page is not None and page.live and page.slug != source_slug:
        slug = page.slug
    else:
        if title is None:
            memory = StringTranslation.objects.filter(
                translation_of=title_segment.string, locale_id=locale_id, context=title_segment.context
            ).first()
            if memory is not None:
                title = memory.data
            elif page is not None and page.title != title_segment.string.data:
                title = page.title
        if not title or title == title_segment.string.data:
            return None
        slug = slug_for(title)
    if not slug or slug == source_slug or (existing is not None and existing.data == slug):
        return None
    StringTranslation.objects.update_or_create(
        translation_of=slug_segment.string,
        locale_id=locale_id,
        context=slug_segment.context,
        defaults={"data": slug, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    return slug


def fill_for_translation(translation):
    """``fill_slug_translation`` for a wagtail-localize ``Translation``."""
    return fill_slug_translation(translation.source, translation.target_locale_id)


@receiver(pre_save, sender=StringTranslation)
def title_translated(sender, instance, raw=False, **kwargs):
    """A translator is changing the title's translation: bring the slug's translation along."""
    if raw or instance.last_translated_by_id is None:  # written by code, not typed in the editor
        return
    context = TranslationContext.objects.filter(pk=instance.context_id, path=TITLE).first()
    if context is None:
        return
    previous = (
        StringTranslation.objects.filter(pk=instance.pk).values_list("data", flat=True).first()
        if instance.pk
        else None
    )
    sources = TranslationSource.objects.filter(
        object_id=context.object_id,
        stringsegment__context=context,
        stringsegment__string_id=instance.translation_of_id,
    ).distinct()
    for source in sources:
        replaceable = ()
        page = _translated_page(source, instance.locale_id)
        if previous and (page is None or page.first_published_at is None):
            replaceable = (slug_for(previous),)
        fill_slug_translation(source, instance.locale_id, title=instance.data, replaceable=replaceable)


def before_publishing_translation(request, page):
    """``before_edit_page`` hook: the translation editor's "Publish" writes a translated slug too."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is not None:
        fill_for_translation(translation)
    return None
