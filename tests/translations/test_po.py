"""PO files for offline translation: one page, and a whole programme section, exported, edited and imported."""

import io

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from news.factories import news_item
from programmes.factories import call, programme
from translations.po import export_po, import_po, parse_po
from translations.sections import section_translations, translate_section
from translations.status import IN_PROGRESS, UP_TO_DATE, compute_status


def translate_strings(po, mapping):
    """What a translator does in Poedit: fill in msgstr for the strings they know."""
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
    return po


def upload(client, text, publish=True, next_url=""):
    data = {"file": io.BytesIO(text.encode()), "next": next_url}
    data["file"].name = "translation.po"
    if publish:
        data["publish"] = "on"
    return client.post(reverse("translations:import_po"), data)


@pytest.fixture
def agir(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR", introduction="Cities cooperate across continents.")
    translate_section(page, "el")  # the Greek draft and its Translation record
    return page


@pytest.mark.django_db
def test_page_round_trip_through_wagtail_localizes_download_and_our_upload(agir, admin_client):
    translation = Translation.objects.get(
        source__object_id=agir.translation_key, target_locale__language_code="el"
    )
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = parse_po(response.content)
    assert {entry.msgid for entry in po} >= {"ICP AGIR", "Cities cooperate across continents."}

    translate_strings(
        po,
        {"ICP AGIR": "ICP AGIR (ελληνικά)", "Cities cooperate across continents.": "Πόλεις συνεργάζονται."},
    )
    response = upload(admin_client, str(po))
    assert response.status_code == 302

    greek = agir.get_translation(Locale.objects.get(language_code="el"))
    assert greek.live
    assert greek.title == "ICP AGIR (ελληνικά)"
    page = admin_client.get(greek.url)
    assert page.status_code == 200
    assert "Πόλεις συνεργάζονται." in page.content.decode()


@pytest.mark.django_db
def test_the_translation_editor_accepts_our_page_export_too(agir, admin_client):
    translation = Translation.objects.get(
        source__object_id=agir.translation_key, target_locale__language_code="el"
    )
    po = translate_strings(export_po([translation]), {"ICP AGIR": "ICP AGIR (ελληνικά)"})
    data = {"file": io.BytesIO(str(po).encode())}
    data["file"].name = "page.po"
    response = admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), data)
    assert response.status_code == 302
    # Imported into translation memory; the page changes when someone publishes: in progress until then.
    cell = next(row for row in compute_status().rows if row.key == str(agir.translation_key)).cells["el"]
    assert cell.status == IN_PROGRESS


@pytest.mark.django_db
def test_imported_strings_wait_until_published(agir):
    translation = Translation.objects.get(
        source__object_id=agir.translation_key, target_locale__language_code="el"
    )
    source_strings = {entry.msgid: f"{entry.msgid} [el]" for entry in export_po([translation])}
    agir.get_translation(Locale.objects.get(language_code="el")).save_revision().publish()
    po = translate_strings(export_po([translation]), source_strings)

    result = import_po(parse_po(str(po)), publish=False)
    assert result.translations == [translation]
    cell = next(row for row in compute_status().rows if row.key == str(agir.translation_key)).cells["el"]
    assert cell.done == cell.total
    assert cell.status == IN_PROGRESS  # every string translated, not yet on the live page

    import_po(parse_po(str(po)), publish=True)
    cell = next(row for row in compute_status().rows if row.key == str(agir.translation_key)).cells["el"]
    assert cell.status == UP_TO_DATE


@pytest.mark.django_db
def test_section_round_trip_with_the_management_commands(agir, tree, tmp_path, client):
    call_page = call(agir, "Call for cities 2026", introduction="Apply by the deadline.")
    news = news_item(
        tree["news"]["en"], "Cities meet in Piraeus", programme=agir, introduction="A first meeting."
    )
    translate_section(agir, "el")
    assert len(section_translations(agir, "el")) == 3

    path = tmp_path / "agir-el.po"
    call_command("export_po", str(agir.pk), "el", "--section", "-o", str(path))
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "el"
    assert {"ICP AGIR", "Call for cities 2026", "Cities meet in Piraeus"} <= {entry.msgid for entry in po}
    # Each entry says which page it belongs to.
    assert any("Call for cities 2026" in entry.comment for entry in po)

    translate_strings(
        po,
        {
            "Apply by the deadline.": "Υποβάλετε αίτηση έως την προθεσμία.",
            "Cities meet in Piraeus": "Οι πόλεις συναντώνται στον Πειραιά",
        },
    )
    po.save(str(path))
    out = io.StringIO()
    call_command("import_po", str(path), "--publish", stdout=out)
    assert "el: Cities meet in Piraeus" in out.getvalue()

    greek = Locale.objects.get(language_code="el")
    greek_call = call_page.get_translation(greek)
    greek_news = news.get_translation(greek)
    assert greek_call.live and greek_news.live
    assert greek_news.title == "Οι πόλεις συναντώνται στον Πειραιά"
    html = client.get(greek_call.url).content.decode()
    assert "Υποβάλετε αίτηση έως την προθεσμία." in html


@pytest.mark.django_db
def test_section_export_and_import_through_the_admin(agir, tree, admin_client):
    call_page = call(agir, "Call for cities 2026")
    translate_section(agir, "el")
    response = admin_client.get(reverse("translations:section_po", args=[agir.pk, "el"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="icp-agir-el.po"'
    po = translate_strings(parse_po(response.content), {"Call for cities 2026": "Πρόσκληση για πόλεις 2026"})
    section_url = reverse("translations:section", args=[agir.pk])
    response = upload(admin_client, str(po), next_url=section_url)
    assert response["Location"] == section_url
    assert (
        call_page.get_translation(Locale.objects.get(language_code="el")).title == "Πρόσκληση για πόλεις 2026"
    )


@pytest.mark.django_db
def test_a_file_for_nothing_on_this_site_is_refused(agir, admin_client):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    po.append(
        polib.POEntry(msgid="Hello", msgstr="Γεια", msgctxt="00000000-0000-0000-0000-000000000000:title")
    )
    response = upload(admin_client, str(po))
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("does not belong" in message for message in messages)
    response = upload(admin_client, "this is not a PO file")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("valid PO file" in message or "does not belong" in message for message in messages)
