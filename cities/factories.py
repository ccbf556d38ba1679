"""Builders for the city directory, cities and partnerships (demo content and tests).

Sensible defaults, keyword overrides for any model field, and idempotent by slug under the
parent page (``home.factories.add_page``).
"""

from datetime import date
from decimal import Decimal

from django.utils.text import slugify

from base.factories import add_page
from base.models import WorldRegion
from cities.models import (
    CityIndexPage,
    CityPage,
    PartnershipActivity,
    PartnershipCity,
    PartnershipIndexPage,
    PartnershipPage,
)

# World region of the countries the demo and the tests use; pass ``region`` for any other.
REGIONS = {
    WorldRegion.NORTH_AMERICA: {"CA", "US", "MX"},
    WorldRegion.LATIN_AMERICA: {"AR", "BR", "CL", "CO", "PE", "CR", "EC", "UY"},
    WorldRegion.ASIA: {"SG", "HK", "KR", "TW", "JP", "CN", "IN", "ID", "MY", "TH", "VN", "PH"},
    WorldRegion.AFRICA: {"ZA", "KE", "NG", "MA", "EG", "SN", "GH"},
    WorldRegion.OCEANIA: {"AU", "NZ"},
}


def region_of(country):
    for region, countries in REGIONS.items():
        if country in countries:
            return region
    return WorldRegion.EUROPE


def city_index(home, title="Cities", slug="cities", introduction="", show_in_menus=True):
    return add_page(
        home, CityIndexPage(title=title, slug=slug, introduction=introduction, show_in_menus=show_in_menus)
    )


def partnership_index(home, title="Partnerships", slug="partnerships", introduction="", show_in_menus=True):
    return add_page(
        home,
        PartnershipIndexPage(title=title, slug=slug, introduction=introduction, show_in_menus=show_in_menus),
    )


def city(
    parent,
    title="Brussels",
    slug=None,
    *,
    country="BE",
    region=None,
    population=1_200_000,
    latitude="50.8467",
    longitude="4.3525",
    themes=(),
    programmes=(),
    partner_themes=(),
    **fields,
):
    """A city page; the world region follows from the country unless given."""
    page = CityPage(
        title=title,
        slug=slug or slugify(title),
        country=country,
        region=region or region_of(country),
        population=population,
        latitude=Decimal(str(latitude)),
        longitude=Decimal(str(longitude)),
        **fields,
    )
    page.set_themes(themes)
    page.programmes = list(programmes)
    page.set_themes(partner_themes, "partner_themes")
    if partner_themes and "looking_for_partners" not in fields:
        page.looking_for_partners = True
    return add_page(parent, page)


def activity_data(title="Study visit", start_date=date(2022, 6, 1), **fields):
    """The fields of a partnership activity with defaults (a study visit)."""
    fields.setdefault("kind", PartnershipActivity.Kind.VISIT)
    return {"title": title, "start_date": start_date, **fields}


def partnership(
    parent,
    cities,
    title=None,
    slug=None,
    *,
    programme=None,
    themes=(),
    start_date=date(2021, 9, 1),
    duration_months=24,
    activities=(),
    **fields,
):
    """A partnership of ``cities`` (city pages, or (city page, role) pairs; at least two).

    ``activities`` are ``activity_data`` dicts. The title defaults to the cities' names.
    """
    links = [item if isinstance(item, tuple) else (item, PartnershipCity.Role.PARTNER) for item in cities]
    if len({city_page.pk for city_page, _role in links}) < 2:
        raise ValueError("A partnership needs at least two different cities.")
    title = title or " – ".join(city_page.title for city_page, _role in links)
    page = PartnershipPage(
        title=title,
        slug=slug or slugify("-".join(city_page.slug for city_page, _role in links)),
        programme=programme,
        start_date=start_date,
        duration_months=duration_months,
        partner_cities=[PartnershipCity(city=city_page, role=role) for city_page, role in links],
        activities=[PartnershipActivity(**activity_data(**data)) for data in activities],
        **fields,
    )
    page.set_themes(themes)
    return add_page(parent, page)
