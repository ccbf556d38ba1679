"""LOG_FORMAT=json: one JSON line per request from ``operations.requests``, with the page cache's
verdict and the number of database queries."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from operations.logs import JsonFormatter

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="operations.requests")
    with override_settings(MIDDLEWARE=["operations.middleware.RequestLogMiddleware", *settings.MIDDLEWARE]):
        yield lambda: [
            json.loads(JsonFormatter().format(record))
            for record in caplog.records
            if record.name == "operations.requests"
        ]


@pytest.mark.django_db
@override_settings(PAGE_CACHE_ENABLED=True, ROOT_URLCONF="tests.operations.urls")
def test_each_request_logs_one_json_line_with_cache_status_and_query_count(client, request_log):
    client.get("/en/page/")
    client.get("/en/page/")
    client.get("/en/page/?email=someone@example.org")
    client.post("/readyz")
    miss, hit, uncached, refused = request_log()
    assert miss["logger"] == "operations.requests"
    assert miss["level"] == "INFO"
    assert miss["time"].endswith("+00:00")
    assert {key: miss[key] for key in ("method", "path", "status", "cache")} == {
        "method": "GET",
        "path": "/en/page/",
        "status": 200,
        "cache": "miss",
    }
    assert miss["queries"] > 0
    assert isinstance(miss["duration_ms"], float)
    assert (hit["cache"], hit["queries"]) == ("hit", 0)
    assert (uncached["path"], uncached["cache"]) == ("/en/page/", None)  # no query string in the log
    assert "someone" not in json.dumps(uncached)
    assert (refused["method"], refused["path"], refused["status"]) == ("POST", "/readyz", 405)


def test_log_format_json_switches_on_the_request_log_and_json_lines():
    """The real settings (website/settings/base.py), in a process of their own: one JSON line on stderr."""
    code = (
        "import django; django.setup(); from django.conf import settings; from django.test import Client; "
        "print(settings.MIDDLEWARE[0]); Client().get('/healthz')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", "LOG_FORMAT": "json"}
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "operations.middleware.RequestLogMiddleware", result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert len(lines) == 1, result.stderr
    assert lines[0]["path"] == "/healthz"
    assert lines[0]["status"] == 200
    assert lines[0]["queries"] == 0
