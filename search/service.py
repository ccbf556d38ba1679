"""The public search: which backend, the query, the filters and their counts, one page of results.

One path for every backend: the engine returns the ids of at most ``MAX_RESULTS`` live, public
pages by relevance (in the visitor's language, or in all of them), then the filters and their
counts are applied in memory from the facet map (``search.facets``), and only the ten pages
shown are loaded, with ``.specific()``. The number of SQL queries does not depend on the
number of results.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText
from wagtail.models import Locale, Page, Site

from base import stemming
from base.text import FOLDED_FIELD_PREFIX, MAX_TERMS, clean_query, excerpt, fold, has_match, search_terms
from search import facets as facet_data
from search import ranking, state
from website import derived
from website.pagecache import page_versions_to_key

MAX_RESULTS = 1000
PAGE_SIZE = 10
DOCUMENTS_SHOWN = 5
SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2
FILTERS = ("type", "theme", "programme", "country")
AS_TYPED = "typed"  # ``typed=1``: search the words as typed, without correcting them
FILTER_LABELS = {
    "type": gettext_lazy("Type"),
    "theme": gettext_lazy("Theme"),
    "programme": gettext_lazy("Programme"),
    "country": gettext_lazy("Country"),
}


def backend_name(language, all_languages=False):
    """The language's own Elasticsearch index when there is one, else the default backend."""
    if not all_languages and language in settings.WAGTAILSEARCH_BACKENDS:
        return language
    return "default"


def locale_for(language, search_state=None):
    known = search_state.locales.get(language) if search_state is not None else None
    return known or Locale.objects.filter(language_code=language).first() or Locale.get_default()


def public_pages(locale=None, search_state=None):
    """The live public pages (of ``locale``); with ``search_state``, told apart by its view
    restrictions rather than by reading them again."""
    pages = Page.objects.live().filter(depth__gt=1)
    pages = search_state.public(pages) if search_state is not None else pages.public()
    return pages.filter(locale=locale) if locale is not None else pages


@dataclass
class EngineHits:
    ids: list
    used_fallback: bool = False
    any_word: bool = False
    words: list = field(default_factory=list)  # the words searched (corrected, if they were)
    corrected: bool = False
    fuzzy: bool = False  # found by titles close to the words (Elasticsearch)


def query_words(terms):
    """The words of ``terms`` as the engines index them (an apostrophe splits ``d'Europa``);
    one-letter words are left out when there are longer ones."""
    words = stemming.tokens(terms, lower=False)
    longer = [word for word in words if len(word) > 1]
    return (longer or words)[:MAX_TERMS]


def word_forms(word, languages, catalogue=None):
    """What one query word is searched as: folded, its stems, and the known word it starts with."""
    forms = stemming.query_forms(word, languages)
    start = catalogue.known_start(word, languages) if catalogue is not None else ""
    return forms + [start] if start and start not in forms else forms


def engine_query(words, languages, operator, expansions=(), catalogue=None):
    """The query for the engine: each word as typed (folded) or as one of its stems in the
    search's languages; the last one also as the known words it begins (``expansions``).

    ``Or`` of one ``PlainText`` per form, joined with ``And`` (every word) or ``Or``; not one
    ``PlainText`` of the forms with ``operator="or"``: inside an ``And``, the SQLite backend
    writes that without parentheses, and FTS5's ``AND`` binds tighter than ``OR``. The database
    backend folds the query again (a no-op); Elasticsearch matches each form as text.
    """
    parts = []
    for position, word in enumerate(words):
        forms = word_forms(word, languages, catalogue)
        if position == len(words) - 1:
            forms += [form for form in expansions if form not in forms]
        texts = [PlainText(form) for form in forms]
        parts.append(texts[0] if len(texts) == 1 else Or(texts))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def ranking_words(words, languages, catalogue=None, expansions=()):
    """The query's words for ``search.ranking``: the last one with the known words it begins."""
    query_words = []
    for position, word in enumerate(words):
        forms = word_forms(word, languages, catalogue)
        if position == len(words) - 1:
            forms = [*forms, *expansions]
        query_words.append(ranking.QueryWord(forms=frozenset(forms), neutral=ranking.is_neutral(word)))
    return query_words


