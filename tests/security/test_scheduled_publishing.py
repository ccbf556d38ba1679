"""Scheduled publishing: production runs `manage.py publish_scheduled` from cron every few minutes
(docs/deployment.md); a page whose approved go-live time has passed goes live on the next run,
and one whose expiry time has passed is taken down."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from base.factories import add_page
from home.models import StandardPage


def run_publish_scheduled():
    call_command("publish_scheduled", stdout=StringIO())


def draft(site_tree, slug):
    return add_page(
        site_tree.home["en"], StandardPage(title="Selected cities", slug=slug, live=False), publish=False
    )


def test_page_scheduled_for_the_future_waits(client, site_tree):
    page = draft(site_tree, "selected-later")
    page.go_live_at = timezone.now() + timedelta(hours=2)
    revision = page.save_revision()
    revision.publish()  # with a future go-live time, publishing schedules the revision
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    run_publish_scheduled()
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.get_url()).status_code == 404


def test_scheduled_page_goes_live_when_publish_scheduled_runs(client, site_tree):
    page = draft(site_tree, "selected")
    past = timezone.now() - timedelta(minutes=5)
    page.go_live_at = past
    revision = page.save_revision(approved_go_live_at=past)  # scheduled; the time has come
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.get_url()).status_code == 404

    run_publish_scheduled()
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert client.get(page.get_url()).status_code == 200


def test_expired_page_is_taken_down_when_publish_scheduled_runs(client, site_tree):
    page = add_page(site_tree.home["en"], StandardPage(title="Call closed", slug="call-closed"))
    assert client.get(page.get_url()).status_code == 200
    StandardPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    run_publish_scheduled()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.get_url()).status_code == 404
