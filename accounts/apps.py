from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Editors' sign-in: the admin login form with a two-factor code, and the lockout page."""

    name = "accounts"
    verbose_name = _("Editor accounts")
