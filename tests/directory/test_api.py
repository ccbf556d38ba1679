"""The open-data API at /api/v2/: its fields checked against JSON schemas, languages, paging, 400s."""

import pytest
from jsonschema import Draft202012Validator

from base import factories as base_factories
from news import factories as news_factories
from programmes import factories as programme_factories

pytestmark = pytest.mark.django_db

STRING = {"type": "string"}
TEXT = {"type": "string"}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"}
NULLABLE_DATE = {"anyOf": [DATE, {"type": "null"}]}
NULLABLE_DATETIME = {"anyOf": [DATETIME, {"type": "null"}]}
COUNTRY = {"type": "string", "pattern": "^[A-Z]{2}$"}
REGION = {"enum": ["europe", "north-america", "latin-america", "asia", "africa", "oceania"]}
THEMES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["slug", "name"],
        "properties": {"slug": STRING, "name": STRING},
        "additionalProperties": False,
    },
}
PROGRAMME = {
    "type": "object",
    "required": ["id", "code", "short_name", "title"],
    "properties": {"id": {"type": "integer"}, "code": STRING, "short_name": STRING, "title": STRING},
    "additionalProperties": False,
}
NULLABLE_PROGRAMME = {"anyOf": [PROGRAMME, {"type": "null"}]}
ORGANISATION = {
    "type": "object",
    "required": ["name", "short_name", "kind", "country", "website"],
}
META = {
    "type": "object",
    "required": ["type", "detail_url", "html_url", "slug", "locale", "first_published_at"],
    "properties": {
        "locale": {"enum": ["en", "ca", "pl", "el"]},
        "html_url": {"type": "string", "pattern": "^http"},
    },
}


def page_schema(page_type, fields):
    return {
        "type": "object",
        "required": ["id", "meta", "title", *fields],
        "properties": {
            "id": {"type": "integer"},
            "meta": {**META, "properties": {**META["properties"], "type": {"const": page_type}}},
            "title": STRING,
            "introduction": TEXT,
            "body": {"type": "array"},
            **fields,
        },
    }


SCHEMAS = {
    "cities": page_schema(
        "cities.CityPage",
        {
            "name_local": STRING,
            "country": COUNTRY,
            "country_name": STRING,
            "region": REGION,
            "population": {"type": "integer", "minimum": 1},
            "latitude": {"type": "number", "minimum": -90, "maximum": 90},
            "longitude": {"type": "number", "minimum": -180, "maximum": 180},
            "website": STRING,
            "looking_for_partners": {"type": "boolean"},
            "themes": THEMES,
            "partner_themes": THEMES,
            "programmes": {"type": "array", "items": PROGRAMME},
        },
    ),
    "partnerships": page_schema(
        "cities.PartnershipPage",
        {
            "programme": NULLABLE_PROGRAMME,
            "cities": {
                "type": "array",
                "minItems": 2,
                "items": {
                    "type": "object",
                    "required": ["id", "title", "country", "region", "population", "role"],
                    "properties": {
                        "id": {"type": "integer"},
                        "title": STRING,
                        "country": COUNTRY,
                        "region": REGION,
                        "population": {"type": "integer"},
                        "role": {"enum": ["eu", "partner", "lead"]},
                    },
                },
            },
            "themes": THEMES,
            "start_date": DATE,
            "duration_months": {"type": "integer", "minimum": 1},
            "status": {"enum": ["planned", "active", "completed"]},
            "activities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "kind", "start_date", "end_date", "place", "description"],
                    "properties": {"title": STRING, "start_date": DATE, "end_date": NULLABLE_DATE},
                },
            },
            "action_plan_summary": TEXT,
            "action_plan_document": {"type": ["string", "null"]},
        },
    ),
    "programmes": page_schema(
        "programmes.ProgrammePage",
        {
            "code": STRING,
            "short_name": STRING,
            "full_name": STRING,
            "managing_body": {"anyOf": [ORGANISATION, {"type": "null"}]},
            "delivery_partners": {"type": "array", "items": ORGANISATION},
            "start_date": NULLABLE_DATE,
            "end_date": NULLABLE_DATE,
            "countries": {"type": "array", "items": COUNTRY},
            "regions": {"type": "array", "items": REGION},
            "min_population": {"type": ["integer", "null"]},
            "themes": THEMES,
            "objectives": TEXT,
            "phases": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "kind", "start_date", "end_date", "description"],
                },
            },
        },
    ),
    "calls": page_schema(
        "programmes.CallPage",
        {
            "programme": PROGRAMME,
            "opens_at": NULLABLE_DATETIME,
            "deadline": DATETIME,
            "timezone": STRING,
            "state": {"enum": ["upcoming", "open", "closing-soon", "closed"]},
            "who_may_apply": TEXT,
            "eligibility": TEXT,
            "benefits": TEXT,
            "application_url": STRING,
            "contact_points": {"type": "array", "items": ORGANISATION},
            "ical_url": {"type": "string", "pattern": r"^http.*calendar\.ics$"},
        },
    ),
    "training-modules": page_schema(
        "programmes.TrainingModulePage",
        {
            "programme": PROGRAMME,
            "stage": STRING,
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "timezone": STRING,
            "mode": {"enum": ["in-person", "online", "hybrid"]},
            "venue": STRING,
            "city_name": STRING,
            "country": STRING,
            "registration_url": STRING,
            "registration_deadline": NULLABLE_DATETIME,
            "organiser": {"anyOf": [ORGANISATION, {"type": "null"}]},
            "themes": THEMES,
            "ical_url": {"type": "string", "pattern": r"^http.*calendar\.ics$"},
        },
    ),
    "news": page_schema(
        "news.NewsPage",
        {"date": DATE, "programme": NULLABLE_PROGRAMME, "themes": THEMES},
    ),
}
LISTING = {
    "type": "object",
    "required": ["meta", "items"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["total_count"],
            "properties": {"total_count": {"type": "integer"}},
        },
        "items": {"type": "array"},
    },
}


