"""The Elasticsearch path over real HTTP, against the osmem-server emulator started by the fixtures.

What this proves: the project's backends build their indexes (one per language, one for all
languages) with ``update_index``, keep them current on publish, unpublish and delete, and
answer searches, filters, facets and suggestions through the real ``elasticsearch`` 9 client
and HTTP. Accent folding is checked for Latin letters only: the emulator has no catalan, greek
or polish analyzers and keeps Greek accents (see test_elasticsearch_mappings.py and
test_elasticsearch_cluster.py for those).

And what happens when the cluster fails: refused connections and a server that never answers
give a search page and an admin search from the database, with a notice, within about one
client timeout; publishing still works; ``update_index`` catches up afterwards.
"""

import logging
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from search.backends.elasticsearch import breaker
from tests.search.conftest import elasticsearch_backends
from tests.search.test_search_page import results, titles, urls

pytestmark = pytest.mark.django_db

ES_BACKENDS = ("default", "en", "ca", "pl", "el")
FALLBACK_NOTICE = 'class="search-fallback"'  # the notice, in any language


def index_everything():
    for name in ES_BACKENDS:
        call_command("update_index", backend_name=name, verbosity=0)
    for name in ES_BACKENDS:
        get_search_backend(name).refresh_indexes()


@pytest.fixture(scope="module")
def indexed_clone(shared_search_site, osmem, django_db_blocker):
    """One emulator clone indexed with the module's site, for the tests that only read."""
    clone = osmem.clone()
    backends = elasticsearch_backends(clone.url)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        index_everything()
    yield backends
    clone.close()


@pytest.fixture
def emulator(indexed_clone, search_site):
    with override_settings(WAGTAILSEARCH_BACKENDS=indexed_clone):
        yield


@pytest.fixture
def own_clone(search_site, es_url, use_elasticsearch):
    """A fresh clone for a test that changes the index, indexed with the site."""
    use_elasticsearch(es_url)
    index_everything()
    return es_url


def search(client, language, q, **params):
    response = client.get(f"/{language}/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


def answered_by_elasticsearch(response):
    return FALLBACK_NOTICE not in response.content.decode() and not breaker.any_open()


# Indexes


def test_update_index_builds_an_index_per_language_and_one_for_all(emulator, search_site):
    es = get_search_backend("default").es
    for name in ES_BACKENDS:
        backend = get_search_backend(name)
        index = backend.get_index_for_model(Page).name
        pages = Page.objects.all() if name == "default" else Page.objects.filter(locale__language_code=name)
        assert es.count(index=index)["count"] == pages.count(), name
    # Images and documents only go to the all-languages index.
    from wagtail.images.models import Image

    assert str(get_search_backend("pl").get_index_for_model(Image)) == "(not indexed in this language)"
    assert get_search_backend("default").get_index_for_model(Image).name.endswith("_all_wagtailimages_image")


def test_english_index_uses_the_english_analyzer_and_folding_copies(emulator):
    backend = get_search_backend("en")
    index = backend.get_index_for_model(Page).name
    info = next(iter(backend.es.indices.get(index=index).values()))
    analysis = info["settings"]["index"]["analysis"]["analyzer"]
    assert analysis["cityco_text"] == {"type": "english"}
    assert analysis["cityco_folding"]["filter"] == ["cityco_lowercase", "asciifolding"]
    properties = info["mappings"]["properties"]
    assert properties["_all_text"]["analyzer"] == "cityco_text"
    assert properties["_all_text_folded"]["analyzer"] == "cityco_folding"
    assert not [name for name in properties if "search_folded" in name]


# Searching


def test_search_page_answers_from_the_language_index(client, emulator, search_site):
    response = search(client, "en", "AGIR")
    assert results(response) == [("en", "/en/programmes/icp-agir/", "ICP AGIR")]
    assert answered_by_elasticsearch(response)
    assert {lang for lang, _url, _title in results(search(client, "pl", "AGIR"))} == {"pl"}


def test_all_languages_switch_uses_the_all_languages_index(client, emulator, search_site):
    response = search(client, "en", "AGIR", languages="all")
    assert sorted(lang for lang, _url, _title in results(response)) == ["ca", "el", "en", "pl"]
    assert answered_by_elasticsearch(response)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("pl", "Poznan", "/pl/cities/poznan/"),
        ("pl", "POZNAŃ", "/pl/cities/poznan/"),
        ("ca", "transicio energetica", "/ca/programmes/iuc/"),
        ("ca", "TRANSICIÓ ENERGÈTICA", "/ca/programmes/iuc/"),
        ("ca", "economia circular", "/ca/programmes/icp-agir/"),
        ("el", "κυκλική οικονομία", "/el/programmes/icp-agir/"),
    ],
)
def test_latin_accents_and_translated_themes(client, emulator, search_site, language, query, expected):
    response = search(client, language, query)
    assert expected in urls(response)
    assert answered_by_elasticsearch(response)


