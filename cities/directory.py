"""The city directory: filters that live in the URL, counts per value, sorting, pagination.

One filter set serves the HTML page, the CSV export and the map's GeoJSON. The HTML page drops what
it does not understand and says so; the exports answer 400 with the same messages (website.listings).

The page counts and filters from an index of every city's country, region, themes, programmes
and partner search (``directory_index``), and takes the order from the database's own sort of
every city (``ordered_pks``); both are kept until a city, partnership or programme page changes
(``DEPENDS_ON``, website/derived.py), so
the page runs one query, for the cities it shows. Building them takes five queries and one per sort
order, whatever the number of cities. The exports filter in the database with ``filter_q``, which
``_mask`` mirrors. Theme names come from the cached snippet map.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, compress
from typing import NamedTuple

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from base.localize import snippet_map
from base.models import Theme, WorldRegion
from cities.matchmaking import DEPENDS_ON
from cities.models import CityPage, PartnershipCity
from programmes.models import ProgrammePage
from website.derived import cache_key, get_or_build
from website.derived import generation as current_generation
from website.listings import (
    AddressFilterMixin,
    AddressFilterSet,
    ValueFilter,
    country_filter,
    filter_errors,
    paginate,
)
from website.pagecache import cache_host

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
    def for_locale(cls, locale_id, generation=None):
        themes = {theme.slug: theme.name for theme in snippet_map(Theme, locale_id).values()}
        generation = current_generation(DEPENDS_ON) if generation is None else generation
        programmes = get_or_build(
            cache_key("directory-programmes", generation, locale_id), lambda: programme_names(locale_id)
        )
        return cls(themes=themes, programmes=programmes)


def programme_names(locale_id):
    """{code: short name} of the live programmes, in ``locale_id`` where translated."""
    programmes = {}
    rows = ProgrammePage.objects.live().order_by("pk").values_list("code", "short_name", "locale_id")
    for code, short_name, row_locale in rows:
        if row_locale == locale_id or code not in programmes:
            programmes[code] = short_name
    return programmes


class FlagField(forms.Field):
    """``looking``: yes (1, on, true, yes) or not asked (nothing, 0, off, false, no)."""

    def to_python(self, value):
        value = (value or "").strip().lower()
        if value in TRUE_VALUES:
            return True
        if value in FALSE_VALUES:
            return None
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class FlagFilter(AddressFilterMixin, django_filters.Filter):
    field_class = FlagField


class DirectoryFilterSet(AddressFilterSet):
    """The directory's filters and its sort, in the order their messages are given. With
    ``strict``, unknown parameter names and repeated parameters are reported too (the exports
    refuse them; the page ignores them)."""

    country = country_filter(gettext_lazy("“%(value)s” is not a country code."))
    region = ValueFilter(
        choices=WorldRegion.choices,
        error_messages={"invalid_choice": gettext_lazy("“%(value)s” is not a world region.")},
    )
    programme = ValueFilter(
        error_messages={"invalid_choice": gettext_lazy("“%(value)s” is not a programme.")}
    )
    theme = ValueFilter(error_messages={"invalid_choice": gettext_lazy("“%(value)s” is not a theme.")})
    looking = FlagFilter(error_messages={"invalid": gettext_lazy("“looking” is either 1 or 0.")})
    sort = ValueFilter(
        choices=sort_choices,
        error_messages={"invalid_choice": gettext_lazy("“%(value)s” is not a sort order.")},
    )

    class Meta:
        model = CityPage
        fields = []

    def __init__(self, data, vocabulary, strict=False, **kwargs):
        super().__init__(data, **kwargs)
        self.strict = strict
        self.filters["programme"].extra["choices"] = list(vocabulary.programmes.items())
        self.filters["theme"].extra["choices"] = list(vocabulary.themes.items())

    def address_errors(self):
        if not self.strict:
            return []
        errors = [
            (name, _("“%(name)s” is not a known parameter.") % {"name": name})
            for name in sorted(set(self.data) - set(PARAMETERS))
        ]
        errors += [
            (name, _("Give “%(name)s” only once.") % {"name": name})
            for name in PARAMETERS
            if len(self.data.getlist(name)) > 1
        ]
        return errors


@dataclass
class Query:
    """A parsed query string: the chosen filters, the sort, and what was wrong with it."""

    chosen: dict = field(default_factory=dict)
    sort: str = "name"
    errors: list = field(default_factory=list)  # (parameter, message)


def parse(params, vocabulary, strict=False):
    """Read the filters and the sort from ``params`` (a QueryDict); unknown values are left out
    and reported in ``errors`` (``DirectoryFilterSet``)."""
    filterset = DirectoryFilterSet(params, vocabulary, strict=strict)
    chosen = filterset.chosen
    return Query(
        chosen={name: chosen[name] for name in FILTERS if name in chosen},
        sort=chosen.get("sort", "name"),
        errors=filter_errors(filterset),
    )


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


class Index(NamedTuple):
    """Every live city of the directory, column by column, with what ``filter_q`` tests.

    Columns pickle and count much faster than one object per city.
    """

    pks: list
    countries: list
    regions: list
    looking: list
    theme_slugs: list  # per city, each slug once
    programme_codes: list  # per city, each code once: listed by the city or through a live partnership
    themes: list  # per city, positions in theme_keys, one per related theme (for the cards)
    theme_keys: tuple  # translation keys of the themes, each once


def directory_index(index, generation):
    """The ``Index`` of the directory's cities, cached: five queries to build."""

    def build():
        base = base_queryset(index)
        in_base = base.values("pk")
        rows = list(
            base.order_by("pk").values_list("pk", "translation_key", "country", "region", "looking_for_partners")
        )
        theme_of = {pk: (slug, key) for pk, slug, key in Theme.objects.values_list("pk", "slug", "translation_key")}
        slugs, themes, codes = {}, {}, {}
        position = {}
        for pk, theme_id in CityPage.themes.through.objects.filter(citypage__in=in_base).values_list(
            "citypage_id", "theme_id"
        ):
            slug, key = theme_of[theme_id]
            slugs.setdefault(pk, set()).add(slug)
            themes.setdefault(pk, []).append(position.setdefault(key, len(position)))
        for pk, code in CityPage.programmes.through.objects.filter(citypage__in=in_base).values_list(
            "citypage_id", "programmepage__code"
        ):
            codes.setdefault(pk, set()).add(code)
        # Partnerships link cities in their own language: matched by translation key, here rather
        # than with a subquery (much slower).
        keys = {row[1] for row in rows}
        by_key = {}
        for key, code in PartnershipCity.objects.filter(
            partnership__live=True, partnership__programme__isnull=False
        ).values_list("city__translation_key", "partnership__programme__code"):
            if key in keys:
                by_key.setdefault(key, set()).add(code)
        intern = {}  # one object per distinct string: a smaller, faster pickle

        def strings(values):
            return tuple(sorted(intern.setdefault(value, value) for value in values))

        return Index(
            pks=[row[0] for row in rows],
            countries=[intern.setdefault(row[2], row[2]) for row in rows],
            regions=[intern.setdefault(row[3], row[3]) for row in rows],
            looking=[row[4] for row in rows],
            theme_slugs=[strings(slugs.get(row[0], ())) for row in rows],
            programme_codes=[strings(codes.get(row[0], set()) | by_key.get(row[1], set())) for row in rows],
            themes=[tuple(themes.get(row[0], ())) for row in rows],
            theme_keys=tuple(position),
        )

    return get_or_build(cache_key("directory-index", generation, index.pk), build)


