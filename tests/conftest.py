"""Fixtures shared by the tests: a clean cache and language per test, and a four-language site.

``site_tree`` is the skeleton (home and the four section indexes in en, ca, pl and el);
``site`` adds one page of every type, each translated into the three other languages.
The pages are built with the project's factories (``home.factories``) so the tests exercise
the same code path as the demo content.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from home.factories import LANGUAGE_CODES, add_page, ensure_home, standard_page, translate

OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]


@pytest.fixture(autouse=True)
def clean_cache_and_language():
    """Each test starts with an empty cache and English active, whatever ran before it."""
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()


def translated_title(title, code):
    return f"{title} [{code}]"


def translate_everywhere(page, strings=None, languages=OTHER_LANGUAGES):
    """Translate ``page`` into ``languages``; its title becomes ``"<title> [<code>]"``."""
    result = {}
    for code in languages:
        mapping = {page.title: translated_title(page.title, code), **(strings or {}).get(code, {})}
        result[code] = translate(page, code, mapping).specific
    return result


@dataclass
class Tree:
    home: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)
    cities: dict = field(default_factory=dict)
    partnerships: dict = field(default_factory=dict)
    news: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)  # name -> {language code: page}


def _in_all_languages(page, languages=OTHER_LANGUAGES):
    return {"en": page, **translate_everywhere(page, languages=languages)}


@pytest.fixture
def site_tree(db):
    """Home and the four section indexes, live in every language."""
    from cities.models import CityIndexPage, PartnershipIndexPage
    from news.models import NewsIndexPage
    from programmes.models import ProgrammeIndexPage

    tree = Tree()
    tree.home = _in_all_languages(ensure_home())
    home = tree.home["en"]
    tree.programmes = _in_all_languages(
        add_page(home, ProgrammeIndexPage(title="Programmes", slug="programmes", show_in_menus=True))
    )
    tree.cities = _in_all_languages(
        add_page(home, CityIndexPage(title="Cities", slug="cities", show_in_menus=True))
    )
    tree.partnerships = _in_all_languages(
        add_page(home, PartnershipIndexPage(title="Partnerships", slug="partnerships", show_in_menus=True))
    )
    tree.news = _in_all_languages(add_page(home, NewsIndexPage(title="News", slug="news", show_in_menus=True)))
    return tree


# Builders for one page of each type (source language English), used by the fixtures below and by
# tests that need more of them. Each returns the published page.


def make_theme(name="Circular economy", slug="circular-economy"):
    from programmes.models import Theme

    return Theme.objects.get_or_create(slug=slug, locale__language_code="en", defaults={"name": name})[0]


def make_programme(index, title="ICP AGIR", slug="icp-agir", code="icp-agir", themes=(), **fields):
    from programmes.models import ProgrammePage, ProgrammePhase

    fields.setdefault("start_date", date(2020, 1, 1))
    fields.setdefault("end_date", date(2030, 12, 31))
    phases = fields.pop("phases", None)
    if phases is None:
        phases = [
            ProgrammePhase(title="Selection of cities", start_date=date(2020, 1, 1), end_date=date(2020, 6, 30)),
            ProgrammePhase(title="Closing conference", start_date=date(2030, 11, 1)),
        ]
    page = ProgrammePage(
        title=title, slug=slug, code=code, short_name=title, full_name=f"{title} programme", phases=phases, **fields
    )
    page.themes = list(themes)
    return add_page(index, page)


def make_call(programme, title="Call for cities 2026", slug="call", **fields):
    from programmes.models import CallPage

    now = timezone.now()
    fields.setdefault("opens_at", now - timedelta(days=30))
    fields.setdefault("deadline", now + timedelta(days=60))
    fields.setdefault("timezone", "America/Santiago")
    return add_page(programme, CallPage(title=title, slug=slug, introduction="Apply now.", **fields))


def make_training(programme, title="Net-zero training", slug="training", **fields):
    from programmes.models import TrainingModulePage

    starts = timezone.now() + timedelta(days=20)
    fields.setdefault("starts_at", starts)
    fields.setdefault("ends_at", starts + timedelta(hours=6))
    fields.setdefault("timezone", "Europe/Copenhagen")
    fields.setdefault("city_name", "Copenhagen")
    return add_page(programme, TrainingModulePage(title=title, slug=slug, **fields))


def make_city(index, title, slug=None, themes=(), **fields):
    from cities.models import CityPage

    fields.setdefault("country", "GR")
    fields.setdefault("region", "europe")
    fields.setdefault("population", 163_688)
    fields.setdefault("latitude", Decimal("37.942"))
    fields.setdefault("longitude", Decimal("23.646"))
    page = CityPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields)
    page.themes = list(themes)
    return add_page(index, page)


def make_partnership(index, cities, title=None, slug=None, programme=None, activities=None, **fields):
    from cities.models import PartnershipActivity, PartnershipCity, PartnershipPage

    title = title or " – ".join(city.title for city in cities)
    fields.setdefault("start_date", date(2024, 3, 1))
    fields.setdefault("duration_months", 18)
    if activities is None:
        activities = [PartnershipActivity(title="Study visit", start_date=date(2024, 6, 3), end_date=date(2024, 6, 7))]
    page = PartnershipPage(
        title=title,
        slug=slug or "-".join(city.slug for city in cities),
        programme=programme,
        partner_cities=[PartnershipCity(city=city) for city in cities],
        activities=activities,
        **fields,
    )
    return add_page(index, page)


def make_news(index, title="Cities meet in Piraeus", slug=None, **fields):
    from news.models import NewsPage

    fields.setdefault("date", date(2024, 5, 2))
    fields.setdefault("introduction", f"{title}: the summary.")
    return add_page(index, NewsPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields))


@pytest.fixture
def site(site_tree):
    """One live page of every type, each in all four languages."""
    tree = site_tree
    theme = make_theme()
    for code in OTHER_LANGUAGES:
        translate(theme, code, {"Circular economy": translated_title("Circular economy", code)})
    programme = make_programme(tree.programmes["en"], themes=[theme])
    piraeus = make_city(tree.cities["en"], "Piraeus", themes=[theme])
    puerto_montt = make_city(
        tree.cities["en"], "Puerto Montt", country="CL", region="latin-america", population=245_902,
        latitude=Decimal("-41.469"), longitude=Decimal("-72.942"), themes=[theme],
    )
    made = {
        "home": tree.home["en"],
        "programme_index": tree.programmes["en"],
        "programme": programme,
        "call": make_call(programme),
        "training": make_training(programme),
        "city_index": tree.cities["en"],
        "piraeus": piraeus,
        "puerto_montt": puerto_montt,
        "partnership_index": tree.partnerships["en"],
        "partnership": make_partnership(tree.partnerships["en"], [piraeus, puerto_montt], programme=programme),
        "news_index": tree.news["en"],
        "news": make_news(tree.news["en"], programme=programme),
        "about": standard_page(tree.home["en"], "About", "about", introduction="Who we are."),
    }
    already = {"home": tree.home, "programme_index": tree.programmes, "city_index": tree.cities,
               "partnership_index": tree.partnerships, "news_index": tree.news}
    for name, page in made.items():
        tree.pages[name] = already.get(name) or _in_all_languages(page)
    tree.theme = theme
    return tree


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


class PageParser(HTMLParser):
    """What the tests read from a rendered page: <html lang>, hreflang links and the switcher."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.alternates = []  # (hreflang, href) from <link rel="alternate">
        self.switcher_links = {}  # language code -> href
        self.switcher_unavailable = []  # language codes shown as not translated
        self.switcher_current = None
        self._in_switcher = 0
        self._span_stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs.get("href")))
        elif tag == "nav" and "language-switcher" in classes:
            self._in_switcher = 1
        elif self._in_switcher:
            if tag == "nav":
                self._in_switcher += 1
            elif tag == "a" and attrs.get("hreflang"):
                self.switcher_links[attrs["hreflang"]] = attrs.get("href")
            elif tag == "span" and "unavailable" in classes:
                self.switcher_unavailable.append(attrs.get("lang"))
            elif tag == "span" and "current" in classes:
                self.switcher_current = attrs.get("lang")

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_switcher:
            self._in_switcher -= 1


def parse_page(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    parser.close()
    return parser


def absolute(page):
    """The address the test client sees for ``page``."""
    return "http://testserver" + page.get_url()

