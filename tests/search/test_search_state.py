"""The facet map and catalogue kept per process (search/state.py): after a change, only what changed
is read again, and the result is what building them whole would give."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from base.factories import translate
from cities.models import PartnershipCity
from news import factories as news_factories
from search import state

# A news item published costs the next search this many queries to bring the state up to date,
# whatever the size of the site (building it whole takes about forty); a city or a partnership,
# whose facets follow each other's, a few more.
UPDATE_QUERIES = 8
LINKED_UPDATE_QUERIES = 16


@pytest.fixture(autouse=True)
def no_margin(monkeypatch):
    """The site was built seconds ago: within the margin, every page would count as just published."""
    monkeypatch.setattr(state, "MARGIN", timedelta(0))


def fresh(obj):
    """``obj`` as stored: the site is shared by the module's tests, whose changes are rolled back."""
    return type(obj).objects.get(pk=obj.pk)


def assert_as_built_whole(kept):
    whole = state.build(kept.generation)
    assert kept.facet_map.pages == whole.facet_map.pages
    assert kept.facet_map.keys == whole.facet_map.keys
    assert kept.facet_map.partners == whole.facet_map.partners
    assert kept.catalogue.pages == whole.catalogue.pages
    assert kept.catalogue.inputs == whole.catalogue.inputs
    assert kept.catalogue.spellings == whole.catalogue.spellings
    assert set(kept.catalogue.vocabularies) == set(whole.catalogue.vocabularies)
    for language, vocabulary in whole.catalogue.vocabularies.items():
        updated = kept.catalogue.vocabularies[language]
        assert updated.weights == vocabulary.weights, language
        assert updated.sorted_words == vocabulary.sorted_words, language
        assert {length: words for length, words in updated.by_length.items() if words} == vocabulary.by_length
        assert vocabulary.stems <= updated.stems  # a removed page's stems may stay until the next build


def updated_after(change, most_queries=UPDATE_QUERIES):
    """The state before ``change()``, and after it, read with at most ``most_queries``."""
    before = state.current()
    change()
    with CaptureQueriesContext(connection) as queries:
        after = state.current()
    assert after is not before
    assert after.built == before.built, "brought up to date, not built whole"
    assert len(queries) <= most_queries, [query["sql"][:120] for query in queries]
    return before, after


def test_a_news_item_published_is_read_alone(search_site):
    news_index = search_site.page("news")
    themes = search_site.themes

    def publish():
        item = news_factories.news_item(
            news_index,
            "Harbour cities swap tram plans",
            programme=search_site.page("agir"),
            themes=[themes["energy-transition"]],
            introduction="Piraeus and Poznań compare their tramways.",
            date=date(2026, 5, 4),
        )
        translate(item, "pl", {"Harbour cities swap tram plans": "Miasta portowe wymieniają plany tramwajowe"})

    _before, after = updated_after(publish)
    item = next(page for page in after.facet_map.pages.values() if page.type == "news" and page.themes)
    assert item.themes == {"energy-transition"}
    assert after.catalogue.vocabulary("pl").weights.get("tramwajowe")
    assert after.catalogue.vocabulary("en").weights.get("tramways")
    assert_as_built_whole(after)


def test_a_new_title_replaces_the_old_words(search_site):
    mountain = fresh(search_site.page("mountain", "pl"))

    def rename():
        mountain.title = "Miasta nadmorskie współpracują"
        mountain.save_revision().publish()

    before, after = updated_after(rename)
    # "Górskie" stays in the Polish introduction only: no longer weighted as a name.
    assert after.catalogue.vocabulary("pl").weights["gorskie"] == 1
    assert before.catalogue.vocabulary("pl").weights["gorskie"] > 1
    assert "nadmorskie" in after.catalogue.vocabulary("pl").sorted_words
    # The other languages' pages are named by their translations too.
    assert "nadmorskie" in after.catalogue.pages[search_site.page("mountain", "en").pk].names
    assert_as_built_whole(after)