def ordered_pks(index, sort, generation):
    """The pks of the directory's cities in the order ``sort``, as the database sorts them (cached)."""
    return get_or_build(
        cache_key("directory-order", generation, index.pk, sort),
        lambda: list(base_queryset(index).order_by(*SORTS[sort]).values_list("pk", flat=True)),
    )


def _mask(index, name, value):
    """``filter_q(name, value)`` for each city of the index."""
    if name == "country":
        return [country == value for country in index.countries]
    if name == "region":
        return [region == value for region in index.regions]
    if name == "looking":
        return index.looking
    if name == "theme":
        return [value in slugs for slugs in index.theme_slugs]
    if name == "programme":
        return [value in codes for codes in index.programme_codes]
    raise ValueError(name)


def facet_counts(index, chosen, vocabulary):
    """For each filter, (value, label, count) with the other chosen filters applied; and the pks
    of the cities that match every chosen filter. Counted from the cached index.

    A chosen value is always listed, with 0 if nothing matches it any more.
    """
    masks = {name: _mask(index, name, value) for name, value in chosen.items()}

    def matching(column, leave_out=None):
        applied = [mask for name, mask in masks.items() if name != leave_out]
        if not applied:
            return column
        combined = applied[0] if len(applied) == 1 else [all(flags) for flags in zip(*applied, strict=True)]
        return list(compress(column, combined))

    # Sorted by value first, as the database grouped them, so equal labels keep a stable order.
    by_country = dict(sorted(Counter(matching(index.countries, "country")).items()))
    by_region = dict(Counter(matching(index.regions, "region")))
    by_theme = dict(sorted(Counter(chain.from_iterable(matching(index.theme_slugs, "theme"))).items()))
    by_programme = dict(Counter(chain.from_iterable(matching(index.programme_codes, "programme"))))
    looking = sum(matching(index.looking, "looking"))

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
    }, matching(index.pks)


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


