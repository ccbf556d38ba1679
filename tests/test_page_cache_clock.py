"""Pages whose content depends on the clock are cached only until it changes: a call shows
"Closed" on the first request after its deadline, cached or not, and the headers never let a
browser or a CDN keep it longer. Time is moved forward with a fake clock, not waited for."""

import time
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from home.factories import ensure_home, standard_page
from programmes import factories

pytestmark = pytest.mark.django_db

CLOSED = "This call is closed"


@pytest.fixture
def fake_clock(monkeypatch):
    """``timezone.now`` and ``time.time`` (the cache's expiry) under the test's control."""
    start_wall, start_now = time.time(), timezone.now()
    offset = {"seconds": 0.0}
    monkeypatch.setattr(timezone, "now", lambda: start_now + timedelta(seconds=offset["seconds"]))
    monkeypatch.setattr(time, "time", lambda: start_wall + offset["seconds"])

    def advance(**delta):
        offset["seconds"] += timedelta(**delta).total_seconds()

    return advance


@pytest.fixture
def page_cache_on(tmp_path):
    settings = {"PAGE_CACHE_SECONDS": 3600, "CDN_CACHE_SECONDS": 300}
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation", **settings):
        yield


@pytest.fixture
def pages(fake_clock):
    home = ensure_home()
    programme = factories.programme(factories.programme_index(home), "ICP AGIR")
    call = factories.call(programme, "Call for cities", deadline=timezone.now() + timedelta(minutes=30))
    about = standard_page(home, "About us", "about")
    return {"call": call.url, "about": about.url, "programme": programme.url}


def max_ages(response):
    parts = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    return int(parts["max-age"]), int(parts.get("s-maxage", parts["max-age"]))


def test_a_call_reads_closed_on_the_first_request_after_its_deadline(client, page_cache_on, pages, fake_clock):
    first = client.get(pages["call"])
    assert first["X-Page-Cache"] == "miss" and CLOSED not in first.text
    assert client.get(pages["call"])["X-Page-Cache"] == "hit"
    fake_clock(minutes=29)
    still = client.get(pages["call"])
    assert still["X-Page-Cache"] == "hit"
    assert max(max_ages(still)) <= 60  # a browser or a CDN never keeps it past the deadline
    fake_clock(minutes=1, seconds=1)
    after = client.get(pages["call"])
    assert after["X-Page-Cache"] == "miss"
    assert CLOSED in after.text


def test_listings_of_the_call_follow_its_deadline_too(client, page_cache_on, pages, fake_clock):
    client.get(pages["programme"])
    fake_clock(minutes=31)
    assert client.get(pages["programme"])["X-Page-Cache"] == "miss"


def test_a_page_that_shows_no_date_keeps_its_usual_time(client, page_cache_on, pages, fake_clock):
    first = client.get(pages["about"])
    assert max_ages(first) == (60, 300)
    fake_clock(minutes=31)
    assert client.get(pages["about"])["X-Page-Cache"] == "hit"
