"""Search finds what people type (issue I), on the database backend (SQLite here, PostgreSQL in CI).

Word forms in the four languages (the project's Snowball stemming, base/stemming.py), names in
another language and aliases (base/indexing.py), the last word as a prefix and typos corrected
(search/catalogue.py), and the page about a thing before the pages that mention it
(search/ranking.py). The site is small and its own: the demo's names, in four languages.
"""

from datetime import date

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from base import factories as base_factories
from base import stemming
from base.factories import translate
from cities import factories as city_factories
from home.factories import ensure_home
from news import factories as news_factories
from programmes import factories as programme_factories
from search import service, state
from tests.conftest import built_once_per_module
from tests.search.conftest import in_languages
from tests.search.test_search_page import results, search, titles, urls

pytestmark = pytest.mark.django_db

CIRCULAR = {
    "en": "Circular economy",
    "ca": "Economia circular",
    "pl": "Gospodarka o obiegu zamkniętym",
    "el": "Κυκλική οικονομία",
}
SECTIONS = {
    "Programmes": {"ca": "Programes", "pl": "Programy", "el": "Προγράμματα"},
    "Cities": {"ca": "Ciutats", "pl": "Miasta", "el": "Πόλεις"},
    "Partnerships": {"ca": "Associacions", "pl": "Partnerstwa", "el": "Συνεργασίες"},
    "News": {"ca": "Notícies", "pl": "Aktualności", "el": "Νέα"},
}


