"""A full-page cache for anonymous GET requests to public pages.

What is cached: a 200 response to GET/HEAD, without a query string, under a language prefix,
for a visitor without a session cookie, that sets no cookie and used no CSRF token (so no token
or session is ever baked into a cached page). Search and the admin are never cached.

A page that shows something about time (a call open or closed, upcoming training, a phase in
progress) is kept only until that changes (website/clock.py), and its ``max-age``/``s-maxage``
never reach past it.

Invalidation is targeted (docs/caching.md). Each cached page records the version of the page it
was served for (Wagtail's ``before_serve_page``); publishing, unpublishing, moving or deleting a
page bumps the versions of the pages that show it (website/signals.py), and only those become
stale. A change whose reach is unknown (a snippet, a page in the menu, a failed write) bumps the
site's page generation instead, part of every key, and every cached page becomes stale at once.
Every change also bumps the content generation, which the derived data and search follow.

With Redis the generations and versions live in Redis, shared by every server; with the
local-memory cache they are the modification times of small files, shared by the worker
processes of one machine.

Cached bodies are kept raw and gzip-compressed; compression is safe here (BREACH needs a secret
in the body, and cached pages carry none).
"""

import functools
import gzip
import logging
import os
import time
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from wagtail import hooks
from wagtail.models import ModelLogEntry, PageLogEntry

from website import clock
from website.cache import breaker

logger = logging.getLogger(__name__)

# The content generation: derived data (website.derived) and search follow it. Bumping it with
# ``bump_generation()`` also makes every cached page stale (``SITE_PAGES_KEY``).
GENERATION_KEY = "page-cache-generation"
# The generation of every cached page at once: part of each page's key.
SITE_PAGES_KEY = "page-cache-site-pages"
# With Redis, page versions are values of this counter; without, they are times (website.cache).
VERSION_COUNTER_KEY = "page-cache-version-counter"
VERSION_PREFIX = "page-cache-version:"
# The version of what a response depends on when no page was served for it: bumped by every change.
ANY_PAGE = "any"
# While Redis is not answering, every generation is the database's (``database_generation``), which
# also changes every this many seconds.
OUTAGE_SECONDS = 60
DATABASE_GENERATION = "database"
HEADERS_KEPT = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Vary",
)


def _shared_cache():
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _generation_file(name):
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    return _generation_file_in(str(configured) if configured else None, name)


@functools.lru_cache(maxsize=4096)
def _generation_file_in(configured, name):
    """Built once per name: a cached hit reads two of these files, and building a path each time
    took a sixth of the hit's time."""
    page_cache_file = Path(configured) if configured else settings.BASE_DIR / "var" / "page-cache-generation"
    if name == GENERATION_KEY:
        return page_cache_file
    return page_cache_file.with_name(f"{page_cache_file.name}.{name}")


class RequestMemo:
    """What the current request has read (generations, derived data) and the pages it served."""

    __slots__ = ("generations", "derived", "served")

    def __init__(self):
        self.generations, self.derived, self.served = {}, {}, set()


# A context variable, not asgiref's Local: set and read on every cached hit, and a tenth of the
# hit's time went to Local's attribute lookups.
_request = ContextVar("page_cache_request", default=None)


GENERATIONS_SEEN = {GENERATION_KEY, SITE_PAGES_KEY}


def bump_all_generations():
    """After a Redis outage: whatever Redis kept may predate a publication made while it was away
    (the site's page generation is among them, so every page version kept there is passed over)."""
    for name in list(GENERATIONS_SEEN):
        bump_generation(name)


breaker.on_recovery.append(bump_all_generations)


def current_generation(name=GENERATION_KEY):
    """The generation called ``name`` (the content generation by default): it changes on every bump.

    Read once per request (``PageCacheMiddleware`` opens and closes the request's memo): with
    Redis, every cached map of a page would otherwise cost a round trip of its own.
    """
    GENERATIONS_SEEN.add(name)
    memo = _request.get()
    if memo is None:
        return _read_generation(name)
    if name not in memo.generations:
        memo.generations[name] = _read_generation(name)
    return memo.generations[name]


