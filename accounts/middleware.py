"""The second factor is a property of the session, not of one login form.

``SecondFactorMiddleware`` comes right after django-otp's ``OTPMiddleware``. A session that is
signed in but not verified (``request.user.is_verified()`` is false: no authenticator code or
passkey was given in it) is treated as nobody, ``request.user`` an anonymous user, for every
request, when

- ``settings.REQUIRE_2FA_FOR_EDITORS`` is on (production), or
- the account has a confirmed second factor (a TOTP device or a passkey), whatever that setting
  says: whoever set one up is never signed in without it.

So whatever view logged the session in (a login form that forgot the code, a future package's
view, ``client.force_login`` in a test), the admin sends it to its login page, the admin API
refuses it, and the privacy checks of pages and documents see no user. Nothing needs an
exception to finish signing in: the admin login form and the passkey sign-in work for anonymous
visitors and replace the session when they succeed. The one exception is signing out
(``wagtailadmin_logout``), which gets the real user so that Wagtail's admin check lets the
request through and the session is ended rather than left behind.

Enrolling a new factor needs a verified session (accounts/passkeys.py): a stranger with a stolen
password gets an anonymous session here, and so can neither reach the passkey page nor call the
registration endpoints; without that, the password alone would buy a passkey that outlives a
password reset. An account with no factor yet gets its first from an administrator
(``manage.py add_totp_device``), then adds passkeys itself.

The user is resolved lazily, like Django's and django-otp's, so a request that never looks at
``request.user`` (a cached public page) still touches no session.
"""

import functools

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django_otp import devices_for_user

SIGN_OUT_VIEW = "wagtailadmin_logout"


class UnverifiedSession(AnonymousUser):
    """Who a signed-in session without its second factor is, to every view: nobody."""

    otp_device = None

    def is_verified(self):
        return False


def second_factor_required(user):
    if getattr(settings, "REQUIRE_2FA_FOR_EDITORS", False):
        return True
    return any(True for _device in devices_for_user(user, confirmed=True))


def is_verified(user):
    check = getattr(user, "is_verified", None)  # django-otp's OTPMiddleware adds it; without it, no
    return bool(check and check())


def session_user(request, user):
    """``user`` if the session may act as it, else an ``UnverifiedSession``."""
    if not user.is_authenticated or is_verified(user) or not second_factor_required(user):
        return user
    if request.path_info == reverse(SIGN_OUT_VIEW):
        return user
    return UnverifiedSession()


class SecondFactorMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.is_async:
            return self.acall(request)
        self.install(request)
        return self.get_response(request)

    async def acall(self, request):
        self.install(request)
        return await self.get_response(request)

    def install(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            request.user = SimpleLazyObject(functools.partial(session_user, request, user))
        auser = getattr(request, "auser", None)
        if auser is not None:
            request.auser = functools.partial(self.asession_user, request, auser)

    @staticmethod
    async def asession_user(request, auser):
        user = await auser()
        return await sync_to_async(session_user)(request, user)
