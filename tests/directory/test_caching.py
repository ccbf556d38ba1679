"""The directory's facets and the matchmaking are cached under the content generation
(website/derived.py): what is published shows on the next request, and the pages stay lean.

The data is in tests/directory/conftest.py.
"""

from datetime import date

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cities import factories as city_factories
from cities.directory import directory_context
from cities.listings import city_listings, partnership_listings
from cities.matchmaking import possible_partners
from cities.models import CityPage, PartnershipPage
from tests.directory.conftest import names

pytestmark = pytest.mark.django_db

JAN_2025 = date(2025, 1, 1)


def facet(response, name):
    return {value: count for value, _label, count in response.context["facets"][name]}


def suggested(client, city):
    return [s.city.title for s in client.get(city.get_url()).context["possible_partners"]]


def test_a_published_city_shows_on_the_next_request(directory, client):
    response = client.get("/en/cities/")  # computes and caches the facets
    assert response.context["paginator"].count == 7
    assert "Valparaíso" not in suggested(client, directory.cities["Piraeus"])

    city_factories.city(
        directory.index["en"],
        "Valparaíso",
        country="CL",
        region="latin-america",
        population=296_000,
        themes=[directory.themes["energy-transition"]],
        looking_for_partners=True,
    )

    response = client.get("/en/cities/")
    assert "Valparaíso" in names(response)
    assert response.context["paginator"].count == 8
    assert facet(response, "country")["CL"] == 2
    assert facet(response, "theme")["energy-transition"] == 5
    assert response.context["facets"]["looking"] == 5
    assert names(client.get("/en/cities/?country=CL")) == ["Puerto Montt", "Valparaíso"]
    # Energy (sought) 2 + other region 1.5 + IURC and ICP AGIR 1 + looking 0.5 = 5: first.
    assert suggested(client, directory.cities["Piraeus"])[0] == "Valparaíso"


def test_new_themes_count_once_published(directory, client):
    piraeus = directory.cities["Piraeus"]
    assert "Nagoya" in suggested(client, piraeus)  # shares energy transition
    assert facet(client.get("/en/cities/"), "theme")["circular-economy"] == 2

    nagoya = CityPage.objects.get(pk=directory.cities["Nagoya"].pk)
    nagoya.set_themes([directory.themes["circular-economy"]])
    nagoya.save_revision()
    # A draft changes nothing on the site.
    assert "Nagoya" in suggested(client, piraeus)
    assert facet(client.get("/en/cities/"), "theme")["circular-economy"] == 2

    nagoya.get_latest_revision().publish()
    assert "Nagoya" not in suggested(client, piraeus)
    response = client.get("/en/cities/")
    assert facet(response, "theme")["circular-economy"] == 3
    assert facet(response, "theme")["energy-transition"] == 3
    assert "Nagoya" in names(client.get("/en/cities/?theme=circular-economy"))


def test_a_draft_with_other_themes_does_not_share_the_live_ranking(directory):
    """A preview scores the draft's themes, and leaves the live page's cached ranking alone."""
    live = CityPage.objects.get(pk=directory.cities["Piraeus"].pk)
    before = [s.city.title for s in possible_partners(live, today=JAN_2025)]
    assert before == ["Nagoya", "Curitiba", "Nafplio", "Turin"]

    draft = CityPage.objects.get(pk=live.pk)
    draft.set_themes([directory.themes["circular-economy"]])
    draft.set_themes([], "partner_themes")
    draft.save_revision()
    preview = draft.get_latest_revision().as_object()  # what a preview shows, relations in memory
    preview.previewing = True  # as BasePage.serve_preview marks the page it previews
    assert [s.city.title for s in possible_partners(preview, today=JAN_2025)] == ["Turin"]
    assert [s.city.title for s in city_listings(preview, today=JAN_2025)["possible_partners"]] == ["Turin"]
    assert [s.city.title for s in possible_partners(live, today=JAN_2025)] == before


def test_an_unpublished_city_leaves_the_directory_and_the_suggestions(directory, client):
    client.get("/en/cities/")
    assert "Nagoya" in suggested(client, directory.cities["Piraeus"])
    CityPage.objects.get(pk=directory.cities["Nagoya"].pk).unpublish()
    response = client.get("/en/cities/")
    assert "Nagoya" not in names(response)
    assert "JP" not in facet(response, "country")
    assert "Nagoya" not in suggested(client, directory.cities["Piraeus"])


def count(function, *args):
    function(*args)  # warm-up: the cached entries, the snippet maps
    with CaptureQueriesContext(connection) as captured:
        function(*args)
    return len(captured)


def test_the_listings_run_few_queries(directory):
    request = RequestFactory().get("/en/cities/", {"country": "GR", "sort": "-population"})
    assert count(directory_context, directory.index["en"], request) == 0  # its cards are kept too
    other = RequestFactory().get("/en/cities/", {"country": "JP", "sort": "-population"})
    other._wagtail_site = Site.find_for_request(request)  # as the serve view sets it
    with CaptureQueriesContext(connection) as captured:
        directory_context(directory.index["en"], other)
    assert len(captured) == 1  # the cards of a page of cities not shown before
    # The city's relations, its partnerships, the programmes, the suggested cities.
    assert count(city_listings, directory.cities["Piraeus"]) == 4
    assert count(city_listings, directory.ca_cities["Piraeus"]) <= 4  # no programme to show in Catalan
    # The links with their cities, the themes, the activities (the programme: the cached map).
    assert count(partnership_listings, directory.partnerships["Piraeus–Puerto Montt"]) == 3


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_pages_load_nothing_more_per_item_shown(directory, client):
    """The listings load only some fields of each page: showing more items loads nothing more."""
    assert queries(client, "/en/cities/") == queries(client, "/en/cities/?country=JP")  # 7 cards, 1
    piraeus, puerto_montt = directory.cities["Piraeus"], directory.cities["Puerto Montt"]
    # Four suggestions, three; both a partnership, programmes and themes.
    assert queries(client, piraeus.get_url()) == queries(client, puerto_montt.get_url())
    assert queries(client, directory.partnerships["Piraeus–Puerto Montt"].get_url()) == queries(
        client, directory.partnerships["Turin–Curitiba"].get_url()
    )


def test_a_preview_lists_the_draft_and_leaves_the_kept_listings_alone(directory, client):
    """Visitors' partnership pages list from rows kept under the content generation; a preview
    lists the draft's own relations, and what it computed is never kept for visitors."""
    partnership = directory.partnerships["Piraeus–Puerto Montt"]
    url = partnership.get_url()
    live = client.get(url).content.decode()  # the listings are kept from here on
    draft = PartnershipPage.objects.get(pk=partnership.pk)
    draft.set_themes([directory.themes["circular-economy"]])  # in memory, as a preview's revision
    preview = draft.make_preview_request().content.decode()
    assert preview.count("Circular economy") == live.count("Circular economy") + 1
    assert client.get(url).content.decode().count("Circular economy") == live.count("Circular economy")
