"""Atom feeds name their author and carry valid entry ids; the directory's CSV opens with accents
in spreadsheet programs; the calendar of everything upcoming stays valid when nothing is."""

import csv
import io
import uuid
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from base.factories import LANGUAGE_CODES
from cities.factories import city
from cities.views import CSV_COLUMNS
from programmes.models import CallPage, TrainingModulePage
from tests.conftest import absolute

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_NAMES = {
    "en": "City Cooperation",
    "ca": "Cooperació entre ciutats",
    "pl": "Współpraca miast",
    "el": "Συνεργασία πόλεων",
}


def is_valid_entry_id(value, page):
    """RFC 4287 4.2.6: an IRI; here the page's absolute address or a UUID URN (RFC 9562)."""
    if value == absolute(page):
        return True
    if not value.startswith("urn:uuid:"):
        return False
    try:
        return str(uuid.UUID(value.removeprefix("urn:uuid:"))) == value.removeprefix("urn:uuid:")
    except ValueError:
        return False


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_atom_feed_and_entries_name_the_site_as_author_with_valid_ids(client, site, code):
    response = client.get(site.news[code].get_url() + "feed/atom/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")

    assert feed.feed.author_detail.name == SITE_NAMES[code]
    assert feed.feed.author_detail.href == f"http://testserver/{code}/"
    assert feed.entries
    page = site.pages["news"][code]
    for entry in feed.entries:
        assert entry.author_detail.name == SITE_NAMES[code]
        assert is_valid_entry_id(entry.id, page), entry.id
    # The raw XML, as RFC 4287 has it: <author><name> in the feed and in every entry.
    root = ElementTree.fromstring(response.content)
    assert root.find(f"{ATOM}author/{ATOM}name").text == SITE_NAMES[code]
    assert all(entry.find(f"{ATOM}author/{ATOM}name") is not None for entry in root.findall(f"{ATOM}entry"))


def test_entry_ids_differ_between_languages_and_stay_when_the_slug_changes(client, site):
    ids = {}
    for code in LANGUAGE_CODES:
        feed = feedparser.parse(client.get(site.news[code].get_url() + "feed/atom/").content)
        ids[code] = feed.entries[0].id
    assert len(set(ids.values())) == len(LANGUAGE_CODES)
    page = site.pages["news"]["en"]
    assert ids["en"] == f"urn:uuid:{uuid.uuid5(page.translation_key, 'en')}"


def test_the_rss_items_name_the_site_as_creator(client, site):
    feed = feedparser.parse(client.get(site.news["pl"].get_url() + "feed/rss/").content)
    assert not feed.bozo
    assert feed.entries[0].author == SITE_NAMES["pl"]


def test_directory_csv_starts_with_a_byte_order_mark_and_keeps_accents(client, site):
    city(site.cities["en"], "Kavála", country="GR", population=54_027, latitude="40.937", longitude="24.413")
    response = client.get(site.cities["en"].get_url() + "export.csv")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content[3:].decode("utf-8"))))
    assert "Kavála" in {row["name"] for row in rows}
    assert list(rows[0])[0] == "name"  # the mark is not part of the first column's name


def test_a_filtered_out_csv_still_has_its_mark_and_header(client, site):
    response = client.get(site.cities["ca"].get_url() + "export.csv?country=JP")
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(response.content[3:].decode("utf-8")))) == [list(CSV_COLUMNS)]


def nothing_upcoming():
    past = timezone.now() - timedelta(days=10)
    CallPage.objects.update(opens_at=past - timedelta(days=30), deadline=past)
    TrainingModulePage.objects.update(starts_at=past - timedelta(hours=6), ends_at=past)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_upcoming_calendar_with_nothing_upcoming_says_so_and_stays_valid(client, site, code):
    nothing_upcoming()
    response = client.get(site.programmes[code].get_url() + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"

    calendar = Calendar.from_ical(response.content)
    assert calendar.events == []
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    # RFC 5545 3.6: a calendar holds at least one component.
    assert len(calendar.subcomponents) >= 1
    description = str(calendar["X-WR-CALDESC"])
    assert description == str(calendar["DESCRIPTION"])
    assert f"http://testserver/{code}/" in description
    if code == "en":
        assert description.startswith("Nothing is coming up at the moment")


def test_the_upcoming_calendar_with_events_has_no_such_note(client, site):
    calendar = Calendar.from_ical(client.get(site.programmes["en"].get_url() + "calendar.ics").content)
    assert len(calendar.events) == 2
    assert "X-WR-CALDESC" not in calendar
