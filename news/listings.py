from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from news.models import NewsPage
from programmes.listings import NEWS_FIELDS, children_paths, localized_programme, programme_map
from programmes.localize import snippet_map
from programmes.models import Theme
from website.derived import CACHE_SECONDS, generation_cached
from website.pagecache import current_generation

PAGE_SIZE = 10


def news_queryset(index, programme=None, theme=None):
    queryset = NewsPage.objects.live().filter(path__range=children_paths(index), depth=index.depth + 1)
    if programme:
        queryset = queryset.filter(programme__code=programme)
    if theme:
        # A subquery rather than a join: each item once, without DISTINCT.
        tagged = NewsPage.themes.through.objects.filter(theme__slug=theme).values("newspage_id")
        queryset = queryset.filter(pk__in=tagged)
    return queryset.order_by("-date", "-pk")


def news_count(index, queryset, programme="", theme=""):
    """How many news items ``queryset`` (the index's news, filtered) holds.

    The counts of an index are a small map (one number per filter combination asked for),
    kept per content generation: publishing or unpublishing a news item starts a new one.
    """
    key = f"news-counts:{current_generation()}:{index.pk}"
    counts = cache.get(key) or {}
    combination = f"{programme}|{theme}"
    if combination not in counts:
        counts[combination] = queryset.count()
        cache.set(key, counts, CACHE_SECONDS)
    return counts[combination]


def news_page(index, queryset, number, programme="", theme=""):
    """The page ``number`` of ``queryset`` as ``Paginator.get_page`` gives it, the count read from
    the cached counts and the page's items kept under the content generation: one query for a
    page of items not shown since the last publication, none for the others."""
    paginator = Paginator(queryset, PAGE_SIZE)
    paginator.count = news_count(index, queryset, programme, theme)  # the cached_property's value
    page = paginator.get_page(number)
    items = page.object_list
    page.object_list = generation_cached(
        "news-page", lambda: list(items), index.pk, page.number, programme, theme
    )
    return page


def news_index_context(index, request):
    locale_id = index.locale_id
    data = programme_map(locale_id)
    programmes = data["by_short_name"]
    themes = sorted(
        (t for t in snippet_map(Theme, locale_id).values() if t.locale_id == locale_id),
        key=lambda t: t.name.casefold(),
    )
    programme = request.GET.get("programme", "")
    theme = request.GET.get("theme", "")
    notices = []
    if programme and programme not in {p.code for p in programmes}:
        notices.append(_("There is no programme “%(value)s”; showing all programmes.") % {"value": programme})
        programme = ""
    if theme and theme not in {t.slug for t in themes}:
        notices.append(_("There is no theme “%(value)s”; showing all themes.") % {"value": theme})
        theme = ""
    queryset = news_queryset(index, programme, theme).only(*NEWS_FIELDS, "programme")
    page = news_page(index, queryset, request.GET.get("page"), programme, theme)
    items = page.object_list
    for item in items:
        item.localized_programme = localized_programme(item.programme_id, locale_id, data)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "news_items": items,
        "news_page": page,
        "programmes": programmes,
        "themes": themes,
        "chosen_programme": programme,
        "chosen_theme": theme,
        "query_without_page": query.urlencode(),
        "filter_notices": notices,
    }
