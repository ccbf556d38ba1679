"""What the document library and the pages that link to it list, in a fixed number of queries.

Translations keep their synchronised relations (programme, page) pointing at the source-language
pages, and their theme rows point at the themes as translated when the document was, so documents
are matched to pages and themes by ``translation_key`` and filters use values that are the same in
every language (programme code, theme slug).
"""

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from base.localize import localize, localize_keys, localized_pages, snippet_keys
from base.models import Theme
from library.models import DOCUMENT_LANGUAGES, LibraryDocument, LibraryIndexPage
from programmes.models import CallPage, ProgrammePage
from website.derived import generation_cached

LANGUAGE_NAMES = dict(DOCUMENT_LANGUAGES)


def visible_documents(locale_id):
    """Every document once: its version in ``locale_id``, else its original (oldest) version."""
    in_locale = LibraryDocument.objects.filter(locale_id=locale_id).values("translation_key")
    fallbacks = (
        LibraryDocument.objects.exclude(translation_key__in=in_locale)
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return LibraryDocument.objects.filter(Q(locale_id=locale_id) | Q(pk__in=fallbacks))


def _with_details(queryset, locale_id):
    documents = list(queryset.select_related("document").prefetch_related("themes"))
    for document in documents:
        document.theme_list = localize(document.themes.all(), Theme, locale_id)
    return documents


def search_documents(query, locale_id):
    """Documents matching ``query`` as the site search shows them: one per document, in the reader's language."""
    results = get_search_backend().search(query, LibraryDocument)
    # The database backend gives the ids without building a document per hit (search/backends).
    matched = results.pks() if hasattr(results, "pks") else [doc.pk for doc in results]
    if not matched:
        return []
    order = {pk: position for position, pk in enumerate(matched)}
    visible = visible_documents(locale_id).filter(
        translation_key__in=LibraryDocument.objects.filter(pk__in=matched).values("translation_key")
    )
    documents = _with_details(visible, locale_id)
    # Rank a document by its best-matching version in any language.
    key_rank = {}
    for doc in LibraryDocument.objects.filter(pk__in=matched).values("pk", "translation_key"):
        rank = order[doc["pk"]]
        key_rank[doc["translation_key"]] = min(rank, key_rank.get(doc["translation_key"], rank))
    return sorted(documents, key=lambda doc: key_rank.get(doc.translation_key, len(order)))


def library_context(page, params):
    """Filters (programme, theme, kind, language of the document, text) and the matching documents."""
    locale_id = page.locale_id
    visible = visible_documents(locale_id)

    programmes = {}
    for programme in localized_pages(
        list(ProgrammePage.objects.filter(pk__in=visible.values("programme_id")).order_by("path")), locale_id
    ):
        programmes.setdefault(programme.code, programme)
    themes = {
        theme.slug: theme
        for theme in localize(Theme.objects.filter(pk__in=visible.values("themes")), Theme, locale_id)
    }
    language_codes = set(visible.values_list("document_language", flat=True).distinct())
    languages = [(code, name) for code, name in DOCUMENT_LANGUAGES if code in language_codes]
    kind_codes = set(visible.values_list("kind", flat=True).distinct())
    kinds = [(code, name) for code, name in LibraryDocument.Kind.choices if code in kind_codes]

    selected = {
        "programme": params.get("programme", "") if params.get("programme", "") in programmes else "",
        "theme": params.get("theme", "") if params.get("theme", "") in themes else "",
        "language": params.get("language", "") if params.get("language", "") in language_codes else "",
        "kind": params.get("kind", "") if params.get("kind", "") in kind_codes else "",
        "q": "".join(ch for ch in params.get("q", "") if ch.isprintable()).strip()[:200],
    }

    results = visible
    if selected["programme"]:
        results = results.filter(programme__code=selected["programme"])
    if selected["theme"]:
        results = results.filter(themes__slug=selected["theme"]).distinct()
    if selected["language"]:
        results = results.filter(document_language=selected["language"])
    if selected["kind"]:
        results = results.filter(kind=selected["kind"])
    if selected["q"]:
        matching_keys = {doc.translation_key for doc in search_documents(selected["q"], locale_id)}
        results = results.filter(translation_key__in=matching_keys)

    return {
        "results": _with_details(results, locale_id),
        "filters": selected,
        "filtered": any(selected.values()),
        "programme_choices": sorted(programmes.items(), key=lambda item: item[1].title.casefold()),
        "theme_choices": sorted(themes.items(), key=lambda item: item[1].name.casefold()),
        "language_choices": languages,
        "kind_choices": kinds,
    }


def _build_library_map(locale_id):
    visible = visible_documents(locale_id)
    by_programme, by_page, unattached_calls = {}, {}, {}
    for pk, kind, programme_key, page_key, page_id in visible.order_by().values_list(
        "pk", "kind", "programme__translation_key", "related_page__translation_key", "related_page_id"
    ):
        if programme_key:
            by_programme.setdefault(programme_key, []).append(pk)
            if kind == LibraryDocument.Kind.CALL and page_id is None:
                unattached_calls.setdefault(programme_key, []).append(pk)
        if page_key:
            by_page.setdefault(page_key, []).append(pk)
    themes = {}  # document: theme primary keys (numbers keep the map small)
    for pk, theme_id in LibraryDocument.themes.through.objects.filter(librarydocument__in=visible).values_list(
        "librarydocument_id", "theme_id"
    ):
        themes.setdefault(pk, []).append(theme_id)
    return {
        "by_programme": by_programme,
        "by_page": by_page,
        "unattached_calls": unattached_calls,
        "themes": themes,
        "programme_keys": dict(ProgrammePage.objects.filter(locale_id=locale_id).values_list("path", "translation_key")),
        "library_page": LibraryIndexPage.objects.live()
        .filter(locale_id=locale_id)
        .only("id", "title", "path", "depth", "url_path", "locale_id")
        .first(),
    }


def library_map(locale_id):
    """Which documents each programme and page lists in ``locale_id`` and their themes (primary
    keys), and the library page: a small map, cached per content generation (saving a document
    starts a new one, ``library.signals``), so that a page without documents costs no query and
    one with documents one."""
    return generation_cached(
        "library-map",
        lambda: _build_library_map(locale_id),
        locale_id,
        depends_on=(ProgrammePage, LibraryIndexPage),
    )


def documents_for(page):
    """The library documents to list on a programme, call or partnership page, in the page's language.

    A programme lists every document of the programme; a call lists those attached to it and the
    programme's call documents that are attached to no page; other pages list those attached to them.
    """
    page = page.specific
    locale_id = page.locale_id
    data = library_map(locale_id)
    key = page.translation_key
    if isinstance(page, ProgrammePage):
        ids = data["by_programme"].get(key, [])
    elif isinstance(page, CallPage):
        parent_key = data["programme_keys"].get(page.path[: -Page.steplen])
        if parent_key is None:
            parent_key = page.get_parent().translation_key
        ids = data["by_page"].get(key, []) + data["unattached_calls"].get(parent_key, [])
    else:
        ids = data["by_page"].get(key, [])
    if not ids:
        return []
    documents = generation_cached(
        "library-documents", lambda: list(LibraryDocument.objects.filter(pk__in=ids).select_related("document")), ids
    )
    theme_keys = snippet_keys(Theme)
    for document in documents:
        keys = [theme_keys.get(pk) for pk in data["themes"].get(document.pk, [])]
        if None in keys:  # a theme newer than the cached keys
            keys = [theme.translation_key for theme in document.themes.all()]
        document.theme_list = localize_keys(keys, Theme, locale_id)
    return documents


def library_page(locale_id):
    """The live document library in ``locale_id``, if there is one."""
    return library_map(locale_id)["library_page"]


def language_name(code):
    return LANGUAGE_NAMES.get(code, _("Unknown language"))
