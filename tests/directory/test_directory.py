"""The city directory page: filters in the URL, their combinations, counts, sorting, pagination.

The data and its right answers are in tests/directory/conftest.py.
"""

import re
from html.parser import HTMLParser

import pytest
from django.http import QueryDict

from cities import directory as directory_module
from cities.directory import Vocabulary, parse
from tests.directory.conftest import names

pytestmark = pytest.mark.django_db

ALL = ["Curitiba", "Kavala", "Nafplio", "Nagoya", "Piraeus", "Puerto Montt", "Turin"]


def get(client, query=""):
    response = client.get("/en/cities/" + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response


def facet(response, name):
    return {value: count for value, _label, count in response.context["facets"][name]}


def test_lists_every_live_city_by_name(directory, client):
    response = get(client)
    assert names(response) == ALL
    assert response.context["paginator"].count == 7


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=GR", ["Kavala", "Nafplio", "Piraeus"]),
        ("country=gr", ["Kavala", "Nafplio", "Piraeus"]),
        ("region=latin-america", ["Curitiba", "Puerto Montt"]),
        ("theme=air-quality", ["Curitiba", "Kavala", "Nafplio", "Piraeus", "Turin"]),
        ("theme=circular-economy", ["Puerto Montt", "Turin"]),
        # IURC through the Piraeus–Puerto Montt partnership; IUC listed by Turin and through Turin–Curitiba.
        ("programme=iurc", ["Piraeus", "Puerto Montt"]),
        ("programme=iuc", ["Curitiba", "Turin"]),
        ("programme=icp-agir", []),
        ("looking=1", ["Curitiba", "Nafplio", "Piraeus", "Turin"]),
        ("looking=0", ALL),
    ],
)
def test_each_filter(directory, client, query, expected):
    assert names(get(client, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=GR&theme=air-quality", ["Kavala", "Nafplio", "Piraeus"]),
        ("country=GR&theme=energy-transition", ["Nafplio", "Piraeus"]),
        ("country=GR&theme=air-quality&looking=1", ["Nafplio", "Piraeus"]),
        ("region=europe&programme=iuc", ["Turin"]),
        ("region=latin-america&theme=energy-transition&programme=iurc", ["Puerto Montt"]),
        ("region=asia&looking=1", []),
    ],
)
def test_filters_combine(directory, client, query, expected):
    assert names(get(client, query)) == expected


def test_counts_without_filters(directory, client):
    response = get(client)
    assert facet(response, "country") == {"BR": 1, "CL": 1, "GR": 3, "IT": 1, "JP": 1}
    assert facet(response, "region") == {"europe": 4, "latin-america": 2, "asia": 1}
    assert facet(response, "theme") == {"air-quality": 5, "energy-transition": 4, "circular-economy": 2}
    assert facet(response, "programme") == {"iurc": 2, "iuc": 2}
    assert response.context["facets"]["looking"] == 4


def test_counts_apply_the_other_filters(directory, client):
    """Each group counts with every chosen filter except its own, so a visitor sees what a change gives."""
    response = get(client, "country=GR&theme=energy-transition")
    # Countries among energy-transition cities: Piraeus, Nafplio (GR), Puerto Montt (CL), Nagoya (JP).
    assert facet(response, "country") == {"GR": 2, "CL": 1, "JP": 1}
    # Themes among Greek cities: Piraeus (air, energy), Kavala (air), Nafplio (air, energy).
    assert facet(response, "theme") == {"air-quality": 3, "energy-transition": 2}
    assert facet(response, "region") == {"europe": 2}
    assert facet(response, "programme") == {"iurc": 1}
    assert response.context["facets"]["looking"] == 2


def test_a_chosen_value_stays_listed_with_zero(directory, client):
    response = get(client, "region=asia&looking=1")
    assert facet(response, "region")["asia"] == 0
    assert response.context["facets"]["looking"] == 0
    html = response.content.decode()
    assert '<option value="asia" selected>Asia (0)</option>' in html


