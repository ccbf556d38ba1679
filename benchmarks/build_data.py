"""The benchmark's data set, built on top of the demo content (``manage.py load_demo``).

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... python benchmarks/build_data.py

Adds, with the project's factories, 1,000 cities, 300 partnerships and 2,000 news pages (500 news
items in each of the four languages) to the demo site. Every city and partnership is live in the
four languages, as wagtail-localize leaves them: one page per locale sharing a ``translation_key``,
titles and text in the reader's language, relations (themes, programmes, partner cities)
pointing at the source-language objects. The sizes can be changed with ``BENCH_CITIES``,
``BENCH_PARTNERSHIPS`` and ``BENCH_NEWS`` (news pages in all, split over the languages).

Deterministic (a fixed random seed) and safe to run twice: pages are found again by slug.

For speed, the search index is not updated on every save but once at the end, in bulk, and
pages are created in batches inside transactions.
"""

import os
import random
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

WORDS = {
    "en": (
        "city cities energy mobility green transition climate adaptation housing heritage water waste "
        "circular economy digital innovation public transport partners exchange visit plan local "
        "regional sustainable urban cooperation knowledge pilot project district neighbourhood "
        "citizens renewable heating cycling port tourism data resilience the of and in with for on to"
    ),
    "ca": (
        "ciutat ciutats energia mobilitat verda transició clima adaptació habitatge patrimoni aigua "
        "residus economia circular digital innovació pública transport socis intercanvi visita pla "
        "local regional sostenible urbana cooperació coneixement pilot projecte barri ciutadania "
        "renovable calefacció bicicleta port turisme dades resiliència de i la el amb per a dels"
    ),
    "pl": (
        "miasto miasta energia mobilność zielona transformacja klimat adaptacja mieszkalnictwo "
        "dziedzictwo woda odpady gospodarka obieg cyfrowa innowacje publiczny transport partnerzy "
        "wymiana wizyta plan lokalny regionalny zrównoważony miejski współpraca wiedza pilotaż "
        "projekt dzielnica mieszkańcy odnawialna ogrzewanie rower port turystyka dane odporność i w z "
        "dla na oraz"
    ),
    "el": (
        "πόλη πόλεις ενέργεια κινητικότητα πράσινη μετάβαση κλίμα προσαρμογή στέγαση κληρονομιά νερό "
        "απόβλητα κυκλική οικονομία ψηφιακή καινοτομία δημόσιες συγκοινωνίες εταίροι ανταλλαγή "
        "επίσκεψη σχέδιο τοπική περιφερειακή βιώσιμη αστική συνεργασία γνώση πιλοτικό έργο γειτονιά "
        "πολίτες ανανεώσιμη θέρμανση ποδήλατο λιμάνι τουρισμός δεδομένα ανθεκτικότητα και της του με "
        "για στην των"
    ),
}
WORDS = {code: text.split() for code, text in WORDS.items()}

# Countries with a rough centre (latitude, longitude); cities are scattered around it.
COUNTRIES = {
    "BE": (50.6, 4.6),
    "ES": (40.2, -3.6),
    "FR": (46.6, 2.4),
    "DE": (51.1, 10.4),
    "IT": (42.8, 12.5),
    "PL": (52.1, 19.4),
    "GR": (39.0, 22.9),
    "PT": (39.6, -8.0),
    "NL": (52.2, 5.5),
    "SE": (62.0, 15.0),
    "FI": (64.0, 26.0),
    "AT": (47.6, 14.1),
    "CZ": (49.8, 15.5),
    "HU": (47.2, 19.5),
    "RO": (45.9, 24.9),
    "BG": (42.7, 25.5),
    "HR": (45.1, 15.2),
    "IE": (53.4, -8.2),
    "DK": (56.0, 9.5),
    "LT": (55.2, 23.9),
    "US": (39.8, -98.6),
    "CA": (56.1, -106.3),
    "MX": (23.6, -102.5),
    "BR": (-14.2, -51.9),
    "AR": (-38.4, -63.6),
    "CL": (-35.7, -71.5),
    "CO": (4.6, -74.3),
    "PE": (-9.2, -75.0),
    "JP": (36.2, 138.3),
    "KR": (35.9, 127.8),
    "CN": (35.9, 104.2),
    "IN": (20.6, 79.0),
    "ID": (-0.8, 113.9),
    "VN": (14.1, 108.3),
    "ZA": (-30.6, 22.9),
    "KE": (-0.0, 37.9),
    "MA": (31.8, -7.1),
    "AU": (-25.3, 133.8),
    "NZ": (-40.9, 174.9),
    "SG": (1.35, 103.8),
}
SYLLABLES = "ba be bo ca co da de do fa fe ga go la le li lo lu ma me mi mo na ne no pa pe po ra re ri ro sa se so ta te to va ve vi za".split()
ENDINGS = ["", "", "n", "s", "ra", "ville", "burg", "polis", "grad", "ona", "ia", "ino", "era"]


