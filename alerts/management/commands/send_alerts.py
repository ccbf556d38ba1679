"""Send each confirmed subscriber one digest of what is new since the last one; run daily from cron.

Safe to run again at once: a digest moves ``last_sent_at`` to the time the run started, so a second
run finds nothing new and sends nothing. A subscription whose e-mail fails keeps its
``last_sent_at`` and gets the same items at the next run. Unconfirmed subscriptions past their
7 days are removed first.
"""

import logging
from collections import defaultdict

from django.core.mail import get_connection
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from wagtail.models import Locale

from alerts.digest import Catalogue, digest_for
from alerts.emails import render_message, unsubscribe_headers
from alerts.models import Kind, Subscription, expiry_cutoff

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "E-mail every confirmed subscriber what is new since their last digest, and remove expired unconfirmed subscriptions."

    def handle(self, *args, **options):
        now = timezone.now()
        removed, _by_model = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=expiry_cutoff(now)
        ).delete()
        by_language = defaultdict(list)
        for subscription in Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk"):
            by_language[subscription.language].append(subscription)

        sent = failed = 0
        connection = get_connection()
        for language, subscriptions in by_language.items():
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                continue
            earliest = min(s.last_sent_at or s.confirmed_at for s in subscriptions)
            with translation.override(language):  # page URLs under this language's prefix
                catalogue = Catalogue(locale, earliest, now)
                for subscription in subscriptions:
                    sections = digest_for(subscription, catalogue)
                    if not sections:
                        continue
                    if self.send(subscription, sections, connection):
                        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
                        sent += 1
                    else:
                        failed += 1
        self.stdout.write(
            f"Digests sent: {sent}; failed: {failed}; expired unconfirmed subscriptions removed: {removed}."
        )

    def send(self, subscription, sections, connection):
        context = {
            "subscription": subscription,
            "sections": [
                {"kind": kind, "label": label, "items": sections[kind]}
                for kind, label in Kind.choices
                if kind in sections
            ],
            "count": sum(len(items) for items in sections.values()),
        }
        message = render_message(
            subscription, "digest", context, html=True, headers=unsubscribe_headers(subscription)
        )
        message.connection = connection
        try:
            message.send()
        except OSError:  # the mail server refused or did not answer: this subscriber is tried again next run
            logger.exception("Could not send the alerts digest to subscription %s", subscription.pk)
            return False
        return True
