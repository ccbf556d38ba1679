"""The Redis client behind the cache (settings.CACHES, ``REDIS_CLIENT_CLASS``): short timeouts and a
pause after a failure, so that a Redis that refuses connections or hangs costs visitors one short
wait per pause instead of a wait (and a logged traceback) on every cache call.

After a connection error or a timeout, this process leaves Redis alone for ``PAUSE_SECONDS``: every
call fails at once (django-redis' ``IGNORE_EXCEPTIONS`` turns that into a cache miss), so pages are
served uncached at their normal speed. One line is logged when Redis goes away and one when it is
back. When it is back, the content generation is bumped (website.pagecache), because a Redis that
restarts may bring back pages kept before a publication it missed while it was away.
"""

import logging
import threading
import time

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5.0


class Breaker:
    """Whether this process is currently leaving Redis alone, and what to do when it comes back."""

    def __init__(self):
        self.lock = threading.Lock()
        self.paused_until = 0.0
        self.down = False
        self.recoveries = 0  # how many times Redis came back (a value read across one is suspect)
        self.on_recovery = []  # callables run once when Redis answers again after an outage

    def is_paused(self):
        return time.monotonic() < self.paused_until

    def failed(self, error):
        with self.lock:
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            first = not self.down
            self.down = True
        if first:
            logger.warning("Redis is not answering (%s): serving without the cache, retrying every %ss", error, PAUSE_SECONDS)

    def succeeded(self):
        if not self.down:
            return
        with self.lock:
            recovered, self.down = self.down, False
            self.recoveries += recovered
        if recovered:
            logger.warning("Redis answers again: the cache is back in use")
            for callback in self.on_recovery:
                callback()


breaker = Breaker()


class PausingRedis(redis.Redis):
    """``redis.Redis`` that fails at once while the breaker is open (``execute_command`` is the
    client's public entry point for every command)."""

    def execute_command(self, *args, **options):
        if breaker.is_paused():
            raise RedisConnectionError("Redis paused after a failure")
        try:
            result = super().execute_command(*args, **options)
        except (RedisConnectionError, RedisTimeoutError) as error:
            breaker.failed(error)
            raise
        breaker.succeeded()
        return result
