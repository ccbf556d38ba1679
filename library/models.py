"""The document library: action plans, factsheets and call documents, described in every language.

A ``LibraryDocument`` is a translatable snippet around a Wagtail document: its title and
description are translated with wagtail-localize, while the file, the programme, the page it
belongs to and the language the file is written in are synchronised, so a translator never
re-uploads a file or breaks a relation; its themes are inline rows translated with it, each
pointing at the theme in the document's language (``base.models.ThemeLink``).
``LibraryIndexPage`` lists them with filters; ``library.listings.documents_for`` lists those that
belong on a programme, call or partnership page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.models import BasePage, LinkRowsMixin, ThemeLink
from website.listings import paginate

# Languages a file may be written in: the site's four and the others the programmes publish in.
DOCUMENT_LANGUAGES = [
    ("en", _("English")),
    ("ca", _("Catalan")),
    ("pl", _("Polish")),
    ("el", _("Greek")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("zh", _("Chinese")),
    ("ja", _("Japanese")),
    ("mul", _("Several languages")),
]

LIBRARY_PAGE_SIZE = 20


class LibraryDocument(LinkRowsMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        ACTION_PLAN = "action-plan", _("Action plan")
        FACTSHEET = "factsheet", _("Factsheet")
        CALL = "call", _("Call document")
        GUIDE = "guide", _("Guide")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences: what the document is and who it is for."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The same file is offered in every language of the site."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    document_language = models.CharField(
        _("language of the document"),
        max_length=5,
        choices=DOCUMENT_LANGUAGES,
        default="en",
        help_text=_("The language the file itself is written in."),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about this page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the call or partnership this document belongs to, to list it on that page."),
    )
    themes = models.ManyToManyField(
        "base.Theme", through="LibraryDocumentTheme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    published_on = models.DateField(_("publication date"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("document_language"), FieldPanel("published_on")]),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("related_page"),
                InlinePanel("theme_links", heading=_("Themes"), label=_("Theme")),
            ],
            heading=_("Where it is listed"),
        ),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        # Accent-free copies of the accented words, as pages have them (home.models.BasePage).
        index.SearchField("search_folded_title", boost=2),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("search_folded_title"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("document_language"),
        index.FilterField("programme"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("document", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("document_language", overridable=False),
        SynchronizedField("programme", overridable=False),
        SynchronizedField("related_page", overridable=False),
        TranslatableField("theme_links"),
        SynchronizedField("published_on", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def search_folded_title(self):
        from base.text import folded_field_words

        return folded_field_words(self, autocomplete=True)

    def search_folded_text(self):
        from base.text import folded_field_words

        return folded_field_words(self, autocomplete=False)

    @property
    def url(self):
        return self.document.url

    def get_kind_display(self):
        # As Django's, without translating every kind's label to look one up.
        return str(dict(self.Kind.choices).get(self.kind, self.kind))

    @property
    def file_extension(self):
        return self.document.file_extension.upper()


class LibraryDocumentTheme(ThemeLink):
    """A theme of a library document."""

    librarydocument = ParentalKey(LibraryDocument, on_delete=models.CASCADE, related_name="theme_links")


class LibraryIndexPage(BasePage):
    """The public document library: every document, filterable by programme, theme, kind and language."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        from library.listings import library_context

        context = super().get_context(request, *args, **kwargs)
        filters = library_context(self, request.GET)
        filters["documents"] = paginate(filters.pop("results"), request.GET.get("page"), LIBRARY_PAGE_SIZE)
        context.update(filters)
        return context
