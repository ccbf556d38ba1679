"""The directory page runs the same number of SQL queries with 10 and with 1,000 cities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.directory import URLS, add_cities, build_site
from website.pagecache import bump_generation

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXPORTS = [
    "/en/cities/export.csv?theme=theme-3",
    "/en/cities/map.geojson?region=europe",
]


def count_queries(client, url):
    response = client.get(url)  # warm-up: snippet maps, site root paths, menus
    assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    if response.context:  # the same work for both sizes: something to list on each page
        assert response.context["cities"].object_list, url
    return len(captured)


def test_query_count_does_not_grow_with_the_number_of_cities(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    site = build_site()
    add_cities(*site, count=10)
    bump_generation()  # add_cities skips publishing, which would make the cached facets stale
    small = {url: count_queries(client, url) for url in URLS + EXPORTS}
    add_cities(*site, count=990, start=10)
    bump_generation()
    large = {url: count_queries(client, url) for url in URLS + EXPORTS}
    assert large == small
    # The page itself: one query for the cities shown once the facets are cached (cities/directory.py),
    # the rest is the site's per-request base (routing, language switcher).
    assert max(small[url] for url in URLS) <= 12, small
    listed = client.get("/en/cities/?sort=name").context["paginator"].count
    assert listed == 1000
