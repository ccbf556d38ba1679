"""Serving a page with as few queries as the page itself needs.

Wagtail's ``serve`` view, for every request, looks up the ``Site`` for the hostname (one query),
the active ``Locale`` and the root page's translation in it (two), makes that root specific
(one), routes down to the page (our ``HomePage.route``: one) and makes the page specific (one),
then checks the view restrictions of the page and its ancestors (two). None of that changes
between two publications, so this view keeps it per process for the current content generation
(``website.pagecache.current_generation``, bumped on every publish, unpublish, move, deletion,
site or view-restriction change), hands Wagtail a ready route (``request._wagtail_site`` and
``request._wagtail_route_for_request``, which Wagtail reads before computing them) and then
runs Wagtail's own ``serve``: its hooks, privacy checks and ``page.serve`` are unchanged.

What is kept is only a hint: the page is always loaded from the database (one query, already
specific) with its address checked, so a stale entry can cost a query, never a wrong page.
Pages under a view restriction are routed and checked exactly as Wagtail does.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from website.derived import generation_cached
from website.pagecache import current_generation

MAX_ROUTES = 20_000  # remembered addresses per process (a few MB at most)


@dataclass
class Snapshot:
    generation: int
    sites: dict = field(default_factory=dict)  # (hostname, port) -> Site or None
    homes: dict = field(default_factory=dict)  # (root page id, language) -> (path, url_path) or None
    routes: dict = field(default_factory=dict)  # requested path -> (page id, type id, url_path, home path)
    restricted_paths: tuple | None = None  # tree paths of the pages that carry a view restriction
    url_parts: dict = field(default_factory=dict)  # (page id, url_path, language, site) -> get_url_parts()


_snapshot = Snapshot(generation=None)


def snapshot():
    """The routing facts of this process for the current content generation."""
    global _snapshot
    generation = current_generation()
    if _snapshot.generation != generation:
        _snapshot = Snapshot(generation=generation)
    return _snapshot


def forget():
    """Drop this process's snapshot (tests, after the database is rolled back under it)."""
    global _snapshot
    _snapshot = Snapshot(generation=None)


def site_for_request(request, state):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = (hostname, port)
    if key not in state.sites:
        try:
            state.sites[key] = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            state.sites[key] = None
    return state.sites[key]


def remember_site(request):
    """Set the request's Site from the process's snapshot (for views other than pages', which
    link to pages: ``Site.find_for_request`` would otherwise look it up)."""
    request._wagtail_site = site_for_request(request, snapshot())
    return request._wagtail_site


def home_for(site, language, state):
    """(path, url_path) of the site's root page in ``language``, else of the root page itself."""
    key = (site.root_page_id, language)
    if key not in state.homes:
        root = Page.objects.filter(pk=site.root_page_id).values("path", "url_path", "translation_key").first()
        home = None
        if root is not None:
            home = (
                Page.objects.filter(translation_key=root["translation_key"], locale__language_code=language)
                .values("path", "url_path")
                .first()
            ) or root
            home = (home["path"], home["url_path"])
        state.homes[key] = home
    return state.homes[key]


def restricted_paths(state):
    if state.restricted_paths is None:
        state.restricted_paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    return state.restricted_paths


def remembered_url_parts(page, request, get_url_parts):
    """``get_url_parts(request)`` for ``page``, remembered for the content generation: it reads
    only the page's address, the sites (a change to either starts a new generation), the active
    language and, where a page belongs to several sites, the request's site."""
    if page.pk is None:
        return get_url_parts(request)
    site = getattr(request, "_wagtail_site", None)
    key = (page.pk, page.url_path, translation.get_language(), site.pk if site is not None else None)
    state = snapshot()
    parts = state.url_parts.get(key)
    if parts is None:
        parts = get_url_parts(request)
        if len(state.url_parts) >= MAX_ROUTES:
            state.url_parts.clear()
        state.url_parts[key] = parts
    return parts


def may_be_restricted(page):
    """False when no view restriction covers the page (no query once the snapshot knows them)."""
    return any(page.path.startswith(path) for path in restricted_paths(snapshot()))


