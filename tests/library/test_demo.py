"""The library's demo content: the library page in four languages and documents for the demo programmes."""

import pytest
from wagtail.models import Locale

from library.demo import build_library_demo, placeholder_pdf
from library.models import LibraryDocument, LibraryIndexPage
from programmes.factories import programme
from tests.translations.conftest import build_small_tree


@pytest.mark.django_db
def test_build_library_demo_is_safe_to_run_twice():
    tree = build_small_tree()
    agir = programme(tree["programmes"]["en"], "ICP AGIR", code="icp-agir")
    first = build_library_demo(tree["home"]["en"])
    second = build_library_demo(tree["home"]["en"])
    assert first == second == 8  # two AGIR documents in four languages; the other programmes are absent
    assert LibraryIndexPage.objects.count() == 4
    greek = LibraryIndexPage.objects.get(locale=Locale.objects.get(language_code="el"))
    assert greek.title == "Βιβλιοθήκη εγγράφων" and greek.live
    factsheet = LibraryDocument.objects.get(locale__language_code="el", programme=agir, kind="factsheet")
    assert factsheet.title == "Το ICP AGIR με μια ματιά"
    assert factsheet.document.file.read().startswith(b"%PDF-1.4")


def test_the_placeholder_is_a_pdf():
    data = placeholder_pdf("Piraeus – Puerto Montt joint action plan")
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert b"Piraeus  Puerto Montt joint action plan" in data