def build_words_site():
    pages = {}
    home = ensure_home()
    in_languages(home, {code: {home.title: f"{home.title} ({code})"} for code in ("ca", "pl", "el")})
    sections = {}
    for title, build in (
        ("Programmes", programme_factories.programme_index),
        ("Cities", city_factories.city_index),
        ("Partnerships", city_factories.partnership_index),
        ("News", news_factories.news_index),
    ):
        sections[title] = build(home)
        pages[title.lower()] = in_languages(
            sections[title], {code: {title: name} for code, name in SECTIONS[title].items()}
        )
    circular = base_factories.theme("circular-economy", CIRCULAR["en"])
    for code in ("ca", "pl", "el"):
        translate(circular, code, {CIRCULAR["en"]: CIRCULAR[code]})

    scm = programme_factories.programme(
        sections["Programmes"], "Smart Cities Marketplace", code="scm", also_known_as="SCM"
    )
    pages["scm"] = in_languages(scm, {"ca": {"Smart Cities Marketplace": "Mercat de Ciutats Intel·ligents"}})
    giants = programme_factories.programme(
        scm, "Small Giants", code="small-giants", introduction="A focus group for small cities."
    )
    pages["giants"] = in_languages(giants)
    iurc = programme_factories.programme(
        sections["Programmes"],
        "International Urban and Regional Cooperation (IURC)",
        slug="iurc",
        code="iurc",
        short_name="IURC",
        introduction="Cities of the EU and of other continents work together.",
    )
    pages["iurc"] = in_languages(iurc)
    copenhagen_intro = "A two-day module in Copenhagen on what lets small and medium cities reach net zero."
    module = programme_factories.training_module(
        scm,
        "SMCNetZero: enabling stage in Copenhagen",
        slug="smcnetzero-copenhagen",
        city_name="Copenhagen",
        country="DK",
        introduction=copenhagen_intro,
    )
    pages["copenhagen"] = in_languages(
        module,
        {
            "ca": {
                "SMCNetZero: enabling stage in Copenhagen": "SMCNetZero: etapa d'habilitació a Copenhaguen",
                "Copenhagen": "Copenhaguen",
            },
            "pl": {
                "SMCNetZero: enabling stage in Copenhagen": "SMCNetZero: etap tworzenia warunków w Kopenhadze",
                "Copenhagen": "Kopenhaga",
            },
            "el": {
                "SMCNetZero: enabling stage in Copenhagen": (
                    "SMCNetZero: στάδιο δημιουργίας προϋποθέσεων στην Κοπεγχάγη"
                ),
                "Copenhagen": "Κοπεγχάγη",
            },
        },
    )

    def city(key, title, names, introduction, introductions=None, **fields):
        page = city_factories.city(sections["Cities"], title, introduction=introduction, **fields)
        strings = {code: {title: name} for code, name in names.items()}
        for code, text in (introductions or {}).items():
            strings.setdefault(code, {})[introduction] = text
        pages[key] = in_languages(page, strings)
        return page

    piraeus = city(
        "piraeus",
        "Piraeus",
        {"ca": "El Pireu", "pl": "Pireus", "el": "Πειραιάς"},
        "Greece's largest port city, next to Athens.",
        {
            "pl": "Największe miasto portowe Grecji, sąsiadujące z Atenami.",
            "el": "Η μεγαλύτερη πόλη-λιμάνι της Ελλάδας, δίπλα στην Αθήνα.",
        },
        name_local="Πειραιάς",
        country="GR",
    )
    athens = city(
        "athens",
        "Athens",
        {"ca": "Atenes", "pl": "Ateny", "el": "Αθήνα"},
        "The capital of Greece.",
        {"pl": "Stolica Grecji.", "el": "Η πρωτεύουσα της Ελλάδας."},
        name_local="Αθήνα",
        country="GR",
    )
    gwangju = city("gwangju", "Gwangju", {"el": "Γκουάνγκτζου"}, "A city in South Korea.", country="KR")
    city(
        "ethekwini",
        "eThekwini",
        {},
        "A metropolitan municipality in South Africa. Its delegation studied waste management.",
        {"pl": "Gmina metropolitalna w RPA. Jej delegacja poznawała gospodarkę odpadami."},
        country="ZA",
        also_known_as="Durban",
    )
    singapore = city(
        "singapore",
        "Singapore",
        {"el": "Σιγκαπούρη"},
        "A city-state in South-East Asia.",
        {"el": "Πόλη-κράτος στη Νοτιοανατολική Ασία."},
        country="SG",
        themes=[circular],
    )
    athens_gwangju = city_factories.partnership(
        sections["Partnerships"],
        [athens, gwangju],
        title="Athens – Gwangju",
        slug="athens-gwangju",
        introduction="Athens and Gwangju compare how they monitor air quality.",
    )
    pages["athens-gwangju"] = in_languages(
        athens_gwangju,
        {"pl": {"Athens – Gwangju": "Ateny – Gwangju"}, "el": {"Athens – Gwangju": "Αθήνα – Γκουάνγκτζου"}},
    )
    circular_intro = "Piraeus and Singapore work on the circular economy, from food waste to water."
    piraeus_singapore = city_factories.partnership(
        sections["Partnerships"],
        [piraeus, singapore],
        title="Piraeus – Singapore",
        slug="piraeus-singapore",
        themes=[circular],
        introduction=circular_intro,
    )
    pages["piraeus-singapore"] = in_languages(
        piraeus_singapore,
        {
            "el": {
                "Piraeus – Singapore": "Πειραιάς – Σιγκαπούρη",
                circular_intro: "Ο Πειραιάς και η Σιγκαπούρη εργάζονται για την κυκλική οικονομία, από τα "
                "απόβλητα τροφίμων έως το νερό.",
            }
        },
    )
    news_intro = "Small Giants and the SMCNetZero training help small cities. Small Giants meets twice."
    pages["giants-news"] = in_languages(
        news_factories.news_item(
            sections["News"],
            "EU support for small cities: Small Giants and SMCNetZero training",
            slug="small-giants-news",
            introduction=news_intro,
            date=date(2024, 3, 1),
        )
    )
    iurc_news_intro = "IURC brings Piraeus and Puerto Montt together. IURC supports the blue economy."
    pages["iurc-news"] = in_languages(
        news_factories.news_item(
            sections["News"],
            "Piraeus teams up with Puerto Montt under IURC",
            slug="iurc-news",
            introduction=iurc_news_intro,
            programme=iurc,
            date=date(2024, 5, 1),
        )
    )
    return pages


@pytest.fixture(scope="module")
def words_site(django_db_setup, django_db_blocker):
    yield from built_once_per_module(django_db_blocker, build_words_site, clear=(state.clear,))


@pytest.fixture
def site(words_site, db):
    state.clear()
    yield words_site
    state.clear()


def url_of(site, key, language):
    return site[key][language].url


def first_urls(client, language, query, count=1, **params):
    return urls(search(client, language, query, **params))[:count]


# 1. Word forms, the same on every engine


@pytest.mark.parametrize(
    ("word", "language", "stem"),
    [
        ("Pireusie", "pl", "pireus"),
        ("Pireus", "pl", "pireus"),
        ("Atenach", "pl", "aten"),
        ("Ateny", "pl", "aten"),
        ("odpadów", "pl", "odpad"),
        ("odpady", "pl", "odpad"),
        ("Αθήνας", "el", "αθην"),
        ("Αθήνα", "el", "αθην"),
        ("Πειραιά", "el", "πειραι"),
        ("ΠΕΙΡΑΙΑΣ", "el", "πειραι"),
        ("ciutat", "ca", "ciut"),
        ("Ciutats", "ca", "ciut"),
        ("cities", "en", "citi"),
    ],
)
def test_query_words_and_page_words_meet_at_the_same_stem(word, language, stem):
    assert stem in stemming.query_forms(word, [language])
    page_side = stemming.index_stems(word.lower(), language) | {stemming.fold(word)}
    assert stem in page_side