def _engine_ids(words, queryset, backend, languages, operator, catalogue, expansions):
    query = engine_query(words, languages, operator, expansions, catalogue)
    results = backend.search(query, queryset.only("id"), operator=operator)[:MAX_RESULTS]
    ids = results.pks() if hasattr(results, "pks") else [page.pk for page in results]
    return ids, getattr(results, "used_fallback", False)


def _fuzzy_title_ids(words, queryset, backend):
    """Elasticsearch: pages whose title or other names (``search_names``: "also known as", the
    titles of the translations) are within Lucene's ``fuzziness: AUTO`` of every word (one or
    two edits), for words the catalogue cannot correct. When the cluster cannot answer, the
    database backend is asked for the words as plain text (it has no fuzzy matching)."""
    text = " ".join(fold(word) for word in words)
    ids = backend.fuzzy_name_pks(text, queryset, MAX_RESULTS)
    if ids is not None:
        return ids, False
    fallback = get_search_backend(backend.fallback_name)
    results = fallback.search(PlainText(text, operator="and"), queryset.only("id"))[:MAX_RESULTS]
    return results.pks(), True


def find_ids(terms, queryset, backend, languages=("en",), catalogue=None, correct=True, all_languages=False):
    """Ids of the matching pages, best first.

    Every word must match (as typed, as a word form, the last one as a prefix), else, when a
    word is unknown, the words corrected to the nearest known ones (``search.catalogue``), else
    (Elasticsearch) titles within one or two edits of every word, else any of the words, else
    any of the corrected ones. ``correct=False`` (``typed=1``) searches the words as typed only.
    """
    catalogue = catalogue or state.current().catalogue
    words = query_words(terms)
    hits = EngineHits(ids=[], words=words)
    if not words:
        return hits
    corrected = catalogue.correct(words, languages) if correct else words
    attempts = [("and", words, False)]
    if corrected != words:
        attempts.append(("and", corrected, True))
    if correct and getattr(backend, "fuzzy_titles", False):
        attempts.append(("fuzzy", words, False))
    if len(words) > 1:
        attempts.append(("or", words, False))
        if corrected != words:
            attempts.append(("or", corrected, True))
    for operator, attempt, is_corrected in attempts:
        expansions = catalogue.expand_prefix(attempt[-1], languages)
        if operator == "fuzzy":
            ids, used_fallback = _fuzzy_title_ids(attempt, queryset, backend)
        else:
            ids, used_fallback = _engine_ids(
                attempt, queryset, backend, languages, operator, catalogue, expansions
            )
        hits.used_fallback = hits.used_fallback or used_fallback
        if ids:
            words_ranked = ranking_words(attempt, languages, catalogue, expansions)
            if all_languages:
                ids = ranking.without_echoes(ids, catalogue, words_ranked)
            hits.ids = ranking.rank(ids, catalogue, words_ranked)
            hits.words, hits.corrected, hits.any_word = attempt, is_corrected, operator == "or"
            hits.fuzzy = operator == "fuzzy"
            break
    return hits


def parse_filters(params, facet_map):
    """The valid filters from the address, and the names of the ones that were not understood."""
    chosen, unknown = {}, []
    for name in FILTERS:
        value = (params.get(name) or "").strip()
        if not value:
            continue
        valid = {
            "type": lambda v: v in facet_data.TYPE_LABELS,
            "theme": lambda v: v in facet_map.themes,
            "programme": lambda v: v in facet_map.programme_by_code,
            "country": lambda v: len(v) == 2 and v.upper() in countries,
        }[name]
        if len(value) <= 100 and valid(value):
            chosen[name] = value.upper() if name == "country" else value
        else:
            unknown.append(name)
    return chosen, unknown