def test_counts_are_in_the_text(directory, client):
    html = get(client).content.decode()
    assert "Greece (3)</option>" in html
    assert "Air quality (5)</option>" in html
    assert "Only cities looking for partners (4 cities)" in html
    assert "7 cities" in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ALL),
        ("-name", list(reversed(ALL))),
        ("-population", ["Nagoya", "Curitiba", "Turin", "Puerto Montt", "Piraeus", "Kavala", "Nafplio"]),
        ("population", ["Nafplio", "Kavala", "Piraeus", "Puerto Montt", "Turin", "Curitiba", "Nagoya"]),
    ],
)
def test_sorting(directory, client, sort, expected):
    response = get(client, f"sort={sort}")
    assert names(response) == expected
    assert f'<option value="{sort}" selected>' in response.content.decode()


def test_sorting_with_a_filter(directory, client):
    assert names(get(client, "country=GR&sort=-population")) == ["Piraeus", "Kavala", "Nafplio"]


def test_pagination_keeps_filters_and_sort(directory, client, monkeypatch):
    monkeypatch.setattr(directory_module, "PAGE_SIZE", 2)
    response = get(client, "theme=air-quality&sort=-population&page=2")
    # air quality by population: Curitiba, Turin, Piraeus, Kavala, Nafplio
    assert names(response) == ["Piraeus", "Kavala"]
    assert response.context["paginator"].num_pages == 3
    html = response.content.decode()
    assert 'href="?theme=air-quality&amp;sort=-population&amp;page=3" rel="next"' in html
    assert 'href="?theme=air-quality&amp;sort=-population" rel="prev"' in html
    assert '<span aria-current="page">Page 2</span>' in html
    assert "Showing 3 to 4 of 5." in html


@pytest.mark.parametrize("page", ["99", "abc", "-1"])
def test_a_page_out_of_range_shows_a_page_rather_than_an_error(directory, client, monkeypatch, page):
    monkeypatch.setattr(directory_module, "PAGE_SIZE", 2)
    response = get(client, f"page={page}")
    assert len(names(response)) in (1, 2)


def test_unknown_values_are_ignored_with_a_notice(directory, client):
    response = get(
        client, "country=XX&theme=no-such-theme&programme=nope&region=mars&sort=upside-down&looking=maybe"
    )
    assert names(response) == ALL
    html = response.content.decode()
    assert "Some filters were not understood and were ignored" in html
    for word in ("XX", "no-such-theme", "nope", "mars", "upside-down"):
        assert word in html
    # A good filter next to a bad one still applies.
    assert names(get(client, "country=GR&theme=no-such-theme")) == ["Kavala", "Nafplio", "Piraeus"]


def test_unknown_parameters_are_ignored_on_the_page(directory, client):
    response = get(client, "utm_source=newsletter&country=GR")
    assert names(response) == ["Kavala", "Nafplio", "Piraeus"]
    assert "not understood" not in response.content.decode()


def test_active_filters_can_be_removed_one_by_one(directory, client):
    html = get(client, "country=GR&theme=air-quality").content.decode()
    assert 'href="/en/cities/?theme=air-quality">Remove filter: Greece</a>' in html
    assert 'href="/en/cities/?country=GR">Remove filter: Air quality</a>' in html


def test_the_catalan_directory_lists_catalan_pages_and_names(directory, client):
    url = directory.index["ca"].get_url()
    assert url.startswith("/ca/")
    response = client.get(url)
    assert response.status_code == 200
    assert names(response) == ["Nagoya (ca)", "Piraeus (ca)", "Puerto Montt (ca)"]
    labels = {value: label for value, label, _count in response.context["facets"]["theme"]}
    assert labels["energy-transition"] == "Transició energètica"
    # Filters use the same values in every language; partnerships count for their cities' translations.
    assert names(client.get(f"{url}?programme=iurc&theme=energy-transition")) == [
        "Piraeus (ca)",
        "Puerto Montt (ca)",
    ]


