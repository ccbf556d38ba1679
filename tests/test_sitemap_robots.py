"""sitemap.xml lists every live page in every language with its alternates; robots.txt names it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from base.factories import translate
from home.factories import standard_page
from home.models import StandardPage

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # raises if the document is not well-formed XML
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        assert location not in entries, f"{location} is listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries


def full_url(page):
    return "http://testserver" + page.get_url()


def test_sitemap_lists_every_live_page_in_all_four_languages(client, site):
    entries = read_sitemap(client)

    live = Page.objects.live().filter(depth__gt=1).specific()
    assert set(entries) == {full_url(page) for page in live}
    for name, pages in site.pages.items():
        alternates = {code: full_url(page) for code, page in pages.items()}
        assert len(alternates) == 4
        for page in pages.values():
            assert entries[full_url(page)] == alternates, name


def test_sitemap_leaves_out_drafts_and_unpublished_pages(client, site):
    draft = standard_page(site.home["en"], "Draft", "draft")
    draft.unpublish()
    site.home["en"].add_child(
        instance=StandardPage(title="Never published", slug="never-published", live=False)
    )
    press = standard_page(site.home["en"], "Press", "press")
    translate(press, "el", {"Press": "Τύπος"}, publish=False)

    entries = read_sitemap(client)

    assert full_url(draft) not in entries
    assert "http://testserver/en/never-published/" not in entries
    assert entries[full_url(press)] == {"en": full_url(press)}
    assert not any("/el/press/" in location for location in entries)


def test_sitemap_lastmod_is_a_w3c_datetime(client, site):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    lastmods = [element.text for element in root.iter(f"{{{NS['sm']}}}lastmod")]
    assert lastmods
    for value in lastmods:
        # e.g. 2024-05-02T10:00:00+02:00
        assert len(value) >= 19 and value[4] == "-" and value[10] == "T", value


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
