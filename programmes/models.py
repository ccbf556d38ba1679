import zoneinfo
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from multiselectfield import MultiSelectField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.api_fields import (
    CountryCodeField,
    CountryCodesField,
    IcalUrlField,
    OrganisationField,
    OrganisationsField,
    StringListField,
    ThemesField,
)
from base.blocks import BodyBlock
from base.localize import localized_themes
from base.models import (
    BasePage,
    Organisation,
    OrganisationLink,
    Theme,
    ThemedMixin,
    ThemeLink,
    WorldRegion,
    choice_label,
)
from programmes.api_fields import ParentProgrammeField
from website import clock
from website.derived import generation_cached
from website.listings import bad_request, filter_errors
from website.routing import FileRoutablePageMixin

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]
CLOSING_SOON = timedelta(days=14)


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone, e.g. Europe/Brussels."), params={"value": value})


class ProgrammeIndexPage(FileRoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.child_of(self).live().select_related("managing_body")
        )
        return context

    def event_filters(self, request):
        """The filters in the address (programmes.filters), checked against this language."""
        from programmes.filters import EventFilterSet

        return EventFilterSet(request.GET, self.locale_id)

    @path("calendar.ics", name="ical")
    def calendar(self, request):
        """All upcoming training modules and open or upcoming call deadlines in this language, or
        those the filters in the address choose (``?theme=circular-economy&country=GR``)."""
        from programmes.feeds import upcoming_events
        from programmes.filters import describe
        from programmes.ical import event_for, ical_response, new_calendar

        filterset = self.event_filters(request)
        if errors := filter_errors(filterset):
            return bad_request(errors)
        chosen = filterset.chosen
        described = describe(chosen, self.locale_id)
        calendar = new_calendar(f"{self.title} · {described}" if described else self.title)
        for page in upcoming_events(self, chosen):
            calendar.add_component(event_for(page, request))
        return ical_response(calendar, "calendar.ics")

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        """The same calls and training modules, newest first, as RSS (programmes.feeds)."""
        from programmes.feeds import EventsRssFeed

        filterset = self.event_filters(request)
        if errors := filter_errors(filterset):
            return bad_request(errors)
        return EventsRssFeed(self, filterset)(request)


