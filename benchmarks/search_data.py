"""Synthetic content for the search benchmarks: ``build(pages=10_000)`` pages in four languages.

Pages are created straight in each language's tree (no wagtail-localize round trip, which would
take hours for thousands of pages) with shared translation keys, so they look like translations
to the site. Text is drawn from small word lists in each language, with accents, so searches
hit realistic numbers of pages. Indexing is switched off while building; the caller runs
``update_index`` afterwards.
"""

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

LANGUAGES = ("en", "ca", "pl", "el")

WORDS = {
    "en": "city cities cooperation urban policy energy transition circular economy mobility climate "
    "adaptation housing water port mountain river innovation network partners plan action study visit "
    "green transport digital health culture tourism waste air quality resilience".split(),
    "ca": "ciutat ciutats cooperació urbana política energia transició energètica economia circular "
    "mobilitat clima adaptació habitatge aigua port muntanya riu innovació xarxa socis pla acció estudi "
    "visita verda transport digital salut cultura turisme residus qualitat de l'aire resiliència".split(),
    "pl": "miasto miasta współpraca miejska polityka energia transformacja energetyczna gospodarka obieg "
    "zamknięty mobilność klimat adaptacja mieszkania woda port górskie rzeka innowacja sieć partnerzy "
    "plan działanie wizyta studyjna zielony transport cyfrowy zdrowie kultura turystyka odpady "
    "jakość powietrza odporność".split(),
    "el": "πόλη πόλεις συνεργασία αστική πολιτική ενέργεια μετάβαση κυκλική οικονομία κινητικότητα "
    "κλίμα προσαρμογή στέγαση νερό λιμάνι βουνό ποτάμι καινοτομία δίκτυο εταίροι σχέδιο δράση μελέτη "
    "επίσκεψη πράσινη μεταφορές ψηφιακή υγεία πολιτισμός τουρισμός απόβλητα ποιότητα αέρα "
    "ανθεκτικότητα".split(),
}
CITY_NAMES = [
    ("Piraeus", "Πειραιάς", "GR"),
    ("Poznań", "Poznań", "PL"),
    ("Barcelona", "Barcelona", "ES"),
    ("Kraków", "Kraków", "PL"),
    ("Thessaloniki", "Θεσσαλονίκη", "GR"),
    ("Girona", "Girona", "ES"),
    ("Puerto Montt", "Puerto Montt", "CL"),
    ("Córdoba", "Córdoba", "AR"),
    ("Gdańsk", "Gdańsk", "PL"),
    ("Patras", "Πάτρα", "GR"),
    ("Lleida", "Lleida", "ES"),
    ("São Paulo", "São Paulo", "BR"),
]
THEMES = [
    (
        "circular-economy",
        {
            "en": "Circular economy",
            "ca": "Economia circular",
            "pl": "Gospodarka o obiegu zamkniętym",
            "el": "Κυκλική οικονομία",
        },
    ),
    (
        "energy-transition",
        {
            "en": "Energy transition",
            "ca": "Transició energètica",
            "pl": "Transformacja energetyczna",
            "el": "Ενεργειακή μετάβαση",
        },
    ),
    (
        "mobility",
        {
            "en": "Sustainable mobility",
            "ca": "Mobilitat sostenible",
            "pl": "Zrównoważona mobilność",
            "el": "Βιώσιμη κινητικότητα",
        },
    ),
    (
        "air-quality",
        {
            "en": "Air quality",
            "ca": "Qualitat de l'aire",
            "pl": "Jakość powietrza",
            "el": "Ποιότητα του αέρα",
        },
    ),
]


def sentence(rng, language, words=12):
    return " ".join(rng.choice(WORDS[language]) for _ in range(words)).capitalize() + "."


def paragraph(rng, language):
    return [
        {
            "type": "paragraph",
            "value": "<p>" + " ".join(sentence(rng, language) for _ in range(4)) + "</p>",
            "id": str(uuid.uuid4()),
        }
    ]


