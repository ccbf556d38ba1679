from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website.pagecache import bump_generation
from website.templatetags.site_tags import clear_menu_cache


def site_changed():
    """Cached pages, menus and routes are stale: now, and again when the transaction commits.

    The second time drops what another request may have cached from the data as it was just
    before the commit.
    """
    clear_menu_cache()
    bump_generation()
    transaction.on_commit(_after_commit)


def _after_commit():
    clear_menu_cache()
    bump_generation()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def page_tree_changed(sender, **kwargs):
    site_changed()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        site_changed()


@receiver(post_save)
@receiver(post_delete)
def snippet_changed(sender, instance, **kwargs):
    """Themes, organisations and other translatable snippets are shown on pages."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
        if sender._meta.app_label in ("programmes", "cities", "news", "home"):
            site_changed()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def routing_changed(sender, **kwargs):
    """A site's hostname or root, or a page's privacy: routes and cached pages are stale."""
    site_changed()
