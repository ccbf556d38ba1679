"""What link previews and search engines read from each page's <head>: canonical address, Open
Graph and Twitter card tags, the <title>, and one JSON-LD block checked against small schemas."""

import json
from datetime import timedelta
from html.parser import HTMLParser

import jsonschema
import pytest
from django.utils import timezone

from base.factories import LANGUAGE_CODES, translate
from home.models import HomePage
from news.factories import news_item
from programmes.factories import training_module
from programmes.models import CallPage
from tests.conftest import absolute
from tests.test_pages_render import PAGE_NAMES  # every page type of the shared site

OG_LOCALES = {"en": "en_GB", "ca": "ca_ES", "pl": "pl_PL", "el": "el_GR"}
SITE_NAMES = {
    "en": "City Cooperation",
    "ca": "Cooperació entre ciutats",
    "pl": "Współpraca miast",
    "el": "Συνεργασία πόλεων",
}


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.canonical = []
        self.meta = {}  # property or name -> [content, ...]
        self.json_ld = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json_ld"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json_ld":
            self.json_ld[-1] += data


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def graph_of(head):
    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


URL = {"type": "string", "pattern": "^http://testserver/"}
ISO_WITH_OFFSET = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d$"}
REFERENCE = {"type": "object", "required": ["@id"], "properties": {"@id": URL}}

ORGANIZATION = {
    "type": "object",
    "required": ["@type", "@id", "name", "url", "logo"],
    "properties": {
        "@type": {"const": "Organization"},
        "name": {"type": "string", "minLength": 1},
        "url": URL,
        "logo": URL,
    },
}
WEBSITE = {
    "type": "object",
    "required": ["@type", "name", "url", "inLanguage", "potentialAction"],
    "properties": {
        "url": URL,
        "potentialAction": {
            "type": "object",
            "required": ["@type", "target", "query-input"],
            "properties": {
                "@type": {"const": "SearchAction"},
                "target": {
                    "type": "object",
                    "required": ["urlTemplate"],
                    "properties": {
                        "urlTemplate": {
                            "type": "string",
                            "pattern": r"^http://testserver/[a-z]{2}/search/\?q=\{search_term_string\}$",
                        }
                    },
                },
                "query-input": {"const": "required name=search_term_string"},
            },
        },
    },
}
BREADCRUMBS = {
    "type": "object",
    "required": ["@type", "itemListElement"],
    "properties": {
        "itemListElement": {
            "type": "array",
            "minItems": 2,
            "items": {
                "type": "object",
                "required": ["@type", "position", "name", "item"],
                "properties": {
                    "@type": {"const": "ListItem"},
                    "position": {"type": "integer", "minimum": 1},
                    "name": {"type": "string", "minLength": 1},
                    "item": URL,
                },
            },
        }
    },
}
PLACE = {
    "type": "object",
    "required": ["@type", "address"],
    "properties": {
        "@type": {"const": "Place"},
        "address": {
            "type": "object",
            "required": ["@type", "addressLocality"],
            "properties": {"@type": {"const": "PostalAddress"}},
        },
    },
}
VIRTUAL_LOCATION = {
    "type": "object",
    "required": ["@type", "url"],
    "properties": {"@type": {"const": "VirtualLocation"}, "url": {"type": "string", "pattern": "^https?://"}},
}
EVENT = {
    "type": "object",
    "required": [
        "@type",
        "name",
        "url",
        "startDate",
        "endDate",
        "eventAttendanceMode",
        "location",
        "organizer",
    ],
    "properties": {
        "@type": {"const": "Event"},
        "name": {"type": "string", "minLength": 1},
        "url": URL,
        "startDate": ISO_WITH_OFFSET,
        "endDate": ISO_WITH_OFFSET,
        "eventAttendanceMode": {
            "enum": [
                "https://schema.org/OfflineEventAttendanceMode",
                "https://schema.org/OnlineEventAttendanceMode",
                "https://schema.org/MixedEventAttendanceMode",
            ]
        },
        "location": {
            "anyOf": [
                PLACE,
                VIRTUAL_LOCATION,
                {"type": "array", "items": {"anyOf": [PLACE, VIRTUAL_LOCATION]}},
            ]
        },
        "organizer": {"type": "object", "anyOf": [{"required": ["name"]}, {"required": ["@id"]}]},
    },
}
NEWS_ARTICLE = {
    "type": "object",
    "required": ["@type", "headline", "datePublished", "dateModified", "image", "inLanguage", "publisher"],
    "properties": {
        "@type": {"const": "NewsArticle"},
        "headline": {"type": "string", "minLength": 1, "maxLength": 110},
        "datePublished": {"type": "string", "format": "date"},
        "image": {"type": "array", "minItems": 1, "items": URL},
        "inLanguage": {"enum": LANGUAGE_CODES},
        "publisher": REFERENCE,
    },
}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_has_its_canonical_address_and_a_link_preview(client, site, name, code):
    page = site.pages[name][code]
    head = head_of(client, page.get_url())

    assert head.canonical == [absolute(page)]
    meta = {key: values[0] for key, values in head.meta.items()}
    assert meta["og:url"] == absolute(page)
    assert meta["og:title"] == page.title
    assert meta["og:description"]
    assert meta["og:image"] == "http://testserver/static/website/img/og-default.png"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:type"] == ("article" if name == "news" else "website")
    assert meta["og:site_name"] == SITE_NAMES[code]
    assert meta["og:locale"] == OG_LOCALES[code]
    assert sorted(head.meta["og:locale:alternate"]) == sorted(
        OG_LOCALES[other] for other in LANGUAGE_CODES if other != code
    )
    assert meta["twitter:card"] == "summary_large_image"


