from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def clean_query(raw):
    """Strip control characters and cut overlong queries; returns (query, notice)."""
    query = "".join(ch for ch in raw if ch.isprintable()).strip()
    notice = None
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notice = _("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
    return query, notice


def search(request):
    query, notice = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    page = None
    if query:
        queryset = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = queryset.search(query)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page, "notice": notice},
    )


def suggest(request):
    query, _notice = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(query) >= 2:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).autocomplete(query)[:8]
        suggestions = [{"title": p.title, "url": p.url} for p in pages]
    return JsonResponse({"query": query, "suggestions": suggestions})
