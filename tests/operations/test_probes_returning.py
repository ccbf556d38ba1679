"""/readyz follows real servers that stop and come back: a PostgreSQL server and an Elasticsearch
emulator of the test's own, each stopped (503, the check naming what failed) and started again on
the same port (200), without restarting the site."""

import pytest
from django.db import connections
from django.test import override_settings

from operations import checks
from tests.gunicorn import free_port
from tests.operations.postgres import PostgresServer, missing_reason
from tests.search.conftest import elasticsearch_backends

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def checks_not_failing():
    for check in checks.CHECKS:
        check.failing = False
    yield
    for check in checks.CHECKS:
        check.failing = False


def readiness(client):
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def others_ok(body, name):
    return {other: check["status"] for other, check in body["checks"].items() if other != name}


@pytest.fixture
def postgres(tmp_path):
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    server = PostgresServer(tmp_path)
    try:
        server.start()
        yield server
    finally:
        server.remove()


def test_readyz_follows_postgresql_stopping_and_starting_again(client, postgres, monkeypatch):
    # The database check opens a connection of its own, in its own thread, from
    # connections.settings: pointed at the test's server, while the test's connection stays as it is.
    monkeypatch.setitem(
        connections.settings, "default", postgres.database_settings(connections.settings["default"])
    )
    status, body = readiness(client)
    assert status == 200, body
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["database"]["engine"] == "postgresql"

    postgres.stop()
    status, body = readiness(client)
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "status": "down",
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert others_ok(body, "database") == {"cache": "ok", "search": "ok", "storage": "ok"}

    postgres.start()  # same port, same data
    status, body = readiness(client)
    assert status == 200, body
    assert body["checks"]["database"]["status"] == "ok"


def test_readyz_follows_elasticsearch_stopping_and_starting_again(client):
    osmem_server = pytest.importorskip("osmem_server", reason="the osmem-server emulator is not installed")
    address = f"127.0.0.1:{free_port()}"
    server = osmem_server.OsmemServer.start(freeze=True, japanese=False, addr=address)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(server.url)):
            status, body = readiness(client)
            assert status == 200, body
            assert body["checks"]["search"]["engine"] == "elasticsearch"

            server.close()
            status, body = readiness(client)
            assert status == 503
            assert body["checks"]["search"] == {
                "status": "down",
                "error": "Elasticsearch did not answer the ping",
                "ms": body["checks"]["search"]["ms"],
            }
            assert others_ok(body, "search") == {"database": "ok", "cache": "ok", "storage": "ok"}

            server = osmem_server.OsmemServer.start(freeze=True, japanese=False, addr=address)
            status, body = readiness(client)
            assert status == 200, body
            assert body["checks"]["search"]["status"] == "ok"
    finally:
        server.close()