def test_filters_and_counts(client, emulator, search_site):
    body = search(client, "en", "cities").content.decode()
    assert 'type=news">News <span class="count">(1)</span>' in body.replace("&amp;", "&")
    assert titles(search(client, "en", "cities", type="news")) == ["Mountain cities cooperate"]
    assert titles(search(client, "en", "Poznań", country="PL", type="city")) == ["Poznań"]
    assert "ICP AGIR" not in titles(search(client, "en", "cities", programme="iuc"))


def test_native_facets_and_filters_work_on_the_cluster(emulator, search_site):
    backend = get_search_backend("default")
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))
    facets = backend.search("cities", pages).facet("content_type_id")
    assert sum(facets.values()) == backend.search("cities", pages).count() > 0
    assert not breaker.any_open()


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("pl", "gór", "Miasta górskie współpracują"),
        ("pl", "GÓR", "Miasta górskie współpracują"),
        ("pl", "gor", "Miasta górskie współpracują"),
        ("en", "pira", "Piraeus"),
        ("el", "Πειρ", "Πειραιάς"),
    ],
)
def test_suggestions_fold_accents_on_both_sides(client, emulator, search_site, language, query, title):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert title in [item["title"] for item in response.json()["suggestions"]]
    assert not breaker.any_open()


# Keeping the indexes current


def test_publish_unpublish_and_delete_update_the_indexes(client, own_clone, search_site):
    from cities import factories as city_factories

    def refresh():
        for name in ES_BACKENDS:
            get_search_backend(name).refresh_indexes()

    gdansk = city_factories.city(
        search_site.page("cities"), "Gdańsk", country="PL", introduction="A Baltic port."
    )
    refresh()
    assert "/en/cities/gdansk/" in urls(search(client, "en", "Gdansk"))
    assert [s["title"] for s in client.get("/en/search/suggest/", {"q": "gdan"}).json()["suggestions"]] == [
        "Gdańsk"
    ]
    # Only the English and the all-languages indexes got it.
    es = get_search_backend("ca").es
    assert not es.exists(index=get_search_backend("ca").get_index_for_model(Page).name, id=str(gdansk.pk))
    assert es.exists(index=get_search_backend("en").get_index_for_model(Page).name, id=str(gdansk.pk))

    gdansk.unpublish()
    refresh()
    assert "/en/cities/gdansk/" not in urls(search(client, "en", "Gdansk"))
    gdansk.save_revision().publish()
    Page.objects.get(pk=gdansk.pk).delete()
    refresh()
    assert not es.exists(index=get_search_backend("en").get_index_for_model(Page).name, id=str(gdansk.pk))
    assert answered_by_elasticsearch(search(client, "en", "Gdansk"))


def test_polish_index_falls_back_to_folding_with_a_warning_without_stempel(
    search_site, es_url, use_elasticsearch, caplog
):
    use_elasticsearch(es_url)
    with caplog.at_level(logging.WARNING, logger="search.backends.elasticsearch"):
        call_command("update_index", backend_name="pl", verbosity=0)
    warnings = [record.getMessage() for record in caplog.records]
    assert any("no 'polish' analyzer" in message and "analysis-stempel" in message for message in warnings)
    backend = get_search_backend("pl")
    info = next(iter(backend.es.indices.get(index=backend.get_index_for_model(Page).name).values()))
    assert info["settings"]["index"]["analysis"]["analyzer"]["cityco_text"]["filter"] == [
        "cityco_lowercase",
        "asciifolding",
    ]


# When the cluster fails