def _matches(page_facets, chosen):
    return all(
        chosen[name] in values
        for name, values in zip(FILTERS, page_facets.values(), strict=True)
        if name in chosen
    )


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(ids, chosen, facet_map, locale_id):
    """For each filter, its values with the number of results each would give (other filters kept)."""
    wanted = [chosen.get(name) for name in FILTERS]
    counts = [{} for _name in FILTERS]
    pages = facet_map.pages
    if not chosen:  # the common case: every result counts for every value it has
        for page_id in ids:
            for index, page_values in enumerate(pages[page_id].values()):
                bucket = counts[index]
                for value in page_values:
                    bucket[value] = bucket.get(value, 0) + 1
    for page_id in ids if chosen else ():
        values = facet_map.pages[page_id].values()
        misses = [
            value is not None and value not in page_values
            for value, page_values in zip(wanted, values, strict=True)
        ]
        missed = sum(misses)
        if missed > 1:
            continue
        for index, page_values in enumerate(values):
            if missed and not misses[index]:
                continue  # another filter excludes the page: it counts only for that filter's values
            for value in page_values:
                counts[index][value] = counts[index].get(value, 0) + 1
    for index, value in enumerate(wanted):
        if value is not None:
            counts[index].setdefault(value, 0)

    def label(name, value):
        if name == "type":
            return str(facet_data.TYPE_LABELS[value])
        if name == "theme":
            return facet_map.theme_name(value, locale_id)
        if name == "programme":
            return facet_map.programme_name(facet_map.programme_by_code[value], locale_id)
        return str(countries.name(value)) or value

    return {
        name: sorted(
            (
                FacetOption(value, label(name, value), count, chosen.get(name) == value)
                for value, count in counts[index].items()
            ),
            key=lambda option: (-option.count, option.label.casefold()),
        )
        for index, name in enumerate(FILTERS)
    }


def page_number(raw, num_pages):
    """``page=abc`` or ``page=-1`` give the first page, ``page=99999`` the last one."""
    try:
        number = int(str(raw or "1").strip()[:9])
    except ValueError:
        return 1
    return min(max(number, 1), max(num_pages, 1))


# Showing one page of results


def _text_fields(page):
    """The page's own text, lazily and in order: description, introduction, then its other text fields."""
    for text in (page.search_description, getattr(page, "introduction", "")):
        if text and text.strip():
            yield " ".join(text.split())
    for search_field in type(page).get_search_fields():
        name = search_field.field_name
        if name in ("title", "introduction") or name.startswith(FOLDED_FIELD_PREFIX):
            continue
        if not hasattr(search_field, "boost"):  # SearchField only
            continue
        try:
            type(page)._meta.get_field(name)  # model fields only: no method with queries of its own
        except FieldDoesNotExist:
            continue
        value = search_field.get_value(page)
        for text in value if isinstance(value, (list, tuple)) else [value]:
            text = " ".join(strip_tags(str(text or "")).split())
            if text:
                yield text


def result_excerpt(texts, query):
    """The first of the page's texts that contains a query term, marked; else its first text."""
    for text in texts:
        if has_match(text, query):
            return excerpt(text, query)
    return excerpt(texts[0], query) if texts else ""


@dataclass
class Card:
    """What a result shows of its page whatever the query: kept per page (``result_cards``)."""

    title: str
    url: str
    locale_id: int
    texts: list


@dataclass
class Result:
    page: Card
    url: str
    type: str
    type_label: str
    language: str
    programmes: list
    excerpt: str
    title_marked: str = ""


