"""Themes and organisations live in the base app (they moved from programmes)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from base.models import Organisation, Theme


@pytest.mark.parametrize(
    "old, new",
    [
        ("/admin/snippets/programmes/theme/", "/admin/snippets/base/theme/"),
        (
            "/admin/snippets/programmes/organisation/edit/7/?locale=el",
            "/admin/snippets/base/organisation/edit/7/?locale=el",
        ),
    ],
)
def test_old_snippet_admin_addresses_lead_to_the_new_ones(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_other_programme_admin_addresses_are_not_redirected(client):
    assert client.get("/admin/snippets/programmes/programmepage/").status_code != 301


@pytest.mark.django_db
def test_the_snippets_are_the_base_apps(client):
    assert reverse("wagtailsnippets_base_theme:list") == "/admin/snippets/base/theme/"
    for model in (Theme, Organisation):
        assert ContentType.objects.get_for_model(model).app_label == "base"
