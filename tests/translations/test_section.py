"""Translating a programme section (programme, calls, training modules, news, documents) in one action."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import Translation

from library.models import LibraryDocument
from news.factories import news_item
from programmes.factories import call, programme, training_module
from tests.translations.conftest import translate_fully
from translations.sections import section_objects, translate_section
from translations.status import IN_PROGRESS, MISSING, compute_status


def make_document(title, programme_page, **fields):
    file = get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name="file.pdf")
    )
    return LibraryDocument.objects.create(title=title, document=file, programme=programme_page, **fields)


@pytest.fixture
def section(tree):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(agir, "ca")
    made = {
        "programme": agir,
        "call": call(agir, "Call for cities 2026"),
        "training": training_module(agir, "Net-zero training"),
        "initiative": programme(agir, "Small Giants"),
        "news": news_item(tree["news"]["en"], "Cities meet in Piraeus", programme=agir),
        "document": make_document("AGIR factsheet", agir, kind=LibraryDocument.Kind.FACTSHEET),
        "other_programme": programme(tree["programmes"]["en"], "IUC"),
        "other_news": news_item(tree["news"]["en"], "Unrelated news"),
    }
    made["initiative_call"] = call(made["initiative"], "Small Giants call")
    return made


@pytest.mark.django_db
def test_the_section_is_the_programme_its_subtree_its_news_and_its_documents(section):
    keys = {obj.translation_key for obj in section_objects(section["programme"])}
    inside = ["programme", "call", "training", "initiative", "initiative_call", "news", "document"]
    assert keys == {section[name].translation_key for name in inside}
    # Starting from a translation of the programme gives the same section, from the source versions.
    catalan = section["programme"].get_translation(Locale.objects.get(language_code="ca"))
    objects = section_objects(catalan)
    assert {obj.translation_key for obj in objects} == keys
    assert all(obj.locale.language_code == "en" for obj in objects)
    assert objects[0].pk == section["programme"].pk  # parents first


@pytest.mark.django_db
def test_translate_section_submits_everything_in_one_action(section, tree):
    result = translate_section(section["programme"], "el")
    assert {obj.translation_key for obj in result.created} == {
        section[name].translation_key
        for name in ["programme", "call", "training", "initiative", "initiative_call", "news", "document"]
    }
    assert result.failed == []
    greek = tree["locales"]["el"]
    for name in ["programme", "call", "training", "initiative", "initiative_call", "news", "document"]:
        obj = section[name]
        target = obj.get_translation(greek)
        # Through wagtail-localize: a Translation record the translation editor opens.
        assert Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale=greek, enabled=True
        ).exists()
        if name != "document":
            assert not target.live  # pages are drafts until translators publish them
    # Nothing outside the section was touched.
    assert section["other_programme"].get_translation_or_none(greek) is None
    assert section["other_news"].get_translation_or_none(greek) is None
    # The Greek news item sits under the Greek news index.
    assert section["news"].get_translation(greek).get_parent().pk == tree["news"]["el"].pk

    report = compute_status()
    rows = report.filtered(section=f"programme:{section['programme'].translation_key}")
    assert len(rows) == 7
    assert {row.cells["el"].status for row in rows} == {IN_PROGRESS}
    assert {row.cells["pl"].status for row in rows} == {MISSING}


@pytest.mark.django_db
def test_translating_a_section_twice_creates_nothing_new(section):
    translate_section(section["programme"], "el")
    again = translate_section(section["programme"], "el")
    assert again.created == []
    assert len(again.skipped) == 7
    # The programme was already in Catalan: only the rest is created.
    catalan = translate_section(section["programme"], "ca")
    assert section["programme"].translation_key not in {obj.translation_key for obj in catalan.created}
    assert len(catalan.created) == 6


@pytest.mark.django_db
def test_sync_existing_refreshes_the_source_text(section):
    translate_section(section["programme"], "el")
    agir = section["programme"]
    agir.introduction = "New introduction."
    agir.save_revision().publish()
    result = translate_section(agir, "el", sync_existing=True)
    assert agir.translation_key in {obj.translation_key for obj in result.synced}
    from wagtail_localize.models import StringSegment

    assert StringSegment.objects.filter(
        source__object_id=agir.translation_key, string__data="New introduction."
    ).exists()


@pytest.mark.django_db
def test_the_section_admin_view_translates_into_the_chosen_language(section, admin_client):
    url = reverse("translations:section", args=[section["programme"].pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Small Giants call" in response.content.decode()

    response = admin_client.post(url, {"language": "pl"})
    assert response.status_code == 302
    polish = Locale.objects.get(language_code="pl")
    assert section["call"].get_translation_or_none(polish) is not None
    assert section["document"].get_translation_or_none(polish) is not None


@pytest.mark.django_db
def test_translating_a_section_needs_the_submit_translation_permission(section, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(
        reverse("translations:section", args=[section["programme"].pk]), {"language": "pl"}
    )
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert section["call"].get_translation_or_none(Locale.objects.get(language_code="pl")) is None
