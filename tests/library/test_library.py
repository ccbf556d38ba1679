"""The document library: translated descriptions, synchronised files, the public page's filters and search."""

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Locale

from base.factories import add_page, theme, translate
from cities.factories import city, partnership, partnership_index
from cities.factories import city_index as make_city_index
from library.listings import documents_for, library_context, search_documents
from library.models import LibraryDocument, LibraryIndexPage
from programmes.factories import call, programme
from tests.conftest import built_once_per_module
from tests.translations.conftest import build_small_tree, translate_fully
from translations.status import MISSING, OUTDATED, UP_TO_DATE, compute_status


def make_file(name="plan.pdf"):
    return get_document_model().objects.create(title=name, file=ContentFile(b"%PDF-1.4 test", name=name))


def make_document(title, **fields):
    themes = fields.pop("themes", [])
    document = LibraryDocument(title=title, document=fields.pop("document", None) or make_file(), **fields)
    document.save()
    document.set_related(themes, "themes")
    document.save()
    return document


def build_library():
    tree = build_small_tree()
    home = tree["home"]["en"]
    greek_locale = Locale.objects.get(language_code="el")
    circular = theme("circular-economy", "Circular economy")
    air = theme("air-quality", "Air quality")
    translate(circular, "el", {"Circular economy": "Κυκλική οικονομία"})
    agir = programme(tree["programmes"]["en"], "ICP AGIR", code="icp-agir")
    iurc = programme(tree["programmes"]["en"], "IURC", code="iurc")
    translate_fully(agir, "el", {"ICP AGIR": "ICP AGIR (ΕΛ)"})
    agir_call = call(agir, "Call for cities 2026")
    cities = make_city_index(home)
    partnerships = partnership_index(home)
    piraeus = city(cities, "Piraeus", country="GR")
    puerto_montt = city(cities, "Puerto Montt", country="CL")
    pair = partnership(partnerships, [piraeus, puerto_montt], programme=iurc)

    docs = {
        "factsheet": make_document(
            "AGIR factsheet",
            description="The programme on one page.",
            kind=LibraryDocument.Kind.FACTSHEET,
            programme=agir,
            themes=[circular],
            document_language="en",
        ),
        "call_guide": make_document(
            "Guide for applicants",
            description="How to apply to the 2026 call.",
            kind=LibraryDocument.Kind.CALL,
            programme=agir,
            document_language="en",
        ),
        "action_plan": make_document(
            "Piraeus – Puerto Montt joint action plan",
            description="Plan de acción conjunto.",
            kind=LibraryDocument.Kind.ACTION_PLAN,
            programme=iurc,
            related_page=pair,
            themes=[air],
            document_language="es",
        ),
    }
    translate(
        docs["factsheet"],
        "el",
        {
            "AGIR factsheet": "Ενημερωτικό δελτίο AGIR",
            "The programme on one page.": "Το πρόγραμμα σε μία σελίδα.",
        },
    )
    index = add_page(home, LibraryIndexPage(title="Library", slug="library"))
    greek_index = translate(index, "el", {"Library": "Βιβλιοθήκη", "library": "vivliothiki"})
    return {
        "tree": tree,
        "index": index,
        "greek_index": greek_index,
        "greek": greek_locale,
        "agir": agir,
        "iurc": iurc,
        "call": agir_call,
        "partnership": pair,
        "circular": circular,
        "air": air,
        **docs,
    }


@pytest.fixture(scope="module")
def shared_library(django_db_setup, django_db_blocker):
    """``build_library()`` once for the module, rolled back after it; each test runs in a savepoint."""
    yield from built_once_per_module(django_db_blocker, build_library)


@pytest.fixture
def library(shared_library, db):
    return shared_library


def titles(documents):
    return sorted(document.title for document in documents)


def listing(page, **params):
    return library_context(page, params)


@pytest.mark.django_db
def test_title_and_description_are_translated_and_the_file_is_shared(library):
    greek = library["factsheet"].get_translation(library["greek"])
    assert greek.title == "Ενημερωτικό δελτίο AGIR"
    assert greek.description == "Το πρόγραμμα σε μία σελίδα."
    assert greek.document_id == library["factsheet"].document_id
    assert greek.programme_id == library["agir"].pk
    # The theme row is translated with the document: it points at the theme in Greek.
    assert [theme.translation_key for theme in greek.themes.all()] == [library["circular"].translation_key]
    assert [theme.locale for theme in greek.themes.all()] == [library["greek"]]
    assert greek.document_language == "en"


