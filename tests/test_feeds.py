"""News feeds and calendar files, read back by the parsers that feed readers and calendars use."""

import re
from datetime import date, timedelta

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from base.factories import LANGUAGE_CODES, translate
from news.factories import news_item
from programmes.factories import call as new_call
from programmes.factories import training_module
from tests.conftest import absolute


def news_feed(client, index, kind):
    response = client.get(index.get_url() + f"feed/{kind}/")
    assert response.status_code == 200
    expected_type = {"rss": "application/rss+xml", "atom": "application/atom+xml"}[kind]
    assert response["Content-Type"].startswith(expected_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    return feed


@pytest.fixture
def more_news(site):
    """An English-only item (newest) and a Catalan-only item, next to the item in every language."""
    english = news_item(site.news["en"], "Only in English", date=date(2024, 6, 1))
    catalan = news_item(site.news["ca"], "Només en català", date=date(2024, 4, 1))
    return {"en": english, "ca": catalan}


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_news_feed_has_the_items_of_its_language_only(client, site, more_news, kind, code):
    index = site.news[code]
    feed = news_feed(client, index, kind)

    assert feed.feed.title == index.title
    assert feed.feed.link == absolute(index)
    assert feed.feed.language == code
    expected = [site.pages["news"][code]]
    if code == "en":
        expected = [more_news["en"], *expected]  # newest first
    if code == "ca":
        expected = [*expected, more_news["ca"]]
    assert [entry.title for entry in feed.entries] == [page.title for page in expected]
    assert [entry.link for entry in feed.entries] == [absolute(page) for page in expected]
    # Each language's item has its own identifier, so readers do not merge the translations.
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_feed_entries_carry_the_summary_and_the_date(client, site):
    entry = news_feed(client, site.news["en"], "rss").entries[0]
    assert entry.summary == "Piraeus and Puerto Montt sign their action plan."
    assert "02 May 2024 00:00:00" in entry.published  # midnight of the item's date, local time


def test_feed_ids_differ_between_languages(client, site):
    ids = {code: news_feed(client, site.news[code], "atom").entries[0].id for code in LANGUAGE_CODES}
    assert len(set(ids.values())) == 4


def calendar_link(client, page):
    """The calendar file the page itself offers (its <link rel="alternate" type="text/calendar">)."""
    response = client.get(page.get_url())
    assert response.status_code == 200
    links = re.findall(
        r'<link rel="alternate" type="text/calendar"[^>]* href="([^"]+)"', response.content.decode()
    )
    assert len(links) == 1, "the page does not link its calendar file"
    return links[0]


def read_calendar(client, page):
    url = calendar_link(client, page)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_call_calendar_has_the_deadline_in_the_calls_time_zone(client, site, code):
    call = site.pages["call"][code]
    event = only_event(read_calendar(client, call))

    assert str(event["SUMMARY"]) == call.title
    assert event["DTSTART"].params["TZID"] == "America/Santiago"
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "America/Santiago"
    assert start == call.deadline
    assert str(event["URL"]) == "http://testserver" + call.get_url()  # settings.SITE_URL


def test_training_calendar_has_start_end_and_place_in_the_modules_time_zone(client, site):
    module = site.pages["training"]["el"]
    event = only_event(read_calendar(client, module))

    assert str(event["SUMMARY"]) == module.title
    for name, value in (("DTSTART", module.starts_at), ("DTEND", module.ends_at)):
        assert event[name].params["TZID"] == "Europe/Copenhagen"
        assert event.decoded(name) == value
    assert str(event["LOCATION"]) == "Copenhagen"


def test_calendar_defines_every_time_zone_it_uses(client, site):
    """RFC 5545 3.2.19: each TZID parameter needs its VTIMEZONE in the same calendar."""
    calendar = read_calendar(client, site.pages["call"]["en"])
    used = {event["DTSTART"].params["TZID"] for event in calendar.walk("VEVENT")}
    defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert used <= defined


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_programme_index_calendar_lists_upcoming_deadlines_and_training_in_its_language(client, site, code):
    programme = site.pages["programme"]["en"]
    now = timezone.now()
    past = [
        new_call(
            programme, "Closed call", opens_at=now - timedelta(days=90), deadline=now - timedelta(days=1)
        ),
        training_module(
            programme, "Past training", starts_at=now - timedelta(days=10), ends_at=now - timedelta(days=9)
        ),
    ]
    if code != "en":
        for page in past:
            translate(page, code)

    calendar = read_calendar(client, site.programmes[code])

    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == sorted([site.pages["call"][code].title, site.pages["training"][code].title])
    by_summary = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert by_summary[site.pages["call"][code].title].decoded("DTSTART") == site.pages["call"][code].deadline
    assert str(calendar["X-WR-CALNAME"]) == site.programmes[code].title
