from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import ngettext


def lockout(request, original_response=None, credentials=None):
    """django-axes' lockout response (settings.AXES_LOCKOUT_CALLABLE), in the visitor's language."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    failures = get_failure_limit(request, credentials)
    context = {
        "failure_limit": failures,
        "explanation": ngettext(
            "Signing in to this account from your address is paused after %(count)d failed attempt.",
            "Signing in to this account from your address is paused after %(count)d failed attempts.",
            failures,
        )
        % {"count": failures},
        "retry": (
            ngettext(
                "Try again in %(count)d minute, or ask an administrator to unlock the account.",
                "Try again in %(count)d minutes, or ask an administrator to unlock the account.",
                minutes,
            )
            % {"count": minutes}
            if minutes
            else None
        ),
    }
    return render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