def result_cards(ids, request):
    """The cards of the pages ``ids``, by id: read from the cache, the missing ones built from the
    specific pages (one query per page type) and kept until content changes.

    A card holds what does not depend on the query (title, address, texts), so the pages a broad
    search shows again and again are not rebuilt for each search. Kept under the page's version
    (website/pagecache.py: a new one when it, or a page above it, is published, unpublished,
    moved or renamed) and the site's page generation (a change whose reach is not known), so a
    publication makes only the cards of the pages it changed stale. The address depends on the
    site the request is for.
    """
    site = Site.find_for_request(request)
    generation = derived.generation(depends_on=())
    versions = page_versions_to_key(ids)
    keys = {
        page_id: derived.cache_key("search-card", generation, page_id, versions[page_id], site and site.pk)
        for page_id in ids
        if versions[page_id] is not None  # not known (the cache lost it): built, not kept
    }
    found = cache.get_many(list(keys.values()))
    cards = {page_id: found[keys[page_id]] for page_id in ids if keys.get(page_id) in found}
    missing = [page_id for page_id in ids if page_id not in cards]
    if missing:
        for page in Page.objects.filter(pk__in=missing).specific():
            cards[page.pk] = Card(page.title, page.get_url(request) or "", page.locale_id, list(_text_fields(page)))
        cache.set_many(
            {keys[page_id]: cards[page_id] for page_id in missing if page_id in keys and page_id in cards},
            derived.CACHE_SECONDS,
        )
    return cards


def load_results(ids, query, facet_map, request, locale_id):
    cards = result_cards(ids, request)
    results = []
    for page_id in ids:
        card = cards.get(page_id)
        if card is None:
            continue
        page_facets = facet_map.pages[page_id]
        results.append(
            Result(
                page=card,
                url=card.url,
                type=page_facets.type,
                type_label=str(facet_data.TYPE_LABELS[page_facets.type]),
                language=facet_map.locales.get(card.locale_id, ""),
                programmes=sorted(facet_map.programme_name(key, locale_id) for key in page_facets.programmes),
                excerpt=result_excerpt(card.texts, query),
                title_marked=excerpt(card.title, query, length=300),
            )
        )
    return results


