"""What a client controls in a request (Host, X-Forwarded-Proto, a session cookie, a blank search)
cannot change what other visitors are served, grow the caches, or turn into a bare 500."""

import random
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import override_settings

from api.views import CitiesAPIViewSet
from base.factories import translate
from home.factories import ensure_home, standard_page
from tests.test_settings import PROJECT_DIR, good_settings, production_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(tmp_path):
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        yield


@pytest.fixture
def about():
    home = ensure_home()
    page = standard_page(home, "About us", "about", introduction="Who we are.")
    translate(page, "ca")
    return page


def redis_keys():
    """The cache's keys when it is Redis (django-redis' public ``keys``), else None."""
    return cache.keys("*") if hasattr(cache, "keys") else None


def test_host_ports_share_one_cached_page_and_links_use_the_site_address(client, about, page_cache_on):
    first = client.get("/en/about/", HTTP_HOST="testserver")
    assert first["X-Page-Cache"] == "miss"
    keys_before = redis_keys()
    ports = random.Random(15).sample(range(1, 65536), 200)
    for port in ports:
        response = client.get("/en/about/", HTTP_HOST=f"TestServer:{port}")
        assert response["X-Page-Cache"] == "hit", port
    if keys_before is not None:
        assert len(redis_keys()) == len(keys_before)
    # The page cached from a request with a strange port carries no trace of it.
    cache.clear()
    poisoned = client.get("/en/about/", HTTP_HOST="testserver:6666", HTTP_X_FORWARDED_PROTO="https")
    later = client.get("/en/about/")
    assert later["X-Page-Cache"] == "hit"
    for response in (poisoned, later):
        assert b"6666" not in response.content
        assert b"https://testserver" not in response.content  # schema.org's own https:// stays
        assert b'hreflang="ca" href="http://testserver/ca/' in response.content


def test_robots_and_sitemap_links_ignore_the_host_header(client, about):
    robots = client.get("/robots.txt", HTTP_HOST="testserver:6666").text
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", HTTP_HOST="testserver:6666").text
    assert "http://testserver/en/about/" in sitemap
    assert "6666" not in sitemap


def production_setting(name, **variables):
    code = f"import django; django.setup(); from django.conf import settings; print(repr(settings.{name}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=production_env(**good_settings(**variables)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_forwarded_proto_is_believed_only_behind_a_declared_proxy():
    assert production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    behind = production_setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT="1")
    assert behind == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_production_site_url_defaults_to_the_first_allowed_host():
    assert production_setting("SITE_URL") == "'https://cities.example.org'"
    assert production_setting("SITE_URL", SITE_URL="https://www.example.org") == "'https://www.example.org'"


def test_production_refuses_any_host():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_DIR,
        env=production_env(**good_settings(ALLOWED_HOSTS="*")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_signed_in_sessions_get_private_no_store_everywhere(client, about, django_user_model):
    assert "private" not in client.get("/en/about/").get("Cache-Control", "")
    editor = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(editor)
    for url in ("/en/about/", "/en/search/?q=about", "/en/search/suggest/?q=ab", "/sitemap.xml", "/api/v2/"):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", url
        assert "Expires" not in response


def test_search_responses_say_how_long_they_may_be_kept(client, about):
    assert client.get("/en/search/?q=about")["Cache-Control"] == "public, max-age=60"
    assert client.get("/en/search/suggest/?q=ab")["Cache-Control"] == "public, max-age=60"


# Found by the fuzzer (tests/hostile): a search of nothing but blanks made no SQL at all.
BLANK_SEARCHES = [" ", "+", "%09", "%0A", "%0D%0A", "%0B", "%1C", "%C2%A0", "%E3%80%80", "%E2%80%A8", "%22"]


@pytest.mark.parametrize("endpoint", ["pages", "cities", "news", "partnerships"])
@pytest.mark.parametrize("value", BLANK_SEARCHES)
def test_blank_api_search_is_an_empty_result_not_an_error(client, about, endpoint, value):
    response = client.get(f"/api/v2/{endpoint}/?search={value}")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize("value", BLANK_SEARCHES)
def test_blank_site_search_is_not_an_error(client, about, value):
    assert client.get(f"/en/search/?q={value}").status_code == 200
    assert client.get(f"/en/search/suggest/?q={value}").status_code == 200


def test_api_answers_json_when_the_database_is_down(client, about):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(refuse):
        response = client.get("/api/v2/cities/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "60"
    assert "try again" in response.json()["message"]


def test_api_answers_json_for_an_unexpected_error(client, about, monkeypatch):
    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(CitiesAPIViewSet, "get_queryset", broken)
    client.raise_request_exception = False
    response = client.get("/api/v2/cities/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "message" in response.json()
    assert settings.DEBUG is False
