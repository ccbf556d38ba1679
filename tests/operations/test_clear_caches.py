"""``manage.py clear_caches``: empties every configured cache, on local memory and on Redis (only the
site's keys there), bumps the content generations, and fails, clearing nothing, when a cache cannot
be reached."""

import io
import os
import subprocess
import sys
import urllib.parse
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import cache, caches
from django.core.management import CommandError, call_command
from django.test import override_settings

from search import querylog
from search.models import SearchQueryCount
from tests.gunicorn import free_port
from translations.status import STATUS_GENERATION
from website import cache as website_cache
from website.pagecache import current_generation

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_test_url():
    """REDIS_URL when it names one of the databases 10-15 set aside for tests, else None."""
    if not REDIS_URL:
        return None
    database = urllib.parse.urlsplit(REDIS_URL).path.strip("/") or "0"
    return REDIS_URL if database.isdigit() and 10 <= int(database) <= 15 else None


def redis_caches(url, prefix, **extra_aliases):
    """The site's Redis cache settings (website/settings/base.py) on ``url`` under ``prefix``."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "REDIS_CLIENT_CLASS": "website.cache.PausingRedis",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
        **extra_aliases,
    }


@pytest.fixture
def breaker_reset():
    """The Redis breaker (website/cache.py) closed again after a test that made Redis fail."""
    yield
    website_cache.breaker.paused_until, website_cache.breaker.down = 0.0, False


def clear_caches():
    out = io.StringIO()
    call_command("clear_caches", stdout=out)
    return out.getvalue()


LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@override_settings(CACHES=LOCAL_MEMORY)  # whatever REDIS_URL says
def test_on_local_memory_it_empties_the_cache_and_bumps_the_generations():
    cache.set("page:some-generation:testserver:/en/", "a cached page")
    cache.set("derived:directory:some-generation:abc", ["cached", "rows"])
    page_generation, status_generation = current_generation(), current_generation(STATUS_GENERATION)

    output = clear_caches()

    assert cache.get("page:some-generation:testserver:/en/") is None
    assert cache.get("derived:directory:some-generation:abc") is None
    # The other server processes' own memory is reached through the generations.
    assert current_generation() != page_generation
    assert current_generation(STATUS_GENERATION) != status_generation
    assert "default: local memory" in output
    assert "generations bumped: page-cache-generation, translation-status-generation" in output
    assert "search counts" not in output  # nothing of theirs is in this process's memory


def test_every_configured_cache_is_cleared():
    aliases = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "first"},
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "second"},
    }
    with override_settings(CACHES=aliases):
        caches["default"].set("navigation", "cached")
        caches["fragments"].set("footer", "cached")
        output = clear_caches()
        assert caches["default"].get("navigation") is None
        assert caches["fragments"].get("footer") is None
    assert "default: local memory" in output
    assert "fragments: local memory" in output


@pytest.mark.django_db
@pytest.mark.skipif(
    not redis_test_url(), reason="needs REDIS_URL naming a test database (10-15) of a running Redis"
)
def test_on_redis_it_deletes_the_sites_keys_only_and_keeps_the_search_counts():
    url = redis_test_url()
    prefix = f"clear-caches-{uuid.uuid4().hex[:8]}"
    raw = redis.Redis.from_url(url)
    foreign_key = f"another-application:{uuid.uuid4().hex}"
    raw.set(foreign_key, "kept", ex=600)  # someone else's key in the same Redis database
    try:
        with override_settings(CACHES=redis_caches(url, prefix)):
            cache.set("page:1:testserver:/en/", "a cached page", 600)
            cache.set("derived:directory:1:abc", ["cached"], 600)
            generation = current_generation()  # kept in Redis
            querylog.record("en", "Piraeus", zero_results=False)  # counted in Redis, not moved yet
            ours_before = len(list(raw.scan_iter(match=f"{prefix}:*")))

            output = clear_caches()

            assert cache.get("page:1:testserver:/en/") is None
            assert cache.get("derived:directory:1:abc") is None
            assert current_generation() != generation
            ours_after = sorted(key.decode() for key in raw.scan_iter(match=f"{prefix}:*"))
        assert ours_after == [f"{prefix}:1:page-cache-generation", f"{prefix}:1:{STATUS_GENERATION}"]
        assert raw.get(foreign_key) == b"kept"
        assert f"{ours_before} keys under the prefix '{prefix}' deleted" in output
        assert "search counts: moved to the database first" in output
        row = SearchQueryCount.objects.get(query="piraeus")
        assert (row.language, row.count, row.zero_results) == ("en", 1, False)
    finally:
        raw.delete(foreign_key)
        for key in raw.scan_iter(match=f"{prefix}:*"):
            raw.delete(key)
        raw.close()


def test_a_redis_that_cannot_be_reached_stops_it_with_nothing_cleared(breaker_reset):
    port = free_port()  # nothing listens there
    other = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "other"}
    with override_settings(
        CACHES=redis_caches(f"redis://:secret@127.0.0.1:{port}/12", "cityco", other=other)
    ):
        caches["other"].set("kept", "value")
        with pytest.raises(CommandError) as raised:
            clear_caches()
        assert caches["other"].get("kept") == "value"
    message = str(raised.value)
    assert message.startswith(f"The cache 'default' (Redis at 127.0.0.1:{port}/12) cannot be reached")
    assert message.endswith("Nothing was cleared.")
    assert "secret" not in message


def test_the_command_exits_non_zero_with_the_reason_when_redis_is_away():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.test",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/12",  # nothing listens there
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "clear_caches"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "CommandError: The cache 'default' (Redis at 127.0.0.1:" in result.stderr
    assert "cannot be reached" in result.stderr
    assert "Caches cleared." not in result.stdout
