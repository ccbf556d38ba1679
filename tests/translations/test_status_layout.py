"""The translation status view's tables scroll inside labelled, focusable regions, and the time it
was worked out reads cleanly in every admin language (the browser check of the layout is
tests/e2e/test_translation_status_layout.py)."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.users.models import UserProfile

from translations.views import readable_time

# Django's Greek DATETIME_FORMAT ends in "μμ." (p.m.), which the sentence's full stop doubled.
CLEAN_TIME = re.compile(r"\b\d{2}:\d{2}\b")


def admin_in(client, language):
    user = User.objects.create_superuser(
        f"admin-{language}", f"{language}@example.org", "not-a-real-password"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


@pytest.mark.parametrize("language", ["en", "ca", "pl", "el"])
def test_the_status_tables_scroll_in_labelled_focusable_regions(tree, client, language):
    admin_in(client, language)

    html = client.get(reverse("translations:status")).content.decode()

    regions = re.findall(r'<div class="translation-scroll"([^>]*)>\s*<table class="listing ([\w-]+)', html)
    assert [table for _attrs, table in regions] == ["translation-counts", "translation-status"]
    for attrs, _table in regions:
        assert 'role="region"' in attrs
        assert 'tabindex="0"' in attrs
        assert re.search(r'aria-label="[^"]+"', attrs)
    assert "translations/status" in html and ".css" in html  # the stylesheet that makes them scroll


@pytest.mark.parametrize("language", ["en", "ca", "pl", "el"])
def test_the_time_the_status_was_worked_out_reads_cleanly(tree, client, language):
    admin_in(client, language)

    html = client.get(reverse("translations:status")).content.decode()

    sentence = re.search(r'<p class="help-block translation-computed">(.*?)<a ', html, re.S).group(1)
    assert CLEAN_TIME.search(sentence), sentence
    assert ".." not in sentence and "μμ" not in sentence and "p.m." not in sentence, sentence


def test_the_section_view_table_scrolls_too(tree, client):
    from programmes.factories import programme

    admin_in(client, "el")
    page = programme(tree["programmes"]["en"], "ICP AGIR")

    html = client.get(reverse("translations:section", args=[page.pk])).content.decode()

    assert re.search(r'<div class="translation-scroll" role="region" aria-label="[^"]+" tabindex="0">', html)


def test_readable_time_is_the_date_and_a_24_hour_time():
    from datetime import UTC, datetime

    from django.utils import translation

    moment = datetime(2026, 12, 6, 18, 12, tzinfo=UTC)  # 19:12 in Brussels
    with translation.override("el"):
        assert readable_time(moment) == "06/12/2026 19:12"
    with translation.override("pl"):
        assert readable_time(moment) == "6 grudnia 2026 19:12"
    assert readable_time(None) == ""
