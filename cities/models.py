from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.api_fields import (
    CountryNameField,
    DocumentUrlField,
    NumberField,
    ProgrammeField,
    ProgrammesField,
    ThemesField,
)
from base.blocks import BodyBlock
from base.localize import localized_themes
from base.models import BasePage, Theme, ThemedMixin, ThemeLink, WorldRegion, choice_label
from cities.api_fields import PartnerCitiesField
from website.derived import unless_preview
from website.routing import FileRoutablePageMixin


class CityIndexPage(FileRoutablePageMixin, BasePage):
    """The city directory: filters, map and list, with CSV and GeoJSON of the same filters."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.CityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("city directory")

    def get_context(self, request, *args, **kwargs):
        from cities.directory import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    @path("export.csv", name="export_csv")
    def export_csv(self, request):
        from cities.views import export_csv

        return export_csv(self, request)

    @path("map.geojson", name="map_geojson")
    def map_geojson(self, request):
        from cities.views import map_geojson

        return map_geojson(self, request)


class CityPage(ThemedMixin, BasePage):
    name_local = models.CharField(
        _("name in its own language"), max_length=120, blank=True,
        help_text=_("For example Πειραιάς for Piraeus. Leave empty if the same as the title."),
    )
    also_known_as = models.CharField(
        _("also known as"), max_length=255, blank=True,
        help_text=_("Other names people search for, separated by commas: for example Durban for eThekwini."),
    )
    country = CountryField(_("country"))
    region = models.CharField(_("world region"), max_length=20, choices=WorldRegion.choices)
    population = models.PositiveIntegerField(
        _("population"), validators=[MinValueValidator(1, _("The population must be a positive number."))]
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6,
        validators=[
            MinValueValidator(-90, _("A latitude is between -90 and 90.")),
            MaxValueValidator(90, _("A latitude is between -90 and 90.")),
        ],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6,
        validators=[
            MinValueValidator(-180, _("A longitude is between -180 and 180.")),
            MaxValueValidator(180, _("A longitude is between -180 and 180.")),
        ],
    )
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        Theme, through="CityPageTheme", verbose_name=_("themes of interest"), blank=True, related_name="+"
    )
    programmes = ParentalManyToManyField(
        "programmes.ProgrammePage", verbose_name=_("programmes"), blank=True, related_name="+",
        help_text=_("Programmes the city takes part in; those of its partnerships are added automatically."),
    )
    looking_for_partners = models.BooleanField(_("looking for partners"), default=False)
    partner_themes = models.ManyToManyField(
        Theme, through="CityPagePartnerTheme", verbose_name=_("themes it seeks partners on"), blank=True,
        related_name="+",
    )
    exclude_from_suggestions = models.BooleanField(
        _("leave out of partner suggestions"), default=False,
        help_text=_("Tick to keep this city out of other cities' 'possible partners'."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("name_local"),
        FieldPanel("also_known_as"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        FieldPanel("population"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates")),
        FieldPanel("website"),
        InlinePanel("theme_links", heading=_("Themes of interest"), label=_("Theme")),
        FieldPanel("programmes"),
        MultiFieldPanel(
            [
                FieldPanel("looking_for_partners"),
                InlinePanel("partner_theme_links", heading=_("Themes it seeks partners on"), label=_("Theme")),
                FieldPanel("exclude_from_suggestions"),
            ],
            heading=_("Partner search"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("name_local", boost=2),
        index.SearchField("theme_names"),
        index.SearchField("body"),
        index.AutocompleteField("name_local"),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("looking_for_partners"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("name_local", overridable=False),
        # Other names are names, not words: the same in every language (translations' titles are
        # searched as well, base/indexing.py).
        SynchronizedField("also_known_as", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("region", overridable=False),
        SynchronizedField("population", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("website", overridable=False),
        TranslatableField("theme_links"),
        SynchronizedField("programmes", overridable=False),
        SynchronizedField("looking_for_partners", overridable=False),
        TranslatableField("partner_theme_links"),
        SynchronizedField("exclude_from_suggestions", overridable=False),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("name_local"),
        APIField("country"),
        APIField("country_name", serializer=CountryNameField("country")),
        APIField("region"),
        APIField("population"),
        APIField("latitude", serializer=NumberField()),
        APIField("longitude", serializer=NumberField()),
        APIField("website"),
        APIField("looking_for_partners"),
        APIField("themes", serializer=ThemesField()),
        APIField("partner_themes", serializer=ThemesField()),
        APIField("programmes", serializer=ProgrammesField()),
        APIField("body"),
    ]

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def get_region_display(self):
        return choice_label(WorldRegion, self.region)

    def localized_partner_themes(self):
        return localized_themes(self, "partner_themes")

    def get_context(self, request, *args, **kwargs):
        from cities.listings import city_listings

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()  # the suggestions depend on the day (programmes' dates)
        context.update(unless_preview(request, "city-listings", lambda: city_listings(self, today), today, page=self))
        return context


class PartnershipIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.PartnershipPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnership index")

    def get_context(self, request, *args, **kwargs):
        from cities.listings import partnership_index_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(partnership_index_listings(self, request.GET))
        return context


class PartnershipForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("partner_cities")
        if formset is not None:
            cities = [
                form.cleaned_data.get("city")
                for form in formset.forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if len({city.pk for city in cities if city}) < 2:
                self.add_error(None, _("A partnership needs at least two different cities."))
        return cleaned_data


class PartnershipPage(ThemedMixin, BasePage):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")

    programme = models.ForeignKey(
        "programmes.ProgrammePage", verbose_name=_("programme"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="partnerships",
    )
    themes = models.ManyToManyField(
        Theme, through="PartnershipPageTheme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    start_date = models.DateField(_("start"))
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), validators=[MinValueValidator(1, _("The duration must be at least one month."))]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    action_plan_document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("joint action plan (document)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    action_plan_summary = models.TextField(_("joint action plan"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = PartnershipForm

    content_panels = BasePage.content_panels + [
        FieldPanel("programme"),
        InlinePanel("partner_cities", heading=_("Cities"), label=_("City"), min_num=2),
        InlinePanel("theme_links", heading=_("Themes"), label=_("Theme")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("duration_months"), FieldPanel("status")]),
        InlinePanel("activities", heading=_("Activities"), label=_("Activity")),
        MultiFieldPanel(
            [FieldPanel("action_plan_summary"), FieldPanel("action_plan_document")],
            heading=_("Joint action plan"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("theme_names"),
        index.SearchField("city_names", boost=2),
        index.SearchField("action_plan_summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("action_plan_summary"),
        TranslatableField("body"),
        TranslatableField("activities"),
        SynchronizedField("programme", overridable=False),
        SynchronizedField("partner_cities", overridable=False),
        TranslatableField("theme_links"),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("duration_months", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("action_plan_document", overridable=False),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("programme", serializer=ProgrammeField()),
        APIField("cities", serializer=PartnerCitiesField()),
        APIField("themes", serializer=ThemesField()),
        APIField("start_date"),
        APIField("duration_months"),
        APIField("status"),
        APIField("activities"),
        APIField("action_plan_summary"),
        APIField("action_plan_document", serializer=DocumentUrlField()),
        APIField("body"),
    ]

    parent_page_types = ["cities.PartnershipIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partnership")

    def get_status_display(self):
        return choice_label(self.Status, self.status)

    def city_names(self):
        from base.localize import localized_pages

        cities = [link.city for link in self.partner_cities.all() if link.city_id]
        return " ".join(city.title for city in localized_pages(cities, self.locale_id))

    def get_context(self, request, *args, **kwargs):
        from cities.listings import partnership_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(unless_preview(request, "partnership-listings", lambda: partnership_listings(self), page=self))
        return context


class PartnershipCity(Orderable):
    class Role(models.TextChoices):
        EU = "eu", _("EU city")
        PARTNER = "partner", _("Partner city")
        LEAD = "lead", _("Lead city")

    partnership = ParentalKey(PartnershipPage, on_delete=models.CASCADE, related_name="partner_cities")
    city = models.ForeignKey(CityPage, verbose_name=_("city"), on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldPanel("city"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("city of the partnership")

    def get_role_display(self):
        return choice_label(self.Role, self.role)


class PartnershipActivity(TranslatableMixin, Orderable):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Study visit")
        MEETING = "meeting", _("Meeting")
        ONLINE = "online", _("Online meeting")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", _("Other")

    partnership = ParentalKey(PartnershipPage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("place"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("place"),
        TranslatableField("description"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
    ]

    api_fields = [
        APIField("title"),
        APIField("kind"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("place"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)


class CityPageTheme(ThemeLink):
    """A theme a city works on."""

    citypage = ParentalKey(CityPage, on_delete=models.CASCADE, related_name="theme_links")


class CityPagePartnerTheme(ThemeLink):
    """A theme a city seeks partners on."""

    citypage = ParentalKey(CityPage, on_delete=models.CASCADE, related_name="partner_theme_links")


class PartnershipPageTheme(ThemeLink):
    """A theme of a partnership."""

    partnershippage = ParentalKey(PartnershipPage, on_delete=models.CASCADE, related_name="theme_links")
