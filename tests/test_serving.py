"""Pages served by Wagtail's own serve view: privacy, slugs, moves and sites never give a stale answer."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.factories import ensure_home, standard_page
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    home = ensure_home()
    return standard_page(home, "About us", "about", introduction="What we do.")


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [query["sql"] for query in context.captured_queries]


def test_a_page_outside_any_restriction_reads_no_restriction_twice(client, about):
    first, _first_sql = queries(client, "/en/about/")
    second, second_sql = queries(client, "/en/about/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    # The restricted sections are kept under the content generation.
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in second_sql)


def test_a_view_restriction_added_after_the_page_was_served_applies_at_once(client, about):
    assert client.get("/en/about/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/about/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]
    restriction.delete()
    assert client.get("/en/about/").status_code == 200


def test_a_restriction_on_an_ancestor_covers_the_pages_below(client, about):
    child = standard_page(about, "Team", "team")
    assert client.get("/en/about/team/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Staff"))
    assert client.get(child.url).status_code == 302


def test_a_restricted_page_never_comes_from_the_page_cache(client, about, tmp_path):
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        client.get("/en/about/")
        assert client.get("/en/about/")["X-Page-Cache"] == "hit"
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
        assert client.get("/en/about/").status_code == 302


def test_a_new_slug_moves_the_page_and_the_old_address_is_gone(client, about):
    assert client.get("/en/about/").status_code == 200
    about.slug = "who-we-are"
    about.save_revision().publish()
    assert client.get("/en/who-we-are/").status_code == 200
    assert client.get("/en/about/").status_code == 404


def test_unpublished_moved_and_deleted_pages_are_not_served_from_memory(client, about):
    home = ensure_home()
    other = standard_page(home, "Contact", "contact")
    assert client.get("/en/contact/").status_code == 200
    other.unpublish()
    assert client.get("/en/contact/").status_code == 404
    other.save_revision().publish()
    assert client.get("/en/contact/").status_code == 200
    other.move(about, pos="last-child")
    moved = client.get("/en/contact/")  # Wagtail's redirects app remembers the old address
    assert (moved.status_code, moved["Location"]) == (301, "/en/about/contact/")
    assert client.get("/en/about/contact/").status_code == 200
    StandardPage.objects.get(pk=other.pk).delete()
    assert client.get("/en/about/contact/").status_code == 404


def test_a_visitor_sees_a_new_title_once_published(client, about):
    """The kept page row is the published one: a publish replaces it at the next request."""
    assert "About us" in client.get("/en/about/").content.decode()
    page = StandardPage.objects.get(pk=about.pk)
    page.title = "About the programmes"
    page.save_revision().publish()
    assert "About the programmes" in client.get("/en/about/").content.decode()


def test_a_changed_site_is_read_again(client, about):
    assert client.get("/en/about/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "elsewhere.example"
    site.save()
    assert client.get("/en/about/").status_code == 404


def test_page_addresses_follow_a_new_slug_and_a_new_site(client, about):
    assert StandardPage.objects.get(pk=about.pk).url == "/en/about/"
    page = StandardPage.objects.get(pk=about.pk)
    page.slug = "about-us"
    page.save_revision().publish()
    assert StandardPage.objects.get(pk=about.pk).url == "/en/about-us/"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "cities.example", 443
    site.save()
    assert StandardPage.objects.get(pk=about.pk).full_url == "https://cities.example/en/about-us/"
