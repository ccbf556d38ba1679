"""The Prometheus endpoint: only for the internal network, never cached, and its counters follow
the requests, the page cache, the search engine's fallback and the scheduled jobs."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from home.factories import ensure_home, standard_page
from operations import metrics
from search.backends.elasticsearch import breaker as search_breaker
from tests.search.conftest import elasticsearch_backends

pytestmark = pytest.mark.django_db


def value(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


def scrape(client, address="127.0.0.1"):
    response = client.get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 200
    return {
        sample.name: sample
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


@pytest.fixture
def about():
    return standard_page(ensure_home(), "About us", "about", introduction="Who we are.")


@pytest.fixture
def state_file(tmp_path):
    with override_settings(SCHEDULED_JOBS_STATE_FILE=tmp_path / "var" / "jobs.json"):
        yield tmp_path / "var" / "jobs.json"


def test_metrics_answer_the_local_address_with_the_metric_names_and_are_never_cached(client):
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    for name in [
        "django_http_requests_latency_seconds_by_view_method histogram",
        "django_http_responses_total_by_status_view_method_total counter",
        "cityco_page_cache_requests_total counter",
        "cityco_search_requests_total counter",
        "cityco_search_fallback_active gauge",
        "cityco_scheduled_job_last_success_timestamp_seconds gauge",
    ]:
        assert f"# TYPE {name}" in text


@pytest.mark.parametrize("address", ["203.0.113.9", "10.0.0.5", "::ffff:203.0.113.9", "", "not-an-address"])
def test_other_addresses_get_a_404_whatever_their_forwarded_for_header(client, address):
    response = client.get("/metrics", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR="127.0.0.1")
    assert response.status_code == 404
    assert b"django_http" not in response.content
    assert client.post("/metrics", REMOTE_ADDR=address).status_code == 404


def test_allowed_networks_are_a_setting(client):
    with override_settings(METRICS_ALLOWED_NETWORKS=["10.0.0.0/8"]):
        assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
        assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200


def test_other_methods_are_refused_to_allowed_addresses(client):
    assert client.post("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 405


def test_request_counters_by_view_and_status_increase_after_a_request(client, about):
    labels = {"status": "200", "view": "wagtail_serve", "method": "GET"}
    before = value("django_http_responses_total_by_status_view_method_total", **labels)
    latency_before = value(
        "django_http_requests_latency_seconds_by_view_method_count", view="wagtail_serve", method="GET"
    )
    assert client.get("/en/about/").status_code == 200
    after = scrape(client)
    assert value("django_http_responses_total_by_status_view_method_total", **labels) == before + 1
    assert after["django_http_requests_latency_seconds_by_view_method_count"]
    assert (
        value("django_http_requests_latency_seconds_by_view_method_count", view="wagtail_serve", method="GET")
        == latency_before + 1
    )


def test_a_page_cache_hit_and_miss_are_counted(client, about, tmp_path):
    hits, misses = (
        value("cityco_page_cache_requests_total", result="hit"),
        value("cityco_page_cache_requests_total", result="miss"),
    )
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        assert client.get("/en/about/")["X-Page-Cache"] == "miss"
        assert client.get("/en/about/")["X-Page-Cache"] == "hit"
        assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    assert value("cityco_page_cache_requests_total", result="miss") == misses + 1
    assert value("cityco_page_cache_requests_total", result="hit") == hits + 2
    assert 'cityco_page_cache_requests_total{result="hit"}' in client.get("/metrics").content.decode()


def test_searches_on_the_database_engine_are_counted_without_fallback(client, about):
    before = value("cityco_search_requests_total", engine="database", fallback="no")
    client.get("/en/search/", {"q": "about"})
    client.get("/en/search/suggest/", {"q": "abo"})
    assert value("cityco_search_requests_total", engine="database", fallback="no") == before + 2
    assert value("cityco_search_fallback_active", engine="database") == 0


def test_elasticsearch_failure_is_counted_as_a_fallback_and_shown_while_it_lasts(client, about, refusing_url):
    search_breaker.reset()
    before = value("cityco_search_requests_total", engine="elasticsearch", fallback="yes")
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(refusing_url)):
            assert value("cityco_search_fallback_active", engine="elasticsearch") == 0
            response = client.get("/en/search/", {"q": "about"})
            assert response.status_code == 200
            assert value("cityco_search_requests_total", engine="elasticsearch", fallback="yes") == before + 1
            assert value("cityco_search_fallback_active", engine="elasticsearch") == 1
    finally:
        search_breaker.reset()


def test_run_scheduled_jobs_records_each_success(state_file):
    assert metrics.jobs_last_success() == {}
    call_command("run_scheduled_jobs")
    publish = value("cityco_scheduled_job_last_success_timestamp_seconds", job="publish_scheduled")
    flush = value("cityco_scheduled_job_last_success_timestamp_seconds", job="flush_search_queries")
    assert publish > 1_700_000_000 and flush > 1_700_000_000
    assert state_file.exists()


def test_a_failed_job_keeps_its_last_success_and_fails_the_command(state_file, monkeypatch):
    metrics.record_job_success("no_such_command", when=1_700_000_000.0)
    monkeypatch.setattr(
        "operations.management.commands.run_scheduled_jobs.JOBS", ["no_such_command", "flush_search_queries"]
    )
    with pytest.raises(CommandError, match="no_such_command"):
        call_command("run_scheduled_jobs")
    assert (
        value("cityco_scheduled_job_last_success_timestamp_seconds", job="no_such_command") == 1_700_000_000.0
    )
    assert (
        value("cityco_scheduled_job_last_success_timestamp_seconds", job="flush_search_queries")
        > 1_700_000_000
    )


def test_a_damaged_state_file_reads_as_no_success_yet(state_file):
    state_file.parent.mkdir(parents=True)
    state_file.write_text("{not json")
    assert metrics.jobs_last_success() == {}
