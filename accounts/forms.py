"""The Wagtail admin login form with a second factor (settings.WAGTAILADMIN_USER_LOGIN_FORM).

An editor who has an authenticator app (a confirmed django-otp TOTP device) must give its
current six-digit code with the password; a code is accepted once (django-otp remembers the
last time step used, so a replayed code is refused) and wrong codes slow the device down
(django-otp's throttling). A wrong code counts as a failed sign-in for django-axes, like a wrong
password. Editors without a device sign in with the password alone unless
settings.REQUIRE_2FA_FOR_EDITORS is on (the production default), in which case they are refused
until an administrator runs ``manage.py add_totp_device <username>`` for them.

The error for a wrong password and for a wrong code is the same, so the form never tells a
stranger that a guessed password was right. An editor whose only second factor is a passkey signs
in with the page's "Sign in with a passkey" button instead (accounts/passkeys.py): with a passkey
but no code, this form refuses the password as it would a wrong one.

This form is not what keeps password-only sessions out: accounts/middleware.py treats any session
without its second factor as anonymous, whichever view signed it in.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, verify_token
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        help_text=_("The six-digit code from your authenticator app, if one is set up for your account."),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": _(
            "Your %(username_field)s, password or authentication code didn't match. Please try again."
        ),
        "otp_not_set_up": _(
            "Your account needs two-factor sign-in, but no authenticator app is set up for it yet. "
            "Ask an administrator to set one up."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()  # the password, through django-axes and the model backend
        user = self.user_cache
        if user is not None:
            self.verify_second_factor(user, cleaned_data.get("otp_token") or "")
        return cleaned_data

    def verify_second_factor(self, user, token):
        devices = list(devices_for_user(user, confirmed=True))
        if not devices:
            if getattr(settings, "REQUIRE_2FA_FOR_EDITORS", False):
                self.user_cache = None
                raise forms.ValidationError(self.error_messages["otp_not_set_up"], code="otp_not_set_up")
            return
        token = "".join(token.split())
        device = None
        if token:
            for candidate in devices:
                device = verify_token(user, candidate.persistent_id, token)
                if device is not None:
                    break
        if device is None:
            self.user_cache = None
            # Count it as a failed sign-in, so django-axes locks out code guessing as it does passwords.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        # django_otp's user_logged_in handler stores the device in the session: user.is_verified().
        user.otp_device = device
