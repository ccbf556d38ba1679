"""What the home, programme and news pages list: bounded lists, their order and their links.

The pages are measured for queries in ``test_query_counts``; these tests check what they show.
Bulk pages are added with ``add_child(live=True)`` as there (the rows are the same as published).
"""

import re
from datetime import date, timedelta
from itertools import count
from unittest import mock

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from base import factories as base_factories
from base.factories import translate
from cities.models import PartnershipCity, PartnershipPage
from home.listings import home_listings
from news.listings import PAGE_SIZE, news_count, news_page, news_queryset
from news.models import NewsPage
from programmes import factories as programme_factories
from programmes.listings import PARTNERSHIPS_SHOWN, localized_programme, programme_listings, programme_map
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.pagecache import bump_generation

serial = count(1)


def add_partnerships(site, n, programme=None):
    programme = programme or site.pages["programme"]["en"]
    cities = [site.pages["piraeus"]["en"], site.pages["puerto_montt"]["en"]]
    added = []
    for i in range(n):
        page = PartnershipPage(
            title=f"Bulk partnership {i}",
            slug=f"bulk-partnership-{i}",
            start_date=date(2023, 1, 1) + timedelta(days=30 * i),
            duration_months=12,
            programme=programme,
            partner_cities=[PartnershipCity(city=city) for city in cities],
            live=True,
        )
        site.partnerships["en"].add_child(instance=page)
        added.append(page)
    return added


def add_news(site, n, **fields):
    added = []
    for _ in range(n):
        i = next(serial)
        page = NewsPage(
            title=f"Bulk news {i}",
            slug=f"bulk-news-{i}",
            date=date(2023, 1, 1) + timedelta(days=i),
            live=True,
            **fields,
        )
        site.news["en"].add_child(instance=page)
        added.append(page)
    return added


