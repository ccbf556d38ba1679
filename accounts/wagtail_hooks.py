"""The passkeys page in the admin (/admin/passkeys/, behind Wagtail's admin check like every
admin URL) and its link under "More actions" on the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.passkeys import PasskeysView


@hooks.register("register_admin_urls")
def passkey_urls():
    return [path("passkeys/", PasskeysView.as_view(), name="accounts_passkeys")]


@hooks.register("register_account_menu_item")
def passkeys_menu_item(request):
    return {
        "url": reverse("accounts_passkeys"),
        "label": _("Passkeys"),
        "help_text": _("Sign in with your phone, computer or security key instead of a password and code."),
    }
