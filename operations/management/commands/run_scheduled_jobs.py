"""Run the site's periodic jobs, every minute from a systemd timer or cron (deploy/), and record
each success for the metrics (``cityco_scheduled_job_last_success_timestamp_seconds``)."""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.metrics import record_job_success

logger = logging.getLogger(__name__)

# Wagtail's scheduled publishing and unpublishing, then the search counts kept in the cache.
JOBS = ["publish_scheduled", "flush_search_queries"]


class Command(BaseCommand):
    help = "Publish and unpublish what is scheduled and save the search counts; records each success."

    def handle(self, *args, verbosity, **options):
        failed = []
        for job in JOBS:
            try:
                call_command(job, verbosity=verbosity)
            except Exception:  # one failing job must not stop the others; the exit status reports it
                logger.exception("Scheduled job %s failed", job)
                failed.append(job)
            else:
                record_job_success(job)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