def section(html, heading_id):
    match = re.search(rf'aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_programme_page_lists_the_most_recent_partnerships_and_links_to_all(client, site):
    added = add_partnerships(site, PARTNERSHIPS_SHOWN + 3)
    total = len(added) + 1  # and the partnership of the shared site

    html = client.get(site.pages["programme"]["en"].url).content.decode()
    partnerships = section(html, "partnerships-heading")

    most_recent = sorted(added, key=lambda page: page.start_date, reverse=True)[:PARTNERSHIPS_SHOWN]
    titles = re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", partnerships)
    assert titles == [page.title for page in most_recent]
    assert f"The {PARTNERSHIPS_SHOWN} most recent of this programme's {total} partnerships." in partnerships
    code = site.pages["programme"]["en"].code
    link = f'<a href="{site.partnerships["en"].url}?programme={code}">See all partnerships</a>'
    assert link in partnerships
    # The link lands on the partnership index filtered to this programme: every one of them.
    index = client.get(f'{site.partnerships["en"].url}?programme={code}').content.decode()
    assert f"{total} partnerships match your filters" in index


def test_programme_page_lists_few_partnerships_without_a_link(client, site):
    html = client.get(site.pages["programme"]["en"].url).content.decode()
    partnerships = section(html, "partnerships-heading")

    assert site.pages["partnership"]["en"].title in partnerships
    assert "most recent of this programme" not in partnerships
    assert "See all partnerships" not in partnerships


def test_translated_programme_page_lists_its_language_s_partnerships(client, site):
    add_partnerships(site, PARTNERSHIPS_SHOWN + 1)  # in English only: not listed in Greek

    html = client.get(site.pages["programme"]["el"].url).content.decode()
    partnerships = section(html, "partnerships-heading")

    assert site.pages["partnership"]["el"].title in partnerships
    assert "Bulk partnership" not in partnerships
    assert "more-link" not in partnerships


def test_programme_listings_count_and_news_of_the_programme_only(site):
    other = programme_factories.programme(site.programmes["en"], "IURC", themes=[site.theme])
    add_partnerships(site, 2, programme=other)
    add_news(site, 3, programme=other)

    listings = programme_listings(site.pages["programme"]["en"])

    assert listings["partnership_count"] == 1
    assert [page.pk for page in listings["partnerships"]] == [site.pages["partnership"]["en"].pk]
    assert [page.pk for page in listings["news"]] == [site.pages["news"]["en"].pk]
    assert [page.pk for page in listings["calls"]] == [site.pages["call"]["en"].pk]
    assert [page.pk for page in listings["training_modules"]] == [site.pages["training"]["en"].pk]
    assert listings["initiatives"] == []
    assert listings["parent_programme"] is None
    programme = site.pages["programme"]["en"]
    assert listings["calendar_url"] == f"{site.programmes['en'].url}calendar.ics?programme={programme.code}"
    assert listings["themes"] == [site.theme]


def test_initiative_names_its_parent_programme(client, site):
    parent = site.pages["programme"]["en"]
    initiative = programme_factories.programme(parent, "Small Giants", short_name="Small Giants")

    listings = programme_listings(initiative)
    html = client.get(initiative.url).content.decode()

    assert listings["parent_programme"].pk == parent.pk
    assert listings["calendar_url"] == f"{site.programmes['en'].url}calendar.ics?programme={initiative.code}"
    assert f"An initiative of {parent.short_name}" in html
    parent_html = client.get(parent.url).content.decode()
    assert "Small Giants" in section(parent_html, "initiatives-heading")


def test_programme_preview_shows_the_themes_as_edited(site):
    """A preview's page carries its relations in memory: those are shown, not the live ones."""
    other_theme = base_factories.theme("air-quality", "Air quality")
    draft = ProgrammePage.objects.get(pk=site.pages["programme"]["en"].pk)
    draft.set_themes([other_theme])  # in memory, as a preview's revision
    draft.previewing = True  # as BasePage.serve_preview marks it

    assert programme_listings(draft)["themes"] == [other_theme]
    assert programme_listings(site.pages["programme"]["en"])["themes"] == [site.theme]


def test_programme_map_finds_the_translation_of_a_synchronised_programme(site):
    english = site.pages["programme"]["en"]
    greek = site.pages["programme"]["el"]

    assert localized_programme(english.pk, greek.locale_id).pk == greek.pk
    assert localized_programme(english.pk, english.locale_id).pk == english.pk
    assert localized_programme(None, english.locale_id) is None
    assert [page.pk for page in programme_map(greek.locale_id)["by_path"]] == [greek.pk]


def test_news_page_numbers_behave_as_the_paginator_s(site):
    index = site.news["en"]
    add_news(site, 2 * PAGE_SIZE + 3)
    queryset = news_queryset(index)
    total = queryset.count()
    last = (total + PAGE_SIZE - 1) // PAGE_SIZE
    expected = list(queryset.values_list("pk", flat=True))

    for asked, number in [(None, 1), ("1", 1), ("2", 2), (str(last), last), ("abc", 1), ("0", last), ("99", last),
                          ("9" * 30, last)]:
        page = news_page(index, queryset, asked)
        assert page.number == number, asked
        assert page.paginator.count == total
        assert [item.pk for item in page.object_list] == expected[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


def test_news_counts_are_kept_per_filter_and_generation(client, site):
    index = site.news["en"]
    programme = site.pages["programme"]["en"]
    add_news(site, 3)
    filtered = news_queryset(index, programme=programme.code)

    assert news_count(index, news_queryset(index)) == 4
    assert news_count(index, filtered, programme.code) == 1
    add_news(site, 2, programme=programme)  # not published: the generation is the same
    assert news_count(index, filtered, programme.code) == 1
    bump_generation()
    assert news_count(index, filtered, programme.code) == 3
    html = client.get(f"{index.url}?programme={programme.code}").content.decode()
    assert "3 news items match your filters" in html


def test_news_theme_filter_counts_each_item_once(site):
    """A news item tagged with a theme in two languages (the same slug) is one item."""
    index = site.news["en"]
    greek_theme = site.theme.get_translation(site.pages["news"]["el"].locale)
    for page in add_news(site, 3):
        page.set_themes([site.theme, greek_theme])
        page.save()

    queryset = news_queryset(index, theme=site.theme.slug)
    page = news_page(index, queryset, "1", theme=site.theme.slug)

    assert page.paginator.count == 3
    assert len({item.pk for item in page.object_list}) == len(page.object_list) == 3


def test_news_page_empty_index(site):
    index = site.news["en"]
    empty = news_page(index, news_queryset(index, programme="no-such-code"), "3", "no-such-code")
    assert empty.number == 1
    assert list(empty.object_list) == []
    assert empty.paginator.count == 0


def test_home_lists_open_calls_else_the_most_recent(site):
    home = site.home["en"]
    call = site.pages["call"]["en"]

    listings = home_listings(home)
    assert [c.pk for c in listings["open_calls"]] == [call.pk]
    assert listings["recent_calls"] == []
    assert listings["open_calls"][0].programme.pk == site.pages["programme"]["en"].pk

    now = timezone.now()
    CallPage.objects.filter(pk=call.pk).update(deadline=now - timedelta(days=1))
    older = CallPage(title="Old call", slug="old-call", deadline=now - timedelta(days=400), live=True)
    site.pages["programme"]["en"].add_child(instance=older)
    upcoming = CallPage(
        title="Next call", slug="next-call", opens_at=now + timedelta(days=5), deadline=now + timedelta(days=50),
        live=True,
    )
    site.pages["programme"]["en"].add_child(instance=upcoming)
    bump_generation()  # as publishing does: the rows above were written directly

    listings = home_listings(home)
    assert listings["open_calls"] == []
    assert [c.pk for c in listings["recent_calls"]] == [upcoming.pk, call.pk, older.pk]


def test_home_lists_upcoming_training_else_the_most_recent(site):
    home = site.home["en"]
    training = site.pages["training"]["en"]

    assert [t.pk for t in home_listings(home)["upcoming_training"]] == [training.pk]

    training.ends_at = timezone.now() - timedelta(days=1)
    training.starts_at = training.ends_at - timedelta(hours=2)
    training.save()
    bump_generation()  # as publishing does
    listings = home_listings(home)
    assert listings["upcoming_training"] == []
    assert [t.pk for t in listings["recent_training"]] == [training.pk]


def test_home_lists_follow_the_clock_between_publications(site):
    """The home page's rows are kept until the content changes, but which calls are open is
    worked out at each request: a deadline passing moves a call to the recent ones at once."""
    home = site.home["en"]
    call = site.pages["call"]["en"]
    assert [c.pk for c in home_listings(home)["open_calls"]] == [call.pk]
    later = call.deadline + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        with CaptureQueriesContext(connection) as context:
            listings = home_listings(home)
    assert listings["open_calls"] == []
    assert call.pk in [c.pk for c in listings["recent_calls"]]
    assert len(context.captured_queries) == 0


def test_home_sections_and_programmes(client, site):
    listings = home_listings(site.home["en"])

    assert listings["sections"]["partnershipindexpage"].pk == site.partnerships["en"].pk
    assert [p.pk for p in listings["programmes"]] == [site.pages["programme"]["en"].pk]
    assert [n.pk for n in listings["latest_news"]] == [site.pages["news"]["en"].pk]


def test_news_page_links_the_programme_in_its_language(client, site):
    greek = site.pages["news"]["el"]
    context = greek.get_context(RequestFactory().get(greek.url))

    assert context["programme"].pk == site.pages["programme"]["el"].pk
    html = client.get(greek.url).content.decode()
    assert f'<a href="{site.pages["programme"]["el"].url}">' in html


def test_training_page_shows_its_organiser_in_its_language(client, site):
    organiser = base_factories.organisation("Training agency", website="https://example.org/")
    greek_organiser = translate(organiser, "el", {"Training agency": "Οργανισμός κατάρτισης"})
    for page in site.pages["training"].values():
        TrainingModulePage.objects.filter(pk=page.pk).update(organiser=organiser)

    html = client.get(site.pages["training"]["el"].url).content.decode()

    assert greek_organiser.name in html
    assert "Training agency" not in html


def test_cached_maps_follow_publishing(site):
    """The programme and section maps are kept per content generation: publishing shows at once."""
    home = site.home["en"]
    assert [p.pk for p in home_listings(home)["programmes"]] == [site.pages["programme"]["en"].pk]

    new = programme_factories.programme(site.programmes["en"], "IUC")
    assert [p.pk for p in home_listings(home)["programmes"]] == [site.pages["programme"]["en"].pk, new.pk]

    new.unpublish()
    assert [p.pk for p in home_listings(home)["programmes"]] == [site.pages["programme"]["en"].pk]
    site.partnerships["en"].unpublish()
    assert "partnershipindexpage" not in home_listings(home)["sections"]


# The partnership index: filters and pages


def cards(html):
    return re.findall(r'<h3><a href="[^"]*">([^<]+)</a></h3>', html)


def test_partnership_index_pages_and_filters_by_programme_and_status(client, site):
    added = add_partnerships(site, 30)
    for page in added[:5]:
        page.status = PartnershipPage.Status.COMPLETED
        page.save(update_fields=["status"])
    url = site.partnerships["en"].url
    code = site.pages["programme"]["en"].code

    first = client.get(url).content.decode()
    assert len(cards(first)) == 24
    assert "31 partnerships" in first and "(page 1 of 2)" in first
    second = client.get(url, {"page": "2"}).content.decode()
    assert len(cards(second)) == 7
    assert not set(cards(first)) & set(cards(second))

    completed = client.get(url, {"status": "completed"}).content.decode()
    assert sorted(cards(completed)) == sorted(page.title for page in added[:5])
    assert "5 partnerships match your filters" in completed
    both = client.get(url, {"programme": code, "status": "completed", "page": "2"}).content.decode()
    assert len(cards(both)) == 5  # page 2 of a single page is its last page
    assert 'rel="next"' not in both


def test_partnership_index_explains_unknown_filters_instead_of_failing(client, site):
    url = site.partnerships["en"].url
    response = client.get(url, {"programme": "nope<script>", "status": "lost", "page": "-3"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no programme “nope&lt;script&gt;”; showing all programmes." in html
    assert "There is no status “lost”; showing every status." in html
    assert site.pages["partnership"]["en"].title in cards(html)


def test_partnership_index_in_greek_filters_by_the_programme_code(client, site):
    greek_index = site.partnerships["el"]
    code = site.pages["programme"]["el"].code
    html = client.get(greek_index.url, {"programme": code}).content.decode()
    assert cards(html) == [site.pages["partnership"]["el"].title]
    assert 'lang="el"' in html


def test_a_derived_entry_is_read_from_the_cache_once_per_request(client, site, monkeypatch):
    """With Redis each read is a round trip: a page reading a map twice reads the cache once."""
    from django.core.cache import caches

    backend = caches["default"]
    read, original = [], backend.get

    def get(key, *args, **kwargs):
        read.append(key)
        return original(key, *args, **kwargs)

    url = site.pages["city_index"]["el"].get_url()  # the themes: for the filters, for the cards
    assert client.get(url).status_code == 200
    monkeypatch.setattr(backend, "get", get)
    assert client.get(url).status_code == 200
    derived = [key for key in read if key.startswith("derived:")]
    assert derived
    assert len(derived) == len(set(derived))
