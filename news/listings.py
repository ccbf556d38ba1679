from django.core.cache import cache
from django.utils.translation import gettext as _
from django_countries import countries

from base.localize import snippet_map
from base.models import Theme
from news.models import NewsPage
from programmes import filters
from programmes.listings import NEWS_FIELDS, children_paths, localized_programme, programme_map
from programmes.models import ProgrammePage
from website.derived import CACHE_SECONDS, generation_cached
from website.listings import filter_notices, paginate
from website.pagecache import current_generation

PAGE_SIZE = 10


def filter_news(queryset, chosen):
    """``queryset`` of news items narrowed to ``chosen`` (programme, theme, country: programmes.filters)."""
    if "programme" in chosen:
        queryset = queryset.filter(programme__code=chosen["programme"])
    if "theme" in chosen:
        # A subquery rather than a join: each item once, without DISTINCT.
        tagged = NewsPage.themes.through.objects.filter(theme__slug=chosen["theme"]).values("newspage_id")
        queryset = queryset.filter(pk__in=tagged)
    if "country" in chosen:
        # The programme a news item points at may be in any language: all of them are looked at.
        matching = filters.programmes_matching({"country": chosen["country"]})
        queryset = queryset.filter(programme_id__in=[page.pk for page in matching])
    return queryset


def news_queryset(index, programme=None, theme=None, country=None):
    queryset = NewsPage.objects.live().filter(path__range=children_paths(index), depth=index.depth + 1)
    chosen = {"programme": programme, "theme": theme, "country": country}
    return filter_news(queryset, {name: value for name, value in chosen.items() if value}).order_by(
        "-date", "-pk"
    )


class NewsFilterSet(filters.ProgrammeFilterSet):
    """The news filters (programmes.filters), checked against the programmes and themes the
    index's listing offers; the feeds read them without giving these."""

    def __init__(self, data, locale_id, programmes=None, themes=None, **kwargs):
        self.programmes = programme_map(locale_id)["by_short_name"] if programmes is None else programmes
        self.themes = index_themes(locale_id) if themes is None else themes
        super().__init__(data, locale_id, **kwargs)

    def programme_choices(self):
        return [(programme.code, programme.short_name) for programme in self.programmes]

    def theme_choices(self):
        return [(theme.slug, theme.name) for theme in self.themes]


def index_themes(locale_id):
    return sorted(
        (t for t in snippet_map(Theme, locale_id).values() if t.locale_id == locale_id),
        key=lambda t: t.name.casefold(),
    )


def _programme_country_codes(locale_id):
    rows = ProgrammePage.objects.live().filter(locale_id=locale_id).values_list("countries", flat=True)
    return sorted({code for row in rows for code in row.split(",") if code})  # stored as "GR,PL"


def news_countries(locale_id):
    """(code, name) of the countries taking part in the language's programmes, by name in the active
    language; the codes kept until the content generation changes."""
    codes = generation_cached("programme-countries", lambda: _programme_country_codes(locale_id), locale_id)
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1].casefold())


def news_count(index, queryset, programme="", theme="", country=""):
    """How many news items ``queryset`` (the index's news, filtered) holds.

    The counts of an index are a small map (one number per filter combination asked for),
    kept per content generation: publishing or unpublishing a news item starts a new one.
    """
    key = f"news-counts:{current_generation()}:{index.pk}"
    counts = cache.get(key) or {}
    combination = f"{programme}|{theme}|{country}"
    if combination not in counts:
        counts[combination] = queryset.count()
        cache.set(key, counts, CACHE_SECONDS)
    return counts[combination]


def news_page(index, queryset, number, programme="", theme="", country=""):
    """The page ``number`` of ``queryset`` as ``Paginator.get_page`` gives it, the count read from
    the cached counts and the page's items kept under the content generation: one query for a
    page of items not shown since the last publication, none for the others."""
    page = paginate(queryset, number, PAGE_SIZE, count=news_count(index, queryset, programme, theme, country))
    items = page.object_list
    page.object_list = generation_cached(
        "news-page", lambda: list(items), index.pk, page.number, programme, theme, country
    )
    return page


def news_index_context(index, request):
    locale_id = index.locale_id
    data = programme_map(locale_id)
    programmes = data["by_short_name"]
    themes = index_themes(locale_id)
    filterset = NewsFilterSet(request.GET, locale_id, programmes, themes)
    # The page leaves out what it does not know and says so; the feeds refuse it (news.feeds).
    notices = filter_notices(
        filterset,
        {
            "programme": _("There is no programme “%(value)s”; showing all programmes."),
            "theme": _("There is no theme “%(value)s”; showing all themes."),
        },
    )
    chosen = filterset.chosen
    programme, theme, country = (chosen.get(name, "") for name in ("programme", "theme", "country"))
    queryset = news_queryset(index, programme, theme, country).only(*NEWS_FIELDS, "programme")
    page = news_page(index, queryset, request.GET.get("page"), programme, theme, country)
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
        "countries": news_countries(locale_id),
        "chosen_programme": programme,
        "chosen_theme": theme,
        "chosen_country": country,
        "filters_query": filterset.query(),
        "query_without_page": query.urlencode(),
        "filter_notices": notices,
    }
