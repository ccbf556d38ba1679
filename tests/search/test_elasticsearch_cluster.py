"""Against a real Elasticsearch 9 cluster, when ELASTICSEARCH_URL is set (skipped otherwise).

What this proves, and only a real cluster can: the language analyzers do what the mappings
promise. Greek accents and final sigma fold, Catalan and Polish queries without accents find
accented text, words are stemmed (English, Catalan, and Polish when analysis-stempel is
installed), and autocomplete folds on both sides. The indexes get a random prefix and are
deleted at the end; the cluster's other indexes are not touched.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest tests/search/test_elasticsearch_cluster.py
"""

import os
import uuid
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import override_settings
from elasticsearch import BadRequestError
from modelsearch.backends import get_search_backend

from search.backends.elasticsearch import breaker
from tests.search.conftest import elasticsearch_backends
from tests.search.test_search_page import urls

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.skipif(
        not URL, reason="ELASTICSEARCH_URL is not set: no real Elasticsearch cluster to test against"
    ),
    pytest.mark.django_db,
]
ES_BACKENDS = ("default", "en", "ca", "pl", "el")
FALLBACK_NOTICE = 'class="search-fallback"'  # the notice, in any language


@pytest.fixture(scope="module")
def cluster(shared_search_site, django_db_blocker):
    prefix = f"cityco_test_{uuid.uuid4().hex[:8]}_"
    backends = elasticsearch_backends(URL, prefix=prefix, timeout=10, plain_json=False)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        for name in ES_BACKENDS:
            call_command("update_index", backend_name=name, verbosity=0)
            get_search_backend(name).refresh_indexes()
        polish = get_search_backend("pl")
        try:
            polish.es.indices.analyze(analyzer="polish", text="miasta")
            has_stempel = True
        except BadRequestError:  # the plugin is not installed
            has_stempel = False
    yield backends, has_stempel
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        es = get_search_backend("default").es
        for name in es.indices.get(index=f"{prefix}*"):
            es.indices.delete(index=name)


@pytest.fixture
def on_cluster(cluster, search_site):
    backends, has_stempel = cluster
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield SimpleNamespace(has_stempel=has_stempel)


def found(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    assert FALLBACK_NOTICE not in response.content.decode(), "the cluster did not answer"
    assert not breaker.any_open()
    return urls(response)


@pytest.mark.parametrize("query", ["Πειραιάς", "Πειραιας", "ΠΕΙΡΑΙΑΣ", "πειραιας"])
def test_greek_accents_case_and_final_sigma_fold(client, on_cluster, query):
    assert "/el/cities/piraeus/" in found(client, "el", query)


@pytest.mark.parametrize(
    ("language", "query"),
    [("el", "κυκλικη οικονομια"), ("el", "ΚΥΚΛΙΚΉ ΟΙΚΟΝΟΜΊΑ"), ("ca", "economia circular")],
)
def test_translated_theme_names_find_the_programme(client, on_cluster, language, query):
    assert f"/{language}/programmes/icp-agir/" in found(client, language, query)


def test_catalan_without_accents_and_stemmed(client, on_cluster):
    assert "/ca/programmes/iuc/" in found(client, "ca", "transicio energetica")
    assert "/ca/news/mountain-cities-cooperate/" in found(
        client, "ca", "ciutat muntanya"
    )  # "ciutats de muntanya"


def test_english_is_stemmed(client, on_cluster):
    assert "/en/news/mountain-cities-cooperate/" in found(client, "en", "cooperating city")


def test_polish_folds_and_stems_with_stempel(client, on_cluster):
    assert "/pl/cities/poznan/" in found(client, "pl", "Poznan")
    if not on_cluster.has_stempel:
        pytest.skip("the cluster has no analysis-stempel plugin: the Polish index folds but does not stem")
    assert "/pl/news/mountain-cities-cooperate/" in found(client, "pl", "miasto górskie")  # "Miasta górskie"


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [("pl", "gór", "Miasta górskie współpracują"), ("el", "πειραια", "Πειραιάς")],
)
def test_autocomplete_folds_on_both_sides(client, on_cluster, language, query, title):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert title in [item["title"] for item in response.json()["suggestions"]]