def test_the_description_comes_from_the_search_description_else_the_introduction(client, site):
    call = CallPage.objects.get(pk=site.pages["call"]["en"].pk)
    assert head_of(client, call.get_url()).meta["og:description"] == ["Apply now."]
    call.search_description = "Cities of Europe and Latin America may apply."
    call.save_revision().publish()
    assert head_of(client, call.get_url()).meta["og:description"] == [
        "Cities of Europe and Latin America may apply."
    ]


def test_only_live_translations_are_alternate_locales(client, site):
    item = news_item(site.news["en"], "Only in English and Greek")
    translate(item, "el", {})
    head = head_of(client, item.get_url())
    assert head.meta["og:locale:alternate"] == ["el_GR"]


def test_a_later_page_of_a_listing_is_its_own_canonical_page_without_its_filters(client, site):
    for number in range(12):
        news_item(site.news["en"], f"Item {number}")
    index = site.news["en"]
    assert head_of(client, index.get_url() + "?page=2").canonical == [absolute(index) + "?page=2"]
    assert head_of(client, index.get_url() + "?page=1").canonical == [absolute(index)]
    theme = site.theme.slug
    assert head_of(client, index.get_url() + f"?theme={theme}").canonical == [absolute(index)]
    assert head_of(client, index.get_url() + f"?theme={theme}&page=2").canonical == [absolute(index)]
    last_page = head_of(client, index.get_url() + "?page=999")  # shown as the last page, page 2
    assert last_page.canonical == [absolute(index) + "?page=2"]


def test_search_results_name_the_search_page_as_canonical(client, site):
    head = head_of(client, "/pl/search/?q=piraeus")
    assert head.canonical == ["http://testserver/pl/search/"]
    assert head_of(client, "/pl/search/?q=piraeus&page=2").canonical == ["http://testserver/pl/search/"]
    assert head.meta["og:locale"] == ["pl_PL"]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_home_page_title_names_the_site_once(client, site, code):
    home = site.home[code]
    expected = SITE_NAMES[code] if home.title == SITE_NAMES[code] else f"{home.title} · {SITE_NAMES[code]}"
    assert head_of(client, home.get_url()).title == expected
    # Not "City Cooperation · City Cooperation".
    assert head_of(client, site.home["en"].get_url()).title == "City Cooperation"