def sentence(rng, language, low=8, high=16):
    words = [rng.choice(WORDS[language]) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, language, sentences=4):
    return " ".join(sentence(rng, language) for _ in range(sentences))


def body(rng, language, paragraphs):
    return [("paragraph", f"<p>{paragraph(rng, language, rng.randint(3, 6))}</p>") for _ in range(paragraphs)]


def city_name(rng, taken):
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
        name = name.capitalize()
        if name not in taken:
            taken.add(name)
            return name


@contextmanager
def search_index_deferred():
    """Skip the per-save search indexing; the caller indexes the new pages in bulk afterwards."""
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(models):
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends(with_auto_update=True):
        for model in models:
            queryset = model.objects.all().order_by("pk")
            pks = list(queryset.values_list("pk", flat=True))
            for start in range(0, len(pks), 500):
                backend.add_bulk(model, list(queryset.filter(pk__in=pks[start : start + 500])))


def in_batches(items, size=100):
    from django.db import transaction

    for start in range(0, len(items), size):
        with transaction.atomic():
            yield from items[start : start + size]


def live_translation(source, parent, m2m, **fields):
    """``source``'s translation under ``parent`` (in its locale), live, with ``fields`` as given.

    What wagtail-localize leaves once a translation is published, made directly: the same
    ``translation_key``, the parent's locale, relations pointing at the source's objects (as
    theme rows do while a theme has no translation). Found again by slug, so a second run adds
    nothing.
    """
    from django.utils import timezone
    from modelcluster.fields import ParentalManyToManyField

    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing
    now = timezone.now()
    page = type(source)(
        translation_key=source.translation_key,
        locale_id=parent.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    for name, values in m2m.items():
        if isinstance(page._meta.get_field(name), ParentalManyToManyField):
            setattr(page, name, list(values))
        else:  # held as inline rows (base.models.ThemeLink)
            page.set_related(values, name)
    parent.add_child(instance=page)
    return page


def section(model, locales, make_source):
    """The section index page of ``model`` in every locale: the demo's, or made here."""
    from base.factories import translate

    pages = {code: model.objects.filter(locale=locale).first() for code, locale in locales.items()}
    if pages["en"] is None:
        pages["en"] = make_source()
    for code in locales:
        if pages[code] is None:
            pages[code] = translate(pages["en"], code).specific
    return pages


def build(cities=1000, partnerships=300, news=2000, seed=2024, log=print):
    from django.utils.text import slugify

    from base import factories as base_factories
    from base.factories import LANGUAGE_CODES, ensure_locales, translate
    from base.models import Theme
    from cities import factories as city_factories
    from cities.factories import activity_data, region_of
    from cities.models import (
        CityIndexPage,
        CityPage,
        PartnershipActivity,
        PartnershipCity,
        PartnershipIndexPage,
        PartnershipPage,
    )
    from home.factories import ensure_home
    from news import factories as news_factories
    from news.models import NewsIndexPage, NewsPage
    from programmes import factories as programme_factories
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    rng = random.Random(seed)
    other_languages = [code for code in LANGUAGE_CODES if code != "en"]
    started = time.monotonic()
    locales = ensure_locales()
    homes = {code: None for code in LANGUAGE_CODES}
    homes["en"] = ensure_home()
    for code in LANGUAGE_CODES:
        if code != "en":
            homes[code] = homes["en"].get_translation_or_none(locales[code]) or translate(homes["en"], code)
    city_index = section(CityIndexPage, locales, lambda: city_factories.city_index(homes["en"]))
    partnership_index = section(
        PartnershipIndexPage, locales, lambda: city_factories.partnership_index(homes["en"])
    )
    news_index = section(NewsIndexPage, locales, lambda: news_factories.news_index(homes["en"]))
    programme_index = section(
        ProgrammeIndexPage, locales, lambda: programme_factories.programme_index(homes["en"])
    )

    themes = list(Theme.objects.filter(locale=locales["en"]))
    if not themes:
        themes = [
            base_factories.theme(slug)
            for slug in (
                "energy",
                "mobility",
                "climate-adaptation",
                "circular-economy",
                "housing",
                "heritage",
            )
        ]
    programmes = list(ProgrammePage.objects.live().filter(locale=locales["en"]))
    if not programmes:
        for title in ("ICP AGIR", "IUC", "IURC"):
            page = programme_factories.programme(programme_index["en"], title)
            for code in LANGUAGE_CODES:
                if code != "en":
                    translate(page, code)
            programmes.append(page)

    with search_index_deferred():
        # Cities: one source page, then the same city under each other language's directory.
        country_codes = sorted(COUNTRIES)
        names = set()
        plans = []
        for _ in range(cities):
            country = rng.choice(country_codes)
            lat, lon = COUNTRIES[country]
            plans.append(
                {
                    "title": city_name(rng, names),
                    "country": country,
                    "population": rng.randint(20_000, 4_000_000),
                    "latitude": f"{max(-89.0, min(89.0, lat + rng.uniform(-3, 3))):.4f}",
                    "longitude": f"{max(-179.0, min(179.0, lon + rng.uniform(-4, 4))):.4f}",
                    "themes": rng.sample(themes, rng.randint(1, min(3, len(themes)))),
                    "programmes": rng.sample(programmes, rng.randint(0, min(2, len(programmes)))),
                    "partner_themes": rng.sample(themes, 2) if rng.random() < 0.3 and len(themes) > 1 else [],
                    "texts": {
                        code: (sentence(rng, code), body(rng, code, rng.randint(1, 3)))
                        for code in LANGUAGE_CODES
                    },
                }
            )
        city_pages = []
        for n, plan in enumerate(in_batches(plans), 1):
            fields = {
                "slug": f"{slugify(plan['title'])}-{plan['country'].lower()}",
                "country": plan["country"],
                "population": plan["population"],
                "latitude": Decimal(plan["latitude"]),
                "longitude": Decimal(plan["longitude"]),
            }
            m2m = {key: plan[key] for key in ("themes", "programmes", "partner_themes")}
            source = city_factories.city(
                city_index["en"],
                plan["title"],
                **fields,
                **m2m,
                introduction=plan["texts"]["en"][0],
                body=plan["texts"]["en"][1],
            )
            for code in other_languages:
                introduction, text = plan["texts"][code]
                live_translation(
                    source,
                    city_index[code],
                    m2m,
                    title=plan["title"],
                    region=region_of(plan["country"]),
                    looking_for_partners=bool(plan["partner_themes"]),
                    introduction=introduction,
                    body=text,
                    **fields,
                )
            city_pages.append(source)
            if n % 250 == 0:
                log(f"  {n} cities × {len(LANGUAGE_CODES)} languages ({time.monotonic() - started:.0f} s)")

        # Partnerships: two or three of those cities, a programme, themes and a few activities.
        plans = []
        for _ in range(partnerships):
            members = rng.sample(city_pages, rng.choice((2, 2, 2, 3)))
            start = date(2016, 1, 1) + timedelta(days=rng.randint(0, 9 * 365))
            plans.append(
                {
                    "cities": members,
                    "slug": "-".join(c.slug for c in members)[:200],
                    "programme": rng.choice(programmes),
                    "themes": rng.sample(themes, rng.randint(1, min(3, len(themes)))),
                    "start_date": start,
                    "duration_months": rng.choice((18, 24, 30, 36)),
                    "status": rng.choice(list(PartnershipPage.Status.values)),
                    "activities": [
                        {
                            "kind": rng.choice(list(PartnershipActivity.Kind.values)),
                            "start_date": start + timedelta(days=rng.randint(0, 700)),
                        }
                        for _ in range(rng.randint(0, 5))
                    ],
                    "texts": {
                        code: (
                            sentence(rng, code),
                            paragraph(rng, code, 3),
                            body(rng, code, rng.randint(2, 4)),
                            [sentence(rng, code, 3, 6).rstrip(".") for _ in range(5)],
                        )
                        for code in LANGUAGE_CODES
                    },
                }
            )
        for n, plan in enumerate(in_batches(plans), 1):
            fields = {
                "slug": plan["slug"],
                "programme": plan["programme"],
                "start_date": plan["start_date"],
                "duration_months": plan["duration_months"],
                "status": plan["status"],
            }
            introduction, summary, text, titles = plan["texts"]["en"]
            source = city_factories.partnership(
                partnership_index["en"],
                plan["cities"],
                **fields,
                themes=plan["themes"],
                activities=[{**a, "title": titles[k]} for k, a in enumerate(plan["activities"])],
                introduction=introduction,
                action_plan_summary=summary,
                body=text,
            )
            keys = [activity.translation_key for activity in source.activities.all()]
            for code in other_languages:
                introduction, summary, text, titles = plan["texts"][code]
                live_translation(
                    source,
                    partnership_index[code],
                    {"themes": plan["themes"]},
                    title=source.title,
                    introduction=introduction,
                    action_plan_summary=summary,
                    body=text,
                    partner_cities=[
                        PartnershipCity(city=link.city, role=link.role)
                        for link in source.partner_cities.all()
                    ],
                    activities=[
                        PartnershipActivity(**activity_data(**a, title=titles[k], translation_key=keys[k]))
                        for k, a in enumerate(plan["activities"])
                    ],
                    **fields,
                )
            if n % 100 == 0:
                log(
                    f"  {n} partnerships × {len(LANGUAGE_CODES)} languages ({time.monotonic() - started:.0f} s)"
                )

        # News: items in every language, dated over the last six years.
        plans = []
        for _ in range(news // len(LANGUAGE_CODES)):
            plans.append(
                {
                    "date": date.today() - timedelta(days=rng.randint(0, 6 * 365)),
                    "programme": rng.choice(programmes),
                    "themes": rng.sample(themes, rng.randint(1, min(2, len(themes)))),
                    "texts": {
                        code: (
                            sentence(rng, code, 4, 9).rstrip("."),
                            sentence(rng, code),
                            body(rng, code, rng.randint(3, 6)),
                        )
                        for code in LANGUAGE_CODES
                    },
                }
            )
        for n, plan in enumerate(in_batches(plans), 1):
            fields = {"date": plan["date"], "programme": plan["programme"]}
            title, introduction, text = plan["texts"]["en"]
            source = news_factories.news_item(
                news_index["en"],
                title,
                slug=f"{slugify(title)[:60]}-{n}",
                themes=plan["themes"],
                introduction=introduction,
                body=text,
                **fields,
            )
            for code in other_languages:
                title, introduction, text = plan["texts"][code]
                live_translation(
                    source,
                    news_index[code],
                    {"themes": plan["themes"]},
                    title=title,
                    slug=f"{slugify(title, allow_unicode=True)[:60]}-{n}",
                    introduction=introduction,
                    body=text,
                    **fields,
                )
            if n % 250 == 0:
                log(
                    f"  {n} news items × {len(LANGUAGE_CODES)} languages ({time.monotonic() - started:.0f} s)"
                )

    log(f"  indexing for search ({time.monotonic() - started:.0f} s)")
    index_pages([CityPage, PartnershipPage, NewsPage])
    counts = {
        "city pages": CityPage.objects.count(),
        "partnership pages": PartnershipPage.objects.count(),
        "news pages": NewsPage.objects.count(),
    }
    log(
        f"Benchmark data ready in {time.monotonic() - started:.0f} s: "
        + ", ".join(f"{count:,} {name}" for name, count in counts.items())
    )
    return counts


def main():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    import django

    django.setup()
    build(
        cities=int(os.environ.get("BENCH_CITIES", 1000)),
        partnerships=int(os.environ.get("BENCH_PARTNERSHIPS", 300)),
        news=int(os.environ.get("BENCH_NEWS", 2000)),
        log=lambda line: print(line, flush=True),
    )


if __name__ == "__main__":
    main()
