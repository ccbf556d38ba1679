"""Production: secrets from the environment, DEBUG off, HTTPS hardening.

Refuses to start without a real SECRET_KEY, with DEBUG on, or without EMAIL_URL (unless SECURE_HTTPS=off).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.str("SECRET_KEY", default="")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Set SECRET_KEY in the environment to a long random value (50+ characters)."
    )
if env.bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must be off in production settings.")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names (not '*').")

# HTTPS. SECURE_HTTPS=off is only for serving plain HTTP on 127.0.0.1 (make run).
SECURE_HTTPS = env.bool("SECURE_HTTPS", default=True)
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
# X-Forwarded-Proto is believed only when a proxy is said to be in front (TRUSTED_PROXY_COUNT): any
# client can send it, and a request believed to be HTTPS gets secure cookies and no redirect.
if TRUSTED_PROXY_COUNT:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The public address absolute links use (website/links.py): by default the first allowed host.
SITE_URL = env.str("SITE_URL", default=f"{'https' if SECURE_HTTPS else 'http'}://{ALLOWED_HOSTS[0]}")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Load balancers probe over plain HTTP inside the network: answer them instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Mail goes where EMAIL_URL says (base.py), never silently to a server on localhost:25. Only the
# plain-HTTP demo of `make run` on 127.0.0.1 (SECURE_HTTPS=off) may go without: mails are printed.
if not env.str("EMAIL_URL", default=""):
    if SECURE_HTTPS:
        raise ImproperlyConfigured(
            "Set EMAIL_URL in the environment, e.g. smtp+tls://user:password@smtp.example.org:587 "
            "(consolemail:// writes mails to the log instead)."
        )
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"noreply@{ALLOWED_HOSTS[0].lstrip('.')}")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Editors need an authenticator app (manage.py add_totp_device); off only with SECURE_HTTPS=off,
# i.e. the plain-HTTP demo of `make run` on 127.0.0.1.
REQUIRE_2FA_FOR_EDITORS = env.bool("REQUIRE_2FA_FOR_EDITORS", default=SECURE_HTTPS)

MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
# The policy in base.py was built before this default: let the map's tile images through.
_tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL.replace("{s}", "*")))
if _tile_origin not in CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]:  # noqa: F405
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_tile_origin)  # noqa: F405
