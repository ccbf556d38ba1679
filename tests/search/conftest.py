"""Fixtures for the search tests: a small four-language site, the Elasticsearch emulator, broken clusters.

- ``search_site``: home, sections, programmes, a call, a training module, cities, a partnership,
  news and a standard page, in English with Catalan, Polish and Greek translations, accented
  text and translated themes, built with the project's factories.
- ``osmem``: the ``osmem-server`` emulator (PyPI), started on 127.0.0.1 on a free port for the
  test session and stopped afterwards; ``es_url`` is a fresh, empty clone of it for one test.
- ``use_elasticsearch(url)``: switches ``WAGTAILSEARCH_BACKENDS`` to the project's Elasticsearch
  layout (an index per language, an all-languages index, the database as fallback) on ``url``,
  through the test-only plain-JSON transport the emulator needs.
- ``refusing_url`` / ``hanging_server``: a port nobody listens on, and a server that accepts
  connections and never answers (it counts the connections).
"""

import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings

from base import factories as base_factories
from base.factories import translate
from cities import factories as city_factories
from home.factories import ensure_home, standard_page
from news import factories as news_factories
from programmes import factories as programme_factories
from search import state
from search.backends.elasticsearch import breaker
from tests.conftest import built_once_per_module

THEMES = {
    "circular-economy": {
        "en": "Circular economy",
        "ca": "Economia circular",
        "pl": "Gospodarka o obiegu zamkniętym",
        "el": "Κυκλική οικονομία",
    },
    "energy-transition": {
        "en": "Energy transition",
        "ca": "Transició energètica",
        "pl": "Transformacja energetyczna",
        "el": "Ενεργειακή μετάβαση",
    },
}

TEST_TIMEOUT = 0.5  # seconds: the client timeout the failure tests use


@pytest.fixture(autouse=True)
def fresh_search_state():
    """Each test starts with no facet map in memory and the cluster not marked down."""
    state.clear()
    breaker.reset()
    yield
    state.clear()
    breaker.reset()


@dataclass
class SearchSite:
    themes: dict = field(default_factory=dict)  # slug -> English theme
    pages: dict = field(default_factory=dict)  # name -> {language code: page}

    def page(self, name, language="en"):
        return self.pages[name][language]


def in_languages(page, strings_by_language=None, languages=("ca", "pl", "el")):
    """``page`` and its translations: {"en": page, "ca": ..., ...}; strings not given stay English."""
    result = {"en": page}
    for code in languages:
        result[code] = translate(page, code, (strings_by_language or {}).get(code, {})).specific
    return result


INDEX_TITLES = {
    "Programmes": {"ca": "Programes", "pl": "Programy", "el": "Προγράμματα"},
    "Cities": {"ca": "Ciutats", "pl": "Miasta", "el": "Πόλεις"},
    "Partnerships": {"ca": "Associacions", "pl": "Partnerstwa", "el": "Συνεργασίες"},
    "News": {"ca": "Notícies", "pl": "Aktualności", "el": "Νέα"},
}


