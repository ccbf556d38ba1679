"""A new page whose slug is held by a draft left behind by autosave says which draft, with links.

Wagtail's autosave creates a draft from an "Add page" form as soon as it has a title; adding the
page again with the same title then fails on the slug. The editor is told which page holds it.
"""

from html import unescape

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import standard_page
from home.models import StandardPage

TITLE = "Meeting notes"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])


def form(**fields):
    """The add form as the browser sends it: Wagtail's script fills the slug in from the title."""
    return nested_form_data(
        {
            "body": streamfield([]),
            "comments": inline_formset([]),
            "title": TITLE,
            "slug": "meeting-notes",
            **fields,
        }
    )


@pytest.mark.django_db
def test_an_autosaved_draft_is_named_with_links_when_its_title_is_added_again(tree, admin_client):
    parent = tree["home"]["en"]
    # The autosave of the abandoned form (a background request that asks for JSON).
    response = admin_client.post(add_url(parent), form(), HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"]
    draft = StandardPage.objects.get(pk=response.json()["pk"])
    assert not draft.live

    # The editor comes back and adds the page again.
    response = admin_client.post(add_url(parent), form(**{"action-publish": "1"}))
    assert response.status_code == 200  # the form again, not a 500
    html = response.content.decode()
    assert "The slug 'meeting-notes' is already in use" in unescape(html)  # Wagtail's error stays
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[draft.pk])}"' in html
    assert f'href="{reverse("wagtailadmin_pages:delete", args=[draft.pk])}"' in html
    assert "“Meeting notes”, a draft that was never published" in unescape(html)
    assert parent.get_children().filter(slug="meeting-notes").count() == 1

    # Following the link: the editor continues the draft and publishes it.
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200


@pytest.mark.django_db
def test_an_autosave_of_the_second_form_gets_a_json_error_and_no_message(tree, admin_client):
    parent = tree["home"]["en"]
    admin_client.post(add_url(parent), form(), HTTP_ACCEPT="application/json")
    response = admin_client.post(add_url(parent), form(), HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    # No message waits for the next page: the editor sees the named draft when they save.
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "a draft that was never published" not in unescape(page)


@pytest.mark.django_db
def test_a_live_page_holding_the_slug_is_named_without_a_delete_button(tree, admin_client):
    parent = tree["home"]["en"]
    live = standard_page(parent, "Minutes", slug="meeting-notes")
    response = admin_client.post(add_url(parent), form(**{"action-publish": "1"}))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "belongs to the page “Minutes”" in html
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[live.pk])}"' in html
    assert reverse("wagtailadmin_pages:delete", args=[live.pk]) not in html


@pytest.mark.django_db
def test_a_free_slug_adds_the_page_as_before(tree, admin_client):
    parent = tree["home"]["en"]
    admin_client.post(add_url(parent), form(), HTTP_ACCEPT="application/json")
    response = admin_client.post(add_url(parent), form(slug="meeting-notes-june", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert parent.get_children().filter(slug="meeting-notes-june", live=True).exists()
