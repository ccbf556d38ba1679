"""Editors are told what is wrong in their own words, in the page editor and on the models."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cities.models import CityPage, PartnershipActivity, PartnershipPage
from programmes.models import CallPage, ProgrammePage, ProgrammePhase, TrainingModulePage

END_BEFORE_START = "The end date is before the start date."
TWO_CITIES = "A partnership needs at least two different cities."


def add_view(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def post_new_page(client, model, parent, fields):
    """Save a new page as a draft through Wagtail's page editor, as an editor would."""
    data = {"body": streamfield([]), "comments": inline_formset([]), **fields}
    return client.post(add_view(model, parent), nested_form_data(data))


def form_of(response):
    assert response.status_code == 200, f"the editor accepted the page (status {response.status_code})"
    return response.context["form"]


def call_fields(**fields):
    return {
        "title": "Call for cities",
        "slug": "new-call",
        "timezone": "Europe/Brussels",
        "contact_point_links": inline_formset([]),
        **fields,
    }


def programme_fields(**fields):
    return {
        "title": "IURC",
        "slug": "iurc-new",
        "code": "iurc-new",
        "short_name": "IURC",
        "full_name": "International Urban and Regional Cooperation",
        "phases": inline_formset([]),
        "theme_links": inline_formset([]),
        "delivery_partner_links": inline_formset([]),
        **fields,
    }


def partnership_fields(cities, **fields):
    return {
        "title": "Piraeus – Puerto Montt",
        "slug": "new-partnership",
        "start_date": "2024-03-01",
        "duration_months": "18",
        "status": "active",
        "partner_cities": inline_formset(
            [{"city": str(city.pk), "role": "partner"} for city in cities], min=2
        ),
        "activities": inline_formset([]),
        "theme_links": inline_formset([]),
        **fields,
    }


# The page editor


def test_editor_says_the_programme_ends_before_it_starts(admin_client, site):
    response = post_new_page(
        admin_client,
        ProgrammePage,
        site.programmes["en"],
        programme_fields(start_date="2022-01-01", end_date="2021-12-31"),
    )
    assert form_of(response).errors["end_date"] == [END_BEFORE_START]


def test_editor_says_a_phase_ends_before_it_starts(admin_client, site):
    phases = inline_formset(
        [
            {
                "title": "Study visit",
                "kind": "study-visit",
                "start_date": "2021-05-10",
                "end_date": "2021-05-01",
            }
        ]
    )
    response = post_new_page(
        admin_client, ProgrammePage, site.programmes["en"], programme_fields(phases=phases)
    )
    assert form_of(response).formsets["phases"].errors[0]["end_date"] == [END_BEFORE_START]


def test_editor_says_the_call_deadline_is_before_the_opening(admin_client, site):
    response = post_new_page(
        admin_client,
        CallPage,
        site.pages["programme"]["en"],
        call_fields(opens_at="2025-05-01 12:00", deadline="2025-04-01 12:00"),
    )
    assert form_of(response).errors["deadline"] == ["The deadline is before the opening date."]


def test_editor_says_the_call_deadline_is_outside_the_programme_period(admin_client, site):
    # The programme runs from 2020-01-01 to 2030-12-31.
    response = post_new_page(
        admin_client, CallPage, site.pages["programme"]["en"], call_fields(deadline="2031-03-01 12:00")
    )
    assert form_of(response).errors["deadline"] == [
        "The deadline is outside the programme period (2020-01-01 to 2030-12-31)."
    ]


def test_call_period_check_uses_the_calls_own_time_zone(admin_client, site):
    """01:00 on 1 January in Brussels is still 31 December in Santiago: inside the period."""
    response = post_new_page(
        admin_client,
        CallPage,
        site.pages["programme"]["en"],
        call_fields(deadline="2031-01-01 01:00", timezone="America/Santiago"),
    )
    assert response.status_code == 302, response.context["form"].errors
    call = CallPage.objects.get(slug="new-call")
    assert call.local_deadline.date() == date(2030, 12, 31)


def test_call_form_class_checks_the_deadline_against_the_parent_programme(site):
    """The admin form class on its own, as Wagtail builds it for the create view."""
    programme = site.pages["programme"]["en"]
    form_class = CallPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {**call_fields(deadline="2019-06-30 12:00"), "body": streamfield([]), "comments": inline_formset([])}
    )
    form = form_class(data, instance=CallPage(), parent_page=programme)
    assert not form.is_valid()
    assert form.errors["deadline"] == [
        "The deadline is outside the programme period (2020-01-01 to 2030-12-31)."
    ]


def test_editor_says_the_training_module_ends_before_it_starts(admin_client, site):
    response = post_new_page(
        admin_client,
        TrainingModulePage,
        site.pages["programme"]["en"],
        {
            "title": "Net-zero training 2",
            "slug": "training-2",
            "timezone": "Europe/Brussels",
            "mode": "online",
            "starts_at": "2025-03-10 09:00",
            "ends_at": "2025-03-09 17:00",
        },
    )
    assert form_of(response).errors["ends_at"] == ["The end is before the start."]


