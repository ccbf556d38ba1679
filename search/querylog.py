"""What people search for: counts per day, language, query and "found nothing", in the cache.

The public search page adds 1 to a counter in the cache (``record``): no database write, no IP,
no user, no session. ``manage.py flush_search_queries`` (cron, every minute) moves the counters
into ``SearchQueryCount`` rows; the editors' report (search.admin_views) reads the rows and the
counters not moved yet. ``SEARCH_QUERY_LOG = False`` records nothing.

Cache keys, per day and language: ``n`` (how many distinct queries so far, at most
``MAX_QUERIES``), ``slot:<i>`` (the i-th query and its "found nothing" flag), ``c:<hash>`` (the
count of one query) and ``other`` (searches beyond the cap). Moving subtracts what was read
(``decr``), so a search counted meanwhile is not lost; the keys of days before yesterday are then
deleted. A cache fault loses a count, never a search.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_LENGTH = 100
MAX_QUERIES = 2000  # distinct queries per day and language; further ones count as "other"
KEEP_DAYS = 30
CACHE_DAYS = 3  # counters not moved by then expire
TIMEOUT = CACHE_DAYS * 24 * 3600
PREFIX = "searchlog"


def normalise(query):
    """Stripped, case-folded, whitespace collapsed, at most 100 characters."""
    return " ".join(" ".join(str(query or "").casefold().split())[:MAX_LENGTH].split())


def _base(day, language):
    return f"{PREFIX}:{day.isoformat()}:{language}"


def _counter_key(day, language, query, zero_results):
    digest = hashlib.sha256(f"{query}\x00{int(zero_results)}".encode()).hexdigest()[:32]
    return f"{_base(day, language)}:c:{digest}"


def _bump(key):
    if not cache.add(key, 1, TIMEOUT):
        cache.incr(key)


def record(language, query, zero_results):
    """Count one search; never raises."""
    if not getattr(settings, "SEARCH_QUERY_LOG", True):
        return
    query = normalise(query)
    if not query:
        return
    try:
        day = timezone.localdate()
        key = _counter_key(day, language, query, zero_results)
        try:
            cache.incr(key)
            return
        except ValueError:  # the day's first search for this query
            pass
        base = _base(day, language)
        cache.add(f"{base}:n", 0, TIMEOUT)
        slot = cache.incr(f"{base}:n")
        if slot is None:  # a cache that ignores its faults
            return
        if slot > MAX_QUERIES:
            _bump(f"{base}:other")
            return
        cache.set(f"{base}:slot:{slot}", (query, bool(zero_results)), TIMEOUT)
        _bump(key)
    except Exception:  # a cache fault loses a count, never a search
        logger.warning("Search query not counted: the cache failed", exc_info=True)


@dataclass
class Pending:
    day: object
    language: str
    query: str  # "" for "other"
    zero_results: bool
    count: int
    key: str


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _days(today):
    return [today - timedelta(days=ago) for ago in range(CACHE_DAYS, -1, -1)]


def pending(languages=None):
    """The counters in the cache, not moved to the database yet."""
    today = timezone.localdate()
    found = []
    for day in _days(today):
        for language in languages or _languages():
            base = _base(day, language)
            used = min(cache.get(f"{base}:n") or 0, MAX_QUERIES)
            slots = cache.get_many([f"{base}:slot:{i}" for i in range(1, used + 1)]) if used else {}
            entries = {}
            for value in slots.values():
                query, zero_results = value
                entries[_counter_key(day, language, query, zero_results)] = (query, zero_results)
            entries[f"{base}:other"] = ("", False)
            counts = cache.get_many(list(entries))
            for key, (query, zero_results) in entries.items():
                count = counts.get(key) or 0
                if count > 0:
                    found.append(Pending(day, language, query, zero_results, count, key))
    return found


def forget(moved):
    """Subtract what was moved from the counters; delete the keys of days before yesterday."""
    today = timezone.localdate()
    for item in moved:
        try:
            cache.decr(item.key, item.count)
        except ValueError:  # expired meanwhile
            pass
    for day in _days(today):
        if day >= today - timedelta(days=1):
            continue
        for language in _languages():
            base = _base(day, language)
            used = min(cache.get(f"{base}:n") or 0, MAX_QUERIES)
            slots = cache.get_many([f"{base}:slot:{i}" for i in range(1, used + 1)]) if used else {}
            keys = [_counter_key(day, language, query, zero) for query, zero in slots.values()]
            cache.delete_many([*keys, *slots, f"{base}:n", f"{base}:other"])
