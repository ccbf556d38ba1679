"""Keyless filtered feeds: RSS/Atom of the news and RSS/iCalendar of the calls and training modules,
for any filter of the listings (programme, theme, country; kind for calls and training), read back
by feedparser and icalendar. A value the listing would leave out is a 400 with a message here."""

import re
from datetime import date, timedelta
from html import unescape

import feedparser
import pytest
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from news.factories import news_item
from programmes import factories

SITE_URL = "https://cities.example.org"


@pytest.fixture
def two_programmes(site):
    """Green Cities (circular economy, Greece) and Ports (Poland, no theme), each with a call, a
    training module and a news item; the Ports training is held in Greece on circular economy."""
    theme = site.theme
    index, news_index = site.programmes["en"], site.news["en"]
    now = timezone.now()
    green = factories.programme(index, "Green Cities", themes=[theme], countries=["GR"])
    ports = factories.programme(index, "Ports", countries=["PL"])
    opens = {"opens_at": now - timedelta(days=1)}
    pages = {
        "green call": factories.call(green, "Green call", deadline=now + timedelta(days=20), **opens),
        "green training": factories.training_module(green, "Green training"),
        "ports call": factories.call(ports, "Ports call", deadline=now + timedelta(days=25), **opens),
        "ports training": factories.training_module(
            ports, "Ports training in Athens", themes=[theme], country="GR", city_name="Athens"
        ),
        "green news": news_item(
            news_index, "Green news", programme=green, themes=[theme], date=date(2024, 7, 1)
        ),
        "ports news": news_item(
            news_index, "Ports news", programme=ports, themes=[theme], date=date(2024, 7, 2)
        ),
    }
    return pages


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def read_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


EVENT_FILTERS = [
    ("theme=circular-economy&country=GR", ["Green call", "Green training", "Ports training in Athens"]),
    ("kind=training&country=GR", ["Green training", "Ports training in Athens"]),
    ("kind=call&theme=circular-economy", ["Call for cities", "Green call"]),
    ("programme=ports", ["Ports call", "Ports training in Athens"]),
    ("programme=ports&theme=circular-economy", ["Ports training in Athens"]),
    ("country=FR", []),
]


@pytest.mark.parametrize("query, expected", EVENT_FILTERS)
def test_filtered_calendar_and_rss_of_calls_and_training_hold_only_what_matches(
    client, site, two_programmes, query, expected
):
    index = site.programmes["en"]
    with override_settings(SITE_URL=SITE_URL):
        calendar = read_calendar(client, f"{index.url}calendar.ics?{query}")
        feed = read_feed(client, f"{index.url}feed/rss/?{query}")

    assert summaries(calendar) == expected
    assert sorted(entry.title for entry in feed.entries) == expected
    by_title = {page.title: page for page in [*two_programmes.values(), site.pages["call"]["en"]]}
    for event in calendar.walk("VEVENT"):
        assert str(event["URL"]) == SITE_URL + by_title[str(event["SUMMARY"])].url
    for entry in feed.entries:
        assert entry.link == SITE_URL + by_title[entry.title].url
    assert feed.feed.link == SITE_URL + index.url
    assert feed.feed.language == "en"


def test_the_rss_of_calls_and_training_is_newest_first(client, site, two_programmes):
    feed = read_feed(client, f"{site.programmes['en'].url}feed/rss/?country=GR")

    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert feed.entries[0].title == "Ports training in Athens"  # the last one made


def test_a_filtered_calendar_is_named_after_its_filters(client, site, two_programmes):
    calendar = read_calendar(client, f"{site.programmes['en'].url}calendar.ics?programme=ports&country=GR")

    assert str(calendar["X-WR-CALNAME"]) == f"{site.programmes['en'].title} · Ports · Greece"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_filtered_news_feed_holds_only_matching_items(client, site, two_programmes, kind):
    index = site.news["en"]
    with override_settings(SITE_URL=SITE_URL):
        feed = read_feed(client, f"{index.url}feed/{kind}/?theme=circular-economy&country=GR")
        everything = read_feed(client, f"{index.url}feed/{kind}/")

    assert [entry.title for entry in feed.entries] == ["Green news"]
    assert feed.entries[0].link == SITE_URL + two_programmes["green news"].url
    assert feed.feed.link == f"{SITE_URL}{index.url}?theme=circular-economy&country=GR"
    assert {"Green news", "Ports news", site.pages["news"]["en"].title} <= {
        e.title for e in everything.entries
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("programme=ports", ["Ports news"]),
        ("country=PL", ["Ports news"]),
        ("theme=circular-economy", ["Ports news", "Green news"]),
        ("programme=icp-agir&theme=circular-economy", []),
    ],
)
def test_news_feed_and_listing_agree_for_each_filter(client, site, two_programmes, query, expected):
    index = site.news["en"]
    listing = client.get(f"{index.url}?{query}").content.decode()
    feed = read_feed(client, f"{index.url}feed/rss/?{query}")

    assert [entry.title for entry in feed.entries] == expected
    listed = re.findall(r'<h3[^>]*>\s*<a href="[^"]+">([^<]+)</a>', listing)
    assert listed == expected


