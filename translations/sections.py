"""A programme section: the programme, the pages under it (calls, training modules, initiatives),
the news about it and its library documents, translated together with wagtail-localize.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count, Q
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


def source_instance(obj):
    """The version of ``obj`` that wagtail-localize translates from (its oldest version if never submitted)."""
    sources = (
        TranslationSource.objects.filter(object_id=obj.translation_key)
        .annotate(enabled=Count("translations", filter=Q(translations__enabled=True)))
        .order_by("-enabled", "pk")
    )
    for source in sources:
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(instance, Page) and instance.alias_of_id:
            continue
        return instance
    versions = obj.get_translations(inclusive=True)
    if isinstance(obj, Page):
        return versions.filter(alias_of__isnull=True).order_by("pk").first().specific
    return versions.order_by("pk").first()


def section_objects(programme):
    """The source version of everything in ``programme``'s section, parents before children."""
    from library.models import LibraryDocument
    from news.models import NewsPage

    programme = programme.specific
    versions = list(programme.get_translations(inclusive=True).filter(alias_of__isnull=True))
    subtree = Q()
    for version in versions:
        subtree |= Q(path__startswith=version.path)
    pages = {}
    for page in Page.objects.filter(subtree).order_by("depth", "path"):
        pages.setdefault(page.translation_key, page)
    objects = [source_instance(page) for page in pages.values()]

    news = {}
    for item in NewsPage.objects.filter(programme__translation_key=programme.translation_key).order_by("pk"):
        news.setdefault(item.translation_key, item)
    objects += [source_instance(item) for item in news.values()]

    documents = {}
    for document in LibraryDocument.objects.filter(
        programme__translation_key=programme.translation_key
    ).order_by("pk"):
        documents.setdefault(document.translation_key, document)
    objects += [source_instance(document) for document in documents.values()]
    return objects


@dataclass
class SectionResult:
    created: list = field(default_factory=list)
    synced: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def _existing_translation(obj, locale):
    existing = obj.get_translation_or_none(locale)
    if isinstance(existing, Page) and existing.alias_of_id:
        return None
    return existing


@transaction.atomic
def translate_section(programme, language_code, user=None, sync_existing=False):
    """Translate ``programme``'s section into ``language_code`` as wagtail-localize's "Translate" does.

    Objects not yet in that language are submitted for translation (wagtail-localize's
    ``TranslationCreator``: a ``Translation`` record and a draft in the target language, with
    the source text until translators fill it in). With ``sync_existing``, objects already
    translated through wagtail-localize get their source text refreshed, as "Sync translated
    pages" does, so new strings show up in the translation editor.
    """
    locale = Locale.objects.get(language_code=language_code)
    creator = TranslationCreator(user, [locale])
    result = SectionResult()
    for obj in section_objects(programme):
        if obj.locale_id == locale.pk:
            result.skipped.append(obj)
            continue
        existing = _existing_translation(obj, locale)
        if existing is None:
            creator.create_translations(obj)
            if _existing_translation(obj, locale) is None:
                result.failed.append(obj)  # wagtail-localize skips objects that fail validation
            else:
                result.created.append(obj)
            continue
        if sync_existing:
            source = TranslationSource.objects.get_for_instance_or_none(obj)
            if (
                source is not None
                and Translation.objects.filter(source=source, target_locale=locale, enabled=True).exists()
            ):
                source.update_from_db()
                source.update_target_view_restrictions(locale)
                result.synced.append(obj)
                continue
        result.skipped.append(obj)
    return result


def section_translations(programme, language_code):
    """The enabled wagtail-localize translations of the section into ``language_code``, in section order."""
    locale = Locale.objects.get(language_code=language_code)
    found = []
    for obj in section_objects(programme):
        source = TranslationSource.objects.get_for_instance_or_none(obj)
        if source is None:
            continue
        translation = (
            Translation.objects.filter(source=source, target_locale=locale, enabled=True)
            .select_related("source", "target_locale")
            .first()
        )
        if translation is not None:
            found.append(translation)
    return found