def build(pages=10_000, seed=1):
    """Create about ``pages`` live pages spread over the four languages; returns the count made."""
    from wagtail.models import Page

    from base.factories import ensure_locales
    from base.models import Theme
    from cities.models import CityIndexPage, CityPage, PartnershipCity, PartnershipIndexPage, PartnershipPage
    from home.factories import ensure_home
    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import CallPage, ProgrammeIndexPage, ProgrammePage

    rng = random.Random(seed)
    per_language = max(pages // len(LANGUAGES), 20)
    # Per language: 2 % programmes, 8 % calls, 30 % cities, 20 % partnerships, the rest news.
    counts = {
        "programme": max(per_language * 2 // 100, 2),
        "call": per_language * 8 // 100,
        "city": per_language * 30 // 100,
        "partnership": per_language * 20 // 100,
    }
    counts["news"] = per_language - sum(counts.values()) - 5  # home and four sections

    made = 0
    no_indexing = override_settings(
        WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}}
    )
    with no_indexing, transaction.atomic():
        locales = ensure_locales()
        home_en = ensure_home()
        themes = {}
        for slug, names in THEMES:
            key = uuid.uuid4()
            for code in LANGUAGES:
                themes[slug, code] = Theme.objects.get_or_create(
                    slug=slug, locale=locales[code], defaults={"name": names[code], "translation_key": key}
                )[0]
        root = Page.get_first_root_node()
        keys = {}

        def key(kind, index):
            return keys.setdefault((kind, index), uuid.uuid4())

        def child(parent, page, kind, index):
            nonlocal made
            page.locale = parent.locale
            page.translation_key = key(kind, index)
            page.live = True
            page.first_published_at = page.last_published_at = timezone.now()
            parent.add_child(instance=page)
            made += 1
            return page

        for code in LANGUAGES:
            locale = locales[code]
            home = home_en if code == "en" else HomePage.objects.filter(depth=2, locale=locale).first()
            if home is None:
                home = root.add_child(
                    instance=HomePage(
                        title=f"Home {code}",
                        slug=f"home-{code}",
                        locale=locale,
                        translation_key=home_en.translation_key,
                        live=True,
                    )
                )
            sections = {}
            for kind, model, title in (
                ("programmes", ProgrammeIndexPage, "Programmes"),
                ("cities", CityIndexPage, "Cities"),
                ("partnerships", PartnershipIndexPage, "Partnerships"),
                ("news", NewsIndexPage, "News"),
            ):
                sections[kind] = home.get_children().filter(slug=f"bench-{kind}").first() or child(
                    home, model(title=f"{title} {code}", slug=f"bench-{kind}"), "section-" + kind, 0
                )
            programmes = []
            for i in range(counts["programme"]):
                page = ProgrammePage(
                    title=f"Programme {i} {rng.choice(WORDS[code])}",
                    slug=f"programme-{i}",
                    code=f"bench-{i}",
                    short_name=f"P{i}",
                    full_name=sentence(rng, code, 5),
                    introduction=sentence(rng, code),
                    objectives="<p>" + sentence(rng, code, 30) + "</p>",
                    countries=[rng.choice(CITY_NAMES)[2]],
                )
                page.set_themes([themes[rng.choice(THEMES)[0], "en"]])
                programmes.append(child(sections["programmes"], page, "programme", i))
            for i in range(counts["call"]):
                child(
                    rng.choice(programmes),
                    CallPage(
                        title=f"Call {i} {rng.choice(WORDS[code])}",
                        slug=f"call-{i}",
                        introduction=sentence(rng, code),
                        deadline=timezone.now() + timedelta(days=rng.randint(-300, 300)),
                        who_may_apply=sentence(rng, code),
                    ),
                    "call",
                    i,
                )
            cities = []
            for i in range(counts["city"]):
                name, local, country = CITY_NAMES[i % len(CITY_NAMES)]
                page = CityPage(
                    title=f"{local if code == 'el' else name} {i}",
                    slug=f"city-{i}",
                    name_local=local,
                    country=country,
                    region="europe",
                    population=rng.randint(10_000, 3_000_000),
                    latitude=Decimal("40.1"),
                    longitude=Decimal("20.2"),
                    introduction=sentence(rng, code),
                    body=paragraph(rng, code),
                )
                page.set_themes([themes[rng.choice(THEMES)[0], "en"]])
                cities.append(child(sections["cities"], page, "city", i))
            for i in range(counts["partnership"]):
                pair = rng.sample(cities, 2)
                page = PartnershipPage(
                    title=f"{pair[0].title} – {pair[1].title}",
                    slug=f"partnership-{i}",
                    programme=rng.choice(programmes),
                    start_date=date(2022, 1, 1),
                    duration_months=18,
                    introduction=sentence(rng, code),
                    action_plan_summary=sentence(rng, code, 25),
                    partner_cities=[PartnershipCity(city=pair[0]), PartnershipCity(city=pair[1])],
                )
                page.set_themes([themes[rng.choice(THEMES)[0], "en"]])
                child(sections["partnerships"], page, "partnership", i)
            for i in range(counts["news"]):
                page = NewsPage(
                    title=sentence(rng, code, 6).rstrip("."),
                    slug=f"news-{i}",
                    date=date(2024, 1, 1) + timedelta(days=i % 700),
                    programme=rng.choice(programmes),
                    introduction=sentence(rng, code),
                    body=paragraph(rng, code),
                )
                page.set_themes([themes[rng.choice(THEMES)[0], "en"]])
                child(sections["news"], page, "news", i)
    return made
