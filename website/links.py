"""Absolute links, built from settings.SITE_URL (the site's public address), never from the request.

The Host header and X-Forwarded-Proto are the client's to choose: a link built from them and then
kept by the page cache or a CDN would send every later visitor wherever the first one said.

Wagtail builds its own absolute links (``page.full_url``, the API's ``html_url`` and
``detail_url``) from the default ``Site`` record, so that record is pointed at SITE_URL too: by
``load_demo`` and, for the record Wagtail creates at installation (localhost, port 80), after
``migrate`` (``adopt_site_url``, connected in website/apps.py).
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings

# The record wagtailcore's first migration creates; any other hostname was chosen by someone.
INSTALLATION_HOSTNAME = "localhost"
INSTALLATION_PORT = 80


def absolute_url(url):
    """``url`` made absolute on the site's public address; an absolute ``url`` is kept as it is."""
    if not url:
        return url
    return urljoin(settings.SITE_URL.rstrip("/") + "/", url)


def site_host():
    """The host name of SITE_URL ("cities.example.org")."""
    return urlsplit(settings.SITE_URL).hostname or ""


def site_address():
    """``(hostname, port)`` of SITE_URL as a Wagtail ``Site`` stores them (443 for https, 80 for http)."""
    parts = urlsplit(settings.SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


def point_site_at_site_url(site, using="default"):
    """Give ``site`` SITE_URL's hostname and port; True if it changed (and was saved)."""
    hostname, port = site_address()
    if not hostname or (site.hostname, site.port) == (hostname, port):
        return False
    taken = type(site).objects.using(using).filter(hostname=hostname, port=port).exclude(pk=site.pk)
    if taken.exists():  # another site already answers there; (hostname, port) is unique
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return True


def adopt_site_url(using="default", **kwargs):
    """After ``migrate``: the installation's default Site (localhost:80) takes SITE_URL's address.

    A hostname an editor set in Settings > Sites is kept.
    """
    from wagtail.models import Site

    if not settings.SITE_URL:
        return
    site = (
        Site.objects.using(using)
        .filter(is_default_site=True, hostname=INSTALLATION_HOSTNAME, port=INSTALLATION_PORT)
        .first()
    )
    if site is not None:
        point_site_at_site_url(site, using=using)
