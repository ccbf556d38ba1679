from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.localize import link_rows, localized_themes
from website.derived import TREE, generation_cached


class LinkRowsMixin:
    """Pages and snippets whose many-to-many fields to snippets are held as inline rows
    (``ThemeLink``, ``OrganisationLink``)."""

    def set_related(self, objects, name):
        """Replace the snippets of the many-to-many field ``name`` (themes, organisations): in
        memory until the object (or a page's revision) is saved."""
        rows, target = link_rows(self, name)
        rows.set([rows.model(**{target: obj}, sort_order=order) for order, obj in enumerate(objects)])


class BasePage(LinkRowsMixin, Page):
    """Fields, panels and translation rules shared by every page type of the site."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    # Weights: what a page is called (``search_names``: title, other names; their stems) 10, its
    # introduction 4, the programmes' short names 3, titles and the cities' local names 2, the
    # rest (body, tags) 1. On PostgreSQL these are the four tsvector weights A-D, on
    # Elasticsearch field boosts; SQLite weighs its title column only, and search.ranking
    # orders the hits the same way on every engine.
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=4),
        # Accent-free copies of the accented words, for the database backend (docs/search.md).
        index.SearchField("search_folded_title", boost=10),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("search_folded_title"),
        # The title and other names (aliases, translations' titles), word stems (base/indexing.py).
        index.SearchField("search_names", boost=10),
        index.AutocompleteField("search_names"),
        index.SearchField("search_stems_names", boost=10),
        index.SearchField("search_stems_text"),
    ]

    # Text is translated; everything else on a page is synchronised from its source.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        SynchronizedField("show_in_menus", overridable=False),
    ]

    class Meta:
        abstract = True

    def search_folded_title(self):
        from base.indexing import folded_names

        return folded_names(self)

    def search_folded_text(self):
        from base.indexing import folded_text

        return folded_text(self)

    def search_names(self):
        from base.indexing import names_text

        return names_text(self)

    def search_stems_names(self):
        from base.indexing import stems_of_names

        return stems_of_names(self)

    def search_stems_text(self):
        from base.indexing import stems_of_text

        return stems_of_text(self)

    def serve_preview(self, request, mode_name):
        """Wagtail's; the page object says it is a preview (``previewing``), so its listings read
        its relations as edited, in memory, rather than the published rows kept in the cache."""
        self.previewing = True
        return super().serve_preview(request, mode_name)

    def get_view_restrictions(self):
        """Wagtail's, skipped without a query when no view restriction covers the page (the
        restricted sections are kept until a restriction changes or a page moves: website/signals.py)."""
        restricted = generation_cached(
            "restricted-paths",
            lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            depends_on=(TREE,),
        )
        if not any(self.path.startswith(path) for path in restricted):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


_CHOICE_LABELS = {}


def choice_label(choices, value):
    """What Django's ``get_<field>_display`` gives, without translating every choice's label to
    look one up (Django hashes each lazy label): for fields shown in long listings.

    The value → (lazy) label map of each choices class is built once; only the one label shown
    is translated, in the active language, on each call."""
    labels = _CHOICE_LABELS.get(choices)
    if labels is None:
        labels = _CHOICE_LABELS[choices] = dict(choices.choices)
    return str(labels.get(value, value))


class WorldRegion(models.TextChoices):
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    LATIN_AMERICA = "latin-america", _("Latin America and the Caribbean")
    ASIA = "asia", _("Asia")
    AFRICA = "africa", _("Africa")
    OCEANIA = "oceania", _("Oceania")


class Theme(TranslatableMixin, models.Model):
    """A cooperation theme (circular economy, air quality...), translated in each language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in filter addresses; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, models.Model):
    """A managing body, contractor, national contact point or other partner."""

    class Kind(models.TextChoices):
        MANAGING_BODY = "managing-body", _("Managing body")
        CONTRACTOR = "contractor", _("Contractor")
        CONTACT_POINT = "contact-point", _("National contact point")
        PARTNER = "partner", _("Partner")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("email", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)


class ThemeLink(TranslatableMixin, Orderable):
    """One theme of a page: an inline row of the page.

    wagtail-localize translates it with the page: the translation's row points at the theme's
    translation in its language (or at the source's theme while that has none). Each app declares
    the concrete rows with a ``ParentalKey`` named after the page model, as Django names an
    automatic many-to-many table's columns, and reads them through a many-to-many field
    (``through=``) for queries across pages.
    """

    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("theme")]
    translatable_fields = [TranslatableField("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.theme)


class OrganisationLink(TranslatableMixin, Orderable):
    """One organisation of a page (a delivery partner, a contact point): an inline row of the page,
    translated as ``ThemeLink`` is."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]
    translatable_fields = [TranslatableField("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.organisation)


class ThemedMixin(models.Model):
    """Pages that carry themes (``theme_links`` rows): indexed in the page's own language, shown
    localised."""

    class Meta:
        abstract = True

    def theme_names(self):
        return " ".join(theme.name for theme in localized_themes(self))

    def set_themes(self, themes, field="themes"):
        """Replace the page's themes (in memory until the page or its revision is saved)."""
        self.set_related(themes, field)
