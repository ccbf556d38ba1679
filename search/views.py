"""The search page and the search box's suggestions (``/<lang>/search/``, ``/<lang>/search/suggest/``).

Both are read-only: no session, no database write (Wagtail's ``Query.get`` would create a row
per new query). A search (its first page, no filters, in the visitor's language) adds 1 to a
counter in the cache for the editors' report (search.querylog); suggestions are not counted.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from search import querylog, service

ALL_LANGUAGES = "all"


def _address(params, **changes):
    """The current search address with ``changes`` applied (``None`` removes a parameter).

    ``params`` is a plain dict of one value per name (built once per request: a facet list
    makes an address per option, and copying a ``QueryDict`` deep-copies it each time)."""
    query = {name: value for name, value in params.items() if name != "page" or "page" in changes}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    encoded = urlencode(query)
    return "?" + encoded if encoded else "?"


def page_links(current, total, url, around=2):
    """Previous, first, nearby, last and next page links, with gaps: [] when there is one page."""
    if total <= 1:
        return []
    numbers = sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})
    links = [{"rel": "prev", "url": url(current - 1)}] if current > 1 else []
    previous = 0
    for number in numbers:
        if number > previous + 1:
            links.append({"gap": True})
        links.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    if current < total:
        links.append({"rel": "next", "url": url(current + 1)})
    return links


def _current_language():
    return (get_language() or "en").split("-")[0]


def search_cache_control(used_fallback):
    """Said explicitly, so a CDN never guesses: a minute for results, none for the fallback's
    (they stand in for the search engine while it is away). Signed-in sessions get ``private,
    no-store`` over this (website.middleware.PrivateForSignedInMiddleware)."""
    return "no-cache" if used_fallback else "public, max-age=60"


@require_safe
def search(request):
    params = request.GET.copy()
    for name in list(params):
        if name not in ("q", "page", "languages", service.AS_TYPED, *service.FILTERS):
            params.pop(name)
    language = _current_language()
    all_languages = params.get("languages") == ALL_LANGUAGES
    outcome = service.run_search(request, params, language, all_languages=all_languages)
    first_page = (params.get("page") or "1").strip() == "1"
    if outcome.searched and first_page and not (outcome.chosen or all_languages):
        querylog.record(language, outcome.query, zero_results=not outcome.total)

    base = {**params.dict(), "q": outcome.query}
    filters = []
    for name in service.FILTERS:
        options = outcome.facets.get(name, [])
        for option in options:
            option.url = _address(base, **{name: None if option.selected else option.value})
        if options:
            filters.append(
                {
                    "name": name,
                    "label": service.FILTER_LABELS[name],
                    "options": options,
                    "clear_url": _address(base, **{name: None}) if name in outcome.chosen else None,
                }
            )

    pagination = page_links(
        outcome.page_number, outcome.num_pages, lambda number: _address(base, page=str(number))
    )
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "filters": filters,
        "pagination": pagination,
        "all_languages": all_languages,
        "languages_url": _address(base, languages=None if all_languages else ALL_LANGUAGES),
        "clear_filters_url": _address(base, **{name: None for name in service.FILTERS})
        if outcome.chosen
        else None,
    }
    response = TemplateResponse(request, "search/search.html", context)
    response["Cache-Control"] = search_cache_control(outcome.used_fallback)
    return response


@require_safe
def suggest(request):
    query, suggestions, used_fallback = service.suggest(
        request, request.GET.get("q", ""), _current_language()
    )
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["Cache-Control"] = search_cache_control(used_fallback)
    return response
