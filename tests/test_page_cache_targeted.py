"""Targeted invalidation of the page cache: a change makes stale the pages that show it, and only
those (website/signals.py); when its reach is unknown, or the cache failed, every page. Across
two servers: tests/test_page_cache_targeted_servers.py."""

import time

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.rich_text import RichText

from base.models import Theme
from home.factories import standard_page
from news.models import NewsPage
from programmes import factories as programme_factories
from tests import test_cache_faults
from website import cache as website_cache
from website import pagecache

pytestmark = pytest.mark.django_db

# A Redis server of the test's own (tests/test_cache_faults.py).
redis_server = test_cache_faults.redis_server
site_on_redis = test_cache_faults.site_on_redis


@pytest.fixture
def page_cache_on(tmp_path):
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        yield


@pytest.fixture
def pages(site):
    """URLs of the shared site's pages, plus a page linking to the news item and a programme
    that has nothing to do with it (made before anything is cached)."""
    news = site.pages["news"]["en"]
    link = f'<p>Read <a linktype="page" id="{news.pk}">the news</a>.</p>'
    linking = standard_page(site.pages["about"]["en"], "Press", "press", body=[("paragraph", RichText(link))])
    other_programme = programme_factories.programme(site.programmes["en"], "URBACT")
    return {
        "news": news.get_url(),
        "news_el": site.pages["news"]["el"].get_url(),
        "news_index": site.news["en"].get_url(),
        "news_index_el": site.news["el"].get_url(),
        "home": site.home["en"].get_url(),
        "home_el": site.home["el"].get_url(),
        "linking": linking.get_url(),
        "programme": site.pages["programme"]["en"].get_url(),  # the news item's programme lists it
        "city": site.pages["piraeus"]["en"].get_url(),
        "city_el": site.pages["piraeus"]["el"].get_url(),
        "other_programme": other_programme.get_url(),
        "call": site.pages["call"]["en"].get_url(),
        "partnership": site.pages["partnership"]["en"].get_url(),
        "about": site.pages["about"]["en"].get_url(),
    }


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def state(client, url):
    return client.get(url).get("X-Page-Cache")


def publish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


UNRELATED = ["city", "city_el", "other_programme", "call", "partnership", "about"]
SHOWING_THE_NEWS = ["news", "news_el", "news_index", "news_index_el", "home", "linking", "programme"]


def test_publishing_a_news_item_refreshes_the_pages_that_show_it_and_no_others(
    client, page_cache_on, site, pages
):
    warm(client, pages.values())
    publish(site.pages["news"]["en"], title="Cities sign their action plan in Piraeus")
    for name in SHOWING_THE_NEWS:
        assert state(client, pages[name]) == "miss", name
    for name in ("news", "news_index", "home", "programme"):
        assert "Cities sign their action plan in Piraeus" in client.get(pages[name]).text, name
    for name in UNRELATED:
        assert state(client, pages[name]) == "hit", name


def test_unpublishing_a_news_item_takes_it_off_its_listings(client, page_cache_on, site, pages):
    warm(client, pages.values())
    NewsPage.objects.get(pk=site.pages["news"]["en"].pk).unpublish()
    assert client.get(pages["news"]).status_code == 404
    for name in ("news_index", "home", "programme"):
        response = client.get(pages[name])
        assert response["X-Page-Cache"] == "miss" and "Cities meet in Piraeus" not in response.text, name
    for name in UNRELATED:
        assert state(client, pages[name]) == "hit", name


def test_deleting_a_news_item_takes_it_off_its_listings(client, page_cache_on, site, pages):
    warm(client, pages.values())
    NewsPage.objects.get(pk=site.pages["news"]["en"].pk).delete()
    assert client.get(pages["news"]).status_code == 404
    for name in ("news_index", "home", "programme", "linking"):
        response = client.get(pages[name])
        assert response["X-Page-Cache"] == "miss" and "Cities meet in Piraeus" not in response.text, name
    for name in UNRELATED:
        assert state(client, pages[name]) == "hit", name