class ProgrammePage(ThemedMixin, BasePage):
    """A programme (ICP AGIR, IUC, IURC...) or an initiative inside one (Small Giants)."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("Short identifier used in filter addresses, e.g. 'iurc'. The same in every language."),
    )
    short_name = models.CharField(_("short name"), max_length=60)
    full_name = models.CharField(_("full name"), max_length=255)
    also_known_as = models.CharField(
        _("also known as"),
        max_length=255,
        blank=True,
        help_text=_("Other names people search for, separated by commas: for example SCM, or a former name."),
    )
    managing_body = models.ForeignKey(
        Organisation,
        verbose_name=_("managing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivery_partners = models.ManyToManyField(
        Organisation,
        through="ProgrammePageDeliveryPartner",
        verbose_name=_("delivery partners and contact points"),
        blank=True,
        related_name="+",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    countries = CountryField(_("participating countries"), multiple=True, blank=True)
    regions = MultiSelectField(
        _("world regions"), choices=WorldRegion.choices, max_length=200, blank=True
    )
    min_population = models.PositiveIntegerField(
        _("smallest population of an eligible EU city"),
        null=True,
        blank=True,
        help_text=_(
            "Where the programme sets one, e.g. 50,000 for IUC. Partner suggestions use it, with the "
            "participating countries and world regions, to say which cities can take part together."
        ),
    )
    themes = models.ManyToManyField(
        Theme, through="ProgrammePageTheme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    objectives = RichTextField(_("objectives"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("short_name"),
                FieldPanel("full_name"),
                FieldPanel("also_known_as"),
                FieldPanel("code"),
            ],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("managing_body"),
                InlinePanel(
                    "delivery_partner_links",
                    heading=_("Delivery partners and contact points"),
                    label=_("Organisation"),
                ),
            ],
            heading=_("Organisations"),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("countries"),
        FieldPanel("regions"),
        FieldPanel("min_population"),
        InlinePanel("theme_links", heading=_("Themes"), label=_("Theme")),
        FieldPanel("objectives"),
        InlinePanel("phases", heading=_("Timeline"), label=_("Phase")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_name", boost=3),
        index.SearchField("full_name", boost=2),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.SearchField("theme_names"),
        index.AutocompleteField("short_name"),
        index.FilterField("code"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("short_name"),
        TranslatableField("full_name"),
        TranslatableField("objectives"),
        TranslatableField("body"),
        TranslatableField("phases"),
        SynchronizedField("code", overridable=False),
        # Other names are names, not words: the same in every language (base/indexing.py).
        SynchronizedField("also_known_as", overridable=False),
        # A translation points at the managing body's translation in its language (when there is
        # one as it is translated or synced); submitting the page for translation submits it too.
        TranslatableField("managing_body"),
        TranslatableField("delivery_partner_links"),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("regions", overridable=False),
        SynchronizedField("min_population", overridable=False),
        TranslatableField("theme_links"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("code"),
        APIField("short_name"),
        APIField("full_name"),
        APIField("managing_body", serializer=OrganisationField()),
        APIField("delivery_partners", serializer=OrganisationsField()),
        APIField("start_date"),
        APIField("end_date"),
        APIField("countries", serializer=CountryCodesField()),
        APIField("regions", serializer=StringListField()),
        APIField("min_population"),
        APIField("themes", serializer=ThemesField()),
        APIField("objectives"),
        APIField("phases"),
        APIField("body"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage", "programmes.ProgrammePage"]
    subpage_types = [
        "programmes.CallPage",
        "programmes.TrainingModulePage",
        "programmes.ProgrammePage",
    ]

    class Meta:
        verbose_name = _("programme")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def get_context(self, request, *args, **kwargs):
        from programmes.listings import programme_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_listings(self))
        return context

    @cached_property
    def timeline(self):
        """The phases, each with its state (past, current, next, later) computed from today."""
        if getattr(self, "previewing", False) or self.pk is None:
            phases = list(self.phases.all())
        else:  # as published: kept until a programme page changes
            phases = generation_cached(
                "programme-phases", lambda: list(self.phases.all()), self.pk, depends_on=(ProgrammePage,)
            )
        clock.changes_tomorrow()
        return phase_states(phases, timezone.localdate())


class ProgrammePhase(TranslatableMixin, Orderable):
    class Kind(models.TextChoices):
        SELECTION = "selection", _("Selection")
        ONLINE = "online-cooperation", _("Online cooperation")
        MEETING = "working-meeting", _("Working meeting")
        STUDY_VISIT = "study-visit", _("Study visit")
        ACTION_PLAN = "action-plan", _("Action plan")
        CONFERENCE = "closing-conference", _("Closing conference")
        OTHER = "other", _("Other")

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("title"),
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
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)


def phase_states(phases, today):
    """Mark each phase past, current, next or later; the first phase after today is 'next'."""
    phases = sorted(phases, key=lambda phase: (phase.start_date, phase.last_day))
    next_found = False
    for phase in phases:
        if phase.last_day < today:
            phase.state = "past"
        elif phase.start_date <= today:
            phase.state = "current"
        elif not next_found:
            phase.state = "next"
            next_found = True
        else:
            phase.state = "later"
    return phases


def timezone_panel():
    return FieldPanel("timezone", widget=forms.Select(choices=TIMEZONE_CHOICES))


class EventTimesMixin(models.Model):
    """A start or opening and an end or deadline, with the time zone they are given in."""

    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_timezone],
        help_text=_("Dates and times are shown to visitors in this time zone."),
    )

    class Meta:
        abstract = True

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)

    def local(self, value):
        return timezone.localtime(value, self.zone) if value else None


class CallPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        deadline = cleaned_data.get("deadline")
        programme = self.parent_page.specific if self.parent_page else None
        if deadline and isinstance(programme, ProgrammePage):
            zone = zoneinfo.ZoneInfo(cleaned_data.get("timezone") or "UTC")
            day = timezone.localtime(deadline, zone).date()
            outside = (programme.start_date and day < programme.start_date) or (
                programme.end_date and day > programme.end_date
            )
            if outside:
                self.add_error(
                    "deadline",
                    _("The deadline is outside the programme period (%(start)s to %(end)s).")
                    % {"start": programme.start_date or "…", "end": programme.end_date or "…"},
                )
        return cleaned_data


class CallPage(FileRoutablePageMixin, EventTimesMixin, BasePage):
    """A call for applications whose state (upcoming, open, closing soon, closed) is computed."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSING_SOON = "closing-soon", _("Closing soon")
        CLOSED = "closed", _("Closed")

    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    who_may_apply = models.TextField(_("who may apply"), blank=True)
    eligibility = RichTextField(_("eligibility"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    benefits = RichTextField(_("what participants get"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    application_url = models.URLField(_("application form"), blank=True)
    base_form_class = CallPageForm
    contact_points = models.ManyToManyField(
        Organisation, through="CallPageContactPoint", verbose_name=_("contact points"), blank=True, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")]), timezone_panel()],
            heading=_("Dates"),
        ),
        FieldPanel("who_may_apply"),
        FieldPanel("eligibility"),
        FieldPanel("benefits"),
        FieldPanel("application_url"),
        InlinePanel("contact_point_links", heading=_("Contact points"), label=_("Contact point")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("who_may_apply"),
        index.SearchField("eligibility"),
        index.SearchField("benefits"),
        index.SearchField("body"),
        index.FilterField("deadline"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("who_may_apply"),
        TranslatableField("eligibility"),
        TranslatableField("benefits"),
        TranslatableField("body"),
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("deadline", overridable=False),
        SynchronizedField("timezone", overridable=False),
        SynchronizedField("application_url", overridable=False),
        TranslatableField("contact_point_links"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("programme", serializer=ParentProgrammeField()),
        APIField("opens_at"),
        APIField("deadline"),
        APIField("timezone"),
        APIField("state"),
        APIField("who_may_apply"),
        APIField("eligibility"),
        APIField("benefits"),
        APIField("application_url"),
        APIField("contact_points", serializer=OrganisationsField()),
        APIField("ical_url", serializer=IcalUrlField()),
        APIField("body"),
    ]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")

    def clean(self):
        super().clean()
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline is before the opening date.")})

    def state_at(self, now):
        clock.changes_at(self.opens_at, self.deadline - CLOSING_SOON, self.deadline)
        if self.opens_at and now < self.opens_at:
            return self.State.UPCOMING
        if now >= self.deadline:
            return self.State.CLOSED
        if self.deadline - now <= CLOSING_SOON:
            return self.State.CLOSING_SOON
        return self.State.OPEN

    @property
    def state(self):
        return self.state_at(timezone.now())

    @property
    def time_left(self):
        """Days and hours until the deadline while the call is open, else None."""
        now = timezone.now()
        if self.state_at(now) not in (self.State.OPEN, self.State.CLOSING_SOON):
            return None
        remaining = self.deadline - now
        left = {"days": remaining.days, "hours": remaining.seconds // 3600}
        clock.changes_at(self.deadline - timedelta(days=left["days"], hours=left["hours"]))
        return left

    @path("calendar.ics", name="ical")
    def ical(self, request):
        from programmes.ical import page_calendar

        return page_calendar(self, request)

    @property
    def local_deadline(self):
        return self.local(self.deadline)

    @property
    def local_opens_at(self):
        return self.local(self.opens_at)


class TrainingModulePage(FileRoutablePageMixin, EventTimesMixin, ThemedMixin, BasePage):
    """A training module or event: in person, online or hybrid."""

    class Mode(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    stage = models.CharField(_("stage or topic"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city_name = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("organiser"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    themes = models.ManyToManyField(
        Theme, through="TrainingModulePageTheme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("stage"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), timezone_panel()],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("venue"), FieldPanel("city_name"), FieldPanel("country")],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
        FieldPanel("organiser"),
        InlinePanel("theme_links", heading=_("Themes"), label=_("Theme")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("stage"),
        index.SearchField("venue"),
        index.SearchField("city_name"),
        index.SearchField("body"),
        index.SearchField("theme_names"),
        index.FilterField("starts_at"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("stage"),
        TranslatableField("venue"),
        TranslatableField("city_name"),
        TranslatableField("body"),
        SynchronizedField("starts_at", overridable=False),
        SynchronizedField("ends_at", overridable=False),
        SynchronizedField("timezone", overridable=False),
        SynchronizedField("mode", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("registration_url", overridable=False),
        SynchronizedField("registration_deadline", overridable=False),
        TranslatableField("organiser"),  # as the programme's managing body
        TranslatableField("theme_links"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("programme", serializer=ParentProgrammeField()),
        APIField("stage"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("timezone"),
        APIField("mode"),
        APIField("venue"),
        APIField("city_name"),
        APIField("country", serializer=CountryCodeField()),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("organiser", serializer=OrganisationField()),
        APIField("themes", serializer=ThemesField()),
        APIField("ical_url", serializer=IcalUrlField()),
        APIField("body"),
    ]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end is before the start.")
        if self.registration_deadline and self.ends_at and self.registration_deadline > self.ends_at:
            errors["registration_deadline"] = _("The registration deadline is after the module ends.")
        if self.mode != self.Mode.ONLINE and not (self.venue or self.city_name):
            errors["city_name"] = _("Give the city or venue of an in-person or hybrid module.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from base.localize import localize_id

        context = super().get_context(request, *args, **kwargs)
        context["organiser"] = localize_id(Organisation, self.organiser_id, self.locale_id)
        context["themes"] = localized_themes(self)
        return context

    @property
    def local_starts_at(self):
        return self.local(self.starts_at)

    @property
    def local_ends_at(self):
        return self.local(self.ends_at)

    @path("calendar.ics", name="ical")
    def ical(self, request):
        from programmes.ical import page_calendar

        return page_calendar(self, request)

    @property
    def is_upcoming(self):
        clock.changes_at(self.ends_at)
        return self.ends_at >= timezone.now()

    def get_mode_display(self):
        return choice_label(self.Mode, self.mode)


class ProgrammePageTheme(ThemeLink):
    """A theme of a programme."""

    programmepage = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="theme_links")


class TrainingModulePageTheme(ThemeLink):
    """A theme of a training module."""

    trainingmodulepage = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="theme_links")


class ProgrammePageDeliveryPartner(OrganisationLink):
    """A delivery partner or contact point of a programme."""

    programmepage = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="delivery_partner_links")


class CallPageContactPoint(OrganisationLink):
    """A contact point of a call."""

    callpage = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="contact_point_links")