class FormReader(HTMLParser):
    """Collects what the accessibility checks need from the directory page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls = []  # ids of select and input elements in the filter form
        self.labels = set()
        self.legends = 0
        self.in_form = False
        self.inline_scripts = 0
        self.style_attributes = 0
        self.map = None
        self._script_has_src = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes += 1
        if tag == "form" and "filters" in (attrs.get("class") or ""):
            self.in_form = True
        if self.in_form and tag in ("select", "input"):
            self.controls.append(attrs.get("id"))
        if tag == "label":
            self.labels.add(attrs.get("for"))
        if tag == "legend":
            self.legends += 1
        if tag == "script":
            # A JSON-LD data block is never run (and CSP's script-src does not cover it).
            if not attrs.get("src") and attrs.get("type") != "application/ld+json":
                self.inline_scripts += 1
        if attrs.get("id") == "city-map":
            self.map = attrs

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def read(response):
    reader = FormReader()
    reader.feed(response.content.decode())
    return reader


def test_the_page_is_accessible_without_javascript(directory, client):
    response = get(client, "country=GR")
    html = response.content.decode()
    reader = read(response)
    assert reader.controls and None not in reader.controls
    assert set(reader.controls) <= reader.labels, "every control has a label"
    assert reader.legends >= 2
    assert reader.inline_scripts == 0
    assert reader.style_attributes == 0
    assert '<form class="filters" method="get" action="/en/cities/">' in html
    # The map has a name, can be skipped, and the list does not depend on it.
    assert reader.map["aria-label"]
    assert 'href="#city-list"' in html and 'id="city-list"' in html
    assert reader.map["data-geojson-url"] == "/en/cities/map.geojson?country=GR"
    for city in ("Kavala", "Nafplio", "Piraeus"):
        assert f'href="/en/cities/{city.lower()}/">{city}</a>' in html


def test_map_tiles_come_from_the_setting(directory, client, settings):
    assert read(get(client)).map["data-tile-url"] == ""  # no request leaves the machine in tests
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert read(get(client, "sort=-name")).map["data-tile-url"] == settings.MAP_TILE_URL


def test_leaflet_is_served_from_our_static_files(directory, client):
    html = get(client).content.decode()
    assert re.search(r'<script src="/static/vendor/leaflet/leaflet\.js" defer></script>', html)
    assert re.search(r'<script src="/static/website/js/map\.js" defer></script>', html)
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html


def test_the_csv_link_carries_the_current_filters(directory, client):
    html = get(client, "country=GR&looking=1&sort=-population&page=1").content.decode()
    assert 'href="/en/cities/export.csv?country=GR&amp;looking=1&amp;sort=-population" download' in html


class TestParse:
    vocabulary = Vocabulary(themes={"air-quality": "Air quality"}, programmes={"iurc": "IURC"})

    def parse(self, query, strict=False):
        return parse(QueryDict(query), self.vocabulary, strict=strict)

    def test_reads_every_filter(self):
        query = self.parse(
            "country=gr&region=europe&programme=iurc&theme=air-quality&looking=yes&sort=-population"
        )
        assert query.chosen == {
            "country": "GR",
            "region": "europe",
            "programme": "iurc",
            "theme": "air-quality",
            "looking": True,
        }
        assert query.sort == "-population"
        assert query.errors == []

    def test_reports_bad_values_by_parameter(self):
        query = self.parse("country=ZZ&region=mars&programme=x&theme=y&looking=maybe&sort=z")
        assert query.chosen == {}
        assert [name for name, _message in query.errors] == [
            "country",
            "region",
            "programme",
            "theme",
            "looking",
            "sort",
        ]

    def test_strict_mode_refuses_unknown_and_repeated_parameters(self):
        assert self.parse("foo=1&country=GR").errors == []
        query = self.parse("foo=1&country=GR&country=IT", strict=True)
        assert {name for name, _message in query.errors} == {"foo", "country"}
