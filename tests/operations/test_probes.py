"""/healthz and /readyz: JSON, never cached, and /readyz says 503 as soon as the database, the cache,
the search engine or the media storage cannot serve, and 200 again when they can."""

import logging
import shutil
import threading
import time

import pytest
from django.db import connections
from django.test import override_settings

from operations import checks
from tests.gunicorn import free_port
from tests.search.conftest import elasticsearch_backends

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def checks_not_failing():
    """Each test starts with no check remembered as failing (that decides what gets logged)."""
    for check in checks.CHECKS:
        check.failing = False
    yield


def readiness(client):
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_each_check_with_its_time_when_all_is_well(client):
    status, body = readiness(client)
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "storage"}
    for check in body["checks"].values():
        assert check["status"] == "ok"
        assert isinstance(check["ms"], float)
    assert body["checks"]["search"]["engine"] == "database"


@override_settings(PAGE_CACHE_ENABLED=True)
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_never_cached_nor_redirected_to_a_language(client, path):
    for _ in range(2):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="el", HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response


def test_probes_refuse_other_methods(client):
    assert client.post("/readyz").status_code == 405


@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed")
def test_readyz_is_503_while_redis_is_down_and_200_when_it_is_back(client, redis_cache):
    assert readiness(client)[0] == 200
    redis_cache.stop()
    status, body = readiness(client)
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"]["status"] == "down"
    assert "Redis is not answering" in body["checks"]["cache"]["error"]
    assert body["checks"]["database"]["status"] == "ok"
    redis_cache.start()  # same port, same folder
    for _ in range(50):  # the cache waits out its short pause after a failure
        status, body = readiness(client)
        if status == 200:
            break
        time.sleep(0.1)
    assert status == 200, body
    assert body["checks"]["cache"]["status"] == "ok"


def test_readyz_is_503_when_elasticsearch_is_configured_but_refuses_connections(client, refusing_url):
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(refusing_url)):
        status, body = readiness(client)
    assert status == 503
    assert body["checks"]["search"] == {
        "status": "down",
        "error": "Elasticsearch did not answer the ping",
        "ms": body["checks"]["search"]["ms"],
    }


def test_readyz_is_200_when_elasticsearch_answers(client, es_url):
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(es_url)):
        status, body = readiness(client)
    assert status == 200, body
    assert body["checks"]["search"]["engine"] == "elasticsearch"


def test_readyz_is_503_when_the_database_cannot_be_reached(client, monkeypatch, tmp_path, caplog):
    # Each check opens its own connection, from these settings; the test's connection is untouched.
    broken = dict(connections.settings["default"])
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    else:
        broken.update(HOST="127.0.0.1", PORT=str(free_port()))  # nothing listens there
    monkeypatch.setitem(connections.settings, "default", broken)
    status, body = readiness(client)
    assert status == 503
    assert body["checks"]["database"] == {
        "status": "down",
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert body["checks"]["cache"]["status"] == "ok"
    assert readiness(client)[0] == 503
    # One line when the check starts failing, not one per probe; no "Service Unavailable" from Django.
    logged = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(logged) == 1, logged
    assert logged[0].startswith("Readiness check database failed: OperationalError")


def test_readyz_is_503_when_the_media_folder_is_missing(client, tmp_path):
    storages = {
        "default": {
            "BACKEND": "website.media_storage.MediaFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "gone"},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        status, body = readiness(client)
    assert status == 503
    assert body["checks"]["storage"]["error"] == "FileNotFoundError"
    (tmp_path / "gone").mkdir()
    with override_settings(STORAGES=storages):
        assert readiness(client)[0] == 200


@override_settings(READINESS_TIMEOUT=0.2)
def test_a_hung_dependency_fails_on_time_and_holds_one_thread_at_most(client, monkeypatch):
    search = next(check for check in checks.CHECKS if check.name == "search")
    release, calls = threading.Event(), []

    def hangs():
        calls.append(1)
        release.wait(10)
        return {}

    monkeypatch.setattr(search, "function", hangs)
    try:
        status, body = readiness(client)
        assert status == 503
        assert body["checks"]["search"]["error"] == "no answer within 0.2 s"
        status, body = readiness(client)  # the first check is still waiting: not started again
        assert status == 503
        assert body["checks"]["search"]["error"] == "the previous check has not finished"
        assert len(calls) == 1
    finally:
        release.set()
        assert search.busy.acquire(timeout=5)  # the hung check has finished
        search.busy.release()
    assert readiness(client)[0] == 200
