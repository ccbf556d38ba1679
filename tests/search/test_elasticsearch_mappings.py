"""The Elasticsearch path offline: index settings, mappings and query bodies checked as data.

What this proves: each language's index asks the cluster for that language's analyzer
(english, catalan, greek, polish), folds accents and case in parallel fields, searches both,
folds on both sides of autocomplete, and falls back to folding with a warning when the
cluster lacks an analyzer (Polish without analysis-stempel). Whether a real cluster analyses
text as these names promise is what test_elasticsearch_cluster.py checks.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import BadRequestError
from elasticsearch.serializer import JsonSerializer
from wagtail.models import Locale, Page

from search.backends.elasticsearch import CitycoElasticsearchBackend, CitycoMapping, NullIndex

PROJECT_DIR = Path(__file__).resolve().parents[2]
NOWHERE = "http://127.0.0.1:9"  # never contacted: these tests make no request


def backend(language=None, **params):
    return CitycoElasticsearchBackend(
        {"URLS": [NOWHERE], "INDEX_PREFIX": "cityco_", "LANGUAGE": language, "FALLBACK": "database", **params}
    )


def missing_analyzer(name):
    meta = ApiResponseMeta(
        status=400,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )
    return BadRequestError(
        message="illegal_argument_exception",
        meta=meta,
        body={"error": f"failed to find global analyzer [{name}]"},
    )


def with_cluster_analyzers(es_backend, available):
    """Give the backend a stand-in client whose ``_analyze`` knows only ``available``."""
    asked = []

    def analyze(analyzer, text):
        asked.append(analyzer)
        if analyzer not in available:
            raise missing_analyzer(analyzer)
        return {"tokens": [{"token": text}]}

    es_backend.es = SimpleNamespace(indices=SimpleNamespace(analyze=analyze))
    return asked


ALL_ANALYZERS = {"english", "catalan", "greek", "polish"}


# Index settings


@pytest.mark.parametrize(
    ("language", "analyzer"), [("en", "english"), ("ca", "catalan"), ("el", "greek"), ("pl", "polish")]
)
def test_each_language_index_uses_its_analyzer(language, analyzer):
    es_backend = backend(language)
    asked = with_cluster_analyzers(es_backend, ALL_ANALYZERS)
    analysis = es_backend.index_settings()["settings"]["analysis"]
    assert analysis["analyzer"]["cityco_text"] == {"type": analyzer}
    assert asked == [analyzer]


def test_every_index_folds_greek_and_latin_accents():
    analysis = backend("ca").index_settings(text_analyzer={"type": "catalan"})["settings"]["analysis"]
    assert analysis["filter"]["cityco_lowercase"] == {"type": "lowercase", "language": "greek"}
    assert analysis["analyzer"]["cityco_folding"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["cityco_lowercase", "asciifolding"],
    }
    # Autocomplete: folded edge n-grams at index time...
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"] == [
        "cityco_lowercase",
        "asciifolding",
        "edgengram",
    ]


def test_all_languages_index_folds_without_stemming():
    es_backend = backend(None)
    asked = with_cluster_analyzers(es_backend, ALL_ANALYZERS)
    analysis = es_backend.index_settings()["settings"]["analysis"]
    assert analysis["analyzer"]["cityco_text"]["filter"] == ["cityco_lowercase", "asciifolding"]
    assert asked == []


def test_polish_without_stempel_folds_and_warns(caplog):
    es_backend = backend("pl")
    with_cluster_analyzers(es_backend, {"english", "catalan", "greek"})
    with caplog.at_level(logging.WARNING, logger="search.backends.elasticsearch"):
        analysis = es_backend.index_settings()["settings"]["analysis"]
    assert analysis["analyzer"]["cityco_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["cityco_lowercase", "asciifolding"],
    }
    assert "analysis-stempel" in caplog.text
    assert "does not stem words" in caplog.text


def test_analyzers_can_be_overridden_per_language():
    es_backend = backend("pl", ANALYZERS={"pl": "polish_morfologik"})
    with_cluster_analyzers(es_backend, {"polish_morfologik"})
    assert es_backend.index_settings()["settings"]["analysis"]["analyzer"]["cityco_text"] == {
        "type": "polish_morfologik"
    }


# Mappings


def programme_mapping():
    from programmes.models import ProgrammePage

    return CitycoMapping(ProgrammePage).get_mapping()["properties"]


def test_text_fields_use_the_language_analyzer_and_are_copied_folded():
    properties = programme_mapping()
    assert properties["_all_text"] == {"type": "text", "analyzer": "cityco_text"}
    assert properties["_all_text_folded"] == {"type": "text", "analyzer": "cityco_folding"}
    assert properties["_all_text_boost_2_0_folded"] == {"type": "text", "analyzer": "cityco_folding"}
    title = properties["title"]
    assert title["analyzer"] == "cityco_text"
    assert title["fields"] == {"folded": {"type": "text", "analyzer": "cityco_folding"}}
    assert set(title["copy_to"]) == {
        "_all_text",
        "_all_text_boost_2_0",
        "_all_text_folded",
        "_all_text_boost_2_0_folded",
    }
    theme_names = properties["base_themedmixin__theme_names"]
    assert theme_names["analyzer"] == "cityco_text"
    assert "_all_text_folded" in theme_names["copy_to"]


def test_autocomplete_folds_on_both_sides():
    properties = programme_mapping()
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["_edgengrams"]["search_analyzer"] == "cityco_folding"  # Wagtail's is "standard"
    assert properties["title_edgengrams"]["search_analyzer"] == "cityco_folding"


def test_filters_stay_keywords_and_the_database_only_copies_stay_out():
    properties = programme_mapping()
    assert properties["programmes_programmepage__code_filter"] == {"type": "keyword"}
    assert (
        properties["locale_id_filter"]["type"] == "integer"
        or properties["locale_id_filter"]["type"] == "long"
    )
    assert not [name for name in properties if "search_folded" in name]


@pytest.mark.django_db
def test_documents_are_json_without_the_database_copies():
    from cities.models import CityPage

    city = CityPage(
        title="Poznań",
        slug="poznan",
        country="PL",
        region="europe",
        population=540_000,
        latitude=52.4,
        longitude=16.9,
        locale=Locale.get_default(),
        name_local="Poznań",
        path="00010001",
        depth=2,
    )
    document = CitycoMapping(CityPage).get_document(city)
    JsonSerializer().dumps(document)  # what the client sends
    assert document["cities_citypage__country_filter"] == "PL"
    assert "Poznań" in document["_edgengrams"]
    assert not [name for name in document if "search_folded" in name]


# Query bodies


@pytest.mark.django_db
def test_search_body_queries_stemmed_and_folded_fields_with_every_word():
    locale = Locale.objects.get_or_create(language_code="ca")[0]
    results = backend("ca").search(
        "transicio energetica", Page.objects.live().filter(locale=locale), operator="and"
    )
    query = results.query_compiler.get_query()
    match = query["bool"]["must"]["multi_match"]
    assert match["query"] == "transicio energetica"
    assert match["operator"] == "and"
    assert {
        "_all_text",
        "_all_text_folded",
        "_all_text_boost_2_0^2.0",
        "_all_text_boost_2_0_folded^2.0",
    } <= set(match["fields"])
    filters = json.dumps(query["bool"]["filter"])
    assert '"live_filter": true' in filters
    assert f'"locale_id_filter": {locale.pk}' in filters


@pytest.mark.django_db
def test_autocomplete_body_uses_the_edge_ngrams():
    query = backend("pl").autocomplete("gór", Page.objects.live()).query_compiler.get_query()
    assert query["bool"]["must"] == {"match": {"_edgengrams": {"query": "gór"}}}


# Which objects each backend indexes


@pytest.mark.django_db
def test_a_language_backend_indexes_only_its_pages():
    from wagtail.images.models import Image

    from base.factories import ensure_locales
    from home.factories import ensure_home

    locales = ensure_locales()
    home = ensure_home()
    catalan = backend("ca")
    assert catalan.get_index_for_model(Page).name == "cityco_ca_wagtailcore_page"
    assert isinstance(catalan.get_index_for_model(Image), NullIndex)
    assert not catalan.wants(home)
    assert catalan.wants(Page(locale=locales["ca"], title="x"))
    everything = backend(None)
    assert everything.get_index_for_model(Page).name == "cityco_all_wagtailcore_page"
    assert everything.get_index_for_model(Image).name == "cityco_all_wagtailimages_image"
    assert everything.wants(home)


def test_client_has_a_short_timeout_and_no_retries():
    es_backend = backend("en", TIMEOUT=1.5)
    assert es_backend.es._request_timeout == 1.5
    assert es_backend.es._max_retries == 0
    assert es_backend.es._retry_on_timeout is False


def test_production_settings_switch_on_elasticsearch_without_the_test_transport():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.base",
        "ELASTICSEARCH_URL": "https://search.example.org:9243",
    }
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS, default=str))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    ).stdout
    backends = json.loads(output)
    assert set(backends) == {"default", "en", "ca", "pl", "el", "database"}
    assert backends["default"]["LANGUAGE"] is None and backends["el"]["LANGUAGE"] == "el"
    assert backends["en"]["BACKEND"] == "search.backends.elasticsearch"
    assert backends["en"]["URLS"] == ["https://search.example.org:9243"]
    assert backends["en"]["TIMEOUT"] == 2.0 and backends["en"]["OPTIONS"]["max_retries"] == 0
    assert backends["database"]["BACKEND"] == "search.backends.database"
    assert "node_class" not in output and "tests" not in output
