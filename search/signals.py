"""Keep what pages index current (base/indexing.py): their translations' names, once per save.

Wagtail re-indexes a page when it is saved; the titles of its translations are indexed with it
(``search_names``), so publishing, unpublishing or deleting one translation re-indexes the
page's other live translations too.
"""

from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver
from modelsearch import index
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from base.indexing import forget


def reindex_translations(page):
    key = getattr(page, "translation_key", None)
    if key is None:
        return
    for sibling in Page.objects.filter(translation_key=key, live=True).exclude(pk=page.pk).specific():
        index.insert_or_update_object(sibling)


@receiver(page_published)
@receiver(page_unpublished)
def translation_changed(sender, instance, **kwargs):
    reindex_translations(instance)


@receiver(post_delete)
def translation_deleted(sender, instance, **kwargs):
    # Page subclasses send post_delete once per model in the chain: act on the base row only.
    if sender is Page:
        reindex_translations(instance)


@receiver(pre_save)
def page_changing(sender, instance, **kwargs):
    # What a page indexes is computed once per save (base.indexing.memoized): a page saved
    # again may have changed.
    if isinstance(instance, Page):
        forget(instance)