@pytest.fixture(scope="module")
def shared_api_data(shared_directory, django_db_blocker):
    """The directory's data plus a call, a training module and a news item, once per module."""
    with django_db_blocker.unblock():
        iurc = shared_directory.programmes["iurc"]
        organisation = base_factories.organisation("Managing body", kind="managing-body", country="BE")
        programme_factories.call(iurc, "Call 2026", contact_points=[organisation], who_may_apply="Cities.")
        programme_factories.training_module(
            iurc,
            "Net-zero training",
            city_name="Copenhagen",
            country="DK",
            organiser=organisation,
            themes=[shared_directory.themes["energy-transition"]],
        )
        news_index = news_factories.news_index(shared_directory.home["en"])
        news_factories.news_item(
            news_index, "Cities meet", programme=iurc, themes=[shared_directory.themes["air-quality"]]
        )
    return shared_directory


@pytest.fixture
def api_data(shared_api_data, directory):
    return shared_api_data


def validate(data, schema):
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors)


@pytest.mark.parametrize("endpoint", list(SCHEMAS))
def test_every_endpoint_lists_its_structured_fields(api_data, client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"fields": "*", "limit": 100})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    data = response.json()
    validate(data, LISTING)
    assert data["items"], f"no {endpoint} in the test data"
    for item in data["items"]:
        validate(item, SCHEMAS[endpoint])


@pytest.mark.parametrize("endpoint", list(SCHEMAS))
def test_detail_views_show_every_field(api_data, client, endpoint):
    first = client.get(f"/api/v2/{endpoint}/").json()["items"][0]
    assert first["meta"]["detail_url"].endswith(f"/api/v2/{endpoint}/{first['id']}/")
    response = client.get(f"/api/v2/{endpoint}/{first['id']}/")
    assert response.status_code == 200
    validate(response.json(), SCHEMAS[endpoint])


def test_city_values(api_data, client):
    piraeus = api_data.cities["Piraeus"]
    data = client.get(f"/api/v2/cities/{piraeus.pk}/").json()
    assert data["title"] == "Piraeus"
    assert data["country"] == "GR" and data["country_name"] == "Greece"
    assert data["population"] == 163_688
    assert data["latitude"] == pytest.approx(37.942)
    assert data["themes"] == [
        {"slug": "air-quality", "name": "Air quality"},
        {"slug": "energy-transition", "name": "Energy transition"},
    ]
    assert data["partner_themes"] == [{"slug": "energy-transition", "name": "Energy transition"}]
    assert data["meta"]["html_url"].endswith("/en/cities/piraeus/")
    assert "exclude_from_suggestions" not in data  # an editorial setting, not open data


def test_partnership_values(api_data, client):
    partnership = api_data.partnerships["Piraeus–Puerto Montt"]
    data = client.get(f"/api/v2/partnerships/{partnership.pk}/").json()
    assert [city["title"] for city in data["cities"]] == ["Piraeus", "Puerto Montt"]
    assert data["programme"]["code"] == "iurc"


