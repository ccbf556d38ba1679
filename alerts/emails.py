"""The e-mails sent to subscribers: confirmation, manage link and the digest, each in the subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from website.links import absolute_url, site_host


def path_for(name, subscription):
    """The path of one of the subscription's pages, under its language's prefix."""
    with translation.override(subscription.language):
        return reverse(f"alerts:{name}", args=[subscription.token])


def link(name, subscription):
    """The same, absolute: for e-mails."""
    return absolute_url(path_for(name, subscription))


def links(subscription):
    return {name: link(name, subscription) for name in ("confirm", "manage", "unsubscribe")}


def render_message(subscription, template, context, html=False, headers=None):
    """An e-mail from ``alerts/email/<template>_subject.txt`` and ``<template>.txt`` (and ``.html``)."""
    context = {**context, "links": links(subscription), "site_url": settings.SITE_URL}
    with translation.override(subscription.language):
        subject = " ".join(render_to_string(f"alerts/email/{template}_subject.txt", context).split())
        body = render_to_string(f"alerts/email/{template}.txt", context)
        # A Message-ID on the site's domain, not the sending host's name (often "localhost"),
        # which spam filters hold against a message.
        headers = {"Message-ID": make_msgid(domain=site_host() or None), **(headers or {})}
        message = EmailMultiAlternatives(subject, body, to=[subscription.email], headers=headers)
        if html:
            message.attach_alternative(
                render_to_string(f"alerts/email/{template}.html", context), "text/html"
            )
    return message


def unsubscribe_headers(subscription):
    """RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{link('unsubscribe', subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_confirmation(subscription):
    render_message(subscription, "confirm", {"subscription": subscription}).send()


def send_manage_link(subscription):
    """To an address that is already subscribed and confirmed: how to change or stop the alerts."""
    render_message(subscription, "manage_link", {"subscription": subscription}).send()
