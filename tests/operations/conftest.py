"""Fixtures for the operations tests: a Redis server of their own, and the search tests'
Elasticsearch emulator and refusing address (tests/search/conftest.py)."""

import subprocess
import time

import pytest
from django.test import override_settings

from tests.gunicorn import free_port
from tests.search.conftest import es_url, osmem, refusing_url  # noqa: F401  (fixtures)
from website import cache as website_cache


class RedisServer:
    """redis-server on 127.0.0.1, a free port and the test's own folder; can be stopped and started again."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if (
                subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout
                == b"PONG\n"
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


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