def test_moving_a_page_refreshes_its_old_and_new_parents_and_not_the_rest(client, page_cache_on, site, pages):
    about = site.pages["about"]["en"]
    team, history = standard_page(about, "Team", "team"), standard_page(about, "History", "history")
    alumni = standard_page(team, "Alumni", "alumni")
    urls = {**pages, "team": team.get_url(), "history": history.get_url(), "alumni": alumni.get_url()}
    warm(client, urls.values())
    Page.objects.get(pk=alumni.pk).move(history, pos="last-child")
    for name in ("team", "history", "about", "home"):
        assert state(client, urls[name]) == "miss", name
    assert "Alumni" not in client.get(urls["team"]).text
    assert client.get(urls["alumni"]).status_code == 301  # Wagtail's redirect to the new address
    assert client.get(f"{urls['history']}alumni/").status_code == 200
    for name in UNRELATED:
        if name != "about":
            assert state(client, pages[name]) == "hit", name


def test_saving_a_theme_makes_every_page_stale(client, page_cache_on, site, pages):
    warm(client, pages.values())
    Theme.objects.create(name="Blue economy", slug="blue-economy")
    for name in pages:
        assert state(client, pages[name]) == "miss", name


def test_publishing_a_page_in_the_menu_makes_every_page_stale(client, page_cache_on, site, pages):
    warm(client, [pages["city"], pages["other_programme"]])
    publish(site.pages["about"]["en"], title="About the programmes")
    response = client.get(pages["city"])
    assert response["X-Page-Cache"] == "miss" and "About the programmes" in response.text  # the footer


def test_a_response_rendered_while_its_page_changes_is_not_kept(page_cache_on, site):
    news = site.pages["news"]["en"].pk
    stamp = pagecache.request_stamp()  # as a request starts
    pagecache.bump_page_versions([news])  # a publication commits while it renders
    assert pagecache.versions_to_keep([news], stamp) is None
    assert pagecache.versions_to_keep([news], pagecache.request_stamp()) is not None


def test_a_failed_write_of_page_versions_makes_every_page_stale(
    client, page_cache_on, site, pages, monkeypatch
):
    warm(client, [pages["city"], pages["news"]])
    monkeypatch.setattr(pagecache, "bump_page_versions", lambda ids: False)
    publish(site.pages["news"]["en"], title="Cities sign their action plan in Piraeus")
    assert state(client, pages["city"]) == "miss"
    assert "Cities sign their action plan in Piraeus" in client.get(pages["news"]).text


def test_with_redis_the_targeted_invalidation_keeps_the_other_pages(client, site_on_redis, site, pages):
    warm(client, [pages["news"], pages["home"], pages["programme"], pages["city"]])
    publish(site.pages["news"]["en"], title="Cities sign their action plan in Piraeus")
    for name in ("news", "home", "programme"):
        response = client.get(pages[name])
        assert response["X-Page-Cache"] == "miss" and "Cities sign their action plan" in response.text, name
    assert state(client, pages["city"]) == "hit"


def test_a_publication_while_redis_is_away_shows_on_every_page_when_it_is_back(
    client, site_on_redis, site, pages
):
    warm(client, [pages["news"], pages["home"], pages["city"]])
    site_on_redis.freeze()  # keeps its data: the cached pages would come back
    try:
        publish(site.pages["news"]["en"], title="Cities sign their action plan in Piraeus")
    finally:
        site_on_redis.thaw()
    time.sleep(website_cache.PAUSE_SECONDS + 0.1)
    for name in ("news", "home"):
        response = client.get(pages[name])
        assert "Cities sign their action plan in Piraeus" in response.text, name
        assert "Cities meet in Piraeus" not in response.text, name
    assert state(client, pages["city"]) == "miss"  # the targeted versions may be lost: every page
