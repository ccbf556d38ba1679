from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from library.models import LibraryDocument


class LibraryDocumentViewSet(SnippetViewSet):
    model = LibraryDocument
    icon = "doc-full-inverse"
    menu_label = _("Document library")
    menu_name = "library"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "kind", "document_language", "programme", "locale"]
    list_filter = ["kind", "document_language"]
    search_fields = ["title", "description"]
    ordering = ["title"]


register_snippet(LibraryDocumentViewSet)