def admin_search(client, user, q):
    client.force_login(user)
    response = client.get("/admin/pages/search/", {"q": q})
    client.logout()
    return response


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def test_refused_connections_fall_back_to_the_database_with_a_notice(
    client, search_site, refusing_url, use_elasticsearch, editor
):
    use_elasticsearch(refusing_url, timeout=0.5)
    start = time.monotonic()
    response = search(client, "el", "ΠΕΙΡΑΙΑΣ")
    assert time.monotonic() - start < 5
    assert "/el/cities/piraeus/" in urls(response)  # the database backend folds Greek too
    assert FALLBACK_NOTICE in response.content.decode()
    assert breaker.any_open()
    suggest = client.get("/pl/search/suggest/", {"q": "gór"})
    assert suggest.status_code == 200 and suggest.json()["suggestions"]
    assert suggest["Cache-Control"] == "no-cache"

    admin = admin_search(client, editor, "Piraeus")
    assert admin.status_code == 200
    body = admin.content.decode()
    assert "Piraeus" in body
    assert "The search engine is not answering" in body


def test_admin_search_survives_the_first_failure(
    client, search_site, refusing_url, use_elasticsearch, editor
):
    use_elasticsearch(refusing_url, timeout=0.5)
    assert not breaker.any_open()
    response = admin_search(client, editor, "Poznan")
    assert response.status_code == 200
    assert "Poznań" in response.content.decode()


def test_publishing_never_fails_when_the_cluster_refuses(
    search_site, refusing_url, use_elasticsearch, caplog
):
    from cities import factories as city_factories

    use_elasticsearch(refusing_url, timeout=0.5)
    with caplog.at_level(logging.WARNING):
        start = time.monotonic()
        page = city_factories.city(search_site.page("cities"), "Kraków", country="PL")
        elapsed = time.monotonic() - start
    assert page.live and elapsed < 10
    assert any("run update_index" in record.getMessage() for record in caplog.records)


def test_a_hung_cluster_costs_one_timeout_then_nothing(
    client, search_site, hanging_server, use_elasticsearch
):
    timeout = 0.5
    use_elasticsearch(hanging_server.url, timeout=timeout)
    start = time.monotonic()
    response = search(client, "pl", "Poznan")
    first = time.monotonic() - start
    assert "/pl/cities/poznan/" in urls(response)
    assert FALLBACK_NOTICE in response.content.decode()
    assert hanging_server.attempts == 1  # no retry
    assert timeout <= first < timeout + 5

    attempts = hanging_server.attempts
    start = time.monotonic()
    response = search(client, "pl", "Poznan")
    assert "/pl/cities/poznan/" in urls(response)
    assert time.monotonic() - start < 5
    assert hanging_server.attempts == attempts  # marked down: straight to the database


def test_publishing_waits_at_most_one_timeout_on_a_hung_cluster(
    search_site, hanging_server, use_elasticsearch
):
    from cities import factories as city_factories

    use_elasticsearch(hanging_server.url, timeout=0.5)
    page = city_factories.city(search_site.page("cities"), "Gdynia", country="PL")
    assert page.live
    # Five Elasticsearch backends (four languages and all): one attempt, then the cluster is marked down.
    assert hanging_server.attempts == 1


def test_update_index_catches_up_after_an_outage(
    client, search_site, es_url, refusing_url, use_elasticsearch
):
    from cities import factories as city_factories

    use_elasticsearch(es_url, prefix="catchup_")
    index_everything()
    use_elasticsearch(refusing_url, timeout=0.5, prefix="catchup_")
    wroclaw = city_factories.city(search_site.page("cities"), "Wrocław", country="PL")
    breaker.reset()
    use_elasticsearch(es_url, prefix="catchup_")
    assert wroclaw.url not in urls(search(client, "en", "Wroclaw"))  # the index missed it
    index_everything()
    response = search(client, "en", "Wroclaw")
    assert wroclaw.url in urls(response)
    assert answered_by_elasticsearch(response)


def test_the_cluster_is_tried_again_after_retry_after(client, search_site, es_url, use_elasticsearch):
    use_elasticsearch(es_url, RETRY_AFTER=0.2)
    index_everything()
    backend = get_search_backend("en")
    breaker.trip(backend.cluster_key, 0.2)
    assert FALLBACK_NOTICE in search(client, "en", "AGIR").content.decode()
    time.sleep(0.3)
    assert answered_by_elasticsearch(search(client, "en", "AGIR"))


def test_a_missing_index_falls_back_without_marking_the_cluster_down(
    client, search_site, es_url, use_elasticsearch
):
    use_elasticsearch(es_url)  # update_index never ran on this clone
    response = search(client, "en", "AGIR")
    assert "/en/programmes/icp-agir/" in urls(response)
    assert FALLBACK_NOTICE in response.content.decode()
    assert not breaker.any_open()
