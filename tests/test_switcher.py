"""The language switcher tells a translation that is not published from one that does not exist
(``website.family`` and ``website/includes/language_switcher.html``)."""

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from base.factories import translate
from home.factories import ensure_home, standard_page
from website.family import build_family

SWITCHER = engines["django"].from_string(
    '{% load site_tags %}{% language_links as languages %}{% include "website/includes/language_switcher.html" %}'
)


@pytest.fixture
def about(db):
    """An About page in English and Greek (live) and Catalan (unpublished); none in Polish."""
    home = ensure_home()
    for code in ("el", "ca"):
        translate(home, code)
    english = standard_page(home, "About", "about", introduction="Who we are.")
    pages = {"en": english}
    for code, title in (("el", "Σχετικά"), ("ca", "Qui som")):
        pages[code] = translate(english, code, {"About": title}).specific
    pages["ca"].unpublish()
    return pages


def switcher(page):
    """The switcher on ``page``, in the page's language: {language code: its list item's content}."""
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    html = SWITCHER.render({"request": request, "page": page}, request)
    items = {}
    for content in re.findall(r"<li>(.*?)</li>", html, re.S):
        code = re.search(r'\slang="([\w-]+)"', content).group(1)  # the link's or label's own language
        items[code] = content
    return items


def test_the_family_lists_unpublished_translations_apart_from_the_live_ones(about):
    family = build_family(about["en"], RequestFactory().get("/", HTTP_HOST="localhost"))

    assert set(family["translations"]) == {"en", "el"}
    assert family["unpublished"] == ["ca"]


def test_an_unpublished_translation_is_not_published_and_a_missing_one_not_translated_yet(about):
    items = switcher(about["en"])

    assert "(page not published)" in items["ca"]
    assert "not translated yet" not in items["ca"] and "href" not in items["ca"]
    assert "(not translated yet)" in items["pl"]
    assert "not published" not in items["pl"]
    assert f'href="{about["el"].url}"' in items["el"]


def test_on_the_greek_page_an_unpublished_english_source_is_not_published(about):
    about["en"].unpublish()
    about["ca"].save_revision().publish()

    with translation.override("el"):
        items = switcher(about["el"])
        not_published, not_translated = (
            translation.gettext("page not published"),
            translation.gettext("not translated yet"),
        )

    assert f"({not_published})" in items["en"]
    assert not_translated not in items["en"] and "href" not in items["en"]
    assert f"({not_translated})" in items["pl"]
    assert f'href="{about["ca"].url}"' in items["ca"]
