"""Counting subscription requests in the cache, per client address and per e-mail address.

Each counter starts at the first request and lasts PERIOD seconds. Keys hold a keyed hash, never the
address itself. When the cache is away (Redis down, errors ignored) nothing is counted: the form
stays usable rather than refusing everyone.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

PERIOD = 3600  # seconds
PER_CLIENT = 5
PER_EMAIL = 3


def _key(scope, value):
    return f"alerts-throttle:{scope}:" + salted_hmac("alerts.throttle", value or "").hexdigest()


def hit(scope, value, limit):
    """Count one request for ``value``; True while the count is within ``limit``."""
    key = _key(scope, value)
    cache.add(key, 0, PERIOD)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, PERIOD)
        count = 1
    return count is None or count <= limit