@pytest.mark.django_db
def test_the_library_lists_each_document_once_in_the_readers_language(library):
    english = listing(library["index"])["results"]
    assert titles(english) == [
        "AGIR factsheet",
        "Guide for applicants",
        "Piraeus – Puerto Montt joint action plan",
    ]
    greek = listing(library["greek_index"])["results"]
    # Translated where a translation exists, the original otherwise.
    assert titles(greek) == [
        "Guide for applicants",
        "Piraeus – Puerto Montt joint action plan",
        "Ενημερωτικό δελτίο AGIR",
    ]


@pytest.mark.django_db
def test_filters_by_programme_theme_language_and_kind(library):
    greek_index = library["greek_index"]
    assert titles(listing(greek_index, programme="iurc")["results"]) == [
        "Piraeus – Puerto Montt joint action plan"
    ]
    assert titles(listing(greek_index, programme="icp-agir")["results"]) == [
        "Guide for applicants",
        "Ενημερωτικό δελτίο AGIR",
    ]
    assert titles(listing(greek_index, theme="circular-economy")["results"]) == ["Ενημερωτικό δελτίο AGIR"]
    assert titles(listing(greek_index, language="es")["results"]) == [
        "Piraeus – Puerto Montt joint action plan"
    ]
    assert titles(listing(greek_index, kind="call")["results"]) == ["Guide for applicants"]
    assert titles(listing(greek_index, programme="icp-agir", language="es")["results"]) == []
    # Unknown values are ignored rather than emptying the list.
    context = listing(greek_index, programme="nope", language="xx")
    assert len(context["results"]) == 3
    assert context["filters"]["programme"] == ""


@pytest.mark.django_db
def test_filter_choices_come_from_the_documents_in_the_readers_language(library):
    context = listing(library["greek_index"])
    assert [(code, page.title) for code, page in context["programme_choices"]] == [
        ("icp-agir", "ICP AGIR (ΕΛ)"),
        ("iurc", "IURC"),
    ]
    assert [(slug, t.name) for slug, t in context["theme_choices"]] == [
        ("air-quality", "Air quality"),
        ("circular-economy", "Κυκλική οικονομία"),
    ]
    assert [code for code, _name in context["language_choices"]] == ["en", "es"]


