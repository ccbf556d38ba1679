"""The demo content: complete in four languages, built from the seeds' facts, safe to build twice."""

from datetime import date

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from base.factories import LANGUAGE_CODES
from home.demo import build_demo

pytestmark = pytest.mark.slow  # builds the whole demo twice

COUNTED = [
    "wagtailcore.Page",
    "base.Theme",
    "base.Organisation",
    "programmes.ProgrammePhase",
    "cities.PartnershipCity",
    "cities.PartnershipActivity",
    "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation",
    "wagtail_localize.StringTranslation",
]


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo built twice, inside a transaction rolled back after the module."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        cache.clear()
        build_demo()
        first = counts()
        build_demo()
        second = counts()
    try:
        yield {"first": first, "second": second}
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def built(demo, db):
    return demo


def page(model_label, language_code, **filters):
    return apps.get_model(model_label).objects.get(locale__language_code=language_code, **filters)


@pytest.mark.django_db
def test_building_twice_creates_nothing_new(built):
    assert built["first"] == built["second"]
    assert built["first"]["wagtailcore.Page"] > 200


@pytest.mark.django_db
def test_every_page_is_live_in_all_four_languages(built):
    languages = {}
    for key, code, live in Page.objects.filter(depth__gt=1).values_list(
        "translation_key", "locale__language_code", "live"
    ):
        assert live, f"page {key} in {code} is not live"
        languages.setdefault(key, []).append(code)
    incomplete = {key: codes for key, codes in languages.items() if sorted(codes) != sorted(LANGUAGE_CODES)}
    assert not incomplete


@pytest.mark.django_db
@pytest.mark.parametrize("model_label", ["base.Theme", "base.Organisation"])
def test_every_snippet_is_translated_into_all_four_languages(built, model_label):
    model = apps.get_model(model_label)
    for code in LANGUAGE_CODES:
        assert model.objects.filter(locale__language_code=code).count() == model.objects.count() // 4
    assert set(model.objects.values_list("translation_key", flat=True).distinct()) == set(
        model.objects.filter(locale__language_code="en").values_list("translation_key", flat=True)
    )


@pytest.mark.django_db
def test_no_source_string_is_left_untranslated(built):
    translated = set(StringTranslation.objects.values_list("translation_of_id", "context_id", "locale_id"))
    missing = []
    for item in Translation.objects.select_related("source", "target_locale"):
        for segment in StringSegment.objects.filter(source=item.source).select_related("string"):
            if (segment.string_id, segment.context_id, item.target_locale_id) not in translated:
                missing.append(
                    (item.source.object_repr, item.target_locale.language_code, segment.string.data)
                )
    assert not missing


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_label, filters, language",
    [
        ("programmes.ProgrammePage", {"code": "icp-agir"}, "en"),
        ("programmes.ProgrammePage", {"code": "iuc"}, "pl"),
        ("programmes.ProgrammePage", {"code": "iurc"}, "el"),
        ("programmes.ProgrammePage", {"code": "smart-cities-marketplace"}, "ca"),
        ("programmes.ProgrammePage", {"code": "small-giants"}, "ca"),
        ("cities.PartnershipPage", {"slug": "piraeus-puerto-montt"}, "el"),
        ("cities.CityPage", {"slug": "piraeus"}, "en"),
        ("news.NewsPage", {"date": date(2021, 11, 4)}, "ca"),
    ],
)
def test_each_item_is_written_in_the_language_of_its_seed(built, model_label, filters, language):
    obj = apps.get_model(model_label).objects.filter(**filters).first()
    source = TranslationSource.objects.get(object_id=obj.translation_key)
    assert source.locale.language_code == language


