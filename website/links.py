"""Absolute links, built from settings.SITE_URL (the site's public address), never from the request.

The Host header and X-Forwarded-Proto are the client's to choose: a link built from them and then
kept by the page cache or a CDN would send every later visitor wherever the first one said.
"""

from urllib.parse import urljoin

from django.conf import settings


def absolute_url(url):
    """``url`` made absolute on the site's public address; an absolute ``url`` is kept as it is."""
    if not url:
        return url
    return urljoin(settings.SITE_URL.rstrip("/") + "/", url)
