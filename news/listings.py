from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from cities.listings import localized_pages
from news.models import NewsPage
from programmes.localize import snippet_map
from programmes.models import ProgrammePage, Theme

PAGE_SIZE = 10


def news_queryset(index, programme=None, theme=None):
    queryset = NewsPage.objects.child_of(index).live()
    if programme:
        queryset = queryset.filter(programme__code=programme)
    if theme:
        queryset = queryset.filter(themes__slug=theme).distinct()
    return queryset.order_by("-date", "-pk")


def news_index_context(index, request):
    locale_id = index.locale_id
    programmes = list(
        ProgrammePage.objects.live().filter(locale_id=locale_id).only("id", "code", "short_name", "translation_key", "locale_id").order_by("short_name")
    )
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
    paginator = Paginator(news_queryset(index, programme, theme).select_related("programme"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    items = list(page.object_list)
    local = {p.translation_key: p for p in localized_pages([i.programme for i in items if i.programme_id], locale_id)}
    for item in items:
        item.localized_programme = local.get(item.programme.translation_key) if item.programme_id else None
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
