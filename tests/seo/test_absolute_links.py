"""Every absolute link the site gives out points at its public address (settings.SITE_URL), not at
the host a request named nor at the Site record Wagtail was installed with."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from api.views import ENDPOINT_NAMES
from base.factories import LANGUAGE_CODES
from tests.test_pages_render import PAGE_NAMES  # every page type of the shared site
from website.links import adopt_site_url, point_site_at_site_url

PUBLIC = "https://cities.example.org"
URL = re.compile(r"""https?://[^\s"'<>\\)]+""")
# Hosts that can only mean this site: what a test client, a developer's machine or a sample
# configuration would put in a link. Any other host is an external link, allowed.
OWN_HOSTS = {"localhost", "127.0.0.1", "testserver"}



def is_own_host(host):
    return host in OWN_HOSTS or host == "example.org" or host.endswith(".example.org")


def unfolded(text):
    """iCalendar lines are folded at 75 octets (RFC 5545, 3.1): join them before reading URLs."""
    return text.replace("\r\n ", "").replace("\r\n\t", "")


@pytest.fixture
def public_address(settings, site):
    """SITE_URL is the public address, and the default Site record follows it (as after
    ``migrate`` or ``load_demo``); the test client still says Host: testserver."""
    settings.SITE_URL = PUBLIC
    point_site_at_site_url(Site.objects.get(is_default_site=True))
    return site


def documents(client, site):
    """(address asked for, body) of every kind of document that carries absolute links."""
    urls = ["/sitemap.xml", "/robots.txt", "/api/v2/"]
    for code in LANGUAGE_CODES:
        news_index = site.news[code].get_url()
        urls += [news_index + "feed/rss/", news_index + "feed/atom/"]
        urls.append(site.programmes[code].get_url() + "calendar.ics")
        urls.append(site.pages["call"][code].get_url() + "calendar.ics")
        urls.append(site.pages["training"][code].get_url() + "calendar.ics")
        urls.append(site.cities[code].get_url() + "export.csv")
        urls.append(f"/{code}/search/?q=piraeus")
        urls += [site.pages[name][code].get_url() for name in PAGE_NAMES]
    for name in ENDPOINT_NAMES:
        urls.append(f"/api/v2/{name}/?fields=*&limit=100")
    first_call = site.pages["call"]["en"]
    urls.append(f"/api/v2/calls/{first_call.pk}/")
    urls.append(f"/api/v2/pages/{first_call.pk}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, unfolded(response.content.decode("utf-8-sig"))


def test_every_link_to_this_site_uses_its_public_address(client, public_address):
    own_links = 0
    wrong = []
    for url, body in documents(client, public_address):
        for link in URL.findall(body):
            host = urlsplit(link).hostname or ""
            if is_own_host(host):
                own_links += 1
                if not link.startswith(PUBLIC + "/"):
                    wrong.append((url, link))
    assert wrong == []
    assert own_links > 500  # the documents above do carry links to the site


def test_the_api_names_pages_and_its_own_addresses_on_the_public_address(client, public_address):
    listing = client.get("/api/v2/pages/?limit=100").json()
    assert listing["items"]
    for item in listing["items"]:
        assert item["meta"]["html_url"].startswith(PUBLIC + "/")
        assert item["meta"]["detail_url"].startswith(PUBLIC + "/api/v2/")


@pytest.mark.django_db
def test_migrate_gives_the_installation_site_the_public_address(settings):
    settings.SITE_URL = "https://cities.example.org"
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname="localhost", port=80)  # as wagtailcore installs it

    adopt_site_url()

    site.refresh_from_db()
    assert (site.hostname, site.port) == ("cities.example.org", 443)
    assert site.root_url == "https://cities.example.org"


@pytest.mark.django_db
def test_migrate_keeps_a_hostname_an_editor_chose(settings):
    settings.SITE_URL = "https://cities.example.org"
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname="www.cities.eu", port=443)

    adopt_site_url()

    site.refresh_from_db()
    assert (site.hostname, site.port) == ("www.cities.eu", 443)


@pytest.mark.django_db
def test_pointing_the_site_at_the_public_address_twice_changes_it_once(settings):
    settings.SITE_URL = "http://cities.example.org:8080"
    site = Site.objects.get(is_default_site=True)

    point_site_at_site_url(site)
    assert not point_site_at_site_url(site)

    site.refresh_from_db()
    assert (site.hostname, site.port) == ("cities.example.org", 8080)
