"""Listings for city and partnership pages, each in a fixed, small number of queries.

Translations keep their synchronised relations (themes, programmes, partner cities) pointing at
the source-language objects, so related objects are matched by ``translation_key`` and shown in
the reader's language. Theme names come from the cached snippet map (base/localize.py),
read once per request.
"""

from collections import defaultdict

from django.db.models import F, Prefetch, Q, Value
from django.utils.translation import gettext_lazy as _

from base.localize import localize_keys, localized_pages, related_in_memory, snippet_map
from base.models import Theme
from cities.models import CityPage, PartnershipActivity, PartnershipCity, PartnershipPage
from programmes.models import ProgrammePage
from website.listings import AddressFilterSet, ValueFilter, filter_notices, paginate

PARTNERSHIPS_PER_PAGE = 24

# What a link to a page needs (``pageurl``, translations): listings load these and what they show.
PAGE_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale_id", "translation_key", "live", "content_type_id")
CITY_FIELDS = (*PAGE_FIELDS, "name_local", "country", "region", "population", "looking_for_partners")
PROGRAMME_FIELDS = (*PAGE_FIELDS, "short_name", "code", "end_date")
PARTNERSHIP_FIELDS = (*PAGE_FIELDS, "introduction", "status", "start_date", "duration_months", "programme")


def by_name(themes):
    return sorted(themes, key=lambda theme: theme.name.casefold())


def themes_for_keys(keys, locale_id, mapping=None):
    """The themes with these translation keys in the reader's language, sorted by name."""
    return localize_keys(keys, Theme, locale_id, mapping)


def in_memory(obj):
    """Whether ``obj``'s relations are to be read as they are in memory: a preview's draft."""
    return not obj.pk or getattr(obj, "previewing", False)


def related_keys(page, names, extra=()):
    """{(label, owner pk): [translation keys]} for the many-to-many relations ``names`` of ``page``.

    One query for all of them (a UNION ALL), whatever their number; ``extra`` adds querysets of
    (label, owner pk, translation key) rows to it. The page's own relations are labelled with
    their name and owned by the page.
    """
    found = defaultdict(list)
    querysets = []
    for name in names:
        if in_memory(page):
            found[(name, page.pk)] = [obj.translation_key for obj in related_in_memory(page, name)]
            continue
        field = type(page)._meta.get_field(name)
        querysets.append(
            field.remote_field.through.objects.filter(**{field.m2m_field_name(): page.pk})
            .order_by()  # rows of a union are unordered
            .values_list(Value(name), Value(page.pk), f"{field.m2m_reverse_field_name()}__translation_key")
        )
    querysets.extend(extra)
    if querysets:
        rows = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
        for label, owner, key in rows:
            found[(label, owner)].append(key)
    return found


def city_listings(city, today=None):
    """What a city page lists: its partnerships, programmes, themes and possible partners.

    Four queries once the matchmaking is cached: the city's relations, its partnerships, the
    programmes (those it takes part in and those the suggestions name), the suggested cities.
    """
    from cities.matchmaking import DEPENDS_ON, programme_pks, ranking, suggestions
    from website.derived import generation

    current = generation(DEPENDS_ON)  # before reading anything the cached ranking depends on
    locale_id = city.locale_id
    mapping = snippet_map(Theme, locale_id)
    keys = related_keys(city, ["themes", "partner_themes", "programmes"])
    theme_keys = keys[("themes", city.pk)]
    sought_keys = keys[("partner_themes", city.pk)]

    partnerships = list(
        PartnershipPage.objects.live()
        .filter(
            locale_id=locale_id,
            pk__in=PartnershipCity.objects.filter(city__translation_key=city.translation_key).values(
                "partnership_id"
            ),
        )
        .annotate(programme_key=F("programme__translation_key"))
        .only(*PARTNERSHIP_FIELDS)
        .order_by("-start_date")
    )
    programme_keys = {p.programme_key for p in partnerships if p.programme_key is not None}
    programme_keys.update(keys[("programmes", city.pk)])
    rows = ranking(city, theme_keys, sought_keys, today=today, generation=current)
    needed = programme_pks(rows)
    programmes = (
        list(
            ProgrammePage.objects.filter(
                Q(pk__in=needed) | Q(live=True, locale_id=locale_id, translation_key__in=programme_keys)
            )
            .only(*PROGRAMME_FIELDS)
            .order_by("title", "pk")
        )
        if needed or programme_keys
        else []
    )
    return {
        "partnerships": partnerships,
        "city_programmes": [
            p for p in programmes if p.live and p.locale_id == locale_id and p.translation_key in programme_keys
        ],
        "themes": themes_for_keys(theme_keys, locale_id, mapping),
        "partner_themes": themes_for_keys(sought_keys, locale_id, mapping),
        "possible_partners": suggestions(rows, locale_id, {p.pk: p for p in programmes}, mapping),
    }