def build_search_site():
    """A small site in four languages with accented text, translated themes and every page type."""
    site = SearchSite()
    home = ensure_home()
    site.pages["home"] = in_languages(
        home, {code: {home.title: f"{home.title} ({code})"} for code in ("ca", "pl", "el")}
    )
    sections = {}
    for title, build in (
        ("Programmes", programme_factories.programme_index),
        ("Cities", city_factories.city_index),
        ("Partnerships", city_factories.partnership_index),
        ("News", news_factories.news_index),
    ):
        section = build(home)
        sections[title] = section
        site.pages[title.lower()] = in_languages(
            section, {code: {title: name} for code, name in INDEX_TITLES[title].items()}
        )

    for slug, names in THEMES.items():
        theme = base_factories.theme(slug, names["en"])
        for code in ("ca", "pl", "el"):
            translate(theme, code, {names["en"]: names[code]})
        site.themes[slug] = theme
    circular, energy = site.themes["circular-economy"], site.themes["energy-transition"]

    agir_intro = "Cities of Europe and Latin America work together on urban policy."
    agir = programme_factories.programme(
        sections["Programmes"],
        "ICP AGIR",
        code="icp-agir",
        themes=[circular],
        countries=["CL", "ES"],
        introduction=agir_intro,
    )
    site.pages["agir"] = in_languages(
        agir,
        {
            "ca": {agir_intro: "Ciutats d'Europa i d'Amèrica Llatina treballen juntes en política urbana."},
            "pl": {agir_intro: "Miasta Europy i Ameryki Łacińskiej współpracują w polityce miejskiej."},
            "el": {
                agir_intro: "Πόλεις της Ευρώπης και της Λατινικής Αμερικής συνεργάζονται στην αστική πολιτική."
            },
        },
    )
    iuc_intro = "International Urban Cooperation between cities."
    iuc = programme_factories.programme(
        sections["Programmes"],
        "IUC",
        code="iuc",
        themes=[energy],
        countries=["PL", "GR"],
        introduction=iuc_intro,
    )
    site.pages["iuc"] = in_languages(
        iuc,
        {
            "ca": {iuc_intro: "Cooperació urbana internacional entre ciutats."},
            "pl": {iuc_intro: "Międzynarodowa współpraca miast."},
            "el": {iuc_intro: "Διεθνής αστική συνεργασία πόλεων."},
        },
    )
    call = programme_factories.call(agir, "Call for cities 2026", introduction="Apply now.")
    site.pages["call"] = in_languages(
        call, {"ca": {"Call for cities 2026": "Convocatòria per a ciutats 2026"}}
    )
    training = programme_factories.training_module(
        agir, "Net-zero training", themes=[energy], city_name="Copenhagen", country="DK"
    )
    site.pages["training"] = {"en": training}

    piraeus = city_factories.city(
        sections["Cities"],
        "Piraeus",
        name_local="Πειραιάς",
        country="GR",
        themes=[circular],
        programmes=[agir],
        introduction="The port city next to Athens.",
    )
    site.pages["piraeus"] = in_languages(
        piraeus,
        {
            "el": {"Piraeus": "Πειραιάς", "The port city next to Athens.": "Η πόλη-λιμάνι δίπλα στην Αθήνα."},
            "ca": {"Piraeus": "El Pireu"},
        },
    )
    poznan = city_factories.city(
        sections["Cities"],
        "Poznań",
        slug="poznan",
        country="PL",
        themes=[energy],
        introduction="A city in western Poland.",
    )
    site.pages["poznan"] = in_languages(
        poznan, {"pl": {"A city in western Poland.": "Miasto w zachodniej Polsce."}}
    )
    partnership = city_factories.partnership(
        sections["Partnerships"],
        [piraeus, poznan],
        title="Piraeus – Poznań",
        slug="piraeus-poznan",
        programme=iuc,
        themes=[energy],
    )
    site.pages["partnership"] = in_languages(partnership, {"el": {"Piraeus – Poznań": "Πειραιάς – Πόζναν"}})

    mountain_intro = "Mountain towns share their energy transition plans."
    mountain = news_factories.news_item(
        sections["News"],
        "Mountain cities cooperate",
        programme=iuc,
        introduction=mountain_intro,
        date=date(2025, 3, 1),
    )
    site.pages["mountain"] = in_languages(
        mountain,
        {
            "pl": {
                "Mountain cities cooperate": "Miasta górskie współpracują",
                mountain_intro: "Górskie miasta dzielą się planami transformacji energetycznej.",
            },
            "ca": {
                "Mountain cities cooperate": "Les ciutats de muntanya cooperen",
                mountain_intro: "Les viles de muntanya comparteixen els seus plans de transició energètica.",
            },
        },
    )
    site.pages["about"] = {"en": standard_page(home, "About", "about", introduction="Who we are.")}
    return site


@pytest.fixture(scope="module")
def shared_search_site(django_db_setup, django_db_blocker):
    """``build_search_site()`` once per test module, in a transaction rolled back after the module.

    Each test runs in its own savepoint inside it (pytest-django's ``db``), so what a test writes
    is undone before the next one; a test that changes pages builds its own.
    """
    yield from built_once_per_module(django_db_blocker, build_search_site, clear=(state.clear,))


@pytest.fixture
def search_site(shared_search_site, db):
    return shared_search_site


# Elasticsearch: the emulator and broken clusters


@pytest.fixture(scope="session")
def osmem():
    """The emulator for the whole session, on 127.0.0.1 and a free port; stopped at the end."""
    from osmem_server import OsmemServer

    server = OsmemServer.start(freeze=True, japanese=False, addr="127.0.0.1:0")
    yield server
    server.close()


@pytest.fixture
def es_url(osmem):
    """A fresh, empty clone of the emulator for one test, on its own port."""
    clone = osmem.clone()
    yield clone.url
    clone.close()


def elasticsearch_backends(url, prefix=None, timeout=2.0, plain_json=True, **extra):
    """The project's production layout (website/settings/base.py) pointed at ``url``."""
    options = {"max_retries": 0, "retry_on_timeout": False}
    if plain_json:
        from tests.search.transport import PlainJsonNode

        options["node_class"] = PlainJsonNode
    common = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [url],
        "INDEX_PREFIX": prefix or f"test{uuid.uuid4().hex[:6]}_",
        "TIMEOUT": timeout,
        "INDEXING_TIMEOUT": 30,
        "RETRY_AFTER": 30,
        "FALLBACK": "database",
        "OPTIONS": options,
        **extra,
    }
    return {
        "default": {**common, "LANGUAGE": None},
        **{code: {**common, "LANGUAGE": code} for code in ("en", "ca", "pl", "el")},
        "database": {"BACKEND": "search.backends.database"},
    }


@pytest.fixture
def use_elasticsearch():
    """``use_elasticsearch(url, **options)``: the rest of the test runs on that cluster."""
    stack = []

    def switch(url, **options):
        manager = override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(url, **options))
        manager.enable()
        stack.append(manager)

    yield switch
    for manager in reversed(stack):
        manager.disable()


def update_index():
    call_command("update_index", verbosity=0)


@pytest.fixture
def refusing_url():
    """An address where connections are refused: a port bound a moment ago and closed again."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class HangingServer:
    url: str
    connections: list

    @property
    def attempts(self):
        return len(self.connections)


@pytest.fixture
def hanging_server():
    """A server that accepts connections, reads nothing and never answers (until the test ends)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.settimeout(0.05)
    stop = threading.Event()
    held = []

    def accept():
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield HangingServer(f"http://127.0.0.1:{server.getsockname()[1]}", held)
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()