def test_an_unpublished_page_leaves_the_map_and_its_words_the_vocabulary(search_site):
    poznan_pl = fresh(search_site.page("poznan", "pl"))

    _before, after = updated_after(poznan_pl.unpublish, LINKED_UPDATE_QUERIES)
    assert poznan_pl.pk not in after.facet_map.pages
    assert poznan_pl.pk not in after.catalogue.pages
    assert "zachodniej" not in after.catalogue.vocabulary("pl").weights
    assert_as_built_whole(after)


def test_a_deleted_page_leaves_the_map(search_site):
    mountain = fresh(search_site.page("mountain", "ca"))

    _before, after = updated_after(mountain.delete, UPDATE_QUERIES + 1)  # and which pages went
    assert mountain.pk not in after.facet_map.pages
    assert_as_built_whole(after)


def test_a_partnerships_cities_follow_its_changes(search_site):
    """A city belongs to the programmes of its partnerships: a partner dropped loses it."""
    partnership = fresh(search_site.page("partnership"))
    poznan = search_site.page("poznan")
    iuc_key = search_site.page("iuc").translation_key
    assert iuc_key in state.current().facet_map.pages[poznan.pk].programmes

    def drop_poznan():
        PartnershipCity.objects.filter(partnership__translation_key=partnership.translation_key, city=poznan).delete()
        partnership.refresh_from_db()
        partnership.save_revision().publish()

    _before, after = updated_after(drop_poznan, LINKED_UPDATE_QUERIES)
    assert iuc_key not in after.facet_map.pages[poznan.pk].programmes
    assert_as_built_whole(after)


def test_a_change_beyond_pages_builds_it_whole(search_site):
    theme = fresh(search_site.themes["circular-economy"])
    before = state.current()
    theme.name = "Circular cities"
    theme.save()
    after = state.current()
    assert after.built > before.built
    assert after.facet_map.theme_name("circular-economy", theme.locale_id) == "Circular cities"


@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_published_news_item_is_found_by_the_next_search(client, search_site, language):
    client.get(f"/{language}/search/", {"q": "Mountain"})
    item = news_factories.news_item(search_site.page("news"), "Tramways of Gdańsk", date=date(2026, 5, 4))
    translate(item, "pl", {"Tramways of Gdańsk": "Tramwaje Gdańska"})
    query = {"en": "Tramways Gdansk", "pl": "Tramwaje Gdańska"}[language]
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    assert f'href="{item.get_translation(Locale.objects.get(language_code=language)).url}"' in response.content.decode()


def test_a_result_shows_the_page_as_published_now(client, search_site):
    """Result cards are kept per page version: a publication replaces the card of its page."""
    mountain = fresh(search_site.page("mountain"))
    assert "cities cooperate" in client.get("/en/search/", {"q": "Mountain"}).content.decode()
    mountain.title = "Mountain towns cooperate"
    mountain.save_revision().publish()
    body = client.get("/en/search/", {"q": "Mountain"}).content.decode()
    assert "cities cooperate" not in body
    assert "towns cooperate" in body


def test_while_redis_is_away_searches_do_not_build_it_whole(search_site, monkeypatch):
    """Every generation read without Redis is new: the state is brought up to date from the
    database instead of being built whole (forty queries, seconds on a large site) at each search."""
    from website import derived
    from website.cache import breaker

    before = state.current()
    readings = iter(range(1_000_000))
    monkeypatch.setattr(derived, "generation", lambda depends_on=None: f"away-{next(readings)}")
    monkeypatch.setattr(breaker, "down", True)
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            during = state.current()
        assert during.built == before.built
        assert len(queries) <= 2  # what was published, and how many pages are live
    mountain = fresh(search_site.page("mountain", "pl"))
    mountain.title = "Miasta nadmorskie współpracują"
    mountain.save_revision().publish()
    assert "nadmorskie" in state.current().catalogue.vocabulary("pl").weights
