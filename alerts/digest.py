"""What is new for each subscriber, and the digest e-mail that tells them.

An item is new when its page in the subscriber's language was first published after the last
digest (or after the confirmation, for the first one). A call is also listed once when its deadline
comes within DEADLINE_NOTICE: on the first digest whose window reaches it. Closed calls and
finished training are left out.

Matching: within programmes, themes and countries any ticked value matches, and an empty group
matches everything; all three groups must match. A call or training module belongs to the
programmes above it (an initiative and its programme), takes their themes and participating
countries, and a training module adds its own themes and country; a news item takes those of the
programme it is about, plus its own themes.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from wagtail.models import Page

from alerts.models import Kind
from news.models import NewsPage
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.links import absolute_url

DEADLINE_NOTICE = timedelta(days=7)


@dataclass
class Facets:
    programmes: set = field(default_factory=set)
    themes: set = field(default_factory=set)
    countries: set = field(default_factory=set)

    def add(self, other):
        self.programmes |= other.programmes
        self.themes |= other.themes
        self.countries |= other.countries


@dataclass
class Item:
    page: Page
    url: str
    published_at: object
    facets: Facets
    programme: object = None  # the nearest programme, for its name

    def matches(self, subscription):
        return all(
            not chosen or set(chosen) & found
            for chosen, found in (
                (subscription.programmes, self.facets.programmes),
                (subscription.themes, self.facets.themes),
                (subscription.countries, self.facets.countries),
            )
        )


class Catalogue:
    """The candidate pages of one language, each with its facets, read once for every subscriber."""

    def __init__(self, locale, earliest, now):
        self.now = now
        self.programmes = {
            page.pk: page for page in ProgrammePage.objects.live().public().prefetch_related("themes")
        }
        self.programmes_by_path = {page.path: page for page in self.programmes.values()}
        self.locale = locale
        self.programmes_by_key = {
            (page.translation_key, page.locale_id): page for page in self.programmes.values()
        }
        in_language = Q(locale=locale) & Q(first_published_at__gt=earliest, first_published_at__lte=now)
        calls = CallPage.objects.live().public()
        self.calls = [
            self.item(page) for page in calls.filter(in_language, deadline__gt=now).order_by("deadline")
        ]
        self.closing = [
            self.item(page)
            for page in calls.filter(
                locale=locale, deadline__gt=now, deadline__lte=now + DEADLINE_NOTICE
            ).order_by("deadline")
        ]
        self.training = [
            self.item(page, own_themes=page.themes.all(), own_country=page.country)
            for page in TrainingModulePage.objects.live()
            .public()
            .filter(in_language, ends_at__gt=now)
            .prefetch_related("themes")
            .order_by("starts_at")
        ]
        self.news = [
            self.item(page, own_themes=page.themes.all(), programme=self.programmes.get(page.programme_id))
            for page in NewsPage.objects.live()
            .public()
            .filter(in_language)
            .prefetch_related("themes")
            .order_by("-date", "-first_published_at")
        ]

    def programme_facets(self, programme):
        """The programme's code, themes and countries, with those of the programmes above it."""
        facets = Facets()
        for end in range(Page.steplen, len(programme.path) + 1, Page.steplen):
            ancestor = self.programmes_by_path.get(programme.path[:end])
            if ancestor is not None:
                facets.programmes.add(ancestor.code)
                facets.themes.update(theme.slug for theme in ancestor.themes.all())
                facets.countries.update(country.code for country in ancestor.countries)
        return facets

    def item(self, page, own_themes=(), own_country=None, programme=None):
        if programme is None:  # the nearest programme above the page
            for end in range(len(page.path) - Page.steplen, 0, -Page.steplen):
                programme = self.programmes_by_path.get(page.path[:end])
                if programme is not None:
                    break
        facets = Facets()
        if programme is not None:
            facets = self.programme_facets(programme)
            # A news item may point at the programme in another language: named in this one where it can be.
            programme = self.programmes_by_key.get((programme.translation_key, self.locale.pk), programme)
        facets.themes.update(theme.slug for theme in own_themes)
        if own_country:
            facets.countries.add(own_country.code)
        return Item(page, absolute_url(page.get_url()), page.first_published_at, facets, programme)


def digest_for(subscription, catalogue):
    """The sections of ``subscription``'s next digest: {kind: [items]}, only kinds with something new."""
    now = catalogue.now
    since = subscription.last_sent_at or subscription.confirmed_at
    kinds = set(subscription.kinds)

    def new(items):
        return [item for item in items if item.published_at > since and item.matches(subscription)]

    sections = {}
    closing = []
    if Kind.DEADLINES in kinds:
        # First digest: every deadline in the coming week; later ones: the deadlines that entered it since.
        reminded_until = subscription.last_sent_at + DEADLINE_NOTICE if subscription.last_sent_at else now
        closing = [
            item
            for item in catalogue.closing
            if item.page.deadline > reminded_until and item.matches(subscription)
        ]
        sections[Kind.DEADLINES] = closing
    if Kind.CALLS in kinds:
        listed = {item.page.pk for item in closing}
        sections[Kind.CALLS] = [item for item in new(catalogue.calls) if item.page.pk not in listed]
    if Kind.TRAINING in kinds:
        sections[Kind.TRAINING] = new(catalogue.training)
    if Kind.NEWS in kinds:
        sections[Kind.NEWS] = new(catalogue.news)
    return {kind: items for kind, items in sections.items() if items}
