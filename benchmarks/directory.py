"""The city directory with 10 and with 1,000 cities: SQL queries per page and time to render it.

    .venv/bin/python benchmarks/directory.py                       # SQLite, in memory
    .venv/bin/python benchmarks/directory.py --cities 5000 --runs 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/directory_scratch .venv/bin/python benchmarks/directory.py

It creates a throw-away test database (in memory for SQLite, ``test_<name>`` on PostgreSQL),
builds a site with ten themes, three programmes and the cities (one partnership per ten cities),
refreshes the planner's statistics (``ANALYZE``, as autovacuum would), then requests
``/en/cities/`` with several filter combinations through Django's test client, after a warm-up,
with the full-page cache off. It prints, for 10 cities and for the full count,
the SQL queries of each request and the median and 95th-percentile time to render it.

``add_cities`` is also what tests/directory/test_queries.py uses to check that the number of
queries does not grow with the number of cities.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

URLS = [
    "/en/cities/?sort=name",
    "/en/cities/?theme=theme-3&looking=1",
    "/en/cities/?region=europe&programme=prog-0&sort=-population",
    "/en/cities/?country=GR&theme=theme-1&page=2",
    "/en/cities/?page=3&sort=population",
]
COUNTRIES = [
    ("GR", "europe", 38.0, 23.7),
    ("IT", "europe", 45.1, 7.7),
    ("PL", "europe", 52.2, 21.0),
    ("ES", "europe", 41.4, 2.2),
    ("CL", "latin-america", -41.5, -72.9),
    ("BR", "latin-america", -25.4, -49.3),
    ("JP", "asia", 35.2, 136.9),
    ("IN", "asia", 19.1, 72.9),
    ("US", "north-america", 41.9, -87.6),
    ("ZA", "africa", -33.9, 18.4),
]


def build_site(theme_count=10):
    """Home, programme index with three programmes, the city index and the partnership index."""
    from base.factories import add_page
    from base.models import Theme
    from cities.models import CityIndexPage, PartnershipIndexPage
    from home.factories import ensure_home
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    home = ensure_home()
    themes = [
        Theme.objects.get_or_create(slug=f"theme-{n}", locale=home.locale, defaults={"name": f"Theme {n}"})[0]
        for n in range(theme_count)
    ]
    programme_index = add_page(home, ProgrammeIndexPage(title="Programmes", slug="programmes"))
    programmes = [
        add_page(
            programme_index,
            ProgrammePage(
                title=f"Programme {n}",
                slug=f"prog-{n}",
                code=f"prog-{n}",
                short_name=f"P{n}",
                full_name=f"Programme {n}",
                start_date=date(2021, 1, 1),
                end_date=date(2030, 12, 31),
            ),
        )
        for n in range(3)
    ]
    index = add_page(home, CityIndexPage(title="Cities", slug="cities"))
    partnership_index = add_page(home, PartnershipIndexPage(title="Partnerships", slug="partnerships"))
    return index, partnership_index, themes, programmes


def add_children(parent, pages):
    """Add ``pages`` under ``parent`` as treebeard's add_child would, without validating each one."""
    from django.db.models import F
    from wagtail.models import Page

    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    for page in pages:
        step += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.locale_id = parent.locale_id
        page.save(clean=False)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def add_cities(index, partnership_index, themes, programmes, count, start=0):
    """Add ``count`` live cities (and a partnership per ten) quickly.

    Fast because it skips what the directory does not read: no revisions, no validation, no
    search index and no reference index updates. The pages are otherwise what an editor's
    publishing makes.
    """
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from cities.models import CityPage, PartnershipCity, PartnershipPage

    now = timezone.now()
    live = {"live": True, "first_published_at": now, "last_published_at": now}
    no_index = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
    cities = []
    for n in range(start, start + count):
        country, region, latitude, longitude = COUNTRIES[n % len(COUNTRIES)]
        city = CityPage(
            title=f"City {n:05d}",
            slug=f"city-{n:05d}",
            country=country,
            region=region,
            population=10_000 + (n * 7919) % 3_000_000,
            latitude=Decimal(str(round(latitude + (n % 17) / 10, 4))),
            longitude=Decimal(str(round(longitude + (n % 13) / 10, 4))),
            looking_for_partners=n % 3 == 0,
            exclude_from_suggestions=n % 50 == 49,
            **live,
        )
        city.set_themes([themes[n % len(themes)], themes[(n * 3 + 1) % len(themes)]])
        city.set_themes([themes[(n * 5) % len(themes)]] if n % 3 == 0 else [], "partner_themes")
        city.programmes = [programmes[n % len(programmes)]] if n % 4 == 0 else []
        cities.append(city)
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=no_index),
        disable_reference_index_auto_update(),
        transaction.atomic(),
    ):
        add_children(index, cities)
        partnerships = [
            PartnershipPage(
                title=f"{cities[i - 1].title} – {cities[i].title}",
                slug=f"partnership-{start + i:05d}",
                programme=programmes[((start + i) // 10) % len(programmes)],
                start_date=date(2024, 1, 1),
                duration_months=18,
                partner_cities=[PartnershipCity(city=cities[i - 1]), PartnershipCity(city=cities[i])],
                **live,
            )
            for i in range(9, len(cities), 10)
        ]
        add_children(partnership_index, partnerships)
    from website.pagecache import bump_generation

    bump_generation()  # as publishing does: the directory's cached facets and order are rebuilt
    return cities


def analyze():
    """Refresh the planner's statistics, as autovacuum does on a live database.

    Without them PostgreSQL plans the programme filter (two IN subqueries joined by OR) on a
    freshly filled database as if the tables were empty: ten times slower.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(client, urls, runs):
    """{url: (queries, [seconds])} for each url, after a warm-up request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for url in urls:
        response = client.get(url)  # warm-up: snippet maps, site root paths, templates
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = len(captured)  # now: later requests reset the connection's query log
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - started)
        results[url] = (queries, timings)
    return results


def report(label, results):
    print(f"\n{label}")
    print(f"  {'request':<66} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for url, (queries, timings) in results.items():
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"  {url:<66} {queries:>7} {statistics.median(timings) * 1000:>8.1f} {p95 * 1000:>8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    settings.PAGE_CACHE_ENABLED = False
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Database: {connection.vendor} (scratch test database)")
        index, partnership_index, themes, programmes = build_site()
        client = Client()
        add_cities(index, partnership_index, themes, programmes, 10)
        analyze()
        small = measure(client, URLS, args.runs)
        report("10 cities", small)
        started = time.perf_counter()
        add_cities(index, partnership_index, themes, programmes, args.cities - 10, start=10)
        analyze()
        print(f"\n(built {args.cities - 10} more cities in {time.perf_counter() - started:.1f} s)")
        large = measure(client, URLS, args.runs)
        report(f"{args.cities:,} cities", large)
        same = all(small[url][0] == large[url][0] for url in URLS)
        print(f"\nSame number of queries with 10 and {args.cities:,} cities: {'yes' if same else 'NO'}")
        return 0 if same else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    sys.exit(main())
