"""Possible partners, on the hand-made cities of tests/directory/conftest.py.

For Piraeus (themes: air quality, energy transition; seeks partners on energy transition; in
Europe; partner of Puerto Montt), on 1 January 2025, when IURC and ICP AGIR run and IUC has ended:

    Nagoya    energy (sought) 2 + other region 1.5 + IURC (Asia) 1                      = 4.5
    Curitiba  air 1 + other region 1.5 + IURC (Latin America) 1 + looking 0.5             = 4.0
    Nafplio   air 1 + energy (sought) 2 + looking 0.5 (two EU cities: no programme)      = 3.5
    Turin     air 1 + looking 0.5                                                         = 1.5

Left out: Puerto Montt (already a partner), Kavala (excluded by an editor).
"""

from datetime import date
from types import SimpleNamespace

import pytest
from django_countries.fields import Country

from cities.matchmaking import pair_eligible, possible_partners

pytestmark = pytest.mark.django_db

JAN_2025 = date(2025, 1, 1)


def ranking(suggestions):
    return [(s.city.title, s.score) for s in suggestions]


def test_ranking_for_piraeus(directory):
    suggestions = possible_partners(directory.cities["Piraeus"], today=JAN_2025)
    assert ranking(suggestions) == [("Nagoya", 4.5), ("Curitiba", 4.0), ("Nafplio", 3.5), ("Turin", 1.5)]


def test_each_suggestion_says_why(directory):
    by_name = {s.city.title: s for s in possible_partners(directory.cities["Piraeus"], today=JAN_2025)}
    assert by_name["Nagoya"].reasons == [
        "shares: Energy transition",
        "another world region: Asia",
        "both can take part in: IURC",
    ]
    assert by_name["Nafplio"].reason == "shares: Air quality, Energy transition; is looking for partners"
    assert [theme.slug for theme in by_name["Nafplio"].shared_themes] == ["air-quality", "energy-transition"]
    assert by_name["Curitiba"].other_region and by_name["Curitiba"].looking
    assert [p.code for p in by_name["Curitiba"].programmes] == ["iurc"]
    assert by_name["Turin"].programmes == []


def test_current_partners_and_excluded_cities_are_left_out(directory):
    suggestions = possible_partners(directory.cities["Nafplio"], limit=10, today=JAN_2025)
    titles = [s.city.title for s in suggestions]
    assert "Kavala" not in titles  # shares air quality, but an editor excluded it
    assert "Nafplio" not in titles
    # Nafplio seeks no theme in particular. Nagoya and Puerto Montt tie: the larger city first.
    assert ranking(suggestions) == [
        ("Curitiba", 4.0),  # air 1 + other region 1.5 + IURC 1 + looking 0.5
        ("Nagoya", 3.5),  # energy 1 + other region 1.5 + IURC 1
        ("Puerto Montt", 3.5),  # energy 1 + other region 1.5 + IURC and ICP AGIR 1
        ("Piraeus", 2.5),  # air 1 + energy 1 + looking 0.5
        ("Turin", 1.5),  # air 1 + looking 0.5
    ]
    assert "Curitiba" not in [
        s.city.title for s in possible_partners(directory.cities["Turin"], today=JAN_2025)
    ]


def test_an_editor_can_exclude_a_city(directory):
    nagoya = directory.cities["Nagoya"]
    nagoya.exclude_from_suggestions = True
    nagoya.save_revision().publish()
    assert [s.city.title for s in possible_partners(directory.cities["Piraeus"], today=JAN_2025)] == [
        "Curitiba",
        "Nafplio",
        "Turin",
    ]


def test_no_shared_theme_no_suggestion(directory):
    # Puerto Montt: energy, circular. Curitiba (air only) shares nothing with it.
    titles = [
        s.city.title for s in possible_partners(directory.cities["Puerto Montt"], limit=10, today=JAN_2025)
    ]
    assert "Curitiba" not in titles
    assert "Piraeus" not in titles  # its partner
    assert titles == ["Turin", "Nafplio", "Nagoya"]


def test_limit(directory):
    assert len(possible_partners(directory.cities["Piraeus"], limit=2, today=JAN_2025)) == 2


def test_a_programme_counts_only_while_it_runs(directory):
    """In 2019 IUC (ended 2020, EU cities of 50,000 or more, any partner) still ran."""
    by_name = {
        s.city.title: s for s in possible_partners(directory.cities["Piraeus"], today=date(2019, 6, 1))
    }
    assert [p.code for p in by_name["Nagoya"].programmes] == ["iuc", "iurc"]
    assert by_name["Nagoya"].score == 4.5  # counted once however many programmes
    assert "both can take part in: IUC, IURC" in by_name["Nagoya"].reasons
    by_name = {
        s.city.title: s for s in possible_partners(directory.cities["Nafplio"], today=date(2019, 6, 1))
    }
    assert [p.code for p in by_name["Nagoya"].programmes] == ["iurc"]  # Nafplio is under 50,000


def test_suggestions_in_another_language(directory):
    """The Catalan Piraeus is matched with Catalan pages, and says why in Catalan theme names."""
    suggestions = possible_partners(directory.ca_cities["Piraeus"], today=JAN_2025)
    assert [s.city.title for s in suggestions] == ["Nagoya (ca)"]  # Puerto Montt (ca) is its partner
    assert [theme.name for theme in suggestions[0].shared_themes] == ["Transició energètica"]


def test_a_fixed_number_of_queries(directory, django_assert_max_num_queries):
    possible_partners(directory.cities["Piraeus"], today=JAN_2025)  # warm the theme cache
    with django_assert_max_num_queries(3):  # its themes, the programmes it names, the cities
        possible_partners(directory.cities["Piraeus"], today=JAN_2025)


def place(country, region, population=100_000):
    return SimpleNamespace(country=Country(country), region=region, population=population)


def programme(countries=(), regions=(), min_population=None):
    return SimpleNamespace(
        countries=[Country(code) for code in countries], regions=list(regions), min_population=min_population
    )


@pytest.mark.parametrize(
    ("a", "b", "rules", "expected"),
    [
        # IUC: EU cities over 50,000 with partners anywhere outside the EU.
        (place("IT", "europe", 848_000), place("JP", "asia"), programme(min_population=50_000), True),
        (place("GR", "europe", 14_000), place("JP", "asia"), programme(min_population=50_000), False),
        (place("JP", "asia"), place("IT", "europe", 848_000), programme(min_population=50_000), True),
        # Two EU cities, or two non-EU cities, never make a pair.
        (place("IT", "europe"), place("GR", "europe"), programme(), False),
        (place("JP", "asia"), place("BR", "latin-america"), programme(), False),
        # IURC: partners in Latin America or Asia.
        (
            place("GR", "europe"),
            place("BR", "latin-america"),
            programme(regions=["latin-america", "asia"]),
            True,
        ),
        (
            place("GR", "europe"),
            place("US", "north-america"),
            programme(regions=["latin-america", "asia"]),
            False,
        ),
        # ICP AGIR: partners in Mexico or Chile.
        (place("GR", "europe"), place("CL", "latin-america"), programme(countries=["MX", "CL"]), True),
        (place("GR", "europe"), place("BR", "latin-america"), programme(countries=["MX", "CL"]), False),
        # Norway is in Europe but not in the EU: a partner city where Europe is allowed.
        (place("DE", "europe"), place("NO", "europe"), programme(regions=["europe"]), True),
    ],
)
def test_pair_eligibility(a, b, rules, expected):
    assert pair_eligible(a, b, rules) is expected
