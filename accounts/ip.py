"""The client address that django-axes keys its lockouts on (with the username).

Behind TRUSTED_PROXY_COUNT reverse proxies that each append to X-Forwarded-For, the client is the
address the outermost trusted proxy saw: the TRUSTED_PROXY_COUNT-th entry from the right. Entries
further left were written by the client itself and are never trusted. Without proxies (the
default, 0) it is REMOTE_ADDR.
"""

from django.conf import settings


def client_ip(request):
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
