"""The site under Redis faults, against a Redis server this test starts, stops and freezes itself
(never the machine's shared one): a refused or hung Redis is a cache miss with one log line per
outage, and when Redis comes back with its old data, a page published meanwhile is not hidden."""

import logging
import shutil
import time

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from home.factories import ensure_home, standard_page
from tests.redis_server import RedisServer
from website import cache as website_cache

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def site_on_redis(redis_server, tmp_path, monkeypatch):
    monkeypatch.setattr(website_cache, "PAUSE_SECONDS", 0.2)
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "REDIS_CLIENT_CLASS": "website.cache.PausingRedis",
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
            },
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_ENABLED=True, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=False):
        yield redis_server
    website_cache.breaker.paused_until, website_cache.breaker.down = 0.0, False


@pytest.fixture
def about():
    return standard_page(ensure_home(), "About us", "about", introduction="First version.")


def publish_new_text(page, text):
    page.introduction = text
    page.save_revision().publish()


def warnings_from(caplog):
    return [record for record in caplog.records if record.name == "website.cache" and record.levelno >= logging.WARNING]


def test_redis_refusing_connections_serves_pages_uncached_with_one_log_line(client, site_on_redis, about, caplog):
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    site_on_redis.stop()
    for _ in range(20):
        response = client.get("/en/about/")
        assert response.status_code == 200
        assert "X-Page-Cache" in response
    assert len(warnings_from(caplog)) == 1
    assert "not answering" in warnings_from(caplog)[0].getMessage()


def test_a_hung_redis_does_not_hold_requests(client, site_on_redis, about, caplog):
    client.get("/en/about/")
    site_on_redis.freeze()
    try:
        for _ in range(5):  # without socket timeouts the first of these would never return
            assert client.get("/en/about/").status_code == 200
    finally:
        site_on_redis.thaw()
    assert website_cache.breaker.down
    assert len(warnings_from(caplog)) == 1


def test_a_page_published_while_redis_was_away_is_fresh_when_it_comes_back(client, site_on_redis, about, caplog):
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert "First version." in client.get("/en/about/").text  # a hit, kept in Redis
    site_on_redis.freeze()  # Redis keeps its data, as after a network partition or a restart from disk
    try:
        publish_new_text(about, "Second version.")
        assert "Second version." in client.get("/en/about/").text  # uncached while Redis is away
    finally:
        site_on_redis.thaw()
    time.sleep(website_cache.PAUSE_SECONDS + 0.1)  # the pause after a failure, shortened for the test
    for _ in range(3):
        response = client.get("/en/about/")
        assert "Second version." in response.text
        assert "First version." not in response.text
    assert any("answers again" in record.getMessage() for record in warnings_from(caplog))


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries.captured_queries), response


def test_while_redis_refuses_derived_data_is_kept_in_the_process_and_a_publication_shows(
    client, site_on_redis, about
):
    """Without Redis nothing would be kept and every request would build every map again; kept
    under the database's generation (website.pagecache.database_generation), the data is reused
    and a page published during the outage is still on the next request."""
    news_index = standard_page(ensure_home(), "Updates", "updates", introduction="Index.")
    site_on_redis.stop()
    first, _response = queries_of(client, "/en/about/")
    again, response = queries_of(client, "/en/about/")
    assert "First version." in response.text
    assert again <= first // 2, (first, again)

    publish_new_text(about, "Second version.")
    _count, response = queries_of(client, "/en/about/")
    assert "Second version." in response.text and "First version." not in response.text
    # The menu lists the home page's children: a page published during the outage is in it.
    news_index.title = "Latest updates"
    news_index.save_revision().publish()
    _count, response = queries_of(client, "/en/about/")
    assert "Latest updates" in response.text
