"""The readiness checks behind /readyz: database, cache, search engine and media storage.

Each check runs in a thread of its own and is given ``READINESS_TIMEOUT`` seconds: a dependency
that hangs makes the check fail on time instead of holding the probe. A check that is still
waiting from an earlier probe is not started again (it fails at once), so a hung dependency holds
at most one thread per check in each process.

The checks read nothing heavy: ``SELECT 1``, a set/get round trip of a key of their own, one
ping of the search cluster, one look at the media storage.
"""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import CitycoElasticsearchBackend
from website.cache import breaker as redis_breaker

logger = logging.getLogger(__name__)


class NotReady(Exception):
    """A dependency answered, but not as it should."""


def check_database():
    connection = connections["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"engine": connection.vendor}


def check_cache():
    """A round trip of a key no one else uses. The Redis cache swallows its errors (a fault is a
    miss, website/cache.py), so a value that does not come back is the sign that Redis is away."""
    key = f"readiness:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    came_back = cache.get(key)
    cache.delete(key)
    if redis_breaker.down:  # set by the Redis client on a connection error or timeout
        raise NotReady("Redis is not answering; the site serves pages without the cache")
    if came_back != value:
        raise NotReady("the cache did not return the value just stored")
    return {}


def check_search():
    """Elasticsearch, when configured, must answer a ping (searches fall back to the database
    when it does not, but the site is then degraded). The database backend needs no check."""
    backend = get_search_backend("default")
    if not isinstance(backend, CitycoElasticsearchBackend):
        return {"engine": "database"}
    if not backend.es.options(request_timeout=settings.READINESS_TIMEOUT).ping():
        raise NotReady("Elasticsearch did not answer the ping")
    return {"engine": "elasticsearch"}


def check_storage():
    """The media folder can be listed (file system), or the storage answers a lookup (S3)."""
    try:
        default_storage.path("")
    except NotImplementedError:  # not on the file system: one small lookup
        default_storage.exists("readiness-probe")
    else:
        default_storage.listdir("")  # raises when MEDIA_ROOT is missing or unreadable
    return {}


class Check:
    def __init__(self, name, function):
        self.name = name
        self.function = function
        self.busy = threading.Lock()
        self.failing = False  # probes come every few seconds: log when this changes, not each time

    def start(self):
        """Run the check in its own thread; returns its outcome (a dict) and the event set when it is in."""
        outcome, done = {}, threading.Event()
        if not self.busy.acquire(blocking=False):
            outcome.update(status="down", error="the previous check has not finished", ms=0.0)
            done.set()
            return outcome, done

        def run():
            started = time.perf_counter()
            try:
                outcome.update({"status": "ok", **self.function()})
            except Exception as error:  # any failure of the dependency means "not ready"
                if not self.failing:
                    logger.warning("Readiness check %s failed: %r", self.name, error)
                self.failing = True
                # The exception's class only: the answer is public, messages may name hosts and ports.
                message = str(error) if isinstance(error, NotReady) else error.__class__.__name__
                outcome.update(status="down", error=message)
            else:
                if self.failing:
                    logger.warning("Readiness check %s passes again", self.name)
                self.failing = False
            finally:
                outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
                connections.close_all()  # this thread's own database connection
                self.busy.release()
                done.set()

        threading.Thread(target=run, name=f"readiness-{self.name}", daemon=True).start()
        return outcome, done


CHECKS = [
    Check("database", check_database),
    Check("cache", check_cache),
    Check("search", check_search),
    Check("storage", check_storage),
]


def readiness():
    """``(ready, {check name: {"status": "ok" | "down", "ms": ..., ...}})``, all checks at once."""
    timeout = settings.READINESS_TIMEOUT
    started = {check.name: check.start() for check in CHECKS}
    deadline = time.monotonic() + timeout
    results = {}
    for name, (outcome, done) in started.items():
        if done.wait(max(0.0, deadline - time.monotonic())):
            results[name] = dict(outcome)
        else:
            results[name] = {
                "status": "down",
                "error": f"no answer within {timeout:g} s",
                "ms": timeout * 1000,
            }
    return all(result["status"] == "ok" for result in results.values()), results
