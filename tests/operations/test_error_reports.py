"""Errors reach Sentry (here a local HTTP server standing in for it) without personal data: no
cookie, no client address, no user e-mail. And settings start the SDK only when SENTRY_DSN is set."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings

from operations import sentry

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
SECRETS = ("cookie-secret-value", "203.0.113.7", "198.51.100.9", "editor@example.org", "Sofia Editor")


class SentryStandIn(BaseHTTPRequestHandler):
    envelopes = None  # set per server

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.envelopes.append((self.path, body.decode()))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryStandIn)
    server.envelopes = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sentry.init(
        f"http://public@127.0.0.1:{server.server_address[1]}/1", environment="test", release="test-release"
    )
    try:
        yield server
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # no DSN: the SDK records nothing from here on
        server.shutdown()
        server.server_close()


def wsgi_get(path, query, cookies, **headers):
    """A request through Django's WSGI application, as gunicorn sends it (Sentry's Django
    integration reads the request from the WSGI call; the test client bypasses it)."""
    environ = {
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "REQUEST_METHOD": "GET",
        "HTTP_COOKIE": cookies,
        **headers,
    }
    setup_testing_defaults(environ)
    started = []
    body = b"".join(WSGIHandler()(environ, lambda status, response_headers, *args: started.append(status)))
    return started[0], body


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.operations.urls")
def test_an_error_in_a_view_reaches_sentry_without_personal_data(sentry_server, client, django_user_model):
    editor = django_user_model.objects.create_user(
        "sofia", "editor@example.org", "pw", first_name="Sofia", last_name="Editor"
    )
    client.force_login(editor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    status, _body = wsgi_get(
        "/fails/",
        "q=1",
        f"{settings.SESSION_COOKIE_NAME}={session}; visitor=cookie-secret-value",
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
        HTTP_USER_AGENT="probe",
    )
    assert status.startswith("500")
    sentry_sdk.flush(timeout=10)
    events = [body for path, body in sentry_server.envelopes if '"type":"event"' in body.replace(" ", "")]
    # On PostgreSQL the raw WSGI request's end closes the test's own connection, and saving the
    # session then fails too: a second event of the harness, not of the site. Check the view's.
    ours = [body for body in events if "the view failed on purpose" in body]
    assert len(ours) == 1, sentry_server.envelopes
    assert sentry_server.envelopes[0][0] == "/api/1/envelope/"
    event = json.loads(ours[0].splitlines()[2])
    assert event["exception"]["values"][-1]["value"] == "the view failed on purpose"
    assert (event["environment"], event["release"]) == ("test", "test-release")
    assert event["request"]["url"] == "http://127.0.0.1/fails/"
    assert event["request"]["headers"]["User-Agent"] == "probe"
    for secret in (session, *SECRETS):
        assert all(secret not in body for body in events)
    assert "cookies" not in event["request"]
    assert set(event.get("user", {})) <= {"id"}


def test_scrub_removes_what_could_identify_a_person():
    event = {
        "request": {
            "cookies": {"sessionid": "s"},
            "data": {"email": "editor@example.org"},
            "headers": {"Cookie": "sessionid=s", "X-Forwarded-For": "198.51.100.9", "User-Agent": "probe"},
            "env": {"REMOTE_ADDR": "203.0.113.7", "SERVER_NAME": "cities.example.org"},
        },
        "user": {"id": "7", "email": "editor@example.org", "ip_address": "203.0.113.7"},
    }
    assert sentry.scrub(event, {}) == {
        "request": {"headers": {"User-Agent": "probe"}, "env": {"SERVER_NAME": "cities.example.org"}},
        "user": {"id": "7"},
    }


@pytest.mark.parametrize(
    "variables, expected",
    [
        pytest.param({}, "False", id="no-dsn"),
        pytest.param(
            {"SENTRY_DSN": "http://public@127.0.0.1:9/1", "SENTRY_RELEASE": "2026.12.1"},
            "True False scrub production 2026.12.1",
            id="dsn",
        ),
    ],
)
def test_settings_start_sentry_only_with_a_dsn(variables, expected):
    code = (
        "import django; django.setup(); import sentry_sdk; client = sentry_sdk.get_client(); "
        "options = client.options; print(client.is_active(), *([options['data_collection']['user_info'], "
        "options['before_send'].__name__, options['environment'], options['release']] if client.is_active() else []))"
    )
    env = {name: value for name, value in os.environ.items() if not name.startswith("SENTRY_")}
    env.update(DJANGO_SETTINGS_MODULE="website.settings.test", **variables)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == expected, result.stderr
