"""Fixtures for the operations tests: a Redis server of their own, and the search tests'
Elasticsearch emulator and refusing address (tests/search/conftest.py)."""

import pytest
from django.test import override_settings

from tests.redis_server import RedisServer
from tests.search.conftest import es_url, osmem, refusing_url  # noqa: F401  (fixtures)
from website import cache as website_cache


@pytest.fixture
def redis_cache(tmp_path, monkeypatch):
    """The site's Redis cache settings (website/settings/base.py) on a Redis server of the test's own."""
    server = RedisServer(tmp_path)
    server.start()
    monkeypatch.setattr(website_cache, "PAUSE_SECONDS", 0.2)  # the pause after a failure, shortened
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "REDIS_CLIENT_CLASS": "website.cache.PausingRedis",
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
            },
        }
    }
    try:
        with override_settings(CACHES=caches, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=False):
            yield server
    finally:
        server.stop()
        website_cache.breaker.paused_until, website_cache.breaker.down = 0.0, False