def partnership_listings(partnership):
    """The partner cities (in the reader's language, with their themes), programme, themes and activities.

    Three queries, four when the cities are not in the partnership's language: the links with
    their cities, the cities' translations, the themes of the cities and of the partnership, the
    activities; the programme comes from the cached programme map.
    """
    locale_id = partnership.locale_id
    mapping = snippet_map(Theme, locale_id)
    links = list(
        PartnershipCity.objects.filter(partnership=partnership)
        .select_related("city")
        .only("sort_order", "partnership_id", "role", "city", *(f"city__{name}" for name in CITY_FIELDS))
        .order_by("sort_order")
    )
    cities = [link.city for link in links]
    if not all(city.live and city.locale_id == locale_id for city in cities):
        # Each city that is live in this language is its own translation: look up only otherwise.
        cities = localized_pages(cities, locale_id, CityPage.objects.only(*CITY_FIELDS))
    city_themes = CityPage.themes.through.objects.filter(citypage_id__in={city.pk for city in cities}).order_by()
    keys = related_keys(
        partnership,
        ["themes"],
        [city_themes.values_list(Value("city"), "citypage_id", "theme__translation_key")] if cities else [],
    )
    for link, city in zip(links, cities, strict=True):
        city.theme_list = themes_for_keys(keys.get(("city", city.pk), ()), locale_id, mapping)
        link.localized_city = city
    from programmes.listings import localized_programme  # programmes.listings imports this module

    programme = localized_programme(partnership.programme_id, locale_id)
    return {
        "partner_cities": links,
        "activities": list(
            PartnershipActivity.objects.filter(partnership=partnership).order_by("start_date", "sort_order")
        ),
        "programme": programme,
        "themes": themes_for_keys(keys[("themes", partnership.pk)], locale_id, mapping),
    }


class PartnershipFilterSet(AddressFilterSet):
    """The partnership index's filters: a programme of the index's language (by code) and a status.
    The page has no feed: the messages are its notices."""

    programme = ValueFilter(
        error_messages={"invalid_choice": _("There is no programme “%(value)s”; showing all programmes.")}
    )
    status = ValueFilter(
        choices=PartnershipPage.Status.choices,
        error_messages={"invalid_choice": _("There is no status “%(value)s”; showing every status.")},
    )

    class Meta:
        model = PartnershipPage
        fields = []

    def __init__(self, data, programmes, **kwargs):
        super().__init__(data, **kwargs)
        self.filters["programme"].extra["choices"] = [(p.code, p.short_name) for p in programmes]


def partnership_index_listings(index, params):
    """One page of the index's partnerships, filtered by programme (code) and status.

    A fixed number of queries: the count, the page's partnerships with their programme, their
    cities, the cities' and programmes' versions in the index's language.
    """
    from programmes.listings import programme_map  # programmes.listings imports this module

    locale_id = index.locale_id
    programmes = programme_map(locale_id)["by_short_name"]
    filterset = PartnershipFilterSet(params, programmes)
    notices = filter_notices(filterset)
    programme = filterset.chosen.get("programme", "")
    status = filterset.chosen.get("status", "")
    queryset = PartnershipPage.objects.child_of(index).live()
    if programme:
        queryset = queryset.filter(programme__code=programme)
    if status:
        queryset = queryset.filter(status=status)
    queryset = (
        queryset.select_related("programme")
        .prefetch_related(Prefetch("partner_cities", queryset=PartnershipCity.objects.select_related("city")))
        .order_by("-start_date", "-pk")
    )
    page = paginate(queryset, params.get("page"), PARTNERSHIPS_PER_PAGE)
    partnerships = list(page.object_list)
    cities = localized_pages([link.city for p in partnerships for link in p.partner_cities.all()], locale_id)
    by_key = {city.translation_key: city for city in cities}
    localized = localized_pages([p.programme for p in partnerships if p.programme_id], locale_id)
    programme_by_key = {p.translation_key: p for p in localized}
    for p in partnerships:
        p.city_list = [by_key[link.city.translation_key] for link in p.partner_cities.all()]
        p.localized_programme = programme_by_key.get(p.programme.translation_key) if p.programme_id else None
    query = params.copy()
    query.pop("page", None)
    return {
        "partnerships": partnerships,
        "partnership_page": page,
        "programmes": programmes,
        "statuses": PartnershipPage.Status.choices,
        "chosen_programme": programme,
        "chosen_status": status,
        "query_without_page": query.urlencode(),
        "filter_notices": notices,
    }
