"""The page editor chooses themes and organisations in inline rows, and the chooser lists each
once, in the page's language (``base.choosers``), falling back to the source language's where a
language has none; a translation's rows hold its language's themes."""

import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.snippets.widgets import AdminSnippetChooser

from base import factories as base_factories
from base.factories import translate
from base.models import Organisation, Theme
from cities import factories as city_factories
from home.factories import ensure_home
from programmes import factories as programme_factories

THEMES = {"mobility": "Mobility", "circular-economy": "Circular economy", "air-quality": "Air quality"}
GREEK = {"Mobility": "Κινητικότητα", "Circular economy": "Κυκλική οικονομία", "Air quality": "Ποιότητα αέρα"}
CATALAN = {
    "Mobility": "Mobilitat",
    "Circular economy": "Economia circular",
    "Air quality": "Qualitat de l'aire",
}


@pytest.fixture
def themes(db):
    ensure_home()  # and the four locales
    english = [base_factories.theme(slug, name) for slug, name in THEMES.items()]
    for theme in english:
        translate(theme, "el", {theme.name: GREEK[theme.name]})
        translate(theme, "ca", {theme.name: CATALAN[theme.name]})
    return english


@pytest.fixture
def programmes(themes, client):
    """An English programme with two themes and a partner, and its Greek translation."""
    home = ensure_home()
    index = programme_factories.programme_index(home)
    partner = base_factories.organisation("Eurocities")
    translate(partner, "el", {"Eurocities": "Ευρωπόλεις"})
    english = programme_factories.programme(index, "ICP AGIR", themes=themes[:2], delivery_partners=[partner])
    for code in ("el", "pl"):
        translate(home, code)
        translate(index, code)
    greek = translate(english, "el", {"ICP AGIR": "ICP AGIR [el]"}).specific
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "not-a-real-password"))
    return {"en": english, "el": greek}


def offered(client, model, language):
    """The names the chooser modal lists for ``language`` (as the page editor opens it)."""
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    return sorted(obj.name for obj in client.get(url, {"locale": language}).context["results"])


def test_the_chooser_of_a_greek_page_offers_only_greek_themes(programmes, client):
    assert offered(client, Theme, "el") == sorted(GREEK.values())
    assert offered(client, Organisation, "el") == ["Ευρωπόλεις"]


def test_the_greek_translation_holds_the_greek_themes_and_partner(programmes):
    greek = programmes["el"]

    assert sorted(theme.name for theme in greek.themes.all()) == ["Κινητικότητα", "Κυκλική οικονομία"]
    assert [partner.name for partner in greek.delivery_partners.all()] == ["Ευρωπόλεις"]


def test_the_chooser_of_an_english_page_offers_only_english_themes(programmes, client):
    assert offered(client, Theme, "en") == sorted(THEMES.values())
    assert offered(client, Organisation, "en") == ["Eurocities"]


def test_a_language_without_themes_is_offered_the_source_ones(programmes, client):
    assert offered(client, Theme, "pl") == sorted(THEMES.values())
    assert offered(client, Organisation, "pl") == ["Eurocities"]


def test_a_theme_not_yet_translated_is_offered_in_the_source_language(programmes, client):
    new = base_factories.theme("water", "Water")

    assert offered(client, Theme, "el") == sorted([*GREEK.values(), "Water"])
    assert new.locale.language_code == "en"


def test_a_city_page_chooses_both_kinds_of_theme_in_rows(programmes, client):
    directory = city_factories.city_index(ensure_home())
    city = city_factories.city(directory, "Piraeus", country="GR", latitude="37.9", longitude="23.6")

    response = client.get(reverse("wagtailadmin_pages:edit", args=[city.pk]))

    formsets = response.context["form"].formsets
    for relation in ("theme_links", "partner_theme_links"):
        assert isinstance(formsets[relation].empty_form.fields["theme"].widget, AdminSnippetChooser)


def shown(html, text):
    return text in html or json.dumps(text)[1:-1] in html  # as is, or escaped in the editor's data


def test_the_translation_editor_shows_a_greek_pages_themes_and_partner_in_greek(programmes, client):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[programmes["el"].pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert all(shown(html, name) for name in ("Κινητικότητα", "Κυκλική οικονομία", "Ευρωπόλεις"))
