"""Error reports to Sentry (or a compatible service), when SENTRY_DSN is set (website/settings/base.py).

No personal data leaves the site: the SDK's default collects no cookies, user or client address
(``send_default_pii`` is left unset: sentry-sdk 2.76 deprecates passing it, and unset means off),
its event scrubber blanks sensitive values, and ``scrub`` removes whatever might still carry some.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

SCRUBBED_HEADERS = {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "forwarded"}


def scrub(event, hint):
    """``before_send``: the event without cookies, client addresses or user details."""
    request = event.get("request") or {}
    request.pop("cookies", None)
    request.pop("data", None)  # form fields: names, e-mail addresses, messages
    headers = request.get("headers") or {}
    for name in list(headers):
        if name.lower() in SCRUBBED_HEADERS:
            del headers[name]
    request.get("env", {}).pop("REMOTE_ADDR", None)
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return event


def init(dsn, environment, release=None):
    """``release=None`` lets the SDK find one: SENTRY_RELEASE, else the git commit, else none."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        before_send=scrub,
        # Frames' local variables can hold a session key or a form's values: never send them.
        include_local_variables=False,
        integrations=[DjangoIntegration()],
    )
