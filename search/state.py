"""The facet map and the catalogue of this process (``search.facets``, ``search.catalogue``), kept
current.

Built whole on the first search, then brought up to date when the content generation changes
(``website.pagecache``) by reading again only what changed: the pages published since the last
look (``last_published_at``) or new since then, and the pages gone (unpublished, deleted), found
by counting the live pages. A publication costs the next search a handful of queries, whatever
the size of the site, instead of the whole build (about forty queries and two seconds at 10,000
pages).

While Redis is away, the generations are the database's (``website.pagecache.database_generation``):
a search brings the state up to date when Wagtail logged a change or the minute turned, and the
state is built whole only every ``MAX_AGE`` seconds (``update``), not at every search.

Built whole again when a change reaches further than pages (the site's page generation: a theme,
a privacy setting, a site; a programme, whose name and code other pages show; a page with
descendants, a move), when more than ``MAX_CHANGED`` pages changed, when a live page is missing,
and after ``MAX_AGE`` seconds whatever happened (a page published again and committed more than
``MARGIN`` after it was made would otherwise keep its old words until then).
"""

import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from programmes.models import ProgrammePage
from search import catalogue as catalogue_data
from search import facets as facet_data
from website import derived
from website.cache import breaker

MAX_AGE = 3600
MARGIN = timedelta(minutes=2)
MAX_CHANGED = 200


@dataclass(frozen=True)
class State:
    facet_map: facet_data.FacetMap
    catalogue: catalogue_data.Catalogue
    generation: object  # the content generation it was read at
    scopes: str  # the generations of what makes it build whole (``wider_scopes``)
    since: datetime  # a publication from then on is not in it yet
    last_id: int  # the highest page id seen: a page above it is new
    built: float  # when it was built whole (time.monotonic)
    private: tuple = ()  # the pages with a view restriction (any change to one builds it whole)
    locales: dict = field(default_factory=dict)  # language code -> Locale

    def public(self, pages):
        """``pages.public()`` (Wagtail's), without reading the view restrictions again."""
        private = Q()
        for page in self.private:
            private |= Page.objects.descendant_of_q(page, inclusive=True)
        return pages.exclude(private) if private else pages


def public_rows(rows, private):
    """The rows (``search.facets.live_page_rows``) of pages in no private section."""
    paths = tuple(page.path for page in private)
    return [row for row in rows if not row[4].startswith(paths)]


def wider_scopes():
    return derived.generation(depends_on=[derived.TREE, ProgrammePage])


def build(generation):
    scopes, since = wider_scopes(), timezone.now()
    private = tuple(restriction.page for restriction in PageViewRestriction.objects.select_related("page"))
    rows = list(facet_data.live_page_rows())
    facet_map = facet_data.build_facet_map(rows)
    return State(
        facet_map=facet_map,
        catalogue=catalogue_data.build_catalogue(facet_map, public_rows(rows, private)),
        generation=generation,
        scopes=scopes,
        since=since,
        last_id=max(facet_map.pages, default=0),
        built=time.monotonic(),
        private=private,
        locales={locale.language_code: locale for locale in Locale.objects.all()},
    )


def update(state, generation):
    """``state`` with what changed since it was read, or None when it must be built whole.

    While Redis is away the generations are the database's (website.pagecache): the pages that
    changed are still found in the database, but whether a change reached further cannot be
    told, so the state is kept until Redis is back (its generations are bumped then) or ``MAX_AGE``.
    """
    scopes, since = wider_scopes(), timezone.now()
    if scopes != state.scopes and not breaker.down:
        return None
    changed = list(
        Page.objects.filter(Q(last_published_at__gte=state.since - MARGIN) | Q(pk__gt=state.last_id))
        .order_by()
        .values_list("pk", "translation_key", "locale_id", "live", "depth")[: MAX_CHANGED + 1]
    )
    if len(changed) > MAX_CHANGED or any(row[2] not in state.facet_map.locales for row in changed):
        return None
    keys = {row[1] for row in changed}
    known = state.facet_map.pages  # its keys() are a set view, not a copy
    shown = {pk for pk, _key, _locale, live, depth in changed if live and depth > 1}
    hidden = {row[0] for row in changed} - shown
    expected = len(known) + len(shown - known.keys()) - len(hidden & known.keys())
    live = Page.objects.live().filter(depth__gt=1)
    if live.count() != expected:  # pages went (unpublished, deleted) or came without a publication
        live_ids = set(live.values_list("pk", flat=True))
        if live_ids - known.keys() - shown:
            return None  # live but not found: published long before its transaction committed
        keys |= {known[page_id].key for page_id in known.keys() - live_ids}
    facet_map, keys, rows = facet_data.updated_facet_map(state.facet_map, keys)
    old_ids = {page_id for key in keys for page_id in state.facet_map.keys.get(key, ())}
    return replace(
        state,
        facet_map=facet_map,
        catalogue=catalogue_data.updated_catalogue(
            state.catalogue, facet_map, keys, old_ids, public_rows(rows, state.private)
        ),
        generation=generation,
        scopes=scopes,
        since=since,
        last_id=max([state.last_id, *(row[0] for row in changed)]),
    )


_lock = threading.Lock()
_held = {"state": None}


def current(page_ids=()):
    """The facet map and catalogue as the content is now; built whole if one of ``page_ids`` (live
    pages a search found) is missing from them."""
    generation = derived.generation()
    with _lock:
        state = _held["state"]
    fresh = state
    if state is None or time.monotonic() - state.built > MAX_AGE:
        fresh = build(generation)
    elif state.generation != generation:
        fresh = update(state, generation) or build(generation)
    if any(page_id not in fresh.facet_map.pages for page_id in page_ids):
        fresh = build(generation)
    if fresh is not state:
        with _lock:
            held = _held["state"]
            if held is None or held is state or held.since <= fresh.since:
                _held["state"] = fresh
    return fresh


def clear():
    with _lock:
        _held["state"] = None
