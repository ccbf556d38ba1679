"""Fixtures shared by the tests: a clean cache and language per test, and a four-language site.

``site_tree`` is the skeleton (home and the four section indexes in en, ca, pl and el);
``site`` adds one page of every type, each translated into the three other languages.
The pages are built with the project's factories (``<app>.factories``) so the tests exercise
the same code path as the demo content.
"""

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase

from base import factories as base_factories
from base.factories import LANGUAGE_CODES, translate
from cities import factories as city_factories
from home.factories import ensure_home, standard_page
from news import factories as news_factories
from programmes import factories as programme_factories

OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]

# Property-based tests: `make test` runs the "ci" profile, the same inputs for the same commit on
# every run (inputs once found failing are kept as explicit tests, e.g. tests/security). `make fuzz`
# runs "explore": new random inputs each time, remembering failures in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile(
    "explore", derandomize=False, database=DirectoryBasedExampleDatabase(".hypothesis/examples")
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def clean_cache_and_language():
    """Each test starts with an empty cache, no remembered routes and English active, whatever ran before it."""
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
    theme: object = None


def _in_all_languages(page, languages=OTHER_LANGUAGES):
    return {"en": page, **translate_everywhere(page, languages=languages)}


def build_tree():
    """Home and the four section indexes, live in every language."""
    tree = Tree()
    tree.home = _in_all_languages(ensure_home())
    home = tree.home["en"]
    tree.programmes = _in_all_languages(programme_factories.programme_index(home))
    tree.cities = _in_all_languages(city_factories.city_index(home))
    tree.partnerships = _in_all_languages(city_factories.partnership_index(home))
    tree.news = _in_all_languages(news_factories.news_index(home))
    return tree


def build_site():
    """The tree plus one live page of every type, each in all four languages.

    The call is open (deadline in 60 days, Santiago time) and the training module upcoming, so
    they show in listings and calendars.
    """
    tree = build_tree()
    theme = base_factories.theme("circular-economy", "Circular economy")
    for code in OTHER_LANGUAGES:
        translate(theme, code, {"Circular economy": translated_title("Circular economy", code)})
    programme = programme_factories.programme(
        tree.programmes["en"],
        "ICP AGIR",
        themes=[theme],
        start_date=date(2020, 1, 1),
        end_date=date(2030, 12, 31),
        phases=[
            {"title": "Selection of cities", "start_date": date(2020, 1, 1), "end_date": date(2020, 6, 30)},
            {"title": "Closing conference", "start_date": date(2030, 11, 1)},
        ],
    )
    now = timezone.now().replace(second=0, microsecond=0)  # calendar files keep whole seconds
    call = programme_factories.call(
        programme,
        "Call for cities",
        introduction="Apply now.",
        opens_at=now - timedelta(days=30),
        deadline=now + timedelta(days=60),
        timezone="America/Santiago",
    )
    training = programme_factories.training_module(
        programme,
        "Net-zero training",
        starts_at=now + timedelta(days=20),
        ends_at=now + timedelta(days=20, hours=6),
        timezone="Europe/Copenhagen",
        city_name="Copenhagen",
    )
    piraeus = city_factories.city(
        tree.cities["en"],
        "Piraeus",
        country="GR",
        population=163_688,
        latitude="37.942",
        longitude="23.646",
        themes=[theme],
    )
    puerto_montt = city_factories.city(
        tree.cities["en"],
        "Puerto Montt",
        country="CL",
        population=245_902,
        latitude="-41.469",
        longitude="-72.942",
        themes=[theme],
    )
    partnership = city_factories.partnership(
        tree.partnerships["en"],
        [piraeus, puerto_montt],
        programme=programme,
        activities=[{"title": "Study visit", "start_date": date(2022, 6, 1), "end_date": date(2022, 6, 5)}],
    )
    news = news_factories.news_item(
        tree.news["en"],
        "Cities meet in Piraeus",
        date=date(2024, 5, 2),
        programme=programme,
        introduction="Piraeus and Puerto Montt sign their action plan.",
    )
    about = standard_page(tree.home["en"], "About", "about", introduction="Who we are.")
    tree.pages = {
        "home": tree.home,
        "programme_index": tree.programmes,
        "city_index": tree.cities,
        "partnership_index": tree.partnerships,
        "news_index": tree.news,
    }
    made = {
        "programme": programme,
        "call": call,
        "training": training,
        "piraeus": piraeus,
        "puerto_montt": puerto_montt,
        "partnership": partnership,
        "news": news,
        "about": about,
    }
    for name, page in made.items():
        tree.pages[name] = _in_all_languages(page)
    tree.theme = theme
    return tree


def built_once_per_module(django_db_blocker, build, clear=()):
    """Yield ``build()``'s result, made inside a transaction that is rolled back after the module.

    For module-scoped fixtures: each test still runs in its own savepoint inside it (pytest-django's
    ``db``), so what a test writes is undone before the next test. ``clear``: functions emptying
    per-process state built from the database (search's facet map and vocabulary), run with the
    cache's clearing before and after.
    """

    def clear_all():
        cache.clear()
        for function in clear:
            function()

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        clear_all()
        built = build()
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            clear_all()


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    """``build_site()`` once per test module, inside a transaction rolled back after the module.

    Each test runs in its own savepoint inside it (pytest-django's ``db``), so what a test
    writes is undone before the next test. Tests must not change the page objects in memory:
    a test that edits pages builds its own.
    """
    yield from built_once_per_module(django_db_blocker, build_site)


@pytest.fixture
def site(shared_site, db):
    """A four-language site with one page of every type (see ``build_site``)."""
    return shared_site


@pytest.fixture
def site_tree(shared_site, db):
    """Locales, home and the four section indexes in every language (part of the shared site)."""
    return shared_site


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


@pytest.fixture(scope="session", autouse=True)
def remove_generation_files():
    """The test run's generation files (page cache, translation status) go with it."""
    yield
    from django.conf import settings

    path = Path(settings.PAGE_CACHE_GENERATION_FILE)
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink(missing_ok=True)
