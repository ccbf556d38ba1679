from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model


@receiver(post_save, sender=get_document_model())  # a file replaced: its size and address change
def library_changed(sender, **kwargs):
    """Library documents are listed on cached public pages: start a new cache generation when a
    file changes (a saved or deleted document or theme row: website.signals.snippet_changed)."""
    from website.signals import site_changed

    site_changed()
