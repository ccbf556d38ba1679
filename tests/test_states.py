"""States computed from dates: a call around its opening and deadline, a programme's phases around today."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from programmes.models import CallPage, ProgrammePhase, phase_states

# Building a page object looks up its content type, which may need the database.
pytestmark = pytest.mark.django_db

OPENS = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DEADLINE = datetime(2026, 6, 30, 15, 0, tzinfo=UTC)  # 17:00 in Brussels
SECOND = timedelta(seconds=1)


def call(opens_at=OPENS, deadline=DEADLINE):
    return CallPage(title="Call", slug="call", opens_at=opens_at, deadline=deadline)


@pytest.mark.parametrize(
    "now, state",
    [
        (OPENS - SECOND, CallPage.State.UPCOMING),
        (OPENS, CallPage.State.OPEN),
        (OPENS + SECOND, CallPage.State.OPEN),
        (DEADLINE - timedelta(days=15), CallPage.State.OPEN),
        (DEADLINE - timedelta(days=14) - SECOND, CallPage.State.OPEN),
        (DEADLINE - timedelta(days=14), CallPage.State.CLOSING_SOON),
        (DEADLINE - timedelta(days=13), CallPage.State.CLOSING_SOON),
        (DEADLINE - SECOND, CallPage.State.CLOSING_SOON),
        (DEADLINE, CallPage.State.CLOSED),
        (DEADLINE + SECOND, CallPage.State.CLOSED),
        (DEADLINE + timedelta(days=400), CallPage.State.CLOSED),
    ],
    ids=[
        "just-before-opening",
        "at-opening",
        "just-after-opening",
        "15-days-before-deadline",
        "just-over-14-days-before",
        "14-days-before",
        "13-days-before",
        "a-second-before-deadline",
        "at-deadline",
        "a-second-after-deadline",
        "a-year-later",
    ],
)
def test_call_state_around_opening_and_deadline(now, state):
    assert call().state_at(now) == state


def test_call_without_an_opening_date_is_open_until_its_deadline():
    without_opening = call(opens_at=None)
    assert without_opening.state_at(OPENS - timedelta(days=365)) == CallPage.State.OPEN
    assert without_opening.state_at(DEADLINE) == CallPage.State.CLOSED


def test_state_does_not_depend_on_the_time_zone_of_now():
    """The same instant written in Santiago time gives the same state."""
    santiago = timezone.localtime(DEADLINE - SECOND, timezone=ZoneInfo("America/Santiago"))
    assert call().state_at(santiago) == CallPage.State.CLOSING_SOON
    assert call().state_at(santiago + SECOND) == CallPage.State.CLOSED


def test_state_property_uses_the_current_time():
    now = timezone.now()
    assert call(opens_at=now - timedelta(days=1), deadline=now + timedelta(days=30)).state == "open"
    assert call(opens_at=now - timedelta(days=1), deadline=now + timedelta(days=3)).state == "closing-soon"
    assert call(opens_at=now + timedelta(days=1), deadline=now + timedelta(days=30)).state == "upcoming"
    assert call(opens_at=now - timedelta(days=30), deadline=now - timedelta(minutes=1)).state == "closed"


def test_time_left_counts_days_and_hours_while_the_call_is_open():
    now = timezone.now()
    # 30 minutes of slack so the few microseconds the test takes never change the hour.
    assert call(opens_at=None, deadline=now + timedelta(days=3, hours=5, minutes=30)).time_left == {
        "days": 3,
        "hours": 5,
    }
    assert call(opens_at=None, deadline=now + timedelta(days=20, hours=1, minutes=30)).time_left == {
        "days": 20,
        "hours": 1,
    }
    assert call(opens_at=None, deadline=now + timedelta(minutes=30)).time_left == {"days": 0, "hours": 0}


def test_time_left_is_none_before_opening_and_after_the_deadline():
    now = timezone.now()
    assert call(opens_at=now + timedelta(days=1), deadline=now + timedelta(days=30)).time_left is None
    assert call(opens_at=None, deadline=now - timedelta(seconds=1)).time_left is None


# Phases of a programme's timeline, with a fixed "today".

TODAY = date(2026, 5, 15)


def phase(title, start, end=None):
    return ProgrammePhase(title=title, start_date=start, end_date=end)


def states(phases, today=TODAY):
    return [(p.title, p.state) for p in phase_states(phases, today)]


def test_phases_are_past_current_next_and_later_around_today():
    phases = [
        phase("conference", date(2026, 11, 1)),  # given out of order on purpose
        phase("selection", date(2025, 10, 1), date(2026, 1, 31)),
        phase("online cooperation", date(2026, 2, 1), date(2026, 9, 30)),
        phase("study visit", date(2026, 6, 1), date(2026, 6, 5)),
        phase("action plan", date(2026, 10, 1), date(2026, 10, 31)),
    ]
    assert states(phases) == [
        ("selection", "past"),
        ("online cooperation", "current"),
        ("study visit", "next"),
        ("action plan", "later"),
        ("conference", "later"),
    ]


def test_phase_boundaries_count_as_current():
    phases = [phase("starts today", TODAY, date(2026, 6, 1)), phase("ends today", date(2026, 5, 1), TODAY)]
    assert dict(states(phases)) == {"starts today": "current", "ends today": "current"}


def test_a_one_day_phase_is_current_on_its_day_and_past_the_day_after():
    one_day = [phase("conference", TODAY)]
    assert states(one_day, TODAY) == [("conference", "current")]
    assert states(one_day, TODAY + timedelta(days=1)) == [("conference", "past")]
    assert states(one_day, TODAY - timedelta(days=1)) == [("conference", "next")]


def test_only_one_phase_is_next_even_when_two_start_the_same_day():
    phases = [
        phase("visit a", date(2026, 7, 1), date(2026, 7, 3)),
        phase("visit b", date(2026, 7, 1), date(2026, 7, 2)),
        phase("visit c", date(2026, 8, 1)),
    ]
    result = states(phases)
    assert [state for _title, state in result].count("next") == 1
    assert result[0] == ("visit b", "next")  # ends first
    assert {title for title, state in result if state == "later"} == {"visit a", "visit c"}


def test_no_phase_is_next_when_the_programme_is_over():
    phases = [phase("selection", date(2024, 1, 1), date(2024, 2, 1)), phase("conference", date(2025, 3, 1))]
    assert [state for _title, state in states(phases)] == ["past", "past"]


def test_programme_timeline_uses_todays_date(site):
    programme = site.pages["programme"]["en"]
    programme = type(programme).objects.get(pk=programme.pk)
    timeline = programme.timeline
    # Selection ran in the first half of 2020; the closing conference is on 1 November 2030.
    assert [(p.title, p.state) for p in timeline] == [
        ("Selection of cities", "past"),
        ("Closing conference", "next"),
    ]