def test_a_word_typed_without_accents_meets_the_stem_of_the_accented_one():
    page_side = stemming.index_stems("odpadów", "pl") | {stemming.fold("odpadów")}
    assert set(stemming.query_forms("odpadow", ["pl"])) & page_side
    assert set(stemming.query_forms("odpady", ["pl"])) & page_side


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("pl", "Pireusie", "piraeus"),
        ("pl", "Atenach", "athens"),
        ("el", "Αθήνας", "athens"),
        ("el", "Πειραιά", "piraeus"),
        ("el", "ΠΕΙΡΑΙΑ", "piraeus"),
    ],
)
def test_inflected_names_find_the_page_first(client, site, language, query, expected):
    assert first_urls(client, language, query) == [url_of(site, expected, language)]


def test_polish_forms_of_ordinary_words(client, site):
    assert url_of(site, "partnerships", "pl") in first_urls(client, "pl", "partnerstwo", 3)
    assert url_of(site, "ethekwini", "pl") in first_urls(client, "pl", "odpady", 5)
    assert url_of(site, "ethekwini", "pl") in first_urls(client, "pl", "odpadów", 5)


def test_catalan_singular_finds_the_cities_section(client, site):
    assert url_of(site, "cities", "ca") in first_urls(client, "ca", "ciutat", 5)


def test_pages_index_their_stems(site):
    piraeus = site["piraeus"]["pl"]
    assert "pireus" not in piraeus.search_stems_names().split()  # "Pireus" is its own stem: in the title
    assert "aten" in piraeus.search_stems_text().split()  # "Atenami"
    assert "Partnerstwo" in site["athens-gwangju"]["pl"].search_stems_text()  # its type, in Polish
    assert "partnership" in site["athens-gwangju"]["en"].search_stems_text().lower()  # its type


# 2. Names across languages, and aliases


@pytest.mark.parametrize("language", ["ca", "pl", "el"])
def test_english_names_find_the_page_in_every_language(client, site, language):
    assert first_urls(client, language, "Copenhagen") == [url_of(site, "copenhagen", language)]
    assert first_urls(client, language, "Piraeus") == [url_of(site, "piraeus", language)]


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "Kopenhaga"),
        ("en", "Κοπεγχάγη"),
        ("en", "Copenhaguen"),
        ("ca", "Kopenhaga"),
        ("el", "Copenhaguen"),
    ],
)
def test_a_name_in_another_language_finds_the_page(client, site, language, query):
    assert first_urls(client, language, query) == [url_of(site, "copenhagen", language)]


@pytest.mark.parametrize("language", ["en", "ca", "pl", "el"])
def test_an_alias_finds_the_city(client, site, language):
    assert first_urls(client, language, "Durban") == [url_of(site, "ethekwini", language)]
    assert first_urls(client, language, "SCM") == [url_of(site, "scm", language)]


def test_the_alias_is_synchronised_to_translations(site):
    from wagtail_localize.fields import SynchronizedField

    from cities.models import CityPage
    from programmes.models import ProgrammePage

    for model in (CityPage, ProgrammePage):
        fields = {field.field_name: field for field in model.translatable_fields}
        assert isinstance(fields["also_known_as"], SynchronizedField)
    assert site["ethekwini"]["el"].also_known_as == "Durban"


def test_publishing_a_translation_reindexes_the_other_languages(client, site):
    gwangju_pl = site["gwangju"]["pl"]
    assert first_urls(client, "en", "Kwangdżu") == []
    gwangju_pl.title = "Kwangdżu"
    gwangju_pl.save_revision().publish()
    assert first_urls(client, "en", "Kwangdżu") == [url_of(site, "gwangju", "en")]
    assert first_urls(client, "el", "kwangdzu") == [url_of(site, "gwangju", "el")]
    gwangju_pl.unpublish()
    assert first_urls(client, "en", "Kwangdżu") == []


# 3. The last word as a prefix, as in the suggestions


@pytest.mark.parametrize(
    ("language", "query"), [("en", "Copen"), ("en", "copenh"), ("pl", "Kopenh"), ("el", "Κοπεγ")]
)
def test_the_start_of_a_name_finds_the_page(client, site, language, query):
    assert first_urls(client, language, query) == [url_of(site, "copenhagen", language)]


def test_prefix_after_whole_words(client, site):
    assert first_urls(client, "en", "Athens Gwang") == [url_of(site, "athens-gwangju", "en")]


