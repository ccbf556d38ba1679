"""Empty the site's caches: a release step (docs/deployment.md), or whenever nothing cached may
outlive a change made outside the admin.

For every cache in ``settings.CACHES``:

- Redis (django-redis): the keys under the site's ``KEY_PREFIX`` are deleted (SCAN, then DEL), not
  the whole database (FLUSHDB), so another application's keys in the same Redis database stay;
- local memory: each server process has its own, out of reach of this command; this process's is
  emptied, and the generation bump below makes every process's pages and derived data stale;
- any other backend: its ``clear()``.

Then the content generations are bumped (website.pagecache): what an old worker caches between the
clear and its reload is stale at once. Every cache is checked before anything is deleted, so a
cache that cannot be reached stops the command with nothing cleared. The search counts still in a
shared cache are moved to the database first (``flush_search_queries``), so a release loses none.
"""

import urllib.parse

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from translations.status import STATUS_GENERATION
from website.pagecache import GENERATION_KEY, bump_generation

GENERATIONS = [GENERATION_KEY, STATUS_GENERATION]
SCAN_BATCH = 1000  # keys per SCAN round trip


def address(alias):
    """Where the cache ``alias`` is, without the password a Redis URL may carry."""
    location = settings.CACHES[alias].get("LOCATION", "")
    shown = []
    for item in location if isinstance(location, (list, tuple)) else [location]:
        parts = urllib.parse.urlsplit(str(item))
        if parts.hostname:
            shown.append(f"{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path}")
        else:  # a Unix socket or a bare name
            shown.append(parts.path or str(item))
    return ", ".join(shown)


class Command(BaseCommand):
    help = (
        "Empty every configured cache (the page cache and the cached data; on Redis only the "
        "site's keys) and bump the content generations. Fails, clearing nothing, if a cache "
        "cannot be reached."
    )

    def handle(self, *args, verbosity, **options):
        aliases = list(settings.CACHES)
        for alias in aliases:
            if isinstance(caches[alias], RedisCache):
                try:
                    get_redis_connection(alias).ping()
                except (RedisError, OSError) as error:
                    raise CommandError(
                        f"The cache {alias!r} (Redis at {address(alias)}) cannot be reached: {error} "
                        "Nothing was cleared."
                    ) from error

        report = []
        if any(not isinstance(caches[alias], LocMemCache) for alias in aliases):
            try:
                call_command("flush_search_queries", verbosity=0)
            except Exception as error:  # whatever stopped it, the counts would be lost: stop here
                raise CommandError(
                    "The search counts could not be moved to the database "
                    f"({error.__class__.__name__}: {error}). Nothing was cleared."
                ) from error
            report.append("search counts: moved to the database first (flush_search_queries)")

        for alias in aliases:
            cache = caches[alias]
            if isinstance(cache, RedisCache):
                # IGNORE_EXCEPTIONS makes a fault return None instead of raising.
                removed = cache.delete_pattern("*", itersize=SCAN_BATCH)
                if removed is None:
                    raise CommandError(
                        f"The cache {alias!r} (Redis at {address(alias)}) stopped answering while "
                        "its keys were deleted; run the command again."
                    )
                report.append(
                    f"{alias}: Redis at {address(alias)}, {removed} keys under the prefix "
                    f"{cache.key_prefix!r} deleted"
                )
            elif isinstance(cache, LocMemCache):
                cache.clear()
                report.append(
                    f"{alias}: local memory, kept by each server process; made stale there by "
                    "the generations bumped below"
                )
            else:
                try:
                    cache.clear()
                except Exception as error:
                    raise CommandError(
                        f"The cache {alias!r} ({cache.__class__.__name__}) could not be cleared: "
                        f"{error.__class__.__name__}: {error}"
                    ) from error
                report.append(f"{alias}: {cache.__class__.__name__} cleared")

        for name in GENERATIONS:
            bump_generation(name)
        report.append(f"generations bumped: {', '.join(GENERATIONS)}")
        if verbosity:
            for line in report:
                self.stdout.write(line)
            self.stdout.write(self.style.SUCCESS("Caches cleared."))
