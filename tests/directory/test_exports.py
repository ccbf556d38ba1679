"""The directory's CSV and GeoJSON exports, read back with the csv and json modules."""

import csv
import io
import json

import pytest

from cities.views import CSV_COLUMNS

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_a_header_and_every_city(directory, client):
    response = client.get("/en/cities/export.csv")
    assert response["Content-Disposition"] == 'attachment; filename="cities-en.csv"'
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    assert next(reader) == list(CSV_COLUMNS)
    rows = read_csv(client.get("/en/cities/export.csv"))
    assert [row["name"] for row in rows] == [
        "Curitiba",
        "Kavala",
        "Nafplio",
        "Nagoya",
        "Piraeus",
        "Puerto Montt",
        "Turin",
    ]


def test_csv_fields(directory, client):
    rows = {row["name"]: row for row in read_csv(client.get("/en/cities/export.csv"))}
    piraeus = rows["Piraeus"]
    assert piraeus["country"] == "GR"
    assert piraeus["country_name"] == "Greece"
    assert piraeus["region"] == "europe"
    assert piraeus["region_name"] == "Europe"
    assert int(piraeus["population"]) == 163_688
    assert float(piraeus["latitude"]) == pytest.approx(37.942)
    assert float(piraeus["longitude"]) == pytest.approx(23.646)
    assert piraeus["looking_for_partners"] == "yes"
    assert piraeus["themes"] == "Air quality; Energy transition"
    assert piraeus["theme_slugs"] == "air-quality energy-transition"
    assert piraeus["programmes"] == "iurc"  # through its partnership
    assert piraeus["url"] == "http://testserver/en/cities/piraeus/"
    assert rows["Turin"]["programmes"] == "iuc"  # listed and through its partnership, once
    assert rows["Nagoya"]["programmes"] == ""
    assert rows["Nagoya"]["looking_for_partners"] == "no"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=GR", ["Kavala", "Nafplio", "Piraeus"]),
        ("country=GR&looking=1", ["Nafplio", "Piraeus"]),
        ("theme=air-quality&sort=-population", ["Curitiba", "Turin", "Piraeus", "Kavala", "Nafplio"]),
        ("programme=iurc", ["Piraeus", "Puerto Montt"]),
        ("region=asia&looking=1", []),
        # The directory's own links carry a page number; the export is never paginated.
        ("country=GR&page=2", ["Kavala", "Nafplio", "Piraeus"]),
    ],
)
def test_csv_honours_the_filters(directory, client, query, expected):
    assert [row["name"] for row in read_csv(client.get(f"/en/cities/export.csv?{query}"))] == expected


def test_csv_in_catalan(directory, client):
    url = directory.index["ca"].get_url() + "export.csv?theme=energy-transition"
    response = client.get(url)
    assert response["Content-Disposition"] == 'attachment; filename="cities-ca.csv"'
    rows = read_csv(response)
    assert [row["name"] for row in rows] == ["Nagoya (ca)", "Piraeus (ca)", "Puerto Montt (ca)"]
    assert rows[1]["themes"] == "Qualitat de l'aire; Transició energètica"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=XX", "country"),
        ("region=mars", "region"),
        ("theme=no-such-theme", "theme"),
        ("programme=nope", "programme"),
        ("looking=maybe", "looking"),
        ("sort=sideways", "sort"),
        ("format=xlsx", "format"),
        ("country=GR&country=IT", "country"),
    ],
)
@pytest.mark.parametrize("export", ["export.csv", "map.geojson"])
def test_exports_refuse_bad_parameters_with_400(directory, client, query, parameter, export):
    response = client.get(f"/en/cities/{export}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["errors"]
    assert body["message"]


def features(response, kind):
    return [feature for feature in response.json()["features"] if feature["properties"]["kind"] == kind]


def test_geojson_has_a_point_per_city_and_a_line_per_partnership(directory, client):
    response = client.get("/en/cities/map.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    cities = features(response, "city")
    assert len(cities) == 7
    piraeus = next(feature for feature in cities if feature["properties"]["name"] == "Piraeus")
    assert piraeus["geometry"] == {"type": "Point", "coordinates": [23.646, 37.942]}
    assert piraeus["properties"]["url"] == "/en/cities/piraeus/"
    assert piraeus["properties"]["country"] == "Greece"
    lines = {feature["properties"]["name"]: feature for feature in features(response, "partnership")}
    assert set(lines) == {"Piraeus – Puerto Montt", "Turin – Curitiba"}
    assert lines["Piraeus – Puerto Montt"]["geometry"] == {
        "type": "LineString",
        "coordinates": [[23.646, 37.942], [-72.942, -41.469]],
    }
    assert lines["Piraeus – Puerto Montt"]["properties"]["cities"] == [
        piraeus["id"],
        next(f["id"] for f in cities if f["properties"]["name"] == "Puerto Montt"),
    ]


def test_geojson_honours_the_filters(directory, client):
    response = client.get("/en/cities/map.geojson?country=GR")
    assert sorted(f["properties"]["name"] for f in features(response, "city")) == [
        "Kavala",
        "Nafplio",
        "Piraeus",
    ]
    assert features(response, "partnership") == []  # Puerto Montt is filtered out: no line to draw
    response = client.get("/en/cities/map.geojson?programme=iurc")
    assert [f["properties"]["name"] for f in features(response, "partnership")] == ["Piraeus – Puerto Montt"]
