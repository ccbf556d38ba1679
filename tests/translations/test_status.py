"""The translation status view: each status, its action, the filters, the dashboard and the query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from base.factories import add_page, theme, translate
from home.models import StandardPage
from programmes.factories import programme
from tests.translations.conftest import translate_fully
from translations.status import (
    IN_PROGRESS,
    MISSING,
    OUTDATED,
    SOURCE,
    UP_TO_DATE,
    cached_status,
    compute_status,
)


def row_for(obj, report=None):
    report = report or compute_status()
    return next(row for row in report.rows if row.key == str(obj.translation_key))


@pytest.mark.django_db
def test_an_untranslated_page_is_missing_and_links_to_translate(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    row = row_for(page)
    assert row.cells["en"].status == SOURCE
    assert row.cells["el"].status == MISSING
    expected = reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?select_locale=el"
    assert row.cells["el"].action_url == expected


@pytest.mark.django_db
def test_every_string_translated_and_live_is_up_to_date(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    greek = translate_fully(page, "el")
    cell = row_for(page).cells["el"]
    assert cell.status == UP_TO_DATE
    assert cell.done == cell.total > 0
    # The action opens the translation editor: wagtail-localize shows it on the page's edit view.
    assert cell.action_url == reverse("wagtailadmin_pages:edit", args=[greek.pk])
    assert cell.po_url.startswith("/admin/localize/translate/")


@pytest.mark.django_db
def test_untranslated_strings_leave_a_translation_in_progress(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    translate(page, "el", {"ICP AGIR": "ICP AGIR [el]"})  # the other strings fall back to English
    cell = row_for(page).cells["el"]
    assert cell.status == IN_PROGRESS
    assert 0 < cell.done < cell.total


@pytest.mark.django_db
def test_a_draft_translation_is_in_progress(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = {
        s.string.data: s.string.data + " [el]" for s in source.stringsegment_set.select_related("string")
    }
    translate(page, "el", strings, publish=False)
    cell = row_for(page).cells["el"]
    assert cell.done == cell.total
    assert cell.status == IN_PROGRESS


@pytest.mark.django_db
def test_publishing_the_source_after_the_last_sync_makes_translations_outdated(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(page, "el")
    translate_fully(page, "ca")
    page.introduction = "A new sentence."
    page.save_revision().publish()

    row = row_for(page)
    assert row.cells["el"].status == OUTDATED
    assert row.cells["ca"].status == OUTDATED
    assert row.cells["pl"].status == MISSING
    source = TranslationSource.objects.get_for_instance(page)
    assert row.cells["el"].action_url == reverse("wagtail_localize:update_translations", args=[source.pk])

    # "Update" (wagtail-localize's sync) takes the new text: the new sentence now waits for translators.
    source.update_from_db()
    assert row_for(page).cells["el"].status == IN_PROGRESS
    translate_fully(page, "el")
    row = row_for(page)
    assert row.cells["el"].status == UP_TO_DATE
    assert row.cells["ca"].status == IN_PROGRESS


@pytest.mark.django_db
def test_the_update_action_is_wagtail_localizes_sync_view(tree, admin_client):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(page, "el")
    page.introduction = "A new sentence."
    page.save_revision().publish()
    cell = row_for(page).cells["el"]
    response = admin_client.post(cell.action_url, {})
    assert response.status_code == 302
    assert row_for(page).cells["el"].status == IN_PROGRESS


@pytest.mark.django_db
def test_a_wagtail_localize_alias_counts_as_missing(tree):
    page = programme(tree["programmes"]["en"], "ICP AGIR")
    page.create_alias(
        parent=tree["programmes"]["el"], update_locale=tree["locales"]["el"], reset_translation_key=False
    )
    assert row_for(page).cells["el"].status == MISSING


@pytest.mark.django_db
def test_a_translation_made_by_hand_is_outdated_once_the_source_is_republished(tree):
    page = add_page(tree["home"]["en"], StandardPage(title="Privacy", slug="privacy"))
    greek = page.copy_for_translation(tree["locales"]["el"])
    greek.title = "Απόρρητο"
    greek.save_revision().publish()
    assert not Translation.objects.filter(source__object_id=page.translation_key).exists()
    assert row_for(page).cells["el"].status == UP_TO_DATE
    page.save_revision().publish()
    cell = row_for(page).cells["el"]
    assert cell.status == OUTDATED
    assert cell.action_url == reverse("wagtailadmin_pages:edit", args=[greek.pk])


@pytest.mark.django_db
def test_snippets_have_a_status_too(tree):
    circular = theme("circular-economy", "Circular economy")
    assert row_for(circular).cells["el"].status == MISSING
    translate(circular, "el", {"Circular economy": "Κυκλική οικονομία"})
    row = row_for(circular)
    assert row.kind == "snippet"
    assert row.cells["el"].status == UP_TO_DATE
    assert row.cells["el"].action_url == reverse(
        "wagtailsnippets_base_theme:edit", args=[circular.get_translation(tree["locales"]["el"]).pk]
    )
    circular.description = "Reuse, repair, recycle."
    circular.save()
    assert row_for(circular).cells["el"].status == OUTDATED


@pytest.mark.django_db
def test_filters_by_language_section_and_status(tree):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(agir, "el")
    about = add_page(tree["home"]["en"], StandardPage(title="About", slug="about"))
    report = compute_status()

    missing_in_greek = report.filtered(language="el", status=MISSING)
    assert str(about.translation_key) in {row.key for row in missing_in_greek}
    assert str(agir.translation_key) not in {row.key for row in missing_in_greek}

    programmes_section = f"page:{tree['programmes']['en'].translation_key}"
    assert programmes_section in dict(report.sections)
    in_section = {row.key for row in report.filtered(section=programmes_section)}
    assert str(agir.translation_key) in in_section
    assert str(about.translation_key) not in in_section

    programme_section = f"programme:{agir.translation_key}"
    assert {row.key for row in report.filtered(section=programme_section)} == {str(agir.translation_key)}
    assert report.filtered(section=programmes_section, language="el", status=MISSING) == []


@pytest.mark.django_db
def test_the_admin_view_shows_statuses_and_filters(tree, admin_client):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(agir, "el")
    response = admin_client.get(reverse("translations:status"), {"language": "el", "status": UP_TO_DATE})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ICP AGIR" in html
    assert 'data-status="up-to-date"' in html
    assert 'data-status="missing"' not in html.split('class="listing translation-status"')[1]
    assert reverse("translations:section", args=[agir.pk]) in html

    response = admin_client.get(reverse("translations:status"), {"language": "pl", "status": MISSING})
    assert "ICP AGIR" in response.content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[agir.pk]) + "?select_locale=pl" in (
        response.content.decode().replace("&amp;", "&")
    )


@pytest.mark.django_db
def test_the_dashboard_counts_objects_per_language(tree, admin_client):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    translate_fully(agir, "el")
    counts = compute_status().counts()
    response = admin_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert 'id="translation-summary"' in html or "translation-summary" in html
    greek = html.split('data-language="el"')[1].split("</tr>")[0]
    assert (
        f'data-status="missing"><a href="/admin/translations/?language=el&amp;status=missing">{counts["el"][MISSING]}</a>'
        in greek
    )
    assert f">{counts['el'][UP_TO_DATE]}</a>" in greek
    assert counts["el"][UP_TO_DATE] >= 4  # home, the two indexes and the programme


@pytest.mark.django_db
def test_the_admin_view_and_links_require_admin_access(tree, client):
    response = client.get(reverse("translations:status"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def _add_pages(parent, count, start=0):
    for number in range(start, start + count):
        parent.add_child(
            instance=StandardPage(title=f"Page {number}", slug=f"page-{number}", locale=parent.locale)
        )


@pytest.mark.slow
@pytest.mark.django_db
def test_the_status_takes_the_same_number_of_queries_for_50_and_500_pages(tree):
    about = add_page(tree["home"]["en"], StandardPage(title="About", slug="about"))
    _add_pages(about, 50)
    for child in list(about.get_children()[:5]):
        translate(child.specific, "el", {child.title: child.title + " [el]"})
    compute_status()  # content types cached, as they are after the first admin request

    with CaptureQueriesContext(connection) as small:
        report = compute_status()
    assert len(report.rows) > 50

    _add_pages(about, 450, start=50)
    with CaptureQueriesContext(connection) as large:
        report = compute_status()
    assert len([row for row in report.rows if row.title.startswith("Page ")]) == 500
    assert len(large.captured_queries) == len(small.captured_queries) <= 20


@pytest.mark.django_db
def test_locales_without_a_content_language_setting_are_ignored(tree):
    Locale.objects.get_or_create(language_code="de")
    report = compute_status()
    assert [code for code, _name in report.languages] == ["en", "ca", "pl", "el"]


# The report is cached between changes


@pytest.mark.django_db
def test_the_report_is_kept_until_something_changes(tree):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    assert row_for(agir, cached_status()).cells["el"].status == MISSING
    with CaptureQueriesContext(connection) as again:
        cached = cached_status()
    assert len(again.captured_queries) == 0
    assert row_for(agir, cached).cells["el"].status == MISSING

    translate_fully(agir, "el")  # a translation published
    assert row_for(agir, cached_status()).cells["el"].status == UP_TO_DATE
    agir.save_revision().publish()  # the source published again
    assert row_for(agir, cached_status()).cells["el"].status == OUTDATED
    circular = theme("circular-economy", "Circular economy")  # a new snippet
    assert row_for(circular, cached_status()).cells["el"].status == MISSING
    circular.delete()
    assert str(circular.translation_key) not in {row.key for row in cached_status().rows}


@pytest.mark.django_db
def test_the_admin_view_can_work_the_report_out_again(tree, admin_client):
    programme(tree["programmes"]["en"], "ICP AGIR")
    url = reverse("translations:status")
    assert "Worked out at" in admin_client.get(url).content.decode()
    with CaptureQueriesContext(connection) as cached:
        admin_client.get(url)
    with CaptureQueriesContext(connection) as refreshed:
        response = admin_client.get(url, {"refresh": "1"})
    assert response.status_code == 200
    assert len(refreshed.captured_queries) > len(cached.captured_queries) + 10
