"""The city directory: filters that live in the URL, counts per value, sorting, pagination.

The number of queries is fixed whatever the number of cities: one per facet, one for the count,
one for the page of cities and one for their themes.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import CityPage, PartnershipCity
from programmes.localize import snippet_map
from programmes.models import ProgrammePage, Theme, WorldRegion

PAGE_SIZE = 24
SORTS = {
    "name": ("title",),
    "-name": ("-title",),
    "population": ("population", "title"),
    "-population": ("-population", "title"),
}
FILTERS = ("country", "region", "programme", "theme", "looking")


def clean_filters(params):
    """The valid filter values from the query string; unknown values are dropped and reported."""
    chosen, ignored = {}, []
    country = params.get("country", "").strip().upper()
    if country:
        if country in countries:
            chosen["country"] = country
        else:
            ignored.append("country")
    region = params.get("region", "").strip()
    if region:
        if region in WorldRegion.values:
            chosen["region"] = region
        else:
            ignored.append("region")
    for name in ("programme", "theme"):
        value = params.get(name, "").strip()
        if value:
            if value.replace("-", "").isalnum() and len(value) <= 100:
                chosen[name] = value
            else:
                ignored.append(name)
    if params.get("looking") in ("1", "on", "true", "yes"):
        chosen["looking"] = True
    return chosen, ignored


def filter_q(name, value):
    through_themes = CityPage.themes.through
    through_programmes = CityPage.programmes.through
    if name == "country":
        return Q(country=value)
    if name == "region":
        return Q(region=value)
    if name == "looking":
        return Q(looking_for_partners=True)
    if name == "theme":
        return Q(pk__in=through_themes.objects.filter(theme__slug=value).values("citypage_id"))
    if name == "programme":
        return Q(
            pk__in=through_programmes.objects.filter(programmepage__code=value).values("citypage_id")
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


def facet_counts(base, chosen, locale_id):
    """Counts per value for each filter, with the other chosen filters applied."""
    by_country = filtered(base, chosen, "country").values_list("country").annotate(n=Count("pk"))
    by_region = filtered(base, chosen, "region").values_list("region").annotate(n=Count("pk"))
    theme_rows = (
        CityPage.themes.through.objects.filter(citypage__in=filtered(base, chosen, "theme"))
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
            city__translation_key__in=in_programme.values("translation_key"),
        ).values_list("city__translation_key", "partnership__programme__code")
    )
    programme_counts = {}
    for _key, code in pairs:
        if code:
            programme_counts[code] = programme_counts.get(code, 0) + 1
    looking = filtered(base, chosen, "looking").filter(looking_for_partners=True).count()

    themes = {t.slug: t.name for t in snippet_map(Theme, locale_id).values() if t.locale_id == locale_id}
    programmes = dict(
        ProgrammePage.objects.live().filter(locale_id=locale_id).values_list("code", "short_name")
    )
    country_names = dict(countries)
    region_names = dict(WorldRegion.choices)
    return {
        "country": sorted(
            ((code, str(country_names.get(code, code)), n) for code, n in by_country),
            key=lambda row: row[1],
        ),
        "region": [(code, str(region_names.get(code, code)), n) for code, n in sorted(by_region)],
        "theme": sorted(
            ((slug, themes.get(slug, slug), n) for slug, n in theme_rows), key=lambda row: row[1]
        ),
        "programme": sorted(
            ((code, programmes.get(code, code), n) for code, n in programme_counts.items()),
            key=lambda row: row[1],
        ),
        "looking": looking,
    }


def directory_context(index, request):
    params = request.GET
    chosen, ignored = clean_filters(params)
    sort = params.get("sort", "name")
    if sort not in SORTS:
        sort = "name"
    base = CityPage.objects.live().filter(locale_id=index.locale_id)
    cities = filtered(base, chosen).order_by(*SORTS[sort])
    paginator = Paginator(cities.prefetch_related("themes"), PAGE_SIZE)
    page = paginator.get_page(params.get("page"))
    from cities.listings import with_themes

    with_themes(page.object_list, index.locale_id)
    query = params.copy()
    query.pop("page", None)
    notices = []
    if ignored:
        notices.append(_("Some filters were not understood and were ignored: %(names)s.") % {"names": ", ".join(ignored)})
    return {
        "cities": page,
        "paginator": paginator,
        "facets": facet_counts(base, chosen, index.locale_id),
        "chosen": chosen,
        "sort": sort,
        "sorts": [
            ("name", _("Name (A–Z)")),
            ("-name", _("Name (Z–A)")),
            ("-population", _("Population (largest first)")),
            ("population", _("Population (smallest first)")),
        ],
        "query_without_page": query.urlencode(),
        "filter_notices": notices,
    }