def _load(page_id, content_type_id, url_path, home_path):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=page_id, url_path=url_path, path__startswith=home_path).first()


def _load_kept(known):
    """The page as published, kept (pickled) under the content generation: for visitors."""
    return generation_cached("live-page", lambda: _load(*known), *known)


def find_page(home, components, state, visitor=False):
    """The deepest page whose address starts the path, already specific, and the rest of the path.

    The answer for this exact path is remembered (the page's id, type and address, and how much
    of the path it took), so the next request for it loads the page alone; otherwise one query
    finds the deepest match, as ``HomePage.route`` does. For a ``visitor`` (no session: not an
    editor) the page row itself is kept under the content generation, so a remembered address
    costs no query; editors always get the row as it is in the database.
    """
    home_path, home_url_path = home
    home_depth = len(home_path) // Page.steplen
    requested = home_url_path + "".join(part + "/" for part in components)
    known = state.routes.get(requested)
    if known is not None:
        page = _load_kept(known) if visitor else _load(*known)
        if page is not None:
            return page, components[page.depth - home_depth :]
        del state.routes[requested]
    candidates = [
        home_url_path + "".join(part + "/" for part in components[:length])
        for length in range(len(components), -1, -1)
    ]
    row = (
        Page.objects.filter(url_path__in=candidates, path__startswith=home_path)
        .order_by("-depth")
        .values("pk", "content_type_id", "url_path")
        .first()
    )
    if row is None:
        return None, components
    known = (row["pk"], row["content_type_id"], row["url_path"], home_path)
    page = _load_kept(known) if visitor else _load(*known)
    if page is None:
        return None, components
    if len(state.routes) >= MAX_ROUTES:
        state.routes.clear()
    state.routes[requested] = known
    return page, components[page.depth - home_depth :]


def prepare_route(request, path):
    """Fill in what Wagtail's ``Page.route_for_request`` would compute, where it is safe to."""
    state = snapshot()
    site = site_for_request(request, state)
    request._wagtail_site = site
    if site is None:
        return
    language = translation.get_language() or settings.LANGUAGE_CODE
    home = home_for(site, language, state)
    if home is None:
        return
    components = [component for component in path.split("/") if component]
    visitor = settings.SESSION_COOKIE_NAME not in request.COOKIES
    page, rest = find_page(home, components, state, visitor)
    if page is None:
        request._wagtail_route_for_request = None
        return
    try:
        request._wagtail_route_for_request = page.route(request, rest)
    except Http404:
        request._wagtail_route_for_request = None


def serve(request, path):
    """Wagtail's ``serve`` with the site and the route prepared from the process's snapshot."""
    prepare_route(request, path)
    return wagtail_views.serve(request, path)


def page_family(page, request):
    """The addresses of the live translations of ``page`` and its live ancestors below the tree root.

    ``{"translations": {language code: url}, "ancestors": [{"title", "url", "depth"}, ...]}``, read
    in one query and kept under the content generation (it changes when any page is published,
    unpublished, moved or deleted). The language switcher, hreflang links and breadcrumbs read it.
    """
    family = getattr(page, "_family", None)
    if family is None:
        if page.pk is None:  # the preview of a page not saved yet
            family = _family(page, request)
        else:
            family = generation_cached("page-family", lambda: _family(page, request), page.pk, request.get_host())
        page._family = family
    return family


def _family(page, request):
    steplen = Page.steplen
    ancestor_paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    pages = list(
        Page.objects.live()
        .filter(Q(translation_key=page.translation_key) | Q(path__in=ancestor_paths))
        .select_related("locale")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "locale_id",
            "locale__language_code",
            "content_type_id",
        )
        .order_by("path")
    )
    return {
        "translations": {
            p.locale.language_code: p.get_url(request) for p in pages if p.translation_key == page.translation_key
        },
        "ancestors": [
            {"title": p.title, "url": p.get_url(request), "depth": p.depth} for p in pages if p.path in ancestor_paths
        ],
    }
