"""Hand-made data for the directory, matchmaking, export and API tests.

Seven cities whose right answers are worked out by hand in the tests:

    city           country region          population  themes                looking  other
    Piraeus        GR      europe             163,688  air, energy           yes      seeks partners on energy
    Puerto Montt   CL      latin-america      245,902  energy, circular      no
    Turin          IT      europe             848,000  air, circular         yes      lists IUC
    Curitiba       BR      latin-america    1,963,726  air                   yes
    Nagoya         JP      asia             2,320,000  energy                no
    Kavala         GR      europe              70,501  air                   no       excluded from suggestions
    Nafplio        GR      europe              14,000  air, energy           yes

Partnerships: Piraeus–Puerto Montt (IURC), Turin–Curitiba (IUC).
Programmes: IURC (running, partners in Latin America or Asia), ICP AGIR (running, partners in
Mexico or Chile), IUC (ended in 2020, EU cities of 50,000 or more).
Piraeus, Puerto Montt, Nagoya and the themes are also translated into Catalan ("<name> (ca)").
"""

from dataclasses import dataclass, field
from datetime import date

import pytest

from base import factories as base_factories
from base.factories import add_page, translate
from cities import factories as city_factories
from home.factories import ensure_home
from programmes import factories as programme_factories
from tests.conftest import built_once_per_module

THEMES = {
    "air-quality": ("Air quality", "Qualitat de l'aire"),
    "energy-transition": ("Energy transition", "Transició energètica"),
    "circular-economy": ("Circular economy", "Economia circular"),
}


@dataclass
class Directory:
    home: dict = field(default_factory=dict)
    index: dict = field(default_factory=dict)  # language code -> CityIndexPage
    themes: dict = field(default_factory=dict)  # slug -> Theme (en)
    programmes: dict = field(default_factory=dict)  # code -> ProgrammePage (en)
    cities: dict = field(default_factory=dict)  # name -> CityPage (en)
    ca_cities: dict = field(default_factory=dict)
    partnerships: dict = field(default_factory=dict)


def build_directory():
    from cities.models import CityIndexPage

    d = Directory()
    home = ensure_home()
    d.home = {"en": home, "ca": translate(home, "ca", {})}
    for slug, (name, name_ca) in THEMES.items():
        theme = base_factories.theme(slug, name)
        translate(theme, "ca", {name: name_ca})
        d.themes[slug] = theme
    air, energy, circular = (d.themes[slug] for slug in THEMES)

    programmes_index = programme_factories.programme_index(home)
    d.programmes["iurc"] = programme_factories.programme(
        programmes_index,
        "IURC",
        code="iurc",
        regions=["latin-america", "asia"],
        start_date=date(2021, 1, 1),
        end_date=date(2030, 12, 31),
    )
    d.programmes["icp-agir"] = programme_factories.programme(
        programmes_index,
        "ICP AGIR",
        code="icp-agir",
        countries=["MX", "CL"],
        start_date=date(2021, 1, 1),
        end_date=date(2030, 12, 31),
    )
    d.programmes["iuc"] = programme_factories.programme(
        programmes_index,
        "IUC",
        code="iuc",
        min_population=50_000,
        start_date=date(2017, 1, 1),
        end_date=date(2020, 12, 31),
    )

    index = add_page(home, CityIndexPage(title="Cities", slug="cities"))
    d.index = {"en": index, "ca": translate(index, "ca", {"Cities": "Ciutats"})}

    def city(title, country, region, population, themes, looking=False, **fields):
        return city_factories.city(
            index,
            title,
            country=country,
            region=region,
            population=population,
            latitude=fields.pop("latitude", "10"),
            longitude=fields.pop("longitude", "20"),
            themes=themes,
            looking_for_partners=looking,
            **fields,
        )

    d.cities = {
        "Piraeus": city(
            "Piraeus",
            "GR",
            "europe",
            163_688,
            [air, energy],
            True,
            partner_themes=[energy],
            latitude="37.942",
            longitude="23.646",
        ),
        "Puerto Montt": city(
            "Puerto Montt",
            "CL",
            "latin-america",
            245_902,
            [energy, circular],
            latitude="-41.469",
            longitude="-72.942",
        ),
        "Turin": city(
            "Turin", "IT", "europe", 848_000, [air, circular], True, programmes=[d.programmes["iuc"]]
        ),
        "Curitiba": city("Curitiba", "BR", "latin-america", 1_963_726, [air], True),
        "Nagoya": city("Nagoya", "JP", "asia", 2_320_000, [energy]),
        "Kavala": city("Kavala", "GR", "europe", 70_501, [air], exclude_from_suggestions=True),
        "Nafplio": city("Nafplio", "GR", "europe", 14_000, [air, energy], True),
    }
    partnerships_index = city_factories.partnership_index(home)
    d.partnerships["Piraeus–Puerto Montt"] = city_factories.partnership(
        partnerships_index, [d.cities["Piraeus"], d.cities["Puerto Montt"]], programme=d.programmes["iurc"]
    )
    d.partnerships["Turin–Curitiba"] = city_factories.partnership(
        partnerships_index, [d.cities["Turin"], d.cities["Curitiba"]], programme=d.programmes["iuc"]
    )
    d.ca_cities = {
        name: translate(d.cities[name], "ca", {name: f"{name} (ca)"})
        for name in ("Piraeus", "Puerto Montt", "Nagoya")
    }
    return d


@pytest.fixture(scope="module")
def shared_directory(django_db_setup, django_db_blocker):
    """``build_directory()`` once per module, rolled back after it; each test has its own savepoint."""
    yield from built_once_per_module(django_db_blocker, build_directory)


@pytest.fixture
def directory(shared_directory, db, settings):
    settings.PAGE_CACHE_ENABLED = False
    return shared_directory


def names(response):
    """The names of the cities listed on a directory page, in order."""
    return [city.title for city in response.context["cities"]]
