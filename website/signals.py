from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website.pagecache import stale_now_and_after_commit


def site_changed():
    """Cached pages, menus, routes and derived data are stale (website.pagecache)."""
    stale_now_and_after_commit()


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
