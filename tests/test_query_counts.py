"""Public pages render with a number of SQL queries that does not grow with the content.

Each test measures a page, adds content until its listings hold 200 items, and measures again:
the counts must be equal. The cache is cleared before each measurement, so cached menus and
snippet maps are rebuilt both times; a first request warms Python-level caches (content
types) that a running server keeps anyway.

The bulk content is added with ``add_child(live=True)`` rather than the factories' revision and
publish, which would make these tests take minutes; the page rows and relations are the same.
"""

from datetime import date, timedelta
from itertools import count

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cities.models import CityPage, PartnershipCity, PartnershipPage
from news.models import NewsPage
from programmes.models import CallPage, ProgrammePage, TrainingModulePage

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def private_cache(settings):
    """A cache of this process alone: when the tests run against a Redis database that other test
    runs share (and flush), a map emptied between two reads would add a query now and then."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


FEW, MANY = 2, 200
serial = count(1)


def queries_to_render(client, url):
    assert client.get(url).status_code == 200  # warm-up
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), [query["sql"] for query in context.captured_queries]


def live_child(parent, page):
    page.live = True
    parent.add_child(instance=page)
    return page


def add_programmes(site, n):
    for _ in range(n):
        i = next(serial)
        page = ProgrammePage(
            title=f"Programme {i}",
            slug=f"programme-{i}",
            code=f"p{i}",
            short_name=f"P{i}",
            full_name=f"Programme number {i}",
            start_date=date(2021, 1, 1),
            end_date=date(2027, 12, 31),
        )
        page.set_themes([site.theme])
        live_child(site.programmes["en"], page)


def add_cities(site, n):
    for _ in range(n):
        i = next(serial)
        page = CityPage(
            title=f"City {i}",
            slug=f"city-{i}",
            country="PT",
            region="europe",
            population=10_000 + i,
            latitude="38.7",
            longitude="-9.1",
            looking_for_partners=bool(i % 2),
        )
        page.set_themes([site.theme])
        page.set_themes([site.theme], "partner_themes")
        page.programmes = [site.pages["programme"]["en"]]
        live_child(site.cities["en"], page)


def add_partnerships(site, n):
    cities = [site.pages["piraeus"]["en"], site.pages["puerto_montt"]["en"]]
    for _ in range(n):
        i = next(serial)
        page = PartnershipPage(
            title=f"Partnership {i}",
            slug=f"partnership-{i}",
            start_date=date(2022, 1, 1),
            duration_months=12,
            programme=site.pages["programme"]["en"],
            partner_cities=[PartnershipCity(city=city) for city in cities],
        )
        page.set_themes([site.theme])
        live_child(site.partnerships["en"], page)


def add_news(site, n):
    for _ in range(n):
        i = next(serial)
        page = NewsPage(
            title=f"News {i}",
            slug=f"news-{i}",
            date=date(2024, 1, 1) + timedelta(days=i % 300),
            introduction="Summary.",
            programme=site.pages["programme"]["en"],
        )
        page.set_themes([site.theme])
        live_child(site.news["en"], page)


def add_calls_and_training(site, n):
    programme = site.pages["programme"]["en"]
    now = timezone.now()
    for _ in range(n):
        i = next(serial)
        live_child(programme, CallPage(title=f"Call {i}", slug=f"call-{i}", deadline=now + timedelta(days=i)))
        live_child(
            programme,
            TrainingModulePage(
                title=f"Training {i}",
                slug=f"training-{i}",
                starts_at=now + timedelta(days=i),
                ends_at=now + timedelta(days=i, hours=3),
                mode="online",
            ),
        )


def existing(model, parent):
    return model.objects.child_of(parent).count()


# page under test -> (how to find it, what it lists, how to add more of it)
CASES = {
    "programme_index": (
        lambda s: s.programmes["en"],
        lambda s: existing(ProgrammePage, s.programmes["en"]),
        add_programmes,
    ),
    "city_index": (lambda s: s.cities["en"], lambda s: existing(CityPage, s.cities["en"]), add_cities),
    "partnership_index": (
        lambda s: s.partnerships["en"],
        lambda s: existing(PartnershipPage, s.partnerships["en"]),
        add_partnerships,
    ),
    "news_index": (lambda s: s.news["en"], lambda s: existing(NewsPage, s.news["en"]), add_news),
}


def grow_to(site, how_many, size, add):
    missing = how_many - size(site)
    assert missing >= 0
    add(site, missing)
    assert size(site) == how_many


@pytest.mark.parametrize("name", list(CASES))
def test_index_page_queries_do_not_grow_with_its_children(client, site, name):
    page_of, size, add = CASES[name]
    url = page_of(site).get_url()

    grow_to(site, FEW, size, add)
    few, _ = queries_to_render(client, url)
    grow_to(site, MANY, size, add)
    many, sql = queries_to_render(client, url)

    print(f"\n{name}: {few} queries with {FEW} children, {many} with {MANY}")
    assert many == few, "\n".join(sql)


@pytest.mark.parametrize(
    "name, grow",
    [
        ("home", lambda s, n: (add_news(s, n), add_calls_and_training(s, n), add_programmes(s, n))),
        ("programme", lambda s, n: (add_calls_and_training(s, n), add_partnerships(s, n), add_news(s, n))),
        ("piraeus", lambda s, n: (add_partnerships(s, n), add_cities(s, n))),
        ("partnership", lambda s, n: add_cities(s, n)),
        ("news", lambda s, n: add_news(s, n)),
        ("call", lambda s, n: add_calls_and_training(s, n)),
        ("about", lambda s, n: add_news(s, n)),
    ],
)
def test_detail_page_queries_do_not_grow_with_the_content_around_it(client, site, name, grow):
    url = site.pages[name]["en"].get_url()

    grow(site, FEW)
    few, _ = queries_to_render(client, url)
    grow(site, MANY // 4)
    many, sql = queries_to_render(client, url)

    print(f"\n{name}: {few} queries, {many} after adding {MANY // 4} of each related item")
    assert many == few, "\n".join(sql)


def test_sitemap_queries_do_not_grow_with_pages(client, site):
    few, _ = queries_to_render(client, "/sitemap.xml")
    add_news(site, 50)
    add_cities(site, 50)
    many, sql = queries_to_render(client, "/sitemap.xml")
    print(f"\nsitemap: {few} queries, {many} after adding 100 pages")
    assert many == few, "\n".join(sql)


# The target: at most twelve queries per page once a server is warm (its caches of menus and
# snippet maps filled), whatever the amount of content (the tests above). Wagtail's own serve view
# takes up to four of them (site, locale, the language's root page, the page itself).

MAX_QUERIES = 12
PAGE_TYPES = [
    "home",
    "programme_index",
    "city_index",
    "partnership_index",
    "news_index",
    "programme",
    "call",
    "training",
    "piraeus",
    "partnership",
    "news",
    "about",
]


@pytest.mark.parametrize("language", ["en", "el"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_takes_at_most_twelve_queries_on_a_warm_server(client, site, name, language):
    url = site.pages[name][language].get_url()
    assert client.get(url).status_code == 200  # warm: menus, snippet maps, routes
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    sql = [query["sql"] for query in context.captured_queries]
    print(f"\n{name} ({language}): {len(sql)} queries")
    assert len(sql) <= MAX_QUERIES, "\n".join(sql)
