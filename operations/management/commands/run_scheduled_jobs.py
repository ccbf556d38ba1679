"""Run the site's periodic jobs, every minute from a systemd timer or cron (deploy/), and record
each success for the metrics (``cityco_scheduled_job_last_success_timestamp_seconds``).

Daily jobs run at the first run at or after their local time (settings.TIME_ZONE) that follows
no success of theirs since that time today; a failed one is tried again at the next run."""

import logging
from datetime import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.metrics import jobs_last_success, record_job_success

logger = logging.getLogger(__name__)

# Wagtail's scheduled publishing and unpublishing, then the search counts kept in the cache.
JOBS = ["publish_scheduled", "flush_search_queries"]
# The e-mail alerts' digest (docs/alerts.md), once a day.
DAILY_JOBS = {"send_alerts": time(6, 15)}


def daily_jobs_due(now=None):
    """The daily jobs whose time has come today and that have not succeeded since then."""
    local = timezone.localtime(now)
    last_success = jobs_last_success()
    due = []
    for job, at in DAILY_JOBS.items():
        today_at = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
        if local >= today_at and last_success.get(job, 0) < today_at.timestamp():
            due.append(job)
    return due


class Command(BaseCommand):
    help = "Publish and unpublish what is scheduled, save the search counts and send the daily alerts; records each success."

    def handle(self, *args, verbosity, **options):
        failed = []
        for job in JOBS + daily_jobs_due():
            try:
                call_command(job, verbosity=verbosity)
            except Exception:  # one failing job must not stop the others; the exit status reports it
                logger.exception("Scheduled job %s failed", job)
                failed.append(job)
            else:
                # timezone.now(): the clock daily_jobs_due() compares with
                record_job_success(job, when=timezone.now().timestamp())
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