@pytest.mark.parametrize(
    ("language", "prefix"),
    [
        ("en", "Co"),
        ("en", "Copen"),
        ("en", "Pir"),
        ("en", "Sm"),
        ("en", "Dur"),
        ("pl", "Ate"),
        ("el", "Πει"),
        ("ca", "Ciu"),
    ],
)
def test_every_suggested_title_is_found_by_searching_the_same_letters(client, site, language, prefix):
    suggested = client.get(f"/{language}/search/suggest/", {"q": prefix}).json()["suggestions"]
    assert suggested
    found = set(urls(search(client, language, prefix)))
    assert {item["url"] for item in suggested} <= found


# 4. Typos: corrected when the query as typed finds nothing


@pytest.mark.parametrize(
    ("language", "query", "corrected", "expected"),
    [
        ("en", "Copenhagn", "Copenhagen", "copenhagen"),
        ("en", "Pireaus", "Piraeus", "piraeus"),
        ("en", "Kopenhga", "Kopenhaga", "copenhagen"),
        ("pl", "Kopenhgaa", "Kopenhaga", "copenhagen"),
        ("el", "Πειρεαάς", "πειραιάς", "piraeus"),
    ],
)
def test_typos_are_corrected_and_said(client, site, language, query, corrected, expected):
    response = search(client, language, query)
    assert urls(response)[0] == url_of(site, expected, language)
    body = response.content.decode()
    notice = body.partition('class="search-corrected"')[2].partition("</p>")[0]
    # Each language quotes in its own way: “Copenhagen”, „Kopenhaga”, «πειραιάς».
    assert corrected in notice or corrected in notice.lower(), notice
    assert f"?q={query}&amp;typed=1" in body or "typed=1" in body
    as_typed = search(client, language, query, typed="1")
    assert results(as_typed) == []
    assert 'class="search-corrected"' not in as_typed.content.decode()


def test_known_words_are_not_corrected(client, site):
    body = search(client, "en", "Piraeus").content.decode()
    assert 'class="search-corrected"' not in body
    assert service.find_ids("Piraeus port", Page.objects.live(), get_search_backend()).corrected is False


def test_correction_comes_from_public_pages_only(site):
    page = site["gwangju"]["en"]
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    state.clear()
    built = state.current().catalogue
    assert page.pk not in built.pages
    assert "gwangju" in built.vocabulary("en").weights  # still named by the public partnership


def test_correction_allows_one_edit_up_to_seven_letters_and_two_from_eight(site):
    built = state.current().catalogue
    assert built.correct(["Pireaus"], ["en"]) == ["Piraeus"]
    assert built.correct(["Copnhagn"], ["en"]) == ["Copenhagen"]
    assert built.correct(["Prx"], ["en"]) == ["Prx"]  # too short to guess
    assert built.correct(["Qqqqqqqq"], ["en"]) == ["Qqqqqqqq"]


# 5. Ranking: the page about a thing first


@pytest.mark.parametrize(
    ("language", "query", "expected", "below"),
    [
        ("en", "small giants", "giants", "giants-news"),
        ("en", "IURC", "iurc", "iurc-news"),
        ("el", "κυκλική οικονομία", "piraeus-singapore", "singapore"),
        ("en", "partnership Athens Gwangju", "athens-gwangju", "athens"),
    ],
)
def test_the_page_about_it_comes_first(client, site, language, query, expected, below):
    found = urls(search(client, language, query))
    assert found[0] == url_of(site, expected, language)
    if url_of(site, below, language) in found:
        assert found.index(url_of(site, below, language)) > 0


def test_results_mark_word_forms(client, site):
    body = search(client, "pl", "Pireusie").content.decode()
    assert "<mark>Pireus</mark>" in body


def test_engine_query_keeps_each_words_forms_together(site):
    """SQLite: ``a AND (b OR c)``, not ``(a AND b) OR c`` (FTS5's AND binds tighter)."""
    backend = get_search_backend()
    pages = Page.objects.live()
    query = service.engine_query(["Pireaus", "port"], ["en"], "and", ["porto", "portugal"])
    assert list(backend.search(query, pages)) == []


def test_search_issues_a_fixed_number_of_queries(client, site, django_assert_max_num_queries):
    search(client, "en", "Piraeus")  # the catalogue and facet map are built
    with django_assert_max_num_queries(20):
        titles(search(client, "en", "cities"))


def test_a_search_that_builds_the_catalogue_and_corrects_writes_nothing(client, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    state.clear()
    state.clear()
    with CaptureQueriesContext(connection) as queries:
        search(client, "en", "Copenhagn")
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []


def test_known_start_meets_forms_the_stemmer_leaves(client, site):
    built = state.current().catalogue
    assert built.known_start("Atenami", ["pl"]) == ""  # "aten" is shorter than five letters
    assert built.known_start("Gwangjuie", ["en"]) == "gwangju"
    assert url_of(site, "gwangju", "en") in first_urls(client, "en", "Gwangjuie", 3)
