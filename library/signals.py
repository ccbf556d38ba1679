from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from library.models import LibraryDocument


@receiver(m2m_changed, sender=LibraryDocument.themes.through)
@receiver(post_save, sender=get_document_model())  # a file replaced: its size and address change
def library_changed(sender, **kwargs):
    """Library documents are listed on cached public pages: start a new cache generation when a
    document's themes or file change (a saved or deleted document: website.signals.snippet_changed)."""
    from website.signals import site_changed

    site_changed()
