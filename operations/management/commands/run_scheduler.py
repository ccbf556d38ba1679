"""The site's periodic jobs (``run_scheduled_jobs``: Wagtail's scheduled publishing, the search
counts), every minute, for as long as the site runs.

Wagtail publishes a page whose "go live" time has passed, and unpublishes one whose "expiry" time
has passed, only when ``manage.py publish_scheduled`` runs. ``make run`` starts this loop next to
the server; a production host runs ``run_scheduled_jobs`` from a systemd timer or cron instead
(deploy/).
"""

import logging
import os
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

logger = logging.getLogger(__name__)


def positive_seconds(value):
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if seconds < 1:
        raise CommandError(f"--interval must be a whole number of seconds, at least 1 (got {value!r}).")
    return seconds


class Command(BaseCommand):
    help = "Run run_scheduled_jobs every --interval seconds (or once, with --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=positive_seconds, default=60, help="Seconds between two runs (default: 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run the jobs once, then exit.")
        parser.add_argument(
            "--exit-with-parent",
            action="store_true",
            help="Stop when the process that started this one ends (make run: the server).",
        )

    def handle(self, *args, interval, once, exit_with_parent, **options):
        if once:
            call_command("run_scheduled_jobs")
            return
        parent = os.getppid() if exit_with_parent else None
        # A shell starts its background jobs with Ctrl-C (SIGINT) ignored; take it back so that
        # Ctrl-C in the terminal of `make run` stops this loop together with the server.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        self.stdout.write(f"Running the scheduled jobs every {interval} s.")
        try:
            while True:
                self.publish()
                if not self.wait(interval, parent):
                    return
        except KeyboardInterrupt:
            return

    def publish(self):
        # A long-lived process: drop database connections that the server side may have closed.
        close_old_connections()
        try:
            call_command("run_scheduled_jobs")
        except Exception:
            # One failed run (the database restarting, say) must not end the schedule.
            logger.exception("The scheduled jobs failed; trying again at the next interval")
        finally:
            close_old_connections()

    def wait(self, seconds, parent):
        """Sleep ``seconds``; False as soon as ``parent`` (a process id) is no longer our parent:
        the server ended, even by a signal that this process never saw."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            if parent is not None and os.getppid() != parent:
                return False
            time.sleep(min(1.0, remaining))
        return parent is None or os.getppid() == parent