def feed_links(html):
    """(type, href) of the page's <link rel="alternate"> feeds and calendars, hrefs unescaped."""
    return [
        (kind, unescape(href))
        for kind, href in re.findall(
            r'<link rel="alternate" type="(application/(?:rss|atom)\+xml|text/calendar)"[^>]* href="([^"]+)"',
            html,
        )
    ]


def test_a_filtered_news_listing_links_its_filtered_feeds(client, site, two_programmes):
    index = site.news["en"]
    html = client.get(f"{index.url}?country=gr&theme=circular-economy&page=1").content.decode()

    query = "theme=circular-economy&country=GR"  # checked, in a fixed order, without the page number
    assert feed_links(html) == [
        ("application/rss+xml", f"{index.url}feed/rss/?{query}"),
        ("application/atom+xml", f"{index.url}feed/atom/?{query}"),
    ]
    visible = [
        unescape(href)
        for href in re.findall(r'<ul class="feed-links">(.*?)</ul>', html, re.S)[0].split('"')[1::2]
    ]
    assert visible == [f"{index.url}feed/rss/?{query}", f"{index.url}feed/atom/?{query}"]
    assert '<option value="GR" selected>' in html
    assert [e.title for e in read_feed(client, f"{index.url}feed/rss/?{query}").entries] == ["Green news"]


def test_an_unfiltered_listing_links_the_whole_feed(client, site):
    index = site.news["en"]
    html = client.get(index.url).content.decode()

    assert (f"{index.url}feed/rss/") in dict((h, t) for t, h in feed_links(html))


def test_a_programme_page_links_the_calendar_and_feed_of_its_calls_and_training(client, site, two_programmes):
    ports = two_programmes["ports call"].get_parent()
    index = site.programmes["en"]
    html = client.get(ports.url).content.decode()

    links = feed_links(html)
    assert links == [
        ("text/calendar", f"{index.url}calendar.ics?programme=ports"),
        ("application/rss+xml", f"{index.url}feed/rss/?programme=ports"),
    ]
    assert f'href="{index.url}feed/rss/?programme=ports"' in html  # visible too
    assert summaries(read_calendar(client, links[0][1])) == ["Ports call", "Ports training in Athens"]


@pytest.mark.parametrize("code", ["ca", "el"])
def test_filtered_feeds_keep_to_the_language_of_their_index(client, site, code):
    calendar = read_calendar(client, f"{site.programmes[code].url}calendar.ics?theme=circular-economy")
    feed = read_feed(client, f"{site.programmes[code].url}feed/rss/?theme=circular-economy&kind=call")

    expected = sorted([site.pages["call"][code].title, site.pages["training"][code].title])
    assert summaries(calendar) == expected
    assert [entry.title for entry in feed.entries] == [site.pages["call"][code].title]
    assert feed.feed.language == code


BAD_FILTERS = [
    ("country=XX", "country", "“XX” is not a country code."),
    ("theme=no-such-theme", "theme", "“no-such-theme” is not a theme."),
    ("programme=nope", "programme", "“nope” is not a programme."),
    ("kind=webinar", "kind", "“webinar” is not a kind: give call or training."),
    ("theme=" + "x" * 5000, "theme", f"“{'x' * 100}” is not a theme."),
    ("country=%00", "country", "“\x00” is not a country code."),
]


@pytest.mark.parametrize("query, name, message", BAD_FILTERS)
def test_an_unknown_filter_value_is_a_400_with_a_message(client, site, query, name, message):
    urls = [f"{site.programmes['en'].url}calendar.ics", f"{site.programmes['en'].url}feed/rss/"]
    if name != "kind":
        urls += [f"{site.news['en'].url}feed/rss/", f"{site.news['en'].url}feed/atom/"]
    for url in urls:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url
        assert response.json()["errors"] == {name: message}


def test_the_news_listing_leaves_an_unknown_value_out_and_says_so(client, site, two_programmes):
    response = client.get(f"{site.news['en'].url}?country=XX&theme=circular-economy")

    assert response.status_code == 200
    html = response.content.decode()
    assert "“XX” is not a country code." in html
    # The feeds it links keep the filter it understood.
    assert ("application/rss+xml", f"{site.news['en'].url}feed/rss/?theme=circular-economy") in feed_links(
        html
    )
