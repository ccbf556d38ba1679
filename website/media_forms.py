"""The base of Wagtail's document forms (settings.WAGTAILDOCS_DOCUMENT_FORM_BASE).

When an editor replaces a document's file, Wagtail's ``BaseDocumentForm.save`` deletes the old file
before the new one is written: if the new one cannot be stored (disk full, media storage not
writable), the document is left pointing at a file that no longer exists. This form deletes the old
file only once the new one is stored and the change committed.
"""

from functools import partial

from django.db import transaction
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def save(self, commit=True):
        replaced = self.original_file if commit and "file" in self.changed_data else None
        if not replaced:
            return super().save(commit=commit)
        # ``original_file`` is the public attribute BaseDocumentForm.save deletes; clearing it keeps
        # the old file until the new one is stored.
        self.original_file = None
        document = super().save(commit=commit)
        transaction.on_commit(partial(replaced.storage.delete, replaced.name), robust=True)
        return document
