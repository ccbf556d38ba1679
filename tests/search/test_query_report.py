"""What people search for: counted in the cache by the public search (no database write), moved to
``SearchQueryCount`` by ``flush_search_queries``, shown to editors per language (search.querylog)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from search import querylog
from search.models import SearchQueryCount
from tests.gunicorn import free_port

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-terms-by-language/"


def counts(language=None):
    """{(language, query, zero_results): count} of the counters not moved yet."""
    return {
        (item.language, item.query, item.zero_results): item.count
        for item in querylog.pending([language] if language else None)
    }


def search(client, language, q, **params):
    response = client.get(f"/{language}/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


def writes(context):
    return [
        query["sql"]
        for query in context.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_normalise():
    assert querylog.normalise("  Port \t  CITY\n ") == "port city"
    assert querylog.normalise("STRASSE Straße") == "strasse strasse"
    assert querylog.normalise("a" * 99 + " b") == "a" * 99
    assert querylog.normalise("   ") == ""


def test_searches_are_counted_per_language_and_zero_results_without_a_database_write(client, search_site):
    with CaptureQueriesContext(connection) as context:
        search(client, "en", "AGIR")
        search(client, "en", "  agir ")
        search(client, "en", "zzqxwv")
        search(client, "pl", "AGIR")
    assert writes(context) == []
    assert counts() == {
        ("en", "agir", False): 2,
        ("en", "zzqxwv", True): 1,
        ("pl", "agir", False): 1,
    }
    assert SearchQueryCount.objects.count() == 0


def test_refinements_and_suggestions_are_not_counted(client, search_site):
    search(client, "en", "AGIR", page="2")
    search(client, "en", "AGIR", languages="all")
    search(client, "en", "AGIR", type="programme")
    search(client, "en", "")
    response = client.get("/en/search/suggest/", {"q": "agi"})
    assert response.status_code == 200
    assert counts() == {}


@override_settings(SEARCH_QUERY_LOG=False)
def test_nothing_is_recorded_when_switched_off(client, search_site):
    search(client, "en", "AGIR")
    assert counts() == {}


def test_distinct_queries_beyond_the_cap_count_as_other(monkeypatch):
    monkeypatch.setattr(querylog, "MAX_QUERIES", 2)
    for query in ["one", "two", "three", "four", "one"]:
        querylog.record("en", query, zero_results=False)
    assert counts("en") == {("en", "one", False): 2, ("en", "two", False): 1, ("en", "", False): 2}


def test_flush_moves_counts_adds_to_rows_clears_the_cache_and_drops_old_rows(monkeypatch):
    today = timezone.localdate()
    SearchQueryCount.objects.create(day=today, language="en", query="port", zero_results=False, count=5)
    SearchQueryCount.objects.create(day=today - timedelta(days=31), language="en", query="old", count=7)
    SearchQueryCount.objects.create(day=today - timedelta(days=29), language="en", query="recent", count=1)
    querylog.record("en", "Port", zero_results=False)
    querylog.record("en", "port", zero_results=False)
    querylog.record("ca", "zzz", zero_results=True)
    three_days_ago = today - timedelta(days=3)
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "localdate", lambda *args: three_days_ago)
        querylog.record("el", "λιμάνι", zero_results=False)

    call_command("flush_search_queries")

    rows = {
        (row.day, row.language, row.query, row.zero_results): row.count
        for row in SearchQueryCount.objects.all()
    }
    assert rows == {
        (today, "en", "port", False): 7,
        (today, "ca", "zzz", True): 1,
        (three_days_ago, "el", "λιμάνι", False): 1,
        (today - timedelta(days=29), "en", "recent", False): 1,
    }
    assert counts() == {}
    assert cache.get(f"searchlog:{three_days_ago.isoformat()}:el:n") is None  # that day's keys are gone
    querylog.record("en", "port", zero_results=False)  # counted after the flush: moved by the next one
    call_command("flush_search_queries")
    assert SearchQueryCount.objects.get(day=today, language="en", query="port").count == 8
    assert counts() == {}


@pytest.fixture
def promoter(django_user_model):
    user = django_user_model.objects.create_user("promoter", "promoter@example.org", "not-used-here")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtailsearchpromotions", codename="add_searchpromotion"
        ),
    )
    return user


def section(body, element_id):
    start = body.index(f'id="{element_id}"')
    return body[start : body.index("</section>", start)]


def test_report_shows_frequent_and_zero_result_queries_per_language(client, promoter):
    SearchQueryCount.objects.create(day=timezone.localdate(), language="en", query="port", count=4)
    SearchQueryCount.objects.create(day=timezone.localdate(), language="pl", query="poznań", count=9)
    querylog.record("en", "zzqxwv", zero_results=True)  # not flushed yet: shown too
    querylog.record("en", "port", zero_results=False)
    client.force_login(promoter)

    response = client.get(REPORT, {"language": "en"})
    assert response.status_code == 200
    body = response.content.decode()
    frequent, nothing = section(body, "frequent"), section(body, "found-nothing")
    assert "<code>port</code></td>\n                        <td>5</td>" in frequent
    assert "<code>zzqxwv</code>" in frequent and "<code>zzqxwv</code>" in nothing
    assert "port" not in nothing and "poznań" not in body
    assert f'href="{reverse("wagtailsearchpromotions:add")}"' in frequent

    body = client.get(REPORT, {"language": "pl"}).content.decode()
    assert "<code>poznań</code>" in body and "<code>port</code>" not in body
    body = client.get(REPORT, {"language": "all"}).content.decode()
    assert "<code>poznań</code>" in body and "<code>port</code>" in body


def test_report_defaults_to_the_editors_admin_language(client, promoter):
    profile = UserProfile.get_for_user(promoter)
    profile.preferred_language = "pl"
    profile.save()
    SearchQueryCount.objects.create(day=timezone.localdate(), language="pl", query="poznań", count=9)
    SearchQueryCount.objects.create(day=timezone.localdate(), language="en", query="port", count=4)
    client.force_login(promoter)
    body = client.get(REPORT).content.decode()
    assert "<code>poznań</code>" in body and "<code>port</code>" not in body


def test_report_is_refused_without_the_promotion_permission(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "not-used-here")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "poznań" not in response.content.decode()
    client.logout()
    assert client.get(REPORT).status_code == 302  # to the sign-in page


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


def test_a_failing_cache_does_not_break_search(client, search_site, monkeypatch):
    monkeypatch.setattr(querylog, "cache", BrokenCache())
    search(client, "en", "AGIR")
    search(client, "en", "zzqxwv")


def test_an_unreachable_redis_does_not_break_search(client, search_site):
    redis = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1},
        }
    }
    with override_settings(CACHES=redis, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=False):
        search(client, "en", "AGIR")
        assert querylog.pending() == []