def test_one_language_at_a_time(api_data, client):
    data = client.get("/api/v2/cities/", {"locale": "ca", "fields": "title,themes"}).json()
    assert data["meta"]["total_count"] == 3
    by_title = {item["title"]: item for item in data["items"]}
    assert set(by_title) == {"Nagoya (ca)", "Piraeus (ca)", "Puerto Montt (ca)"}
    # Relations in translations point at the English themes; the API shows them in Catalan.
    assert by_title["Piraeus (ca)"]["themes"] == [
        {"slug": "air-quality", "name": "Qualitat de l'aire"},
        {"slug": "energy-transition", "name": "Transició energètica"},
    ]
    assert client.get("/api/v2/cities/", {"locale": "en"}).json()["meta"]["total_count"] == 7
    themes = client.get("/api/v2/themes/", {"locale": "ca"}).json()["items"]
    assert {theme["slug"]: theme["name"] for theme in themes}["air-quality"] == "Qualitat de l'aire"


def test_fields_filter_listings(api_data, client):
    data = client.get(
        "/api/v2/cities/", {"country": "GR", "looking_for_partners": "true", "locale": "en"}
    ).json()
    assert sorted(item["title"] for item in data["items"]) == ["Nafplio", "Piraeus"]
    data = client.get("/api/v2/cities/", {"order": "-population", "locale": "en", "limit": 2}).json()
    assert [item["title"] for item in data["items"]] == ["Nagoya", "Curitiba"]
    assert data["items"][0]["population"] == 2_320_000  # listing shows the key fields by default


def test_pagination(api_data, client, settings):
    data = client.get("/api/v2/cities/", {"locale": "en", "order": "title", "limit": 3, "offset": 3}).json()
    assert data["meta"]["total_count"] == 7
    assert [item["title"] for item in data["items"]] == ["Nagoya", "Piraeus", "Puerto Montt"]
    assert settings.WAGTAILAPI_LIMIT_MAX == 100
    assert client.get("/api/v2/cities/", {"limit": 100}).status_code == 200


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/v2/cities/?limit=101", "limit cannot be higher than 100"),
        ("/api/v2/cities/?limit=-1", "limit"),
        ("/api/v2/cities/?offset=abc", "offset"),
        ("/api/v2/cities/?locale=xx", "locale must be one of: en, ca, pl, el"),
        ("/api/v2/themes/?locale=xx", "locale must be one of"),
        ("/api/v2/cities/?colour=blue", "colour"),
        ("/api/v2/cities/?type=news.NewsPage", "type"),
        ("/api/v2/pages/?type=no.Such", "type doesn't exist"),
        ("/api/v2/cities/?fields=secret", "unknown fields: secret"),
        ("/api/v2/cities/?order=colour", "cannot order by"),
        ("/api/v2/cities/?population=many", "population"),
        ("/api/v2/cities/?latitude=north", "latitude"),
        ("/api/v2/partnerships/?start_date=yesterday", "start_date"),
        ("/api/v2/news/?date=2024-13-45", "date"),
        ("/api/v2/cities/?looking_for_partners=perhaps", "looking_for_partners"),
        ("/api/v2/partnerships/?programme=iurc", "programme"),
    ],
)
def test_bad_parameters_get_400_with_a_message(api_data, client, url, words):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert words in response.json()["message"]


def test_read_only_and_public(api_data, client, django_user_model):
    assert client.post("/api/v2/cities/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/cities/{api_data.cities['Piraeus'].pk}/").status_code == 405
    # Unpublished pages stay out.
    city = api_data.cities["Kavala"]
    city.unpublish()
    ids = [item["id"] for item in client.get("/api/v2/cities/", {"limit": 100}).json()["items"]]
    assert city.pk not in ids
    assert client.get(f"/api/v2/cities/{city.pk}/").status_code == 404


def test_the_generic_pages_endpoint_links_to_the_typed_ones(api_data, client):
    data = client.get("/api/v2/pages/", {"type": "cities.CityPage", "locale": "en", "limit": 1}).json()
    assert "/api/v2/cities/" in data["items"][0]["meta"]["detail_url"]


@pytest.mark.parametrize("endpoint", ["calls", "training-modules"])
def test_the_ical_addresses_answer(api_data, client, endpoint):
    item = client.get(f"/api/v2/{endpoint}/", {"fields": "ical_url"}).json()["items"][0]
    path = "/" + item["ical_url"].split("://", 1)[1].split("/", 1)[1]
    assert path.endswith("/calendar.ics")
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


def test_the_root_lists_the_endpoints(api_data, client):
    data = client.get("/api/v2/").json()
    assert set(data["endpoints"]) == {*SCHEMAS, "themes", "pages"}
    assert data["endpoints"]["cities"] == "http://testserver/api/v2/cities/"
    assert data["languages"] == ["en", "ca", "pl", "el"]


def test_an_unknown_object_is_a_json_404(api_data, client):
    response = client.get("/api/v2/cities/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "No CityPage matches the given query."}