@pytest.mark.django_db
def test_the_public_page_renders_filters_and_results_without_inline_code(library, client):
    response = client.get(library["greek_index"].url, {"theme": "circular-economy"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ενημερωτικό δελτίο AGIR" in html
    assert "Guide for applicants" not in html
    assert library["factsheet"].document.url in html
    assert 'name="language"' in html and 'name="programme"' in html and 'name="theme"' in html
    assert "<script>" not in html and "style=" not in html


@pytest.mark.django_db
def test_search_finds_documents_in_any_language_and_shows_the_readers_version(library):
    greek_id = library["greek"].pk
    assert titles(search_documents("ενημερωτικό", greek_id)) == ["Ενημερωτικό δελτίο AGIR"]
    assert titles(search_documents("factsheet", greek_id)) == ["Ενημερωτικό δελτίο AGIR"]
    english_id = library["index"].locale_id
    assert titles(search_documents("applicants", english_id)) == ["Guide for applicants"]
    assert search_documents("nothing-like-this", english_id) == []
    assert titles(listing(library["greek_index"], q="action plan")["results"]) == [
        "Piraeus – Puerto Montt joint action plan"
    ]


@pytest.mark.django_db
def test_documents_found_among_their_own_entries_are_those_found_among_every_match(library, monkeypatch):
    """With few documents, SQLite tests their index entries against the words rather than reading
    every page matching them (search/backends/database.py): the same documents, title matches first."""
    from search.backends.database import RankedSQLiteMixin

    english_id = library["index"].locale_id
    queries = ["agir", "piraeus plan", "programme", "applicants", "ενημερωτικό", "nothing-like-this"]
    few = {query: search_documents(query, english_id) for query in queries}
    monkeypatch.setattr(RankedSQLiteMixin, "FEW_ENTRIES", 0)
    every = {query: search_documents(query, english_id) for query in queries}
    for query in queries:
        assert titles(few[query]) == titles(every[query]), query
    assert few["piraeus plan"] and few["programme"] and few["applicants"]
    assert few["agir"][0].title == every["agir"][0].title == "AGIR factsheet"


@pytest.mark.django_db
def test_pages_list_their_documents(library):
    assert titles(documents_for(library["agir"])) == ["AGIR factsheet", "Guide for applicants"]
    greek_agir = library["agir"].get_translation(library["greek"])
    assert titles(documents_for(greek_agir)) == ["Guide for applicants", "Ενημερωτικό δελτίο AGIR"]
    # A call lists the programme's call documents; a partnership its own action plan.
    assert titles(documents_for(library["call"])) == ["Guide for applicants"]
    assert titles(documents_for(library["partnership"])) == ["Piraeus – Puerto Montt joint action plan"]
    assert documents_for(library["iurc"])[0].theme_list == [library["air"]]


@pytest.mark.django_db
def test_the_include_renders_a_pages_documents(library):
    request = RequestFactory().get("/")
    html = Template('{% include "library/includes/documents.html" %}').render(
        Context({"page": library["partnership"], "request": request})
    )
    assert "Piraeus – Puerto Montt joint action plan" in html
    assert 'hreflang="es"' in html
    assert library["index"].url in html  # "All documents in the library"
    empty = Template('{% include "library/includes/documents.html" %}').render(
        Context({"page": library["tree"]["home"]["en"], "request": request})
    )
    assert empty.strip() == ""


@pytest.mark.django_db
def test_library_documents_appear_in_the_translation_status(library):
    rows = {row.key: row for row in compute_status().rows}
    factsheet = rows[str(library["factsheet"].translation_key)]
    assert factsheet.cells["el"].status == UP_TO_DATE
    assert factsheet.cells["ca"].status == MISSING
    assert f"programme:{library['agir'].translation_key}" in factsheet.programme_sections
    # Changing the themes of the source (a synchronised relation) makes the translation outdated.
    factsheet = library["factsheet"]
    factsheet.set_related([*factsheet.themes.all(), library["air"]], "themes")
    factsheet.save()
    rows = {row.key: row for row in compute_status().rows}
    assert rows[str(library["factsheet"].translation_key)].cells["el"].status == OUTDATED


@pytest.mark.django_db
def test_the_snippet_is_registered_in_the_admin(library, admin_client):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailsnippets_library_librarydocument:list"))
    assert response.status_code == 200
    assert "AGIR factsheet" in response.content.decode()


# The site-wide search lists library documents beside the pages


def documents_section(response):
    assert response.status_code == 200
    html = response.content.decode()
    if 'class="search-documents"' not in html:
        return None
    return html[html.index('class="search-documents"') : html.index("</section>", html.index('class="search-documents"'))]


@pytest.mark.django_db
def test_site_search_lists_matching_documents_in_the_readers_language(library, client):
    section = documents_section(client.get("/el/search/", {"q": "factsheet"}))
    assert section is not None
    assert "Ενημερωτικό δελτίο AGIR" in section  # found by the English title, shown in Greek
    assert "AGIR factsheet" not in section
    assert library["factsheet"].document.url in section
    english = documents_section(client.get("/en/search/", {"q": "factsheet"}))
    assert "AGIR factsheet" in english and "Ενημερωτικό" not in english


@pytest.mark.django_db
def test_a_search_that_finds_only_documents_is_not_an_empty_result(library, client):
    response = client.get("/en/search/", {"q": "applicants"})
    section = documents_section(response)
    assert "Guide for applicants" in section
    assert "1 document in the library" in section
    assert "No results for" not in response.content.decode()
    nothing = client.get("/en/search/", {"q": "nothing-like-this"})
    assert documents_section(nothing) is None
    assert "No results for" in nothing.content.decode()


@pytest.mark.django_db
def test_many_matching_documents_link_to_the_library_search(library, client):
    for number in range(6):
        make_document(f"Mobility report {number}", kind=LibraryDocument.Kind.REPORT)
    section = documents_section(client.get("/en/search/", {"q": "mobility report"}))
    assert section.count('class="item library-document"') == 5
    assert "6 documents in the library" in section
    assert f'href="{library["index"].url}?q=mobility+report"' in section
    # The library page itself finds all six with the same words.
    response = client.get(library["index"].url, {"q": "mobility report"})
    assert response.content.decode().count('class="item library-document"') == 6


@pytest.mark.django_db
def test_documents_are_left_out_when_the_results_are_filtered(library, client):
    assert documents_section(client.get("/en/search/", {"q": "factsheet"})) is not None
    assert documents_section(client.get("/en/search/", {"q": "factsheet", "type": "programme"})) is None
