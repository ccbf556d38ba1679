"""Two servers sharing PostgreSQL and Redis: a page published through one is fresh on the other.

Two gunicorn instances on different free ports serve the test database with the page cache on
and the cache (with the page-cache generation) in one Redis. Both cache two pages; an editor then
publishes a change through server A's admin, over HTTP as a browser would, and server B serves
the new text on the very next request, and no stale copy of any other page either.
"""

import http.cookiejar
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from wagtail.fields import StreamField

from home.factories import ensure_home, standard_page
from tests.gunicorn import Gunicorn, GunicornError

BASE_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = [
    pytest.mark.skipif(
        not (ON_POSTGRES and REDIS_URL),
        reason="needs a shared database and cache: DATABASE_URL on PostgreSQL and REDIS_URL "
        "(.ci/run sets both for its second run)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TIMEOUT = 20  # seconds, for every HTTP request
PASSWORD = "a-long-editor-password-" + uuid.uuid4().hex


def database_url():
    """The test database (pytest-django's ``test_<name>``) as a URL for the servers."""
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "", safe="")
    password = ":" + urllib.parse.quote(db["PASSWORD"], safe="") if db["PASSWORD"] else ""
    credentials = f"{user}{password}@" if user else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


class Server:
    """gunicorn serving the test database, stopped by ``stop`` (and by ``timeout`` regardless)."""

    def __init__(self, name, env, log_dir):
        self.name = name
        self.gunicorn = Gunicorn(env, log_dir / f"gunicorn-{name}.log", 300, workers=2, worker_timeout=30)
        self.base, self.log_path = self.gunicorn.base, self.gunicorn.log_path

    def wait_until_ready(self, deadline):
        try:
            self.gunicorn.wait_until_ready(deadline)
        except GunicornError as error:
            pytest.fail(f"server {self.name}: {error}")

    def stop(self):
        self.gunicorn.stop()

    def get(self, path):
        """An anonymous visitor: no cookies. Returns (status, X-Page-Cache, body text)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=TIMEOUT) as response:  # noqa: S310
                return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("X-Page-Cache"), error.read().decode(errors="replace")


@pytest.fixture
def servers(transactional_db, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.dev",  # DEBUG on: no collectstatic needed
        DATABASE_URL=database_url(),
        CONN_MAX_AGE="0",  # no connection left open when the test database is flushed and dropped
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"multi-server-{uuid.uuid4().hex[:8]}",  # both servers, and only they
        PAGE_CACHE_ENABLED="1",
        PAGE_CACHE_GENERATION_FILE=str(tmp_path / "unused-generation-file"),  # Redis holds it
        REQUIRE_2FA_FOR_EDITORS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    started = [Server("A", env, tmp_path), Server("B", env, tmp_path)]
    try:
        deadline = time.monotonic() + 60
        for server in started:
            server.wait_until_ready(deadline)
        yield started
    finally:
        for server in started:
            server.stop()


class FormParser(HTMLParser):
    """The fields of one form, as a browser would submit them (no button, checked boxes only)."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0
        self.action = None
        self.fields = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.depth and (self.form_id is None or attrs.get("id") == self.form_id):
            self.depth = 1
            self.action = attrs.get("action")
            return
        if not self.depth:
            return
        if tag == "form":
            self.depth += 1
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append([name, attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            self.fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = [name, None]
            self.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            if self._select[1] is None or "selected" in attrs:
                self._select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.depth:
            self.depth -= 1


def form_fields(html, form_id=None):
    parser = FormParser(form_id)
    parser.feed(html)
    return parser.fields


class Editor:
    """A browser session in the admin of one server: cookies, CSRF token, form posts."""

    def __init__(self, server):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.server.base + path, data=body)
        if body is not None:
            request.add_header("Referer", self.server.base + path)
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            self.server.log.flush()
            pytest.fail(
                f"{path} on server {self.server.name}: HTTP {error.code}\n"
                + self.server.log_path.read_text()[-3000:]
            )

    def log_in(self, username, password):
        _url, html = self.open("/admin/login/")
        fields = dict(form_fields(html))
        url, html = self.open(
            "/admin/login/",
            {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "username": username,
             "password": password, "next": "/admin/"},
        )  # fmt: skip
        assert not urllib.parse.urlsplit(url).path.startswith("/admin/login/"), (
            "the editor could not sign in: " + " ".join(html.split())[:2000]
        )

    def publish(self, page, **changes):
        """Open the page's edit form, change ``changes`` and press "Publish"."""
        path = f"/admin/pages/{page.pk}/edit/"
        _url, html = self.open(path)
        fields = form_fields(html, "page-edit-form")
        assert fields, "no page edit form found"
        names = {name for name, _value in fields}
        for name in changes:
            assert name in names, f"the edit form has no field {name!r}"
        data = [(name, changes.get(name, value)) for name, value in fields]
        # A StreamField's inputs are built by the editor's JavaScript; an empty one posts a count of 0.
        for model_field in type(page)._meta.get_fields():
            if isinstance(model_field, StreamField) and f"{model_field.name}-count" not in names:
                assert not getattr(page, model_field.name), "this test posts empty StreamFields only"
                data.append((f"{model_field.name}-count", "0"))
        data.append(("action-publish", "action-publish"))
        url, html = self.open(path, data)
        assert urllib.parse.urlsplit(url).path != path, "publishing failed: the edit form came back"


def editor_account(user_model):
    """A superuser whose password the servers can check: the test settings' fast MD5 hasher is
    not among the servers' hashers, so the hash is made with PBKDF2 (few iterations: a test)."""
    hasher = PBKDF2PasswordHasher()
    user = user_model.objects.create_superuser("editor", "editor@example.org", None)
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=10_000)
    user.save(update_fields=["password"])
    return user


def test_a_page_published_through_one_server_is_fresh_on_the_other(servers, django_user_model):
    server_a, server_b = servers
    home = ensure_home()
    about = standard_page(home, "About us", "about", introduction="The first version of the text.")
    editor_account(django_user_model)

    for server in (server_a, server_b):
        for path in ("/en/", "/en/about/"):
            status, _cache, _body = server.get(path)
            assert status == 200, f"{server.name} {path}: HTTP {status}"
            status, cache_state, body = server.get(path)
            assert cache_state == "hit", f"{server.name} did not cache {path}"
    assert "The first version of the text." in server_b.get("/en/about/")[2]

    editor = Editor(server_a)
    editor.log_in("editor", PASSWORD)
    editor.publish(about, introduction="The second version, published through server A.")
    about.refresh_from_db()
    assert about.introduction == "The second version, published through server A."

    status, cache_state, body = server_b.get("/en/about/")
    assert status == 200
    assert "The second version, published through server A." in body
    assert "The first version of the text." not in body
    assert cache_state == "miss"
    assert server_b.get("/en/")[1] == "miss", "server B kept a stale copy of another page"
    assert server_b.get("/en/about/")[1] == "hit", "server B does not cache the new version"
    assert "The second version" in server_a.get("/en/about/")[2]
