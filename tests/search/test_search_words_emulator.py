"""Issue I on the Elasticsearch layout (an index per language), over HTTP to the osmem-server emulator.

The emulator has no Catalan, Greek or Polish analyzer and keeps Greek accents: word forms,
other names, prefixes and corrections work here because the project folds and stems words
itself (the ``search_stems_*`` and ``search_names`` fields are plain text) and the catalogue
is the same for every engine. Fuzzy titles (``fuzziness: AUTO``) are Elasticsearch's own.
"""

import pytest
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends import get_search_backend

from search import service, state
from tests.search.conftest import elasticsearch_backends
from tests.search.test_search_page import search, urls
from tests.search.test_search_words import url_of, words_site  # noqa: F401  (the module's site)

pytestmark = pytest.mark.django_db

ES_BACKENDS = ("default", "en", "ca", "pl", "el")
FALLBACK_NOTICE = 'class="search-fallback"'


@pytest.fixture(scope="module")
def indexed_words_clone(words_site, osmem, django_db_blocker):  # noqa: F811
    clone = osmem.clone()
    backends = elasticsearch_backends(clone.url)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        for name in ES_BACKENDS:
            call_command("update_index", backend_name=name, verbosity=0)
        for name in ES_BACKENDS:
            get_search_backend(name).refresh_indexes()
    yield backends
    clone.close()


@pytest.fixture
def site(indexed_words_clone, words_site, db):  # noqa: F811
    state.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=indexed_words_clone):
        yield words_site
    state.clear()


def first(client, language, query, count=1):
    response = search(client, language, query)
    assert FALLBACK_NOTICE not in response.content.decode()
    return urls(response)[:count]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("pl", "Pireusie", "piraeus"),
        ("pl", "Atenach", "athens"),
        ("el", "Αθήνας", "athens"),
        ("el", "Πειραιά", "piraeus"),
        ("el", "Copenhagen", "copenhagen"),
        ("ca", "Piraeus", "piraeus"),
        ("en", "Kopenhaga", "copenhagen"),
        ("en", "Durban", "ethekwini"),
        ("en", "Copen", "copenhagen"),
        ("en", "small giants", "giants"),
        ("en", "IURC", "iurc"),
        ("en", "partnership Athens Gwangju", "athens-gwangju"),
    ],
)
def test_word_forms_names_prefixes_and_ranking(client, site, language, query, expected):
    assert first(client, language, query) == [url_of(site, expected, language)]


def test_ciutat_brings_the_cities_section(client, site):
    assert url_of(site, "cities", "ca") in first(client, "ca", "ciutat", 5)


@pytest.mark.parametrize(("query", "expected"), [("Copenhagn", "copenhagen"), ("Pireaus", "piraeus")])
def test_typos_are_corrected(client, site, query, expected):
    body = search(client, "en", query).content.decode()
    assert urls(search(client, "en", query))[0] == url_of(site, expected, "en")
    assert 'class="search-corrected"' in body


def test_titles_are_searched_fuzzily(site):
    backend = get_search_backend("en")
    assert backend.fuzzy_titles
    pages = service.public_pages(service.locale_for("en"))
    ids, used_fallback = service._fuzzy_title_ids(["Pireaus"], pages, backend)
    assert not used_fallback
    assert url_of(site, "piraeus", "en") in [page.url for page in pages.filter(pk__in=ids)]


@pytest.mark.parametrize(("typed", "expected"), [("Durbn", "ethekwini"), ("Kopenhgaa", "copenhagen")])
def test_other_names_are_searched_fuzzily(site, typed, expected):
    """An "also known as" name or a translation's title, one or two letters wrong."""
    pages = service.public_pages(service.locale_for("en"))
    ids, used_fallback = service._fuzzy_title_ids([typed], pages, get_search_backend("en"))
    assert not used_fallback
    assert url_of(site, expected, "en") in [page.url for page in pages.filter(pk__in=ids)]


def test_a_cluster_that_is_down_falls_back_without_failing_on_fuzzy(client, words_site, refusing_url):  # noqa: F811
    state.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(refusing_url, timeout=0.5)):
        response = search(client, "en", "Qwxyzzy Pireaus")
        assert FALLBACK_NOTICE in response.content.decode()
        response = search(client, "en", "Pireaus")
        assert urls(response)[0] == url_of(words_site, "piraeus", "en")
