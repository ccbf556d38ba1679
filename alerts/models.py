"""E-mail alerts: what a subscriber chose, and nothing else about them.

Choices are kept by values that are the same in every language (a programme's code, a theme's
slug, a country's ISO code), so they survive translation and editing of names. The token is the
subscriber's only key: every link (confirm, manage, unsubscribe) carries it, and a wrong one is a 404.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An unconfirmed subscription is kept this long for its confirmation link, then removed by send_alerts.
CONFIRMATION_DAYS = 7


class Kind(models.TextChoices):
    CALLS = "calls", _("New calls for applications")
    DEADLINES = "deadlines", _("Call deadlines in the next 7 days")
    TRAINING = "training", _("New training modules")
    NEWS = "news", _("News")


def new_token():
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    # Stored lower-case (alerts.forms.normalise_email): one subscription per address.
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    programmes = models.JSONField(_("programme codes"), default=list, blank=True)
    themes = models.JSONField(_("theme slugs"), default=list, blank=True)
    countries = models.JSONField(_("country codes"), default=list, blank=True)
    kinds = models.JSONField(_("kinds"), default=list)
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed (consent given)"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail alert subscription")
        verbose_name_plural = _("e-mail alert subscriptions")
        indexes = [models.Index(fields=["confirmed_at"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def confirmation_expired(self):
        return not self.is_confirmed and self.created_at < expiry_cutoff()

    def preferences(self):
        return {
            "language": self.language,
            "programmes": self.programmes,
            "themes": self.themes,
            "countries": self.countries,
            "kinds": self.kinds,
        }


def expiry_cutoff(now=None):
    """Unconfirmed subscriptions created before this are expired."""
    return (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
