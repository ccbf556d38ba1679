"""The page editor lists themes and organisations once each, in the page's language
(``base.forms.LocalizedChoicesPageForm``), falling back to the source language's where a language
has none."""

import pytest
from django.contrib.auth.models import User

from base import factories as base_factories
from base.factories import translate
from base.models import Organisation, Theme
from cities import factories as city_factories
from cities.models import CityPage
from home.factories import ensure_home
from programmes import factories as programme_factories
from programmes.models import ProgrammeIndexPage, ProgrammePage

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
def programmes(themes):
    """An English programme with two themes and a partner, and its Greek translation (Polish has
    a home and an index, but no themes)."""
    home = ensure_home()
    index = programme_factories.programme_index(home)
    partner = base_factories.organisation("Eurocities")
    translate(partner, "el", {"Eurocities": "Ευρωπόλεις"})
    english = programme_factories.programme(index, "ICP AGIR", themes=themes[:2], delivery_partners=[partner])
    for code in ("el", "pl"):
        translate(home, code)
        translate(index, code)
    greek = translate(english, "el", {"ICP AGIR": "ICP AGIR [el]"}).specific
    polish_index = ProgrammeIndexPage.objects.get(
        translation_key=index.translation_key, locale__language_code="pl"
    )
    return {"en": english, "el": greek, "pl_index": polish_index}


def editor_form(page, parent=None):
    form_class = type(page).get_edit_handler().get_form_class()
    user = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "editor", "editor@example.org", "not-a-real-password"
    )
    return form_class(instance=page, for_user=user, parent_page=parent or page.get_parent())


def offered(form, name):
    return sorted(str(obj) for obj in form.fields[name].queryset)


def test_the_editor_of_a_greek_page_offers_only_greek_themes(programmes):
    form = editor_form(programmes["el"])

    assert offered(form, "themes") == sorted(GREEK.values())
    assert offered(form, "delivery_partners") == ["Ευρωπόλεις"]


def test_the_greek_page_shows_its_source_themes_as_their_greek_translations(programmes):
    greek = programmes["el"]
    # wagtail-localize keeps the source's themes on the translation (a synchronised field).
    assert {theme.locale.language_code for theme in greek.themes.all()} == {"en"}

    form = editor_form(greek)

    chosen = Theme.objects.filter(pk__in=form.initial["themes"])
    assert sorted(theme.name for theme in chosen) == ["Κινητικότητα", "Κυκλική οικονομία"]
    rendered = str(form["themes"])
    assert "Κινητικότητα" in rendered and "Mobility" not in rendered and "Mobilitat" not in rendered


def test_the_editor_of_an_english_page_offers_only_english_themes(programmes):
    form = editor_form(programmes["en"])

    assert offered(form, "themes") == sorted(THEMES.values())
    assert offered(form, "delivery_partners") == ["Eurocities"]


def test_a_page_in_a_language_without_themes_is_offered_the_source_ones(programmes):
    polish_index = programmes["pl_index"]
    new_polish_programme = ProgrammePage(locale=polish_index.locale)

    form = editor_form(new_polish_programme, parent=polish_index)

    assert offered(form, "themes") == sorted(THEMES.values())
    assert offered(form, "delivery_partners") == ["Eurocities"]


def test_a_theme_not_yet_translated_is_offered_in_the_source_language(programmes):
    new = base_factories.theme("water", "Water")

    form = editor_form(programmes["el"])

    assert offered(form, "themes") == sorted([*GREEK.values(), "Water"])
    assert new.locale.language_code == "en"


def test_a_city_page_offers_both_theme_lists_in_its_language(programmes):
    home = ensure_home()
    directory = city_factories.city_index(home)
    translate(directory, "el")
    city = city_factories.city(
        directory, "Piraeus", country="GR", population=163_688, latitude="37.9", longitude="23.6"
    )
    greek_city = translate(city, "el").specific
    assert isinstance(greek_city, CityPage)

    form = editor_form(greek_city)

    assert offered(form, "themes") == sorted(GREEK.values())
    assert offered(form, "partner_themes") == sorted(GREEK.values())


def test_the_admin_edit_view_lists_each_theme_once(programmes, client):
    user = User.objects.create_superuser("admin", "admin@example.org", "not-a-real-password")
    client.force_login(user)

    response = client.get(f"/admin/pages/{programmes['en'].pk}/edit/")

    assert response.status_code == 200
    field = response.context["form"]["themes"]
    labels = [label for _value, label in field.field.choices]
    assert sorted(labels) == sorted(THEMES.values())
    assert Organisation.objects.count() == 2  # the partner and its Greek translation: one offered