def test_the_home_page_title_is_the_site_name_alone_when_the_page_is_called_so(client, site):
    home = HomePage.objects.get(pk=site.home["ca"].pk)
    home.title = "Cooperació entre ciutats"
    home.save_revision().publish()
    assert head_of(client, home.get_url()).title == "Cooperació entre ciutats"
    home.title = "Benvinguts"
    home.save_revision().publish()
    assert head_of(client, home.get_url()).title == "Benvinguts · Cooperació entre ciutats"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_home_page_describes_the_organisation_and_its_search(client, site, code):
    graph = graph_of(head_of(client, site.home[code].get_url()))
    jsonschema.validate(graph["Organization"], ORGANIZATION)
    jsonschema.validate(graph["WebSite"], WEBSITE)
    target = graph["WebSite"]["potentialAction"]["target"]["urlTemplate"]
    assert target == f"http://testserver/{code}/search/?q={{search_term_string}}"
    assert "BreadcrumbList" not in graph


@pytest.mark.parametrize("name", [name for name in PAGE_NAMES if name != "home"])
def test_every_other_page_has_breadcrumbs_ending_with_itself(client, site, name):
    page = site.pages[name]["pl"]
    graph = graph_of(head_of(client, page.get_url()))
    jsonschema.validate(graph["BreadcrumbList"], BREADCRUMBS)
    items = graph["BreadcrumbList"]["itemListElement"]
    assert items[0]["item"] == absolute(site.home["pl"])
    assert items[-1] == {
        "@type": "ListItem",
        "position": len(items),
        "name": page.title,
        "item": absolute(page),
    }
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def test_a_training_module_in_person_is_an_event_at_a_place_in_its_time_zone(client, site):
    page = site.pages["training"]["ca"]
    event = graph_of(head_of(client, page.get_url()))["Event"]
    jsonschema.validate(event, EVENT)
    assert event["name"] == page.title
    assert event["startDate"] == page.local_starts_at.isoformat()
    assert event["startDate"].endswith(("+01:00", "+02:00"))  # Copenhagen, not UTC
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["addressLocality"] == page.city_name


def test_an_online_training_module_is_an_online_event_with_a_virtual_location(client, site):
    now = timezone.now().replace(microsecond=0)
    page = training_module(
        site.pages["programme"]["en"],
        "Online module",
        mode="online",
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
        timezone="America/Sao_Paulo",
        registration_url="https://events.example.com/register",
    )
    event = graph_of(head_of(client, page.get_url()))["Event"]
    jsonschema.validate(event, EVENT)
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://events.example.com/register"}
    assert event["startDate"].endswith("-03:00")


def test_a_call_is_an_event_ending_at_its_deadline(client, site):
    page = site.pages["call"]["el"]
    event = graph_of(head_of(client, page.get_url()))["Event"]
    jsonschema.validate(event, EVENT)
    assert event["endDate"] == page.local_deadline.isoformat()
    assert event["startDate"] == page.local_opens_at.isoformat()
    assert event["endDate"].endswith(("-03:00", "-04:00"))  # Santiago


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_news_item_is_a_news_article(client, site, code):
    page = site.pages["news"][code]
    article = graph_of(head_of(client, page.get_url()))["NewsArticle"]
    jsonschema.validate(article, NEWS_ARTICLE, format_checker=jsonschema.FormatChecker())
    assert article["headline"] == page.title
    assert article["datePublished"] == "2024-05-02"
    assert article["inLanguage"] == code
    assert article["publisher"]["@id"] == graph_of(head_of(client, page.get_url()))["Organization"]["@id"]


def test_a_title_cannot_end_the_json_ld_script(client, site):
    title = "Cities meet </script><script>alert(1)</script> <!-- & more"
    page = news_item(site.news["en"], title)
    response = client.get(page.get_url())
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    head = HeadParser()
    head.feed(html)
    assert "<" not in head.json_ld[0] and ">" not in head.json_ld[0]  # written as \u003C, \u003E
    graph = graph_of(head)
    assert graph["NewsArticle"]["headline"] == title
    assert graph["BreadcrumbList"]["itemListElement"][-1]["name"] == title
