"""The full-page cache: what it stores, what it never stores, and that changes show at once."""

import gzip

import pytest
from django.test import override_settings

from base.factories import add_page, translate
from home.factories import ensure_home, standard_page
from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on(tmp_path):
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        yield


@pytest.fixture
def about():
    home = ensure_home()
    return standard_page(home, "About us", "about", introduction="First version of the text.")


def get(client, url, **extra):
    return client.get(url, **extra)


def test_second_anonymous_request_is_a_hit_with_public_cache_control(client, about):
    first = get(client, "/en/about/")
    second = get(client, "/en/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "en"


def test_hit_is_served_compressed_to_clients_that_accept_it(client, about):
    get(client, "/en/about/")
    response = get(client, "/en/about/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert b"First version of the text." in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_logged_in_editors_query_strings_and_search_are_not_cached(client, about, django_user_model):
    get(client, "/en/about/?utm=1")
    assert "X-Page-Cache" not in get(client, "/en/about/?utm=1")
    assert "X-Page-Cache" not in get(client, "/en/search/")
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    assert "X-Page-Cache" not in get(client, "/en/about/")


def test_no_session_or_csrf_token_is_baked_into_a_cached_page(client, about):
    get(client, "/en/about/")
    response = get(client, "/en/about/")
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_publishing_a_page_shows_the_change_on_the_next_request(client, about):
    get(client, "/en/about/")
    about.introduction = "Second version of the text."
    about.save_revision().publish()
    response = get(client, "/en/about/")
    assert b"Second version of the text." in response.content


def test_unpublishing_and_deleting_take_the_page_away(client, about):
    assert get(client, "/en/about/").status_code == 200
    about.unpublish()
    assert get(client, "/en/about/").status_code == 404
    about.save_revision().publish()
    assert get(client, "/en/about/").status_code == 200
    StandardPage.objects.get(pk=about.pk).delete()
    assert get(client, "/en/about/").status_code == 404


def test_moving_a_page_changes_what_both_addresses_show(client, about):
    home = ensure_home()
    team = standard_page(home, "Team", "team")
    get(client, "/en/about/")
    about.move(team, pos="last-child")
    moved = get(client, "/en/about/")
    assert moved.status_code == 301  # Wagtail's automatic redirect to the new address
    assert moved["Location"].endswith("/en/team/about/")
    assert get(client, "/en/team/about/").status_code == 200


def test_publishing_a_translation_shows_in_the_switcher_of_the_source(client, about):
    before = get(client, "/en/about/").content.decode()
    assert 'hreflang="el"' not in before.split("</head>")[0]
    translate(about, "el", {"About us": "Σχετικά με εμάς"})
    after = get(client, "/en/about/").content.decode()
    assert 'hreflang="el"' in after.split("</head>")[0]


def test_renaming_a_page_in_the_menu_shows_on_other_cached_pages(client, about):
    home = ensure_home()
    news = add_page(home, StandardPage(title="Programmes overview", slug="overview", show_in_menus=True))
    get(client, "/en/about/")
    news.title = "Programmes at a glance"
    news.save_revision().publish()
    assert "Programmes at a glance" in get(client, "/en/about/").content.decode()


def test_saving_a_snippet_makes_cached_pages_stale(client, about):
    from base.models import Theme

    get(client, "/en/about/")
    assert get(client, "/en/about/")["X-Page-Cache"] == "hit"
    Theme.objects.create(name="Blue economy", slug="blue-economy")
    assert get(client, "/en/about/")["X-Page-Cache"] == "miss"
