"""Derived data and the rows pages list, cached under the content generation.

What is kept: the matchmaking, the directory's facets and cards, the programme and snippet maps,
the published page rows of visitors' requests with their families (switcher, breadcrumbs), and
the rows the home, programme, city and partnership pages list. The generation changes whenever
a page is published, unpublished, moved or deleted, or a snippet is saved (website/signals.py),
so an entry is never served after the content it was computed from has changed: the next
request finds no entry under the new generation and computes it again. (The page cache stales
only the pages that show a change, docs/caching.md; the derived data, like search's facet map,
follows every change.) Read the generation once
per request, *before* reading the data the entry is computed from (website/signals.py bumps it
again when the publishing transaction commits).

What depends on the clock (open calls, upcoming training, a phase's state) is worked out from
the kept rows at each request; a preview computes from its draft and keeps nothing
(``unless_preview``). Never rendered HTML: every request renders its page. Old generations'
entries expire.
"""

import hashlib

from django.core.cache import cache

from website.pagecache import current_generation, request_memo

CACHE_SECONDS = 24 * 3600


def generation():
    """The content generation (read once per request: ``website.pagecache``)."""
    return current_generation()


def cache_key(name, generation, *parts):
    """A key for ``name`` under ``generation``; ``parts`` are hashed to keep the key short."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"derived:{name}:{generation}:{digest}"


def get_or_build(key, build):
    """The entry ``key``, built and kept if missing; read from the cache once per request."""
    memo = request_memo()
    if memo is not None and key in memo:
        return memo[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    if memo is not None:
        memo[key] = value
    return value


def generation_cached(name, build, *parts):
    """``build()``, kept until the content generation changes (``parts`` tell entries apart)."""
    return get_or_build(cache_key(name, generation(), *parts), build)


def unless_preview(request, name, build, *parts):
    """``generation_cached(name, build, *parts)``, except on a preview: a draft lists from its own
    data, computed afresh and never kept."""
    if getattr(request, "is_preview", False):
        return build()
    return generation_cached(name, build, *parts)
