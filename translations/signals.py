"""What makes the cached translation status stale: any change to what ``compute_status`` reads."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Revision, TaskState, TranslatableMixin, WorkflowState
from wagtail.signals import post_page_move

from translations.status import status_changed

WATCHED_APPS = {"wagtail_localize"}
WATCHED_MODELS = (TranslatableMixin, Revision, WorkflowState, TaskState, Locale)


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, **kwargs):
    if isinstance(instance, WATCHED_MODELS) or sender._meta.app_label in WATCHED_APPS:
        status_changed()


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    status_changed()
