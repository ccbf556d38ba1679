"""The city directory: filters that live in the URL, counts per value, sorting, pagination.

One parser serves the HTML page, the CSV export and the map's GeoJSON. The HTML page drops what
it does not understand and says so; the exports answer 400 with the same messages.

The number of queries is fixed whatever the number of cities: one for the programme names, one
per facet (two for programmes: their own list and their partnerships), one for the count, one for
the page of cities and one for their themes. Theme names come from the cached snippet map.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import CityPage, PartnershipCity
from programmes.localize import snippet_map
from programmes.models import ProgrammePage, Theme, WorldRegion

PAGE_SIZE = 24
SORTS = {
    "name": ("title", "pk"),
    "-name": ("-title", "-pk"),
    "population": ("population", "title", "pk"),
    "-population": ("-population", "title", "pk"),
}
FILTERS = ("country", "region", "programme", "theme", "looking")
PARAMETERS = (*FILTERS, "sort", "page")
TRUE_VALUES = ("1", "on", "true", "yes")
FALSE_VALUES = ("", "0", "off", "false", "no")


def sort_choices():
    return [
        ("name", _("Name (A–Z)")),
        ("-name", _("Name (Z–A)")),
        ("-population", _("Population (largest first)")),
        ("population", _("Population (smallest first)")),
    ]


@dataclass
class Vocabulary:
    """The values a filter can take in one language, with their display names."""

    themes: dict  # slug -> name in the reader's language
    programmes: dict  # code -> short name in the reader's language

    @classmethod
    def for_locale(cls, locale_id):
        themes = {theme.slug: theme.name for theme in snippet_map(Theme, locale_id).values()}
        programmes = {}
        rows = ProgrammePage.objects.live().order_by("pk").values_list("code", "short_name", "locale_id")
        for code, short_name, row_locale in rows:
            if row_locale == locale_id or code not in programmes:
                programmes[code] = short_name
        return cls(themes=themes, programmes=programmes)


@dataclass
class Query:
    """A parsed query string: the chosen filters, the sort, and what was wrong with it."""

    chosen: dict = field(default_factory=dict)
    sort: str = "name"
    errors: list = field(default_factory=list)  # (parameter, message)


def parse(params, vocabulary, strict=False):
    """Read the filters and the sort from ``params`` (a QueryDict).

    Unknown values are left out and reported in ``errors``. With ``strict``, unknown parameter
    names and repeated parameters are reported too (the exports refuse them; the page ignores them).
    """
    query = Query()
    errors = query.errors
    if strict:
        for name in sorted(set(params) - set(PARAMETERS)):
            errors.append((name, _("“%(name)s” is not a known parameter.") % {"name": name}))
        for name in PARAMETERS:
            if len(params.getlist(name)) > 1:
                errors.append((name, _("Give “%(name)s” only once.") % {"name": name}))

    country = params.get("country", "").strip().upper()
    if country:
        if country in countries:
            query.chosen["country"] = country
        else:
            errors.append(("country", _("“%(value)s” is not a country code.") % {"value": country}))
    region = params.get("region", "").strip()
    if region:
        if region in WorldRegion.values:
            query.chosen["region"] = region
        else:
            errors.append(("region", _("“%(value)s” is not a world region.") % {"value": region}))
    programme = params.get("programme", "").strip()
    if programme:
        if programme in vocabulary.programmes:
            query.chosen["programme"] = programme
        else:
            errors.append(("programme", _("“%(value)s” is not a programme.") % {"value": programme[:100]}))
    theme = params.get("theme", "").strip()
    if theme:
        if theme in vocabulary.themes:
            query.chosen["theme"] = theme
        else:
            errors.append(("theme", _("“%(value)s” is not a theme.") % {"value": theme[:100]}))
    looking = params.get("looking", "").strip().lower()
    if looking in TRUE_VALUES:
        query.chosen["looking"] = True
    elif looking not in FALSE_VALUES:
        errors.append(("looking", _("“looking” is either 1 or 0.")))
    sort = params.get("sort", "").strip()
    if sort in SORTS:
        query.sort = sort
    elif sort:
        errors.append(("sort", _("“%(value)s” is not a sort order.") % {"value": sort[:100]}))
    return query


def filter_q(name, value):
    if name == "country":
        return Q(country=value)
    if name == "region":
        return Q(region=value)
    if name == "looking":
        return Q(looking_for_partners=True)
    if name == "theme":
        # Translations keep the source-language themes; the slug is the same in every language.
        return Q(pk__in=CityPage.themes.through.objects.filter(theme__slug=value).values("citypage_id"))
    if name == "programme":
        # A city takes part in a programme it lists, or through a live partnership of that programme.
        return Q(
            pk__in=CityPage.programmes.through.objects.filter(programmepage__code=value).values("citypage_id")
        ) | Q(
            translation_key__in=PartnershipCity.objects.filter(
                partnership__live=True, partnership__programme__code=value
            ).values("city__translation_key")
        )
    raise ValueError(name)


def filtered(base, chosen, leave_out=None):
    queryset = base
    for name, value in chosen.items():
        if name != leave_out:
            queryset = queryset.filter(filter_q(name, value))
    return queryset


def base_queryset(index):
    return CityPage.objects.child_of(index).live()


def facet_counts(base, chosen, vocabulary):
    """For each filter, (value, label, count) with the other chosen filters applied.

    A chosen value is always listed, with 0 if nothing matches it any more.
    """
    by_country = dict(
        filtered(base, chosen, "country").order_by().values_list("country").annotate(n=Count("pk"))
    )
    by_region = dict(
        filtered(base, chosen, "region").order_by().values_list("region").annotate(n=Count("pk"))
    )
    by_theme = dict(
        CityPage.themes.through.objects.filter(citypage__in=filtered(base, chosen, "theme"))
        .order_by()
        .values_list("theme__slug")
        .annotate(n=Count("citypage_id", distinct=True))
    )
    in_programme = filtered(base, chosen, "programme")
    pairs = set(
        CityPage.programmes.through.objects.filter(citypage__in=in_programme).values_list(
            "citypage__translation_key", "programmepage__code"
        )
    ) | set(
        PartnershipCity.objects.filter(
            partnership__live=True,
            partnership__programme__isnull=False,
            city__translation_key__in=in_programme.values("translation_key"),
        ).values_list("city__translation_key", "partnership__programme__code")
    )
    by_programme = {}
    for _key, code in pairs:
        by_programme[code] = by_programme.get(code, 0) + 1
    looking = filtered(base, chosen, "looking").filter(looking_for_partners=True).count()

    for name, counts in (
        ("country", by_country),
        ("region", by_region),
        ("theme", by_theme),
        ("programme", by_programme),
    ):
        if name in chosen:
            counts.setdefault(chosen[name], 0)

    country_names = dict(countries)
    region_order = {code: position for position, code in enumerate(WorldRegion.values)}
    region_names = dict(WorldRegion.choices)

    def by_label(rows):
        return sorted(rows, key=lambda row: str(row[1]).casefold())

    return {
        "country": by_label((code, str(country_names.get(code, code)), n) for code, n in by_country.items()),
        "region": sorted(
            ((code, str(region_names.get(code, code)), n) for code, n in by_region.items()),
            key=lambda row: region_order.get(row[0], 99),
        ),
        "theme": by_label((slug, vocabulary.themes.get(slug, slug), n) for slug, n in by_theme.items()),
        "programme": by_label(
            (code, vocabulary.programmes.get(code, code), n)
            for code, n in by_programme.items()
            if code in vocabulary.programmes
        ),
        "looking": looking,
    }


def filter_querystring(chosen, sort="name", page=None, **changes):
    """The query string for ``chosen``, ``sort`` and ``page`` with ``changes`` (None removes a filter)."""
    values = {**chosen, **changes}
    query = QueryDict(mutable=True)
    for name in FILTERS:
        value = values.get(name)
        if value is None or value is False:
            continue
        query[name] = "1" if value is True else value
    if sort != "name":
        query["sort"] = sort
    if page and page != 1:
        query["page"] = str(page)
    return query.urlencode()


def directory_context(index, request):
    from cities.listings import with_themes

    vocabulary = Vocabulary.for_locale(index.locale_id)
    query = parse(request.GET, vocabulary)
    chosen, sort = query.chosen, query.sort
    base = base_queryset(index)
    cities = filtered(base, chosen).order_by(*SORTS[sort]).prefetch_related("themes")
    paginator = Paginator(cities, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    with_themes(page.object_list, index.locale_id)

    facets = facet_counts(base, chosen, vocabulary)
    labels = {
        "country": dict((code, label) for code, label, _n in facets["country"]),
        "region": dict((code, label) for code, label, _n in facets["region"]),
        "theme": dict((code, label) for code, label, _n in facets["theme"]),
        "programme": dict((code, label) for code, label, _n in facets["programme"]),
    }
    active_filters = []
    for name in FILTERS:
        if name in chosen:
            label = (
                _("Looking for partners")
                if name == "looking"
                else labels[name].get(chosen[name], chosen[name])
            )
            active_filters.append(
                {
                    "name": name,
                    "label": label,
                    "remove_query": filter_querystring(chosen, sort, **{name: None}),
                }
            )
    filters_query = filter_querystring(chosen, sort)
    notices = []
    if query.errors:
        notices.append(
            _("Some filters were not understood and were ignored: %(messages)s")
            % {"messages": " ".join(message for _name, message in query.errors)}
        )
    page_links = [
        {"number": number, "query": filter_querystring(chosen, sort, page=number)}
        if isinstance(number, int)
        else {"number": None}
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return {
        "cities": page,
        "paginator": paginator,
        "page_links": page_links,
        "previous_query": filter_querystring(chosen, sort, page=page.previous_page_number())
        if page.has_previous()
        else None,
        "next_query": filter_querystring(chosen, sort, page=page.next_page_number())
        if page.has_next()
        else None,
        "facets": facets,
        "chosen": chosen,
        "active_filters": active_filters,
        "sort": sort,
        "sorts": sort_choices(),
        "filters_query": filters_query,
        "filter_notices": notices,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
