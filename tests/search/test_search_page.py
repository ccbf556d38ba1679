"""The public search page on the embedded backend (the database: SQLite here, PostgreSQL in CI)."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def results(response):
    """(language, address, title without marks) of each result, in order."""
    body = response.content.decode()
    found = re.findall(r'<h3 lang="([\w-]+)"><a href="([^"]*)">(.*?)</a></h3>', body, re.S)
    return [(lang, url, unescape(re.sub(r"</?mark>", "", title))) for lang, url, title in found]


def titles(response):
    return [title for _lang, _url, title in results(response)]


def urls(response):
    return [url for _lang, url, _title in results(response)]


def search(client, language, q, **params):
    response = client.get(f"/{language}/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


# Results in the visitor's language, and the switch to all languages


def test_results_are_in_the_visitors_language_by_default(client, search_site):
    response = search(client, "en", "AGIR")
    assert results(response) == [("en", "/en/programmes/icp-agir/", "ICP AGIR")]
    assert {lang for lang, _url, _title in results(search(client, "pl", "AGIR"))} == {"pl"}


def test_all_languages_switch_shows_every_translation(client, search_site):
    response = search(client, "en", "AGIR", languages="all")
    assert sorted(lang for lang, _url, _title in results(response)) == ["ca", "el", "en", "pl"]
    body = response.content.decode()
    assert "Showing results in all languages." in body
    assert 'href="?q=AGIR"' in body  # back to English only


def test_each_result_shows_its_type_programme_and_a_marked_excerpt(client, search_site):
    body = search(client, "en", "port city").content.decode()
    item = body[body.index('<li class="result result-city">') :]
    item = item[: item.index("</li>")]
    assert '<span class="result-type">City</span>' in item
    assert '<span class="result-programme">ICP AGIR, IUC</span>' in item  # its own and its partnership's
    assert "The <mark>port</mark> <mark>city</mark> next to Athens." in item


def test_call_training_partnership_and_news_show_their_programme(client, search_site):
    response = search(client, "en", "cities", languages="all")
    assert response.status_code == 200
    body = search(client, "en", "Call for cities 2026").content.decode()
    assert '<span class="result-type">Call for applications</span>' in body
    body = search(client, "en", "Mountain cities").content.decode()
    item = body[body.index('<li class="result result-news">') :]
    assert '<span class="result-programme">IUC</span>' in item[: item.index("</li>")]


# Language-aware matching: accents, case, translated themes


@pytest.mark.parametrize("query", ["Πειραιάς", "Πειραιας", "ΠΕΙΡΑΙΑΣ", "πειραιας", "ΠΕΙΡΑΙΆΣ"])
def test_greek_accents_and_case_do_not_matter(client, search_site, query):
    assert "/el/cities/piraeus/" in urls(search(client, "el", query))


@pytest.mark.parametrize("query", ["Poznan", "POZNAŃ", "poznań"])
def test_polish_accents_do_not_matter(client, search_site, query):
    assert "/pl/cities/poznan/" in urls(search(client, "pl", query))


def test_catalan_query_without_accents_finds_accented_theme(client, search_site):
    found = urls(search(client, "ca", "transicio energetica"))
    assert "/ca/programmes/iuc/" in found  # its theme in Catalan: "Transició energètica"
    assert "/ca/news/mountain-cities-cooperate/" in found  # "…plans de transició energètica."


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("el", "κυκλική οικονομία"),
        ("el", "κυκλικη οικονομια"),
        ("ca", "economia circular"),
        ("pl", "gospodarka o obiegu zamknietym"),
    ],
)
def test_translated_theme_names_find_the_programme(client, search_site, language, query):
    assert f"/{language}/programmes/icp-agir/" in urls(search(client, language, query))


def test_marks_follow_the_folding(client, search_site):
    body = search(client, "el", "Πειραιας").content.decode()
    assert "<mark>Πειραιάς</mark>" in body


def test_no_page_with_every_word_falls_back_to_any_word(client, search_site):
    response = search(client, "en", "Piraeus zanzibar")
    assert "Piraeus" in titles(response)
    assert "No page has all of your words" in response.content.decode()


# Filters and their counts, in the address


def test_type_filter_with_counts(client, search_site):
    response = search(client, "en", "cities")
    body = response.content.decode()
    assert re.search(r'href="\?q=cities&amp;type=news">News <span class="count">\(1\)</span>', body)
    filtered = search(client, "en", "cities", type="news")
    assert titles(filtered) == ["Mountain cities cooperate"]
    assert 'aria-current="true">News' in filtered.content.decode()


def test_theme_programme_and_country_filters(client, search_site):
    assert set(titles(search(client, "en", "cities", programme="iuc"))) >= {
        "IUC",
        "Mountain cities cooperate",
    }
    assert "ICP AGIR" not in titles(search(client, "en", "cities", programme="iuc"))
    themed = titles(search(client, "el", "Πειραιάς", theme="circular-economy"))
    assert themed == ["Πειραιάς"]
    body = search(client, "el", "Πειραιάς").content.decode()
    assert "Κυκλική οικονομία" in body  # theme filter labelled in the visitor's language
    assert titles(search(client, "en", "Poznań", country="PL", type="city")) == ["Poznań"]


def test_filters_combine_and_counts_keep_the_other_filters(client, search_site):
    body = search(client, "en", "cities", type="programme").content.decode()
    # The type counts ignore the type filter; the programme counts apply it.
    assert re.search(r"type=news\">News <span class=\"count\">\(1\)</span>", body.replace("&amp;", "&"))
    assert titles(search(client, "en", "cities", type="programme", programme="iuc")) == ["IUC"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "spaceship"},
        {"theme": "<script>"},
        {"programme": "nope"},
        {"country": "XX"},
        {"country": "Greece"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, search_site, params):
    response = search(client, "en", "Piraeus", **params)
    assert "Piraeus" in titles(response)
    body = response.content.decode()
    assert "A filter in the address was not understood" in body
    assert "<script>" not in body


# Pagination


@pytest.mark.parametrize(
    ("page", "expected"), [("abc", 1), ("-1", 1), ("0", 1), ("99999", 2), ("2", 2), ("1e3", 1)]
)
def test_page_parameter_never_fails(client, search_site, monkeypatch, page, expected):
    from search import service

    monkeypatch.setattr(service, "PAGE_SIZE", 1)
    response = search(client, "en", "cities", languages="all", page=page, type="news")  # two news items
    body = response.content.decode()
    assert f"(page {expected} of 2)" in body
    assert re.search(rf'<span aria-current="page"><span class="visually-hidden">Page {expected}</span>', body)


# Bad input: a 200 with a sensible page, never a 500, never reflected unescaped

BAD_QUERIES = [
    "",
    "   ",
    "\x00\x01\x1b[31m",
    "tab\tnew\nline",
    '"unbalanced',
    "'single",
    "*",
    "~",
    "cit*",
    "Piraeus~2",
    "title:Piraeus",
    "(Piraeus",
    "[Piraeus]",
    "{}",
    "AND OR NOT",
    "NEAR(a b)",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\\",
    "%00",
    "Πειραιάς\u0301\u0301",
    "\ufeff\u200b",
    "x" * 5000,
]


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("language", ["en", "el"])
def test_bad_queries_answer_200_and_are_escaped(client, search_site, query, language):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x" not in body
    suggest = client.get(f"/{language}/search/suggest/", {"q": query})
    assert suggest.status_code == 200
    assert suggest["Content-Type"] == "application/json"


def test_overlong_query_is_cut_with_a_notice(client, search_site):
    response = search(client, "en", "Piraeus " + "x" * 400)
    body = response.content.decode()
    assert "Your search was shortened to 200 characters." in body
    assert "Piraeus" in titles(response) or "No results" in body


def test_punctuation_only_asks_for_words(client, search_site):
    body = search(client, "en", "*:~()").content.decode()
    assert "Type one or more words to search for." in body


def test_post_is_not_allowed(client, search_site):
    assert client.post("/en/search/", {"q": "x"}).status_code == 405


# Suggestions for the search box


def suggestions(client, language, q):
    response = client.get(f"/{language}/search/suggest/", {"q": q})
    assert response.status_code == 200
    return response.json()["suggestions"]


@pytest.mark.parametrize("query", ["gór", "gor", "GÓR", "Miasta gór"])
def test_suggest_folds_accents_on_both_sides(client, search_site, query):
    assert [s["title"] for s in suggestions(client, "pl", query)] == ["Miasta górskie współpracują"]


@pytest.mark.parametrize("query", ["Πειρ", "πειρ", "ΠΕΙΡΑΙΑ", "πειραια"])
def test_suggest_greek_prefixes(client, search_site, query):
    found = [(s["title"], s["url"], s["type"]) for s in suggestions(client, "el", query)]
    assert ("Πειραιάς", "/el/cities/piraeus/", "city") in found


def test_suggest_is_in_the_visitors_language_and_short(client, search_site):
    assert {s["url"] for s in suggestions(client, "en", "pir")} == {
        "/en/cities/piraeus/",
        "/en/partnerships/piraeus-poznan/",
    }
    assert suggestions(client, "en", "p") == []
    response = client.get("/en/search/suggest/", {"q": "pir"})
    assert "max-age" in response["Cache-Control"]


def test_plain_form_works_without_javascript(client, search_site):
    body = client.get("/en/search/").content.decode()
    assert '<form class="search-inline" role="search" method="get" action="/en/search/">' in body
    assert 'id="search-q" type="search" name="q"' in body
    assert "<script>" not in body  # no inline script: the header's suggestions come from a static file


# Editors' promotions


def test_promoted_pages_come_first_in_the_visitors_language(client, search_site):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.objects.create(query_string="funding")
    SearchPromotion.objects.create(
        query=query, page=search_site.page("iuc"), sort_order=0, description="Our main programme."
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/f",
        external_link_text="Funding guide",
        sort_order=1,
    )
    body = search(client, "ca", "Funding").content.decode()
    promoted = body[body.index('class="search-promotions"') :]
    promoted = promoted[: promoted.index("</section>")]
    assert 'href="/ca/programmes/iuc/"' in promoted
    assert "Our main programme." in promoted
    assert 'href="https://example.org/f"' in promoted


# No writes and a bounded number of queries


def test_search_writes_nothing_to_the_database(client, search_site):
    from wagtail.contrib.search_promotions.models import Query

    with CaptureQueriesContext(connection) as queries:
        search(client, "en", "cities")
        client.get("/en/search/suggest/", {"q": "cit"})
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert writes == []
    assert not Query.objects.exists()
    assert "sessionid" not in client.cookies


def test_query_count_does_not_grow_with_results(client, search_site, django_assert_max_num_queries):
    search(client, "en", "cities", languages="all")  # facet map and site root paths built once
    with django_assert_max_num_queries(20):
        response = search(client, "en", "cities", languages="all")
    assert len(results(response)) >= 8  # of five page types, each loaded with .specific()


def test_update_index_rebuilds_the_database_index(search_site, client):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    assert "/el/cities/piraeus/" in urls(search(client, "el", "ΠΕΙΡΑΙΑΣ"))
    assert "/ca/programmes/icp-agir/" in urls(search(client, "ca", "economia circular"))


def test_publishing_and_unpublishing_update_results(search_site, client):
    from cities import factories as city_factories

    gdansk = city_factories.city(
        search_site.page("cities"), "Gdańsk", country="PL", introduction="A Baltic port."
    )
    assert "/en/cities/gdansk/" in urls(search(client, "en", "Gdansk"))
    gdansk.unpublish()
    assert "/en/cities/gdansk/" not in urls(search(client, "en", "Gdansk"))


def test_result_cards_are_kept_until_their_page_changes(search_site, client):
    from cities.models import CityPage

    assert "Piraeus" in titles(search(client, "en", "port city"))
    with CaptureQueriesContext(connection) as queries:
        search(client, "en", "port city")
    assert not any(CityPage._meta.db_table in q["sql"] for q in queries.captured_queries)  # the card was kept
    piraeus = CityPage.objects.get(locale__language_code="en", slug="piraeus")
    piraeus.title = "Piraeus (Attica)"
    piraeus.save_revision().publish()
    assert "Piraeus (Attica)" in titles(search(client, "en", "port city"))


def test_page_links_show_neighbours_ends_and_gaps():
    from search.views import page_links

    links = page_links(6, 20, lambda number: f"?page={number}")
    shown = [link.get("rel") or ("…" if link.get("gap") else link["number"]) for link in links]
    assert shown == ["prev", 1, "…", 4, 5, 6, 7, 8, "…", 20, "next"]
    assert [link for link in links if link.get("current")] == [
        {"number": 6, "url": "?page=6", "current": True}
    ]
    assert page_links(1, 1, str) == []


def test_postgresql_indexes_the_whole_text_for_the_match():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's FTS5 table is its own index")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", ["cityco_indexentry_text_gin"])
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition and "(title || body)" in definition
