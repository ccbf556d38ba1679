"""Pages served with the routing facts kept in memory (website/serving.py): never a stale answer."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.factories import add_page, ensure_home, standard_page
from home.models import StandardPage
from website import serving

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    home = ensure_home()
    return standard_page(home, "About us", "about", introduction="What we do.")


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [query["sql"] for query in context.captured_queries]


def test_a_page_is_served_and_its_route_remembered(client, about):
    first, first_sql = queries(client, "/en/about/")
    second, second_sql = queries(client, "/en/about/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    # Site, home page, route, the page and its family are known the second time.
    assert len(second_sql) < len(first_sql)
    assert not any("wagtailcore_site" in sql for sql in second_sql)
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in second_sql)
    assert serving.snapshot().routes


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


def test_a_stale_route_costs_a_query_never_a_wrong_page(client, about):
    """Even if the generation were not bumped, a remembered route is checked against the page."""
    home = ensure_home()
    other = add_page(home, StandardPage(title="Elsewhere", slug="elsewhere"))
    assert client.get("/en/about/").status_code == 200
    # Pretend the address belonged to another page: the route is read again from the tree.
    state = serving.snapshot()
    (requested, known), *_ = [(key, value) for key, value in state.routes.items() if value[0] == about.pk]
    state.routes[requested] = (other.pk, other.content_type_id, *known[2:])
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert "About us" in response.content.decode()
    assert state.routes[requested] == known


def test_each_address_is_remembered_even_below_a_remembered_one(client, about):
    child = standard_page(about, "Team", "team")
    assert client.get("/en/").status_code == 200
    assert client.get("/en/about/").status_code == 200
    assert client.get(child.url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(child.url).status_code == 200
    # For a visitor, the page as published and its family (switcher, breadcrumbs) are kept too.
    assert len(context.captured_queries) == 0


def test_editors_get_the_page_row_from_the_database(client, about, django_user_model):
    """An editor (signed in: a session) is served the page as it is in the database, and the
    routing facts still spare the routing queries."""
    editor = django_user_model.objects.create_user("editor", password="pw-for-tests-only")
    client.force_login(editor)
    assert client.get("/en/about/").status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get("/en/about/").status_code == 200
    page_reads = [query["sql"] for query in context.captured_queries if '"home_standardpage"' in query["sql"]]
    assert len(page_reads) == 1
    assert not any('"url_path" IN (' in query["sql"] for query in context.captured_queries)


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


def test_remembered_page_addresses_follow_a_new_slug_and_a_new_site(client, about):
    """Page URLs are remembered per process for the generation, keyed by the page's address."""
    assert StandardPage.objects.get(pk=about.pk).url == "/en/about/"
    page = StandardPage.objects.get(pk=about.pk)
    page.slug = "about-us"
    page.save_revision().publish()
    assert StandardPage.objects.get(pk=about.pk).url == "/en/about-us/"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "cities.example", 443
    site.save()  # a new generation: the remembered site root is read again
    assert StandardPage.objects.get(pk=about.pk).full_url == "https://cities.example/en/about-us/"

