from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Editors' sign-in: the admin login form with a two-factor code, passkeys, the lockout page,
    and the middleware that makes a session without its second factor nobody."""

    name = "accounts"
    verbose_name = _("Editor accounts")
