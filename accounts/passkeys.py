"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor next to the authenticator app.

Signing in: the admin login page's "Sign in with a passkey" button
(templates/wagtailadmin/login.html) asks the browser for a passkey of this site *with user
verification* (the device's PIN, fingerprint or face): having the device and unlocking it are the
two factors, so no password is asked. Any session the browser had is replaced. The account is
signed in through ``django.contrib.auth.authenticate()``, so django-axes' backend refuses a
username that is locked out from this address (429, the lockout page), and a sign-in ends the
failures as a password sign-in does. A passkey that fails verification (wrong signature, disabled,
its account inactive) counts as a failed sign-in for its owner. The session is marked verified
(django-otp's device in the session), which is what accounts/middleware.py asks of every session.

Enrolling: the "Passkeys" page of the admin (the account page's "More actions"), and the
registration endpoints behind its button, need a *verified* session of an editor (one who may use
the admin). django-otp-webauthn by itself lets an account with no factor yet enrol a passkey from a
password-only session; here that is refused, so a stolen password never buys a passkey. The first
factor of an account comes from an administrator (``manage.py add_totp_device``).
"""

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp_webauthn import exceptions
from django_otp_webauthn.utils import get_credential_model
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from webauthn.helpers import parse_authentication_credential_json

from accounts.middleware import is_verified

ADMIN_ACCESS = "wagtailadmin.access_admin"


class SignInRefused(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("Signing in with this passkey was refused.")
    default_code = "sign_in_refused"


# Enrolment: a verified editor's session only.


class VerifiedEditorOnly:
    def check_can_register(self):
        super().check_can_register()
        user = self.get_user()
        if not (is_verified(user) and user.has_perm(ADMIN_ACCESS)):
            raise exceptions.NotVerified(
                detail=_("Sign in with your authentication code or a passkey before adding a passkey.")
            )


class RegistrationBeginView(VerifiedEditorOnly, BeginCredentialRegistrationView):
    pass


class RegistrationCompleteView(VerifiedEditorOnly, CompleteCredentialRegistrationView):
    pass


# Signing in: always the full passwordless ceremony, with user verification.


class SignInBeginView(BeginCredentialAuthenticationView):
    def get_user(self):
        # Whoever the session was, the passkey alone decides who signs in, so user
        # verification is always required (django-otp-webauthn asks for it when there is no user).
        return None


class SignInCompleteView(CompleteCredentialAuthenticationView):
    signing_in = False

    def get_user(self):
        return None

    def post(self, *args, **kwargs):
        try:
            return super().post(*args, **kwargs)
        except exceptions.OTPWebAuthnApiError:
            if not self.signing_in:  # authenticate() reports its own refusals
                self.count_failure()
            raise

    def count_failure(self):
        """A refused passkey counts for django-axes as a wrong password for its owner."""
        try:
            credential = parse_authentication_credential_json(dict(self.request.data))
            owner = get_credential_model().get_by_credential_id(credential.raw_id).user
        except Exception:  # no passkey of ours named: nobody to count it for
            return
        user_login_failed.send(
            sender=__name__, credentials={"username": owner.get_username()}, request=self.request
        )

    def complete_auth(self, device):
        self.signing_in = True
        user = authenticate(self.request, username=device.user.get_username(), webauthn_credential=device)
        if user is None:  # locked out by django-axes (its middleware answers 429), or inactive
            raise SignInRefused()
        login(self.request, user)
        otp_login(self.request, device)
        return user

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")


# The page listing an editor's passkeys, where they add and remove them.


class PasskeysView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/passkeys.html"
    page_title = _("Passkeys")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["passkeys"] = (
            get_credential_model().objects.filter(user=self.request.user).order_by("created_at", "pk")
        )
        context["current_device"] = getattr(self.request.user, "otp_device", None)
        return context

    def post(self, request):
        passkey = get_object_or_404(get_credential_model(), pk=request.POST.get("remove"), user=request.user)
        passkey.delete()
        messages.success(request, _("The passkey was removed; it no longer signs you in."))
        return redirect("accounts_passkeys")
