"""Derived data and the rows pages list, cached under the content generation.

What is kept: the matchmaking, the directory's facets and cards, the programme and snippet maps,
the published page rows of visitors' requests with their families (switcher, breadcrumbs), and
the rows the home, programme, city and partnership pages list. The generation changes whenever
a page is published, unpublished, moved or deleted, or a snippet is saved (website/signals.py),
so an entry is never served after the content it was computed from has changed: the next
request finds no entry under the new generation and computes it again. An entry that depends on
less names its scopes (``depends_on``): the snippet maps, the programme map and the library map
are not rebuilt when a news item is published. Read the generations once per request, *before*
reading the data the entry is computed from (website/signals.py bumps them again when the
publishing transaction commits).

While Redis is not answering, the entries are kept in this process (``outage_cache``) under the
database's generation (website.pagecache.database_generation).

What depends on the clock (open calls, upcoming training, a phase's state) is worked out from
the kept rows at each request; a preview computes from its draft and keeps nothing
(``unless_preview``). Never rendered HTML: every request renders its page. Old generations'
entries expire.
"""

import hashlib

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from website.cache import breaker
from website.pagecache import (
    OUTAGE_SECONDS,
    SITE_PAGES_KEY,
    current_generation,
    page_versions_to_key,
    request_memo,
)

CACHE_SECONDS = 24 * 3600

# Where this process keeps derived data while Redis is not answering, under keys that name the
# database's generation (website.pagecache.database_generation): without it, every request of an
# outage would build every map again, at a fraction of the site's uncached speed.
outage_cache = LocMemCache("derived-outage", {"TIMEOUT": OUTAGE_SECONDS, "OPTIONS": {"MAX_ENTRIES": 2_000}})

# Scopes an entry can depend on instead of the whole content generation (``depends_on``): a page
# model (its pages were published, unpublished, renamed, moved or deleted), or one of these.
PAGES = "pages"  # any page
MENU = "menu"  # a page at the top of a language's tree: the menus, the home page's sections
TREE = "tree"  # a page with descendants (their paths and addresses may have changed)


def scope_key(scope):
    """The name of the generation of ``scope`` (a page model, or PAGES, MENU, TREE)."""
    label = scope if isinstance(scope, str) else scope._meta.label_lower
    return f"derived-scope:{label}"


def generation(depends_on=None):
    """The content generation, or with ``depends_on`` the generations of those scopes (read once
    per request: ``website.pagecache``).

    A scoped entry also follows the site's page generation, which every change whose reach is not
    known changes (a snippet, a site, a privacy setting, a restored backup, a failed write:
    website/signals.py), so it is never kept past a change it might depend on.
    """
    if depends_on is None:
        return current_generation()
    names = [SITE_PAGES_KEY, *(scope_key(scope) for scope in depends_on)]
    return "-".join(str(current_generation(name)) for name in names)


def cache_key(name, generation, *parts):
    """A key for ``name`` under ``generation``; ``parts`` are hashed to keep the key short."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"derived:{name}:{generation}:{digest}"


def get_or_build(key, build):
    """The entry ``key``, built and kept if missing; read from the cache once per request."""
    memo = request_memo()
    if memo is not None and key in memo:
        return memo[key]
    store = outage_cache if breaker.down else cache
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, OUTAGE_SECONDS if store is outage_cache else CACHE_SECONDS)
    if memo is not None:
        memo[key] = value
    return value


def generation_cached(name, build, *parts, depends_on=None, page=None):
    """``build()``, kept until the content generation changes (``parts`` tell entries apart), or
    with ``depends_on`` until one of those scopes changes.

    With ``page``, what that page shows: kept until the page gets a new version, which a change to
    anything shown on it gives it, as for the page cache (``website.pagecache``), or until the
    site's page generation changes. Built and not kept when the version is not known.
    """
    if page is None:
        return get_or_build(cache_key(name, generation(depends_on), *parts), build)
    version = page_versions_to_key([page.pk])[page.pk]
    if version is None:
        return build()
    return get_or_build(cache_key(name, f"{generation(())}-{version}", page.pk, *parts), build)


def unless_preview(request, name, build, *parts, depends_on=None, page=None):
    """``generation_cached(name, build, *parts)``, except on a preview: a draft lists from its own
    data, computed afresh and never kept."""
    if getattr(request, "is_preview", False):
        return build()
    return generation_cached(name, build, *parts, depends_on=depends_on, page=page)
