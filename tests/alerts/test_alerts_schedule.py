"""The daily digest from the every-minute scheduler (run_scheduled_jobs): sent at the first run
from 06:15 local time, once a day, whatever the number of runs."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from operations.management.commands.run_scheduled_jobs import DAILY_JOBS
from operations.metrics import jobs_last_success
from tests.alerts.test_alerts import new_call, subscribed


@pytest.fixture
def clock(monkeypatch, tmp_path):
    """``clock(moment)`` sets what timezone.now() answers from then on (the real time until then);
    the jobs' state in the test's own file."""
    moments, real_now = [], timezone.now
    monkeypatch.setattr(timezone, "now", lambda: moments[-1] if moments else real_now())
    with override_settings(SCHEDULED_JOBS_STATE_FILE=tmp_path / "jobs.json"):
        yield moments.append


# Tomorrow (local time), read once: after everything the tests publish for real.
TOMORROW = timezone.localdate() + timedelta(days=1)


def tomorrow_at(hour, minute, days=0):
    """A local time tomorrow, or ``days`` later."""
    return timezone.make_aware(datetime.combine(TOMORROW + timedelta(days=days), time(hour, minute)))


def run_jobs():
    call_command("run_scheduled_jobs", stdout=StringIO())


def test_send_alerts_is_one_of_the_daily_jobs_at_06_15():
    assert DAILY_JOBS == {"send_alerts": time(6, 15)}


def test_the_scheduler_sends_the_digest_once_a_day_from_06_15(site, clock):
    subscribed("daily@example.org", kinds=["calls"])
    new_call(site)

    clock(tomorrow_at(6, 14))
    run_jobs()
    assert mail.outbox == []  # not yet
    assert "send_alerts" not in jobs_last_success()

    clock(tomorrow_at(6, 15))
    run_jobs()
    assert [message.to for message in mail.outbox] == [["daily@example.org"]]
    assert jobs_last_success()["send_alerts"] == tomorrow_at(6, 15).timestamp()

    # Something new at noon: the runs of the afternoon leave it for the next day's digest.
    later = new_call(site, "Call for port cities")["en"]
    Page.objects.filter(pk=later.pk).update(first_published_at=tomorrow_at(12, 0))
    for moment in (tomorrow_at(13, 0), tomorrow_at(23, 59), tomorrow_at(6, 14, days=1)):
        clock(moment)
        run_jobs()
    assert len(mail.outbox) == 1

    clock(tomorrow_at(6, 16, days=1))
    run_jobs()
    run_jobs()
    assert len(mail.outbox) == 2
    assert "Call for port cities" in mail.outbox[1].body
