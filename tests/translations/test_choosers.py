"""An editor writing in Polish picks organisations and themes by their Polish names: the
organisation and theme choosers (a page's managing body, organiser, theme and partner rows) and a
library document's themes list each object once, in Polish where it has a Polish translation, else
in its source language (``base.choosers``).
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.snippets.widgets import AdminSnippetChooser

from base.factories import organisation, theme, translate
from base.models import Organisation, Theme
from home.permissions import setup_editor_groups
from library.models import LibraryDocument
from programmes.factories import programme
from tests.conftest import built_once_per_module
from tests.translations.conftest import build_small_tree

POLISH_ORGANISATIONS = {"European Committee of the Regions": "Europejski Komitet Regionów"}
POLISH_THEMES = {"Mobility": "Mobilność"}


def build():
    tree = build_small_tree()
    setup_editor_groups()
    regions = organisation("European Committee of the Regions", kind=Organisation.Kind.MANAGING_BODY)
    translate(regions, "pl", POLISH_ORGANISATIONS)
    translate(regions, "el", {"European Committee of the Regions": "Ευρωπαϊκή Επιτροπή των Περιφερειών"})
    organisation("Eurocities")  # English only: offered in English in every language
    organisation("Związek Miast Polskich", locale="pl")  # written in Polish, no English version
    mobility = theme("mobility", "Mobility")
    translate(mobility, "pl", POLISH_THEMES)
    theme("water", "Water")
    polish_index = tree["programmes"]["pl"]
    # Written in Polish (the IUC's programme is), so edited in Wagtail's own page editor.
    polish_programme = programme(
        polish_index, "Współpraca miast", slug="wspolpraca-miast", managing_body=regions
    )
    polish = get_user_model().objects.create_user("polish", "polish@example.org", "x")
    polish.groups.add(Group.objects.get(name="Translators (Polish)"))
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return {"tree": tree, "programme": polish_programme, "polish": polish, "admin": admin}


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    yield from built_once_per_module(django_db_blocker, build)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def polish_editor(world, client):
    client.force_login(world["polish"])
    return client


def chooser_url(name="choose"):
    return reverse(Organisation.snippet_viewset.chooser_viewset.get_url_name(name))


def listed(response):
    """The object names in a chooser modal (a JSON ModalWorkflow answer) or its results fragment."""
    assert response.status_code == 200
    body = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    return sorted(re.findall(r"data-chooser-modal-choice[^>]*>\s*([^<]+?)\s*<", body))


def wagtail_config(response):
    found = re.search(
        r'<script id="wagtail-config" type="application/json">(.*?)</script>', response.content.decode(), re.S
    )
    assert found
    return json.loads(found.group(1))


def test_the_polish_page_editor_opens_the_chooser_on_polish(world, polish_editor):
    response = polish_editor.get(reverse("wagtailadmin_pages:edit", args=[world["programme"].pk]))

    assert response.status_code == 200
    # Wagtail's chooser script adds ACTIVE_CONTENT_LOCALE to the modal's address as ?locale=.
    assert wagtail_config(response)["ACTIVE_CONTENT_LOCALE"] == "pl"
    assert chooser_url() in response.content.decode()  # the managing body's chooser is the organisations'


def test_a_new_page_under_the_polish_tree_opens_the_chooser_on_polish(world, polish_editor):
    parent = world["tree"]["programmes"]["pl"]
    response = polish_editor.get(
        reverse("wagtailadmin_pages:add", args=["programmes", "programmepage", parent.pk])
    )

    assert response.status_code == 200
    assert wagtail_config(response)["ACTIVE_CONTENT_LOCALE"] == "pl"


def test_the_chooser_in_polish_lists_each_organisation_once_in_polish_or_its_source_language(
    world, polish_editor
):
    response = polish_editor.get(chooser_url(), {"locale": "pl"})

    assert listed(response) == ["Eurocities", "Europejski Komitet Regionów", "Związek Miast Polskich"]
    # The language filter keeps Polish selected (and offers "All").
    assert re.search(r'<option value="pl" selected>', response.json()["html"])


def test_the_chooser_results_in_polish_keep_the_fallback(world, polish_editor):
    response = polish_editor.get(chooser_url("choose_results"), {"locale": "pl"})

    assert listed(response) == ["Eurocities", "Europejski Komitet Regionów", "Związek Miast Polskich"]


def test_the_chooser_in_english_lists_the_polish_only_organisation_in_polish(world, polish_editor):
    response = polish_editor.get(chooser_url(), {"locale": "en"})

    assert listed(response) == ["Eurocities", "European Committee of the Regions", "Związek Miast Polskich"]


def test_all_languages_still_lists_every_translation(world, polish_editor):
    response = polish_editor.get(chooser_url(), {"locale": ""})

    assert listed(response) == [
        "Eurocities",
        "European Committee of the Regions",
        "Europejski Komitet Regionów",
        "Związek Miast Polskich",
        "Ευρωπαϊκή Επιτροπή των Περιφερειών",
    ]


def test_an_unknown_language_in_the_chooser_address_lists_everything_not_an_error(world, polish_editor):
    response = polish_editor.get(chooser_url(), {"locale": "xx"})

    assert len(listed(response)) == Organisation.objects.count()


def test_the_polish_page_editor_chooses_themes_and_partners_in_polish(world, polish_editor):
    response = polish_editor.get(reverse("wagtailadmin_pages:edit", args=[world["programme"].pk]))

    # Inline rows, each with the snippet chooser, which opens on the page's language
    # (test_the_polish_page_editor_opens_the_chooser_on_polish).
    formsets = response.context["form"].formsets
    for relation, field in (("theme_links", "theme"), ("delivery_partner_links", "organisation")):
        assert isinstance(formsets[relation].empty_form.fields[field].widget, AdminSnippetChooser)
    themes = reverse(Theme.snippet_viewset.chooser_viewset.get_url_name("choose"))
    assert listed(polish_editor.get(themes, {"locale": "pl"})) == ["Mobilność", "Water"]
    assert listed(polish_editor.get(chooser_url(), {"locale": "pl"})) == [
        "Eurocities",
        "Europejski Komitet Regionów",
        "Związek Miast Polskich",
    ]


def test_a_polish_library_document_lists_themes_in_polish(world, client):
    client.force_login(world["admin"])
    file = get_document_model().objects.create(
        title="Raport", file=ContentFile(b"%PDF-1.4", name="raport.pdf")
    )
    document = LibraryDocument.objects.create(
        title="Raport o mobilności", document=file, locale=world["tree"]["locales"]["pl"]
    )
    viewset = LibraryDocument.snippet_viewset

    edit = client.get(reverse(viewset.get_url_name("edit"), args=[document.pk]))
    add = client.get(reverse(viewset.get_url_name("add")), {"locale": "pl"})
    add_english = client.get(reverse(viewset.get_url_name("add")), {"locale": "en"})

    # Inline rows with the theme chooser, which opens on the document's language.
    for response, code in ((edit, "pl"), (add, "pl"), (add_english, "en")):
        rows = response.context["form"].formsets["theme_links"]
        assert isinstance(rows.empty_form.fields["theme"].widget, AdminSnippetChooser)
        assert wagtail_config(response)["ACTIVE_CONTENT_LOCALE"] == code
    themes = reverse(Theme.snippet_viewset.chooser_viewset.get_url_name("choose"))
    assert listed(client.get(themes, {"locale": "pl"})) == ["Mobilność", "Water"]
    assert listed(client.get(themes, {"locale": "en"})) == ["Mobility", "Water"]
