"""Subscribing, confirming, changing and stopping e-mail alerts (``/<lang>/alerts/...``).

The subscribe form answers the same way whether or not the address is already subscribed: a new or
unconfirmed address gets a confirmation link, a confirmed one a link to its preferences. Pages
reached by a token are never cached and send no Referer, so the token stays in the subscriber's hands.
"""

import logging

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from accounts.ip import client_ip
from alerts import emails, throttle
from alerts.forms import PreferencesForm, SubscribeForm
from alerts.models import Subscription

logger = logging.getLogger(__name__)

ONE_CLICK = "One-Click"  # RFC 8058: the body of the mail program's POST is List-Unsubscribe=One-Click


def private(response):
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def problem(request, status, title, message):
    return private(
        render(request, "alerts/problem.html", {"title": title, "message": message}, status=status)
    )


def too_many_requests(request):
    return problem(
        request,
        429,
        _("Too many requests"),
        _(
            "This form has been sent too many times from your connection or for this address. Please try again in an hour."
        ),
    )


def subscription_for(token):
    return get_object_or_404(Subscription, token=token)


def register(email, preferences):
    """Create or refresh the subscription for ``email`` and send the e-mail it calls for."""
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=email, defaults=preferences
        )
        if not created and not subscription.is_confirmed:
            # A new request restarts the confirmation period with the latest choices.
            for name, value in preferences.items():
                setattr(subscription, name, value)
            subscription.created_at = timezone.now()
            subscription.save()
    if subscription.is_confirmed:
        emails.send_manage_link(subscription)
    else:
        emails.send_confirmation(subscription)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        return private(render(request, "alerts/subscribe.html", {"form": SubscribeForm()}))
    if not throttle.hit("client", client_ip(request), throttle.PER_CLIENT):
        return too_many_requests(request)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return private(render(request, "alerts/subscribe.html", {"form": form}, status=400))
    if not throttle.hit("email", form.cleaned_data["email"], throttle.PER_EMAIL):
        return too_many_requests(request)
    try:
        register(form.cleaned_data["email"], form.preferences())
    except OSError:  # the mail server refused or did not answer (smtplib's errors are OSErrors)
        logger.exception("Could not send an alerts e-mail")
        return problem(
            request,
            503,
            _("The e-mail could not be sent"),
            _("Our mail server is not answering right now. Please try again later."),
        )
    return redirect("alerts:sent")


@never_cache
@require_http_methods(["GET", "HEAD"])
def sent(request):
    return private(render(request, "alerts/sent.html"))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription = subscription_for(token)
    if subscription.confirmation_expired:
        return problem(
            request,
            404,
            _("This link has expired"),
            _("Confirmation links work for 7 days. Please fill in the form again."),
        )
    if request.method == "POST":
        # Confirmed by a button, not by opening the link: mail scanners that follow links give no consent.
        if not subscription.is_confirmed:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
        return redirect(f"{emails.path_for('manage', subscription)}?confirmed=1")
    return private(render(request, "alerts/confirm.html", {"subscription": subscription}))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscription = subscription_for(token)
    if not subscription.is_confirmed:
        return redirect("alerts:confirm", token=token)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            for name, value in form.preferences().items():
                setattr(subscription, name, value)
            subscription.save()
            return redirect(f"{emails.path_for('manage', subscription)}?saved=1")
        status = 400
    else:
        form = PreferencesForm(initial=subscription.preferences())
        status = 200
    context = {
        "form": form,
        "subscription": subscription,
        "saved": "saved" in request.GET,
        "confirmed": "confirmed" in request.GET,
    }
    return private(render(request, "alerts/manage.html", context, status=status))


@csrf_protect
def unsubscribe_page(request, token):
    subscription = subscription_for(token)
    if request.method == "POST":
        subscription.delete()
        return private(render(request, "alerts/unsubscribed.html"))
    return private(render(request, "alerts/unsubscribe.html", {"subscription": subscription}))


@csrf_exempt  # only for RFC 8058's one-click POST; every other request is checked by unsubscribe_page
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        # A mail program's POST carries no CSRF token and no cookie; the secret token is the proof.
        subscription_for(token).delete()
        return private(render(request, "alerts/unsubscribed.html"))
    return unsubscribe_page(request, token)
