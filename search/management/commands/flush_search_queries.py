"""Move the search counters from the cache into ``SearchQueryCount`` rows; drop rows older than 30 days.

Run from cron every minute (docs/deployment.md); the public search page never writes to the database.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search import querylog
from search.models import SearchQueryCount


class Command(BaseCommand):
    help = "Move the counts of searched queries from the cache to the database (run every minute)."

    def handle(self, *args, **options):
        moved = querylog.pending()
        with transaction.atomic():
            for item in moved:
                row, created = SearchQueryCount.objects.get_or_create(
                    day=item.day,
                    language=item.language,
                    query=item.query,
                    zero_results=item.zero_results,
                    defaults={"count": item.count},
                )
                if not created:
                    SearchQueryCount.objects.filter(pk=row.pk).update(count=F("count") + item.count)
        querylog.forget(moved)
        oldest = timezone.localdate() - timedelta(days=querylog.KEEP_DAYS)
        deleted, _details = SearchQueryCount.objects.filter(day__lt=oldest).delete()
        if options["verbosity"] > 1:
            self.stdout.write(
                f"{sum(item.count for item in moved)} searches moved, {deleted} old rows deleted."
            )
