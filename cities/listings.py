"""Listings for city and partnership pages, each in a fixed number of queries."""

from django.db.models import Prefetch

from cities.models import CityPage, PartnershipActivity, PartnershipCity, PartnershipPage
from programmes.localize import localize
from programmes.models import ProgrammePage, Theme


def localized_pages(pages, locale_id, queryset=None):
    """The live translation in ``locale_id`` of each page (the page itself where there is none)."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    model = type(pages[0])
    queryset = queryset if queryset is not None else model.objects.all()
    found = {
        page.translation_key: page
        for page in queryset.live().filter(
            locale_id=locale_id, translation_key__in={page.translation_key for page in pages}
        )
    }
    return [found.get(page.translation_key, page) for page in pages]


def with_themes(cities, locale_id):
    """Attach ``theme_list`` in the reader's language to each city (themes prefetched)."""
    for city in cities:
        city.theme_list = localize(city.themes.all(), Theme, locale_id)
    return cities


def city_listings(city):
    from cities.matchmaking import possible_partners

    partnerships = list(
        PartnershipPage.objects.live()
        .filter(locale_id=city.locale_id, partner_cities__city__translation_key=city.translation_key)
        .select_related("programme")
        .distinct()
        .order_by("-start_date")
    )
    programme_keys = {p.programme.translation_key for p in partnerships if p.programme_id} if partnerships else set()
    programme_keys |= {p.translation_key for p in city.programmes.all()}
    programmes = ProgrammePage.objects.live().filter(
        locale_id=city.locale_id, translation_key__in=programme_keys
    ).order_by("title")
    return {
        "partnerships": partnerships,
        "city_programmes": programmes,
        "themes": localize(city.themes.all(), Theme, city.locale_id),
        "partner_themes": localize(city.partner_themes.all(), Theme, city.locale_id),
        "possible_partners": possible_partners(city),
    }


def partnership_listings(partnership):
    locale_id = partnership.locale_id
    links = list(
        PartnershipCity.objects.filter(partnership=partnership)
        .select_related("city")
        .order_by("sort_order")
    )
    cities = localized_pages(
        [link.city for link in links],
        locale_id,
        CityPage.objects.prefetch_related(Prefetch("themes", queryset=Theme.objects.all())),
    )
    with_themes(cities, locale_id)
    for link, city in zip(links, cities, strict=True):
        link.localized_city = city
    programme = localized_pages([partnership.programme], locale_id) if partnership.programme_id else []
    return {
        "partner_cities": links,
        "activities": PartnershipActivity.objects.filter(partnership=partnership).order_by("start_date", "sort_order"),
        "programme": programme[0] if programme else None,
        "themes": localize(partnership.themes.all(), Theme, locale_id),
    }


def partnership_index_listings(index):
    partnerships = list(
        PartnershipPage.objects.child_of(index).live().select_related("programme")
        .prefetch_related(Prefetch("partner_cities", queryset=PartnershipCity.objects.select_related("city")))
        .order_by("-start_date")
    )
    cities = localized_pages(
        [link.city for p in partnerships for link in p.partner_cities.all()], index.locale_id
    )
    by_key = {city.translation_key: city for city in cities}
    programmes = localized_pages([p.programme for p in partnerships if p.programme_id], index.locale_id)
    programme_by_key = {p.translation_key: p for p in programmes}
    for p in partnerships:
        p.city_list = [by_key[link.city.translation_key] for link in p.partner_cities.all()]
        p.localized_programme = programme_by_key.get(p.programme.translation_key) if p.programme_id else None
    return {"partnerships": partnerships}
