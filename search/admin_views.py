"""The editors' report of what people search for (search.querylog): per language, last 30 days."""

import logging
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.admin.auth import permission_denied

from search import querylog
from search.models import SearchQueryCount

logger = logging.getLogger(__name__)

SHOWN = 50
PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
ALL = "all"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _counts(languages, since):
    """{(query, zero_results): count} over the rows and the counters not moved yet."""
    counts = Counter()
    rows = (
        SearchQueryCount.objects.filter(language__in=languages, day__gte=since)
        .exclude(query="")
        .values("query", "zero_results")
        .annotate(total=Sum("count"))
    )
    for row in rows:
        counts[row["query"], row["zero_results"]] += row["total"]
    try:
        for item in querylog.pending(languages):
            if item.query and item.day >= since:
                counts[item.query, item.zero_results] += item.count
    except Exception:  # without the cache, the report shows what was moved
        logger.warning("Search terms report: the cache failed", exc_info=True)
    return counts


def search_terms(request):
    if not can_view(request.user):
        return permission_denied(request)
    codes = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("language")
    if language not in (*codes, ALL):
        own = (get_language() or "").split("-")[0]
        language = own if own in codes else ALL
    since = timezone.localdate() - timedelta(days=querylog.KEEP_DAYS - 1)
    counts = _counts(codes if language == ALL else [language], since)
    searched, found_nothing = Counter(), Counter()
    for (query, zero_results), count in counts.items():
        searched[query] += count
        if zero_results:
            found_nothing[query] += count

    def rows(counter):
        ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:SHOWN]
        return [{"query": query, "count": count} for query, count in ordered]

    context = {
        "languages": [(code, name) for code, name in settings.LANGUAGES],
        "language": language,
        "all": ALL,
        "frequent": rows(searched),
        "found_nothing": rows(found_nothing),
        "add_promotion_url": reverse("wagtailsearchpromotions:add"),
        "days": querylog.KEEP_DAYS,
        "enabled": settings.SEARCH_QUERY_LOG,
    }
    return TemplateResponse(request, "search/admin/search_terms.html", context)