@pytest.mark.parametrize("same_city_twice", [True, False], ids=["same-city-twice", "one-city"])
def test_editor_says_a_partnership_needs_two_different_cities(admin_client, site, same_city_twice):
    piraeus = site.pages["piraeus"]["en"]
    cities = [piraeus, piraeus] if same_city_twice else [piraeus]
    response = post_new_page(
        admin_client, PartnershipPage, site.partnerships["en"], partnership_fields(cities)
    )
    assert TWO_CITIES in form_of(response).non_field_errors()
    assert not PartnershipPage.objects.filter(slug="new-partnership").exists()


def test_editor_accepts_a_partnership_of_two_cities(admin_client, site):
    cities = [site.pages["piraeus"]["en"], site.pages["puerto_montt"]["en"]]
    response = post_new_page(
        admin_client, PartnershipPage, site.partnerships["en"], partnership_fields(cities)
    )
    assert response.status_code == 302, response.context["form"].errors
    page = PartnershipPage.objects.get(slug="new-partnership")
    assert [link.city_id for link in page.partner_cities.all()] == [city.pk for city in cities]


def test_editor_says_an_activity_ends_before_it_starts(admin_client, site):
    cities = [site.pages["piraeus"]["en"], site.pages["puerto_montt"]["en"]]
    activities = inline_formset(
        [{"title": "Study visit", "kind": "visit", "start_date": "2024-06-07", "end_date": "2024-06-03"}]
    )
    response = post_new_page(
        admin_client,
        PartnershipPage,
        site.partnerships["en"],
        partnership_fields(cities, activities=activities),
    )
    assert form_of(response).formsets["activities"].errors[0]["end_date"] == [END_BEFORE_START]


# The models, for changes made outside the editor


def messages_of(excinfo, field):
    return excinfo.value.message_dict[field]


def test_programme_model_rejects_an_end_before_the_start(site):
    programme = ProgrammePage.objects.get(pk=site.pages["programme"]["en"].pk)
    programme.end_date = programme.start_date - timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        programme.full_clean()
    assert messages_of(excinfo, "end_date") == [END_BEFORE_START]


def test_phase_and_activity_models_reject_an_end_before_the_start():
    for obj in (
        ProgrammePhase(title="Visit", start_date=date(2021, 5, 10), end_date=date(2021, 5, 1)),
        PartnershipActivity(title="Visit", start_date=date(2021, 5, 10), end_date=date(2021, 5, 1)),
    ):
        with pytest.raises(ValidationError) as excinfo:
            obj.clean()
        assert messages_of(excinfo, "end_date") == [END_BEFORE_START]
    # A one-day phase without an end date is fine.
    ProgrammePhase(title="Conference", start_date=date(2021, 5, 10)).clean()


def test_training_model_rejects_an_end_before_the_start_and_a_late_registration_deadline(site):
    module = TrainingModulePage.objects.get(pk=site.pages["training"]["en"].pk)
    module.ends_at = module.starts_at - timedelta(hours=1)
    module.registration_deadline = module.starts_at
    with pytest.raises(ValidationError) as excinfo:
        module.full_clean()
    assert messages_of(excinfo, "ends_at") == ["The end is before the start."]
    assert messages_of(excinfo, "registration_deadline") == [
        "The registration deadline is after the module ends."
    ]


def test_call_model_rejects_a_deadline_before_the_opening(site):
    call = CallPage.objects.get(pk=site.pages["call"]["en"].pk)
    call.opens_at = call.deadline + timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        call.full_clean()
    assert messages_of(excinfo, "deadline") == ["The deadline is before the opening date."]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("latitude", "90.5", "A latitude is between -90 and 90."),
        ("latitude", "-91", "A latitude is between -90 and 90."),
        ("longitude", "180.000001", "A longitude is between -180 and 180."),
        ("longitude", "-200", "A longitude is between -180 and 180."),
        ("population", 0, "The population must be a positive number."),
    ],
)
def test_city_rejects_out_of_range_coordinates_and_a_population_that_is_not_positive(
    site, field, value, message
):
    city = CityPage.objects.get(pk=site.pages["piraeus"]["en"].pk)
    setattr(city, field, value)
    with pytest.raises(ValidationError) as excinfo:
        city.full_clean()
    assert message in messages_of(excinfo, field)
    assert set(excinfo.value.message_dict) == {field}


@pytest.mark.parametrize(
    "field, value",
    [("latitude", "90"), ("latitude", "-90"), ("longitude", "180"), ("longitude", "-180"), ("population", 1)],
)
def test_city_accepts_the_limits(site, field, value):
    city = CityPage.objects.get(pk=site.pages["piraeus"]["en"].pk)
    setattr(city, field, value)
    city.full_clean()