def promotions(request, query, locale, all_languages):
    """Editors' picks for this query (Wagtail's search promotions), read only, in the visitor's language.

    A promoted page is shown in the visitor's language when it has a live translation there
    (in any language with the "all languages" switch); pages that are not live are left out.
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    strings = {normalise_query_string(query), normalise_query_string(fold(query))}
    picks = list(
        SearchPromotion.objects.filter(query__query_string__in=strings)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = {pick.page.translation_key for pick in picks if pick.page_id}
    shown_pages = {}
    if keys:
        candidates = public_pages(None if all_languages else locale).filter(translation_key__in=keys)
        if all_languages:
            candidates = candidates.filter(pk__in=[pick.page_id for pick in picks if pick.page_id])
        shown_pages = {page.translation_key: page for page in candidates}
    shown = []
    for pick in picks:
        if pick.page_id:
            page = shown_pages.get(pick.page.translation_key)
            if page is not None:
                shown.append(
                    {"title": page.title, "url": page.get_url(request), "description": pick.description}
                )
        elif pick.external_link_url:
            shown.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                    "external": True,
                }
            )
    return shown


@dataclass
class SearchOutcome:
    query: str = ""
    notices: list = field(default_factory=list)
    results: list = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page_number: int = 1
    num_pages: int = 1
    facets: dict = field(default_factory=dict)
    chosen: dict = field(default_factory=dict)
    promotions: list = field(default_factory=list)
    corrected_query: str = ""  # "Showing results for ..." when the words were corrected
    typed_url: str = ""  # "... search instead for" what was typed
    used_fallback: bool = False
    any_word: bool = False
    searched: bool = False
    documents: list = field(default_factory=list)
    documents_total: int = 0
    library_url: str = ""


def library_documents(request, query, locale):
    """The library documents matching ``query`` (in the reader's language), and the library's address.

    Documents are files, not pages: they are listed beside the page results, at most
    ``DOCUMENTS_SHOWN`` of them, with a link to the library page searching for the same words.
    """
    from library.listings import search_documents
    from library.models import LibraryIndexPage

    documents = search_documents(query, locale.pk)
    if not documents:
        return [], 0, ""
    library = LibraryIndexPage.objects.live().public().filter(locale=locale).first()
    url = ""
    if library is not None:
        url = (library.get_url(request) or "") + "?" + urlencode({"q": query})
    return documents[:DOCUMENTS_SHOWN], len(documents), url


def marking_query(query, languages):
    """The words to mark in titles and excerpts: those searched and their stems (``Pireusie``
    marks ``Pireus``)."""
    words = query_words(search_terms(query))
    stems = [form for word in words for form in stemming.query_forms(word, languages) if len(form) > 2]
    return " ".join(dict.fromkeys([*words, *stems]))


def run_search(request, params, language, all_languages=False):
    outcome = SearchOutcome()
    query, notice = clean_query(params.get("q", ""))
    outcome.query = query
    if notice:
        outcome.notices.append(notice)
    terms = search_terms(query)
    if query and not terms:
        outcome.notices.append(_("Type one or more words to search for."))
    search_state = state.current()
    locale = locale_for(language, search_state)
    facet_map = search_state.facet_map
    outcome.chosen, unknown = parse_filters(params, facet_map)
    if unknown:
        outcome.notices.append(_("A filter in the address was not understood and is ignored."))
    if not terms:
        return outcome

    outcome.searched = True
    backend = get_search_backend(backend_name(language, all_languages))
    languages = stemming.LANGUAGES if all_languages else (language,)
    hits = find_ids(
        terms,
        public_pages(None if all_languages else locale, search_state),
        backend,
        languages=languages,
        catalogue=search_state.catalogue,
        correct=not params.get(AS_TYPED),
        all_languages=all_languages,
    )
    outcome.used_fallback, outcome.any_word = hits.used_fallback, hits.any_word
    marked = query
    if hits.corrected:
        outcome.corrected_query = marked = " ".join(hits.words)
        outcome.typed_url = "?" + urlencode(
            {**{name: value for name, value in params.items() if name != "page"}, AS_TYPED: "1"}
        )
    facet_map = state.current(hits.ids).facet_map
    ids = [page_id for page_id in hits.ids if page_id in facet_map.pages]
    outcome.capped = len(ids) >= MAX_RESULTS

    outcome.facets = facet_counts(ids, outcome.chosen, facet_map, locale.pk)
    if outcome.chosen:
        ids = [page_id for page_id in ids if _matches(facet_map.pages[page_id], outcome.chosen)]
    outcome.total = len(ids)
    outcome.num_pages = max(1, -(-len(ids) // PAGE_SIZE))
    outcome.page_number = page_number(params.get("page"), outcome.num_pages)
    start = (outcome.page_number - 1) * PAGE_SIZE
    outcome.results = load_results(
        ids[start : start + PAGE_SIZE], marking_query(marked, languages), facet_map, request, locale.pk
    )
    if outcome.page_number == 1 and not outcome.chosen:
        outcome.promotions = promotions(request, query, locale, all_languages)
        outcome.documents, outcome.documents_total, outcome.library_url = library_documents(
            request, terms, locale
        )
    return outcome


def suggest(request, raw_query, language):
    """Titles for the search box: at most ``SUGGESTIONS`` pages in the visitor's language."""
    query, _notice = clean_query(raw_query, max_length=100)
    terms = search_terms(query)
    if len(terms) < MIN_SUGGEST_LENGTH:
        return query, [], False
    locale = locale_for(language)
    backend = get_search_backend(backend_name(language))
    queryset = public_pages(locale).only(
        "id", "title", "content_type_id", "url_path", "path", "depth", "locale_id"
    )
    results = backend.autocomplete(terms, queryset, operator="and")[:SUGGESTIONS]
    if hasattr(results, "pks"):  # the ranked ids, then the pages (search/backends)
        ids = results.pks()
        by_id = queryset.in_bulk(ids)
        pages = [by_id[page_id] for page_id in ids if page_id in by_id]
    else:
        pages = list(results)
    suggestions = []
    for page in pages:
        page_type = facet_data.type_of_content_type(page.content_type_id)
        suggestions.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": page_type,
                "type_label": str(facet_data.TYPE_LABELS[page_type]),
            }
        )
    return query, suggestions, getattr(results, "used_fallback", False)
