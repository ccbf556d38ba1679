"""Every page type renders in every language with its language, alternates and switcher."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from base.factories import LANGUAGE_CODES
from tests.conftest import absolute, parse_page

PAGE_NAMES = [
    "home",
    "programme_index",
    "programme",
    "call",
    "training",
    "city_index",
    "piraeus",
    "partnership_index",
    "partnership",
    "news_index",
    "news",
    "about",
]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_renders_in_its_language_with_hreflang_and_switcher(client, site, name, code):
    pages = site.pages[name]
    page = pages[code]

    response = client.get(page.get_url())

    assert response.status_code == 200
    assert response["Content-Language"] == code
    html = parse_page(response)
    assert html.lang == code
    assert page.title in response.content.decode()
    # One alternate per live translation plus x-default, which points at the English version.
    expected = {other: absolute(pages[other]) for other in LANGUAGE_CODES}
    expected["x-default"] = absolute(pages["en"])
    assert dict(html.alternates) == expected
    assert len(html.alternates) == len(expected)
    # The switcher marks the current language and links to the page itself in the others.
    assert html.switcher_current == code
    assert html.switcher_links == {other: pages[other].get_url() for other in LANGUAGE_CODES if other != code}
    assert html.switcher_unavailable == []


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_main_navigation_is_in_the_page_language(client, site, code):
    """The cached menu is kept per language: an English visit first must not leak into others."""
    client.get(site.home["en"].get_url())
    body = client.get(site.home[code].get_url()).content.decode()
    nav = body.split('class="main-nav"')[1].split("</nav>")[0]
    for index in (site.programmes, site.cities, site.partnerships, site.news):
        assert f'href="{index[code].get_url()}"' in nav
        assert f">{index[code].title}<" in nav


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_server_error_page_renders_on_its_own_in_the_active_language(code):
    """No request, no database (the test has no database access): only the language."""
    with translation.override(code):
        html = render_to_string("500.html")
        heading = translation.gettext("Something went wrong")
    assert f'<html lang="{code}">' in html
    assert f'href="/{code}/"' in html
    assert heading in html
    assert "{%" not in html and "{{" not in html