def request_memo():
    """A dict that lives as long as the current request (None outside one): the derived data
    (``website.derived``) it has read, so that reading an entry twice unpickles it once."""
    memo = _request.get()
    return memo.derived if memo is not None else None


def database_generation():
    """What stands in for every generation while Redis is not answering: the newest entries of
    Wagtail's logs, which it writes with or just after each publication, unpublication, move,
    deletion and snippet saved by an editor (never before the change is committed), and the time
    in ``OUTAGE_SECONDS`` (for a change made without a log entry, by a script). Derived data stays
    cached in each process through an outage (``website.derived``) without hiding what an editor
    changed. Read once per request."""
    memo = _request.get()
    if memo is not None and DATABASE_GENERATION in memo.generations:
        return memo.generations[DATABASE_GENERATION]
    newest_page_entry = PageLogEntry.objects.aggregate(newest=Max("pk"))["newest"]
    newest_model_entry = ModelLogEntry.objects.aggregate(newest=Max("pk"))["newest"]
    minute = int(time.time() // OUTAGE_SECONDS)
    generation = f"{DATABASE_GENERATION}.{newest_page_entry}.{newest_model_entry}.{minute}"
    if memo is not None:
        memo.generations[DATABASE_GENERATION] = generation
    return generation


def _read_generation(name):
    if _shared_cache():
        recoveries = breaker.recoveries
        generation = cache.get(name)
        if breaker.recoveries != recoveries:  # Redis just came back: read the generation bumped then
            generation = cache.get(name)
        if breaker.down:
            return database_generation()
        if generation is None:
            generation = time.time_ns()
            cache.add(name, generation, None)
            generation = cache.get(name, generation)
        return generation
    try:
        return os.stat(_generation_file(name)).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump_generation(name=GENERATION_KEY):
    """Make everything cached under the generation ``name`` stale, on every server sharing the cache.

    The content generation (the default) takes every cached page with it.
    """
    if name == GENERATION_KEY:
        _bump(SITE_PAGES_KEY)
    _bump(name)


def _bump(name):
    GENERATIONS_SEEN.add(name)
    memo = _request.get()
    if memo is not None:
        memo.generations.pop(name, None)  # this request reads the new one
    if _shared_cache():
        if name == SITE_PAGES_KEY:
            # Deleted: the next request starts a new one (``_read_generation``), so a cache just
            # emptied (operations' clear_caches) holds only the content generations.
            cache.delete(name)
        else:
            cache.set(name, time.time_ns(), None)
        return
    path = _generation_file(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(str(time.time_ns()))
    now = time.time_ns()
    os.utime(path, ns=(now, now))


def stale_now_and_after_commit(name=GENERATION_KEY):
    """Bump the generation now (the rest of this transaction and its tests see it) and again
    when the transaction commits, which drops anything another request cached meanwhile from the
    data as it was just before the commit."""
    bump_generation(name)
    transaction.on_commit(lambda: bump_generation(name))


def pages_stale_now_and_after_commit(page_ids, after_commit=None):
    """Make the cached copies of the pages ``page_ids`` stale, and the derived data (the content
    generation), now and again when the transaction commits (``stale_now_and_after_commit``).

    ``after_commit``, if given, returns more page ids once the transaction has committed (what
    the change refers to as committed). If a version cannot be written, every page is made stale.
    """

    def bump(ids):
        _bump(GENERATION_KEY)
        try:
            written = ids is not None and bump_page_versions(ids)
        except Exception:  # correctness first: every page, rather than a failed publication
            logger.exception("Could not give %d pages a new version: every page is made stale", len(ids))
            written = False
        if not written:
            bump_generation()

    def after():
        try:
            ids = set(page_ids) | set(after_commit() if after_commit else ())
        except Exception:
            logger.exception("Could not work out the pages a change refers to: every page is made stale")
            ids = None
        bump(ids)

    bump(set(page_ids))
    transaction.on_commit(after)


def counter_start():
    """Where the version counter starts (again, if Redis lost it): above any value it had before,
    since it goes up by one a change. In microseconds: django-redis increments through a Lua
    script, whose numbers are exact only below 2**53."""
    return time.time_ns() // 1000


def _version_file(page_id):
    return _generation_file(f"page-{page_id}")


def bump_page_versions(page_ids):
    """Give each page of ``page_ids`` (and ``ANY_PAGE``) a new version: its cached copies are stale.

    True if every version was written. With Redis the versions are a new value of a shared
    counter, so that a request can tell whether a version changed after it started (``request_stamp``).
    """
    names = {*page_ids, ANY_PAGE}
    if _shared_cache():
        try:
            number = cache.incr(VERSION_COUNTER_KEY)
        except ValueError:  # not there yet, or lost with the rest of Redis' data
            cache.add(VERSION_COUNTER_KEY, counter_start(), None)
            number = cache.incr(VERSION_COUNTER_KEY)
        if number is None:  # Redis is away (django-redis' IGNORE_EXCEPTIONS)
            return False
        versions = {f"{VERSION_PREFIX}{name}": number for name in names}
        cache.set_many(versions, None)
        return cache.get_many(list(versions)) == versions
    try:
        now = time.time_ns()
        for name in names:
            path = _version_file(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            os.utime(path, ns=(now, now))
    except OSError:
        return False
    return True


def page_versions(names):
    """{name: version} of the pages ``names`` (page ids or ``ANY_PAGE``); None when unknown (Redis
    lost it or is away), 0 for a page never changed (without Redis)."""
    if _shared_cache():
        found = cache.get_many([f"{VERSION_PREFIX}{name}" for name in names])
        return {name: found.get(f"{VERSION_PREFIX}{name}") for name in names}
    versions = {}
    for name in names:
        try:
            versions[name] = os.stat(_version_file(name)).st_mtime_ns
        except FileNotFoundError:
            versions[name] = 0
    return versions


def _give_versions(versions, stamp):
    """Give each page of ``versions`` with no version yet in Redis (never changed, or lost)
    ``stamp`` as its version: any change from now on gives a higher one. Returns ``versions``."""
    missing = [name for name, version in versions.items() if version is None]
    if missing and stamp is not None and _shared_cache():
        for name in missing:
            cache.add(f"{VERSION_PREFIX}{name}", stamp, None)
        found = cache.get_many([f"{VERSION_PREFIX}{name}" for name in missing])
        versions.update({name: found.get(f"{VERSION_PREFIX}{name}") for name in missing})
    return versions


def page_versions_to_key(names):
    """{name: version} of the pages ``names`` (page ids), to keep data they show under, read before
    that data; a page without a version is given one (``_give_versions``). None where it cannot
    be read."""
    versions = page_versions(names)
    if None in versions.values():
        if breaker.down:  # the database's generation stands in for every version
            return dict.fromkeys(versions, database_generation())
        _give_versions(versions, request_stamp())
    return versions


def request_stamp():
    """Read before anything a response shows: a page version at most this was given before, so a
    response rendered from then on shows that version's content. None: nothing can be kept."""
    if not _shared_cache():
        return time.time_ns() - 1  # page versions are times on this machine
    stamp = cache.get(VERSION_COUNTER_KEY)
    if stamp is None:
        cache.add(VERSION_COUNTER_KEY, counter_start(), None)
        stamp = cache.get(VERSION_COUNTER_KEY)
    return stamp


def versions_to_keep(names, stamp):
    """The versions to keep a response under, read after rendering it; None if one of them changed
    after ``stamp`` (the response may show what was there before) or cannot be read."""
    if stamp is None:
        return None
    versions = _give_versions(page_versions(names), stamp)
    if any(version is None or version > stamp for version in versions.values()):
        return None
    return versions


@hooks.register("before_serve_page")
def remember_served_page(page, request, args, kwargs):
    """The page a response is for: its cached copy is kept under that page's version."""
    memo = _request.get()
    if memo is not None:
        memo.served.add(page.pk)


def cache_host(request):
    """The host name a cached entry is kept under: validated against ALLOWED_HOSTS (a bad one is a
    400 before anything is cached), lower-cased, without the port. Keys then cannot be multiplied
    by sending ``Host: example.org:1``, ``:2``... and pages carry no address taken from the request
    (absolute links come from settings.SITE_URL), so one host name shares one entry."""
    return split_domain_port(request.get_host())[0].lower()


def _language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # editors and anyone with a session see fresh pages
    path = request.path_info
    if not path.startswith(_language_prefixes()):
        return False
    return not any(part in path for part in getattr(settings, "PAGE_CACHE_EXCLUDE", ("/search/",)))


def carries_no_secret(request, response):
    """A complete 200 that set no cookie and used no CSRF token: safe to share and to compress."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
    )


def is_cacheable_response(request, response):
    return (
        carries_no_secret(request, response)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and response.get("Content-Type", "").startswith(
            ("text/html", "application/xml", "text/calendar", "application/rss+xml", "application/atom+xml")
        )
    )


COMPRESSIBLE_TYPES = (
    "text/html",
    "text/csv",
    "text/calendar",
    "application/json",
    "application/geo+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(RequestMemo())
        try:
            return self.respond(request)
        finally:
            _request.reset(token)

    def respond(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True) or not is_cacheable_request(request):
            return compress_if_safe(request, self.get_response(request))
        # v2: an entry holds its whole Vary header; one stored before (without it) is not read.
        key = f"page:v2:{current_generation(SITE_PAGES_KEY)}:{cache_host(request)}:{request.path_info}"
        entry = cache.get(key)
        versions = entry.get("versions") if entry is not None else None
        if versions and entry.get("expires", 0) > time.time() and page_versions(list(versions)) == versions:
            return self.build(request, entry, hit=True)
        stamp = request_stamp()
        clock.watch()
        try:
            response = self.get_response(request)
        finally:
            next_change = clock.stop()
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 3600)
        if next_change is not None:  # what the page shows about time holds only until then
            seconds = min(seconds, clock.seconds_until(next_change))
        if not is_cacheable_response(request, response) or seconds < 1:
            return compress_if_safe(request, response)
        body = response.content
        patch_vary_headers(response, ("Accept-Encoding", "Cookie"))  # once, not on every hit
        entry = {
            "headers": [(name, response[name]) for name in HEADERS_KEPT if name in response],
            "body": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            "expires": time.time() + seconds,
            "versions": versions_to_keep(sorted(_request.get().served) or [ANY_PAGE], stamp),
        }
        if entry["versions"] is not None:  # else a page it shows changed meanwhile: not kept
            cache.set(key, entry, seconds)
        return self.build(request, entry, hit=False)

    def build(self, request, entry, hit):
        compressed = accepts_gzip(request)
        response = HttpResponse(entry["gzip"] if compressed else entry["body"])
        for name, value in entry["headers"]:
            response[name] = value
        if compressed:
            response["Content-Encoding"] = "gzip"
        response["Cache-Control"] = public_cache_control(max(0, int(entry["expires"] - time.time())))
        response["X-Page-Cache"] = "hit" if hit else "miss"
        return response


def public_cache_control(remaining):
    """Browsers keep a public page a minute; a CDN in front (docs/deployment.md) a little longer;
    neither past ``remaining`` seconds, when the page cache's own copy expires (a call's deadline)."""
    browser = min(getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60), remaining)
    shared = min(getattr(settings, "CDN_CACHE_SECONDS", 0), remaining)
    return f"public, max-age={browser}" + (f", s-maxage={shared}" if shared > browser else "")


def compress_if_safe(request, response):
    """Gzip a response that carries no secret (BREACH): what the page cache would store, plus search.

    A response that set a cookie or used the CSRF token is sent as it is.
    """
    if (
        accepts_gzip(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and carries_no_secret(request, response)
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and not response.has_header("Content-Encoding")
        and len(response.content) >= 512
    ):
        response.content = gzip.compress(response.content, compresslevel=6, mtime=0)
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        patch_vary_headers(response, ("Accept-Encoding",))
    return response
