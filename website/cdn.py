"""Purging a CDN in front of the site when pages change (Wagtail's frontend-cache backends).

Configured from the environment (website/settings/base.py, docs/deployment.md): an HTTP cache
that accepts ``PURGE`` (Varnish, Fastly-style proxies: ``FRONTEND_CACHE_PURGE_URL``), Cloudflare
(``CLOUDFLARE_API_TOKEN`` and ``CLOUDFLARE_ZONE_ID``) or CloudFront
(``CLOUDFRONT_DISTRIBUTION_ID``). Without any of them nothing here runs.

Publishing, unpublishing, moving or deleting a page purges, once the change is committed, the
pages that show it, as the page cache finds them (website/signals.py: the page with its
sub-routes such as feeds and calendar files, its translations, the listings above it, the pages
that refer to it...); a moved page is purged at its old address too. When the page cache makes
every page stale instead (a page in the menu, a snippet), the CDN purges the page, its parent
and its language's home page, and refreshes the others when their ``s-maxage``
(``CDN_CACHE_SECONDS``) runs out.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from website.signals import pages_showing

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def related_pages(page):
    """The live pages that show the page, or else its parent and its home page; and the page."""
    try:
        shown = pages_showing([page])
    except Exception:  # never a failed publish for this
        logger.exception("Could not work out the pages showing page %s", page.pk)
        shown = None
    if shown is not None:
        return [page, *Page.objects.live().filter(pk__in=shown - {page.pk}).order_by("path")]
    paths = {page.path[: Page.steplen * depth] for depth in (page.depth - 1, 2) if depth >= 2}
    return [page, *Page.objects.filter(path__in=paths - {page.path})]


def purge(pages, extra_urls=()):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(extra_urls)
    try:
        batch.purge()
    except Exception:  # a CDN that is down must not make a publish fail
        logger.exception("Could not purge %d addresses from the CDN", len(batch.urls))


def purge_later(page, extra_urls=()):
    pages = related_pages(page)
    transaction.on_commit(lambda: purge(pages, extra_urls))


def page_changed(sender, instance, **kwargs):
    if enabled():
        purge_later(instance)


def page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if not enabled() or url_path_before == url_path_after:
        return
    purge_later(instance, [url for url in [old_address(instance, url_path_before)] if url])


def page_deleted(sender, instance, **kwargs):
    if enabled() and isinstance(instance, Page) and instance.depth > 2:
        parent = Page.objects.filter(path=instance.path[: -Page.steplen]).first()
        if parent is not None:
            url = instance.get_full_url()
            purge_later(parent, [url] if url else [])


def old_address(page, url_path_before):
    """The full URL the page had before a move: Wagtail's own URL logic, on the old ``url_path``."""
    current = page.url_path
    page.url_path = url_path_before
    try:
        return page.get_full_url()
    finally:
        page.url_path = current


def connect():
    page_published.connect(page_changed, dispatch_uid="cdn-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="cdn-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cdn-page-moved")
    post_delete.connect(page_deleted, dispatch_uid="cdn-page-deleted")