@pytest.mark.django_db
def test_greek_partnership_page_names_its_cities_in_greek(built, client):
    from cities.listings import partnership_listings

    partnership = page(
        "cities.PartnershipPage",
        "el",
        translation_key=page("cities.PartnershipPage", "en", slug="piraeus-puerto-montt").translation_key,
    )
    links = partnership_listings(partnership)["partner_cities"]
    assert [link.localized_city.title for link in links] == ["Πειραιάς", "Πουέρτο Μοντ"]
    assert [activity.title for activity in partnership_listings(partnership)["activities"]][0].startswith(
        "Επίσκεψη εργασίας"
    )
    with translation.override("el"):
        response = client.get(partnership.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Πουέρτο Μοντ" in html and "Πειραιάς" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_iuc_call_of_2017_is_closed(built, language):
    from programmes.models import CallPage

    iuc = page("programmes.ProgrammePage", language, code="iuc")
    call = CallPage.objects.child_of(iuc).get()
    assert call.state == CallPage.State.CLOSED
    assert call.local_deadline.date() == date(2017, 9, 21)
    assert call.timezone == "Europe/Brussels"


@pytest.mark.django_db
def test_icp_agir_call_closed_on_15_november_2021_brussels_time(built):
    from programmes.models import CallPage

    call = CallPage.objects.child_of(page("programmes.ProgrammePage", "en", code="icp-agir")).get()
    assert call.state == CallPage.State.CLOSED
    assert (call.local_deadline.date(), call.timezone) == (date(2021, 11, 15), "Europe/Brussels")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_smcnetzero_copenhagen_module_is_on_10_and_11_april_2024(built, language):
    from programmes.models import TrainingModulePage

    source = TrainingModulePage.objects.get(locale__language_code="ca", slug="smcnetzero-copenhaguen")
    module = TrainingModulePage.objects.get(
        locale__language_code=language, translation_key=source.translation_key
    )
    assert module.timezone == "Europe/Copenhagen"
    assert module.mode == TrainingModulePage.Mode.IN_PERSON
    assert (module.local_starts_at.date(), module.local_ends_at.date()) == (
        date(2024, 4, 10),
        date(2024, 4, 11),
    )


@pytest.mark.django_db
def test_icp_agir_timeline_runs_from_october_2021_to_february_2023_in_every_language(built):
    for language in LANGUAGE_CODES:
        programme = page("programmes.ProgrammePage", language, code="icp-agir")
        phases = sorted(programme.phases.all(), key=lambda phase: phase.start_date)
        assert phases[0].start_date == date(2021, 10, 1)
        assert phases[-1].kind == "closing-conference" and phases[-1].start_date == date(2023, 2, 1)
        assert {phase.locale.language_code for phase in phases} == {language}


@pytest.mark.django_db
def test_header_menu_shows_the_sections_and_about_but_not_the_footer_pages(built):
    home = page("home.HomePage", "en")
    in_menu = set(home.get_children().filter(show_in_menus=True).values_list("slug", flat=True))
    assert in_menu == {"programmes", "cities", "partnerships", "news", "about"}
    assert {"accessibility", "privacy"} <= set(home.get_children().values_list("slug", flat=True))


@pytest.mark.django_db
def test_cities_have_real_places_and_some_look_for_partners(built):
    from cities.models import CityPage

    cities = CityPage.objects.filter(locale__language_code="en")
    assert cities.count() >= 25
    puerto_montt = cities.get(slug="puerto-montt")
    assert (puerto_montt.country.code, puerto_montt.region) == ("CL", "latin-america")
    assert -42 < puerto_montt.latitude < -41 and -74 < puerto_montt.longitude < -72
    assert cities.filter(looking_for_partners=True, partner_themes__isnull=False).exists()
    assert (
        page("cities.CityPage", "el", translation_key=cities.get(slug="piraeus").translation_key).title
        == "Πειραιάς"
    )


@pytest.mark.django_db
def test_factories_fill_in_defaults_and_find_what_is_already_there(built):
    from base import factories as base_factories
    from cities import factories as city_factories
    from news import factories as news_factories
    from programmes import factories as programme_factories
    from programmes.models import CallPage

    programmes = page("programmes.ProgrammeIndexPage", "en")
    programme = programme_factories.programme(programmes, "Test programme", phases=[{"title": "Start"}])
    assert programme_factories.programme(programmes, "Test programme").pk == programme.pk
    assert (programme.code, programme.short_name) == ("test-programme", "Test programme")
    closing = programme_factories.phase(programme, "Closing", date(2030, 1, 1), kind="closing-conference")
    assert programme_factories.phase(programme, "Closing", date(2030, 1, 1)).pk == closing.pk
    assert programme.phases.count() == 2
    assert programme_factories.call(programme).state == CallPage.State.OPEN
    module = programme_factories.training_module(programme)
    assert module.is_upcoming and module.city_name == "Brussels"

    cities = page("cities.CityIndexPage", "en")
    brussels = city_factories.city(cities)
    assert city_factories.city(cities).pk == brussels.pk
    santiago = city_factories.city(cities, "Santiago", country="CL", population=6_000_000)
    assert santiago.region == "latin-america"
    partnership = city_factories.partnership(
        page("cities.PartnershipIndexPage", "en"), [brussels, santiago], programme=programme, activities=[{}]
    )
    assert partnership.title == "Brussels – Santiago" and partnership.activities.count() == 1
    with pytest.raises(ValueError):
        city_factories.partnership(page("cities.PartnershipIndexPage", "en"), [brussels, brussels])

    item = news_factories.news_item(page("news.NewsIndexPage", "en"), programme=programme)
    assert item.date == date.today() and item.programme_id == programme.pk
    theme = base_factories.theme("circular-economy", locale="en")
    assert theme.name == "Circular economy"
    assert base_factories.organisation("Ramboll", locale="en").kind == "contractor"


@pytest.mark.django_db
def test_strict_translation_names_the_strings_it_lacks(built):
    from base.factories import UntranslatedStringsError, translate
    from news import factories as news_factories

    item = news_factories.news_item(page("news.NewsIndexPage", "en"), "Only the title is translated")
    with pytest.raises(UntranslatedStringsError, match="only-the-title-is-translated"):
        translate(item, "ca", {"Only the title is translated": "Només el títol"}, strict=True)
