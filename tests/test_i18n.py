"""Languages: the redirect from /, untranslated pages, hreflang for live translations only, the
language of views that are not pages, and which fields translators translate or never touch."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import models
from django.utils import translation
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import OverridableSegment, RelatedObjectSegment, StringSegment, TranslationSource

from base import factories as base_factories
from base.factories import add_page, translate
from base.models import Organisation, Theme
from cities import factories as city_factories
from cities.models import (
    CityPage,
    CityPagePartnerTheme,
    CityPageTheme,
    PartnershipActivity,
    PartnershipPage,
    PartnershipPageTheme,
)
from home.factories import standard_page
from home.models import StandardPage
from news.models import NewsPage, NewsPageTheme
from programmes import factories as programme_factories
from programmes.models import (
    CallPage,
    CallPageContactPoint,
    ProgrammePage,
    ProgrammePageDeliveryPartner,
    ProgrammePageTheme,
    ProgrammePhase,
    TrainingModulePage,
    TrainingModulePageTheme,
)
from tests.conftest import parse_page


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept_language, target",
    [
        ("el", "/el/"),
        ("pl-PL,pl;q=0.9,en;q=0.5", "/pl/"),
        ("ca-ES,ca;q=0.9", "/ca/"),
        ("de-DE,el;q=0.8", "/el/"),
        ("xx", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "accept-language" in vary(response)


def test_page_with_a_missing_translation_says_so_instead_of_linking_home(client, site):
    press = standard_page(site.home["en"], "Press", "press")
    translate(press, "ca", {"Press": "Premsa"})

    for code, url in (("en", "/en/press/"), ("ca", "/ca/press/")):
        response = client.get(url)
        html = parse_page(response)
        other = "ca" if code == "en" else "en"
        assert html.lang == code
        assert html.switcher_links == {other: f"/{other}/press/"}
        assert sorted(html.switcher_unavailable) == ["el", "pl"]
        with translation.override(code):
            assert translation.gettext("not translated yet") in response.content.decode()
        assert dict(html.alternates) == {
            "en": "http://testserver/en/press/",
            "ca": "http://testserver/ca/press/",
            "x-default": "http://testserver/en/press/",
        }
        assert not any(href in ("/pl/", "/el/") for href in html.switcher_links.values())


def test_a_draft_translation_is_neither_offered_nor_announced(client, site):
    press = standard_page(site.home["en"], "Press", "press")
    translate(press, "pl", {"Press": "Prasa"}, publish=False)

    html = parse_page(client.get("/en/press/"))

    assert "pl" in html.switcher_unavailable
    assert "pl" not in html.switcher_links
    assert "pl" not in dict(html.alternates)
    assert client.get("/pl/press/").status_code == 404


def test_x_default_is_the_first_live_language_when_there_is_no_english_version(client, site):
    page = add_page(site.home["el"], StandardPage(title="Πειραιάς", slug="peiraias"))
    translate(page, "pl", {"Πειραιάς": "Pireus"})
    translate(page, "ca", {"Πειραιάς": "El Pireu"}, publish=False)

    html = parse_page(client.get("/pl/peiraias/"))

    assert html.lang == "pl"
    assert dict(html.alternates) == {
        "el": "http://testserver/el/peiraias/",
        "pl": "http://testserver/pl/peiraias/",
        "x-default": "http://testserver/pl/peiraias/",  # the site's order: en, ca (a draft), pl, el
    }
    assert sorted(html.switcher_unavailable) == ["ca", "en"]


@pytest.mark.parametrize("code", ["en", "ca", "pl", "el"])
def test_search_page_is_in_the_language_of_its_prefix(client, site, code):
    response = client.get(f"/{code}/search/", {"q": "Piraeus"})

    assert response.status_code == 200
    html = parse_page(response)
    assert html.lang == code
    assert html.switcher_current == code
    # The switcher keeps the visitor on the search, with the same query, in the other language.
    for other, href in html.switcher_links.items():
        assert href == f"/{other}/search/?q=Piraeus"
    assert len(html.switcher_links) == 3


@pytest.mark.parametrize("code", ["en", "ca", "pl", "el"])
def test_not_found_page_is_in_the_visitors_language(client, site, code):
    response = client.get(f"/{code}/nothing-here/")

    assert response.status_code == 404
    assert parse_page(response).lang == code
    with translation.override(code):
        assert translation.gettext("Page not found") in response.content.decode()
    assert f'href="/{code}/"' in response.content.decode()


def test_a_page_of_one_language_is_not_served_under_another_prefix(client, site):
    """/ca/ serves the Catalan tree: an English-only page is not found there."""
    standard_page(site.home["en"], "Press", "press")
    assert client.get("/en/press/").status_code == 200
    assert client.get("/ca/press/").status_code == 404


# Synchronised and translated fields (wagtail-localize)

TRANSLATED_ON_EVERY_PAGE = {"title", "slug", "seo_title", "search_description", "introduction"}
SYNCHRONISED = {
    ProgrammePage: {
        "code",
        "start_date",
        "end_date",
        "countries",
        "regions",
    },
    ProgrammePhase: {"kind", "start_date", "end_date"},
    CallPage: {"opens_at", "deadline", "timezone"},
    TrainingModulePage: {
        "starts_at",
        "ends_at",
        "timezone",
        "mode",
        "country",
        "registration_deadline",
    },
    CityPage: {
        "country",
        "region",
        "population",
        "latitude",
        "longitude",
        "programmes",
    },
    PartnershipPage: {"programme", "partner_cities", "start_date", "duration_months", "status"},
    PartnershipActivity: {"kind", "start_date", "end_date"},
    NewsPage: {"date", "programme"},
    Theme: {"slug"},
    Organisation: {"kind", "country"},
}
TRANSLATED = {
    ProgrammePage: TRANSLATED_ON_EVERY_PAGE
    | {
        "short_name",
        "full_name",
        "objectives",
        "body",
        "phases",
        "managing_body",
        "theme_links",
        "delivery_partner_links",
    },
    ProgrammePhase: {"title", "description"},
    CallPage: TRANSLATED_ON_EVERY_PAGE
    | {"who_may_apply", "eligibility", "benefits", "body", "contact_point_links"},
    TrainingModulePage: TRANSLATED_ON_EVERY_PAGE | {"stage", "venue", "body", "organiser", "theme_links"},
    CityPage: TRANSLATED_ON_EVERY_PAGE | {"body", "theme_links", "partner_theme_links"},
    PartnershipPage: TRANSLATED_ON_EVERY_PAGE | {"action_plan_summary", "body", "activities", "theme_links"},
    PartnershipActivity: {"title", "place", "description"},
    NewsPage: TRANSLATED_ON_EVERY_PAGE | {"body", "theme_links"},
    StandardPage: TRANSLATED_ON_EVERY_PAGE | {"body"},
    Theme: {"name", "description"},
    Organisation: {"name", "short_name", "description"},
    # A page's themes and organisations: inline rows whose snippet is a translated link.
    **{
        link: {"theme"}
        for link in (
            ProgrammePageTheme,
            TrainingModulePageTheme,
            CityPageTheme,
            CityPagePartnerTheme,
            PartnershipPageTheme,
            NewsPageTheme,
        )
    },
    ProgrammePageDeliveryPartner: {"organisation"},
    CallPageContactPoint: {"organisation"},
}
# Links that wagtail-localize translates: a translation points at the organisation in its language.
TRANSLATED_LINKS = {ProgrammePage: {"managing_body"}, TrainingModulePage: {"organiser"}}
# Values a translation must never change: dates and times, the time zone they are read in,
# codes used in addresses, coordinates and populations, and relations to other content.
NEVER_CHANGED_BY_TRANSLATORS = {
    "code",
    "start_date",
    "end_date",
    "opens_at",
    "deadline",
    "timezone",
    "starts_at",
    "ends_at",
    "registration_deadline",
    "date",
    "population",
    "latitude",
    "longitude",
    "programme",
    "programmes",
    "partner_cities",
    "themes",
    "partner_themes",
    "managing_body",
    "organiser",
}


def classified(model):
    fields = get_translatable_fields(model)
    return (
        {f.field_name for f in fields if isinstance(f, SynchronizedField)},
        {f.field_name for f in fields if isinstance(f, TranslatableField)},
    )


@pytest.mark.parametrize("model", sorted(set(SYNCHRONISED) | set(TRANSLATED), key=lambda m: m.__name__))
def test_translation_rules_translate_text_and_synchronise_the_rest(model):
    synchronised, translated = classified(model)
    assert SYNCHRONISED.get(model, set()) <= synchronised
    assert TRANSLATED[model] <= translated
    assert not synchronised & translated


@pytest.mark.parametrize("model", sorted(set(SYNCHRONISED), key=lambda m: m.__name__))
def test_every_date_number_and_relation_of_our_models_is_synchronised(model):
    """A field added later without a translation rule would be copied or left blank unpredictably."""
    synchronised, translated = classified(model)
    kinds = (
        models.DateField,
        models.DecimalField,
        models.IntegerField,
        models.BooleanField,
        models.ForeignKey,
        ParentalManyToManyField,
        ParentalKey,
    )
    own = [
        f
        for f in model._meta.get_fields()
        if isinstance(f, kinds)
        and f.model is model
        and not f.primary_key
        and f.name not in {"locale", "page", "partnership", "sort_order"}
    ]
    for f in own:
        if f.name in TRANSLATED_LINKS.get(model, ()):
            assert f.name in translated and isinstance(f, models.ForeignKey)
            continue
        assert f.name in synchronised, f"{model.__name__}.{f.name} has no SynchronizedField rule"
        assert f.name not in translated


def offered_to_translators(obj):
    """Top-level field names the translation editor lets a translator change."""
    source = TranslationSource.objects.get_for_instance(obj)
    paths = list(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    paths += list(OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True))
    paths += list(RelatedObjectSegment.objects.filter(source=source).values_list("context__path", flat=True))
    return {path.split(".")[0] for path in paths}


@pytest.mark.parametrize("name", ["programme", "call", "training", "piraeus", "partnership", "news", "theme"])
def test_translation_editor_offers_no_synchronised_value_to_change(site, name):
    obj = site.theme if name == "theme" else site.pages[name]["en"]
    offered = offered_to_translators(obj)
    assert "title" in offered or "name" in offered  # the text is offered
    forbidden = NEVER_CHANGED_BY_TRANSLATORS | ({"slug"} if name == "theme" else set())
    assert not offered & forbidden, f"a translator can change {sorted(offered & forbidden)}"


def test_resync_updates_synchronised_programme_fields_and_keeps_the_translated_text(site):
    programme = programme_factories.programme(
        site.programmes["en"],
        "Sync test",
        start_date=date(2021, 1, 1),
        end_date=date(2022, 1, 1),
        themes=[site.theme],
        phases=[{"title": "Kick-off", "start_date": date(2021, 2, 1)}],
    )
    translate(programme, "ca", {"Sync test": "Prova de sincronització", "Kick-off": "Inici"})

    air = base_factories.theme("air-quality", "Air quality")
    ProgrammePhase.objects.filter(page=programme).update(start_date=date(2021, 3, 1))
    programme = ProgrammePage.objects.get(pk=programme.pk)
    programme.end_date = date(2023, 6, 30)
    programme.set_themes([air])
    programme.save_revision().publish()
    catalan = translate(programme, "ca")  # "Sync translated pages"

    assert catalan.locale.language_code == "ca"
    assert catalan.end_date == date(2023, 6, 30)
    assert [theme.slug for theme in catalan.themes.all()] == ["air-quality"]
    assert catalan.title == "Prova de sincronització"
    assert [(p.title, p.start_date) for p in catalan.phases.all()] == [("Inici", date(2021, 3, 1))]
    assert ProgrammePage.objects.get(pk=programme.pk).title == "Sync test"


def test_resync_updates_coordinates_population_and_dates_of_other_page_types(site):
    city = city_factories.city(
        site.cities["en"],
        "Valparaíso",
        country="CL",
        population=296_655,
        latitude="-33.047",
        longitude="-71.613",
    )
    call = programme_factories.call(site.pages["programme"]["en"], "Sync call", timezone="Europe/Brussels")
    translate(city, "el", {"Valparaíso": "Βαλπαραΐσο"})
    translate(call, "el", {"Sync call": "Πρόσκληση"})

    city = CityPage.objects.get(pk=city.pk)
    city.latitude, city.longitude, city.population = Decimal("-33.050"), Decimal("-71.600"), 300_000
    city.save_revision().publish()
    call = CallPage.objects.get(pk=call.pk)
    call.deadline = call.deadline + timedelta(days=7)
    call.timezone = "America/Santiago"
    call.save_revision().publish()
    greek_city, greek_call = translate(city, "el"), translate(call, "el")

    assert (greek_city.latitude, greek_city.longitude, greek_city.population) == (
        Decimal("-33.050"),
        Decimal("-71.600"),
        300_000,
    )
    assert greek_city.title == "Βαλπαραΐσο"
    assert (greek_call.deadline, greek_call.timezone) == (call.deadline, "America/Santiago")
    assert greek_call.title == "Πρόσκληση"


def test_a_changed_synchronised_value_on_a_translation_is_put_back_by_the_next_sync(site):
    city = CityPage.objects.get(pk=site.pages["piraeus"]["en"].pk)
    polish = CityPage.objects.get(pk=site.pages["piraeus"]["pl"].pk)
    polish.population = 1
    polish.latitude = Decimal("10")
    polish.save_revision().publish()

    polish = translate(city, "pl")

    assert (polish.population, polish.latitude) == (city.population, city.latitude)
    assert polish.title == site.pages["piraeus"]["pl"].title
