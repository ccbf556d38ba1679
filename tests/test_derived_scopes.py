"""Derived data kept by scope (website/derived.py): a change rebuilds what depends on it and no more.

Publishing a news item, the most frequent change, leaves the programme, snippet and library maps
and the city directory as they were, so the first request of any page after it stays within the
twelve queries of a warm server (the page cache is off in these tests: every request renders).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_page_cache_targeted import publish
from tests.test_query_counts import MAX_QUERIES, PAGE_TYPES, private_cache  # noqa: F401

pytestmark = pytest.mark.slow


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in context.captured_queries]


def test_after_a_news_item_is_published_every_page_takes_at_most_twelve_queries(client, site):
    urls = {name: site.pages[name][language].get_url() for name in PAGE_TYPES for language in ("en", "el")}
    for url in urls.values():
        assert client.get(url).status_code == 200
    publish(site.pages["news"]["en"], title="Piraeus and Puerto Montt sign their action plan")
    for url in urls.values():
        _response, sql = queries(client, url)
        assert len(sql) <= MAX_QUERIES, f"{url}: {len(sql)} queries\n" + "\n".join(sql)


def test_a_news_item_published_leaves_the_maps_it_is_not_in(client, site):
    programme, directory = site.pages["programme"]["en"].get_url(), site.pages["city_index"]["en"].get_url()
    for url in (programme, directory):
        assert client.get(url).status_code == 200
    publish(site.pages["news"]["en"], title="Piraeus and Puerto Montt sign their action plan")

    response, sql = queries(client, programme)
    assert b"Piraeus and Puerto Montt sign their action plan" in response.content  # the listing is fresh
    read = " ".join(sql)
    assert "programmes_programmepage_themes" not in read  # the programme map
    assert '"base_theme"' not in read and '"base_organisation"' not in read  # snippet maps
    assert "library_librarydocument" not in read  # the library map
    _response, sql = queries(client, directory)
    assert "cities_citypage_themes" not in " ".join(sql)  # the directory's index


def test_a_programme_published_is_shown_everywhere_its_map_is_read(client, site):
    home = site.pages["home"]["en"].get_url()
    news_index = site.pages["news_index"]["en"].get_url()
    for url in (home, news_index):
        assert client.get(url).status_code == 200
    programme = publish(site.pages["programme"]["en"], title="Renamed programme", short_name="RENAMED")
    assert b"Renamed programme" in client.get(home).content
    assert b"RENAMED" in client.get(news_index).content
    assert programme.url in client.get(home).content.decode()


def test_a_theme_saved_is_shown_by_the_maps_kept_by_scope(client, site):
    from base.models import Theme

    directory = site.pages["city_index"]["en"].get_url()
    assert client.get(directory).status_code == 200
    theme = Theme.objects.filter(locale__language_code="en").first()
    theme.name = "Renamed theme"
    theme.save()
    assert b"Renamed theme" in client.get(directory).content


def test_a_news_item_published_leaves_the_listings_of_pages_that_do_not_show_it(client, site):
    """A page's listings are kept under its version: pages the item is not on keep theirs."""
    city, partnership = site.pages["piraeus"]["en"].get_url(), site.pages["partnership"]["en"].get_url()
    for url in (city, partnership):
        assert client.get(url).status_code == 200
    publish(site.pages["news"]["en"], title="Piraeus and Puerto Montt sign their action plan")
    for url in (city, partnership):
        _response, sql = queries(client, url)
        assert "cities_partnershipcity" not in " ".join(sql), url  # the listings were not read again
    publish(site.pages["partnership"]["en"], title="Piraeus and Puerto Montt, renamed")
    assert b"Piraeus and Puerto Montt, renamed" in client.get(city).content  # the city lists it