@dataclass(slots=True)
class CityCard:
    """What a card of the directory shows of a city (its themes and translated names are added)."""

    pk: int
    title: str
    url: str
    name_local: str
    country: str
    region: str
    population: int | None
    looking_for_partners: bool
    theme_list: list = field(default_factory=list)
    country_name: str = ""
    region_name: str = ""


def city_cards(index, pks, request, generation):
    """The cards of the cities ``pks`` (one page of the directory), in that order: one query, and
    none while ``DEPENDS_ON`` lasts (kept per page of results and host name)."""
    from cities.listings import CITY_FIELDS

    def build():
        found = CityPage.objects.only(*CITY_FIELDS).in_bulk(pks)
        return [
            CityCard(
                pk=city.pk,
                title=city.title,
                url=city.get_url(request),
                name_local=city.name_local,
                country=city.country.code,
                region=city.region,
                population=city.population,
                looking_for_partners=city.looking_for_partners,
            )
            for city in (found[pk] for pk in pks if pk in found)
        ]

    return get_or_build(cache_key("directory-cards", generation, index.pk, cache_host(request), tuple(pks)), build)


def directory_context(index, request):
    from cities.listings import themes_for_keys

    generation = current_generation(DEPENDS_ON)  # once, before reading what the cached entries come from
    locale_id = index.locale_id
    vocabulary = Vocabulary.for_locale(locale_id, generation)
    query = parse(request.GET, vocabulary)
    chosen, sort = query.chosen, query.sort
    cached = directory_index(index, generation)
    facets, matching = facet_counts(cached, chosen, vocabulary)
    matching = set(matching)
    # Filtering the cities in the database's order keeps that order: it is total (pk breaks ties).
    ordered = [pk for pk in ordered_pks(index, sort, generation) if pk in matching]
    page = paginate(ordered, request.GET.get("page"), PAGE_SIZE)
    paginator = page.paginator
    page.object_list = city_cards(index, list(page.object_list), request, generation)
    position = {pk: n for n, pk in enumerate(cached.pks)}
    mapping = snippet_map(Theme, locale_id)
    # What the cards show, translated once rather than on each card.
    country_names = dict(countries)
    region_names = {code: str(label) for code, label in WorldRegion.choices}
    for city in page.object_list:
        keys = [cached.theme_keys[n] for n in cached.themes[position[city.pk]]] if city.pk in position else []
        city.theme_list = themes_for_keys(keys, locale_id, mapping)
        code = city.country
        city.country_name = country_names.get(code, code)
        city.region_name = region_names.get(city.region, city.region)  # as get_region_display

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
