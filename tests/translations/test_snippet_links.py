"""A programme's managing body and a training module's organiser are translated links
(wagtail-localize's TranslatableField): a translation points at the organisation in its own
language, and submitting the page for translation submits the organisation with it."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.operations import translate_object

from base.factories import organisation, translate
from base.models import Organisation
from programmes.factories import programme, training_module
from programmes.models import ProgrammePage, TrainingModulePage

migration = importlib.import_module("programmes.migrations.0006_localized_snippet_links")


def dg_regio(tree, languages=("el",)):
    org = organisation("Directorate-General for Regional and Urban Policy", kind="managing-body", locale="en")
    for code in languages:
        translate(org, code, {org.name: f"{org.name} [{code}]"})
    return org


def test_a_translated_programme_points_at_the_managing_body_in_its_language(tree):
    org = dg_regio(tree)
    page = programme(tree["programmes"]["en"], "ICP AGIR", managing_body=org)
    greek = translate(page, "el")
    assert greek.managing_body == org.get_translation(tree["locales"]["el"])
    assert greek.managing_body.name.endswith("[el]")


def test_until_the_managing_body_is_translated_the_translation_keeps_the_source_one(client, tree):
    org = dg_regio(tree, languages=())
    page = programme(tree["programmes"]["en"], "ICP AGIR", managing_body=org)
    greek = translate(page, "el")
    assert greek.managing_body == org
    # Translated later: the page shows it at once (read in the page's language) ...
    translate(org, "el", {org.name: "Γενική Διεύθυνση Περιφερειακής και Αστικής Πολιτικής"})
    assert "Γενική Διεύθυνση Περιφερειακής" in client.get(greek.url).content.decode()
    # ... and the link itself follows at the page's next sync.
    greek = translate(page, "el")
    assert greek.managing_body.locale.language_code == "el"


def test_submitting_a_training_module_for_translation_submits_its_organiser(tree):
    organiser = organisation("SMCNetZero", locale="en")
    host = programme(tree["programmes"]["en"], "Smart Cities Marketplace")
    translate_object(host, [tree["locales"]["pl"]])
    module = training_module(host, "Copenhagen module", organiser=organiser)
    translate_object(module, [tree["locales"]["pl"]])
    polish_organiser = Organisation.objects.get(
        translation_key=organiser.translation_key, locale__language_code="pl"
    )
    polish = TrainingModulePage.objects.get(
        translation_key=module.translation_key, locale__language_code="pl"
    )
    assert polish.organiser == polish_organiser


def test_the_migration_points_existing_translations_at_their_language(tree):
    org = dg_regio(tree, languages=("el", "pl"))
    page = programme(tree["programmes"]["en"], "ICP AGIR", managing_body=org)
    greek, polish = translate(page, "el"), translate(page, "pl")
    # As synchronised links left them: every translation on the English organisation.
    ProgrammePage.objects.filter(pk__in=[greek.pk, polish.pk]).update(managing_body=org)

    migration.point_translations_at_their_language(apps, None)

    for translation, code in ((greek, "el"), (polish, "pl")):
        translation.refresh_from_db()
        assert translation.managing_body.locale.language_code == code
    page.refresh_from_db()
    assert page.managing_body == org


def test_the_translation_editor_shows_the_managing_body_in_the_pages_language(client, tree):
    org = dg_regio(tree, languages=("el",))
    page = programme(tree["programmes"]["en"], "ICP AGIR", managing_body=org)
    greek = translate(page, "el")
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "x"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[greek.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Directorate-General for Regional and Urban Policy [el]" in html  # the Greek organisation
