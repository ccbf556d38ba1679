"""The news workflow: review before publishing, translators' tasks per language, the editor's overview."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from news.factories import news_item
from translations.status import IN_PROGRESS, UP_TO_DATE, compute_status
from translations.workflow import (
    EDITORIAL_REVIEW,
    NEWS_EDITORS,
    NEWS_REVIEWERS,
    language_check_name,
    send_news_for_translation,
    setup_news_workflow,
    submit_for_review,
    translators_group_name,
    workflow_name,
)


@pytest.fixture
def people(tree, django_user_model):
    setup_news_workflow()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": member("editor", NEWS_EDITORS),
        "reviewer": member("reviewer", NEWS_REVIEWERS),
        "en": member("proofreader", translators_group_name("en")),
        "el": member("eleni", translators_group_name("el")),
        "pl": member("piotr", translators_group_name("pl")),
    }


def approve(page, user):
    state = page.current_workflow_state
    task_state = state.current_task_state
    assert "approve" in [action[0] for action in task_state.task.specific.get_actions(page, user)]
    task_state.task.specific.on_action(task_state, user, "approve")
    return type(page).objects.get(pk=page.pk)


def draft_news(tree, title="Cities meet in Piraeus", **fields):
    page = news_item(tree["news"]["en"], title, introduction="A first meeting.", **fields)
    page.unpublish()
    return type(page).objects.get(pk=page.pk)


@pytest.mark.django_db
def test_setup_is_idempotent_and_gives_each_language_its_workflow(tree):
    first = setup_news_workflow()
    second = setup_news_workflow()
    assert {code: w.pk for code, w in first.items()} == {code: w.pk for code, w in second.items()}
    for code in ["en", "ca", "pl", "el"]:
        workflow = second[code]
        assert workflow.name == workflow_name(code)
        assert [task.name for task in workflow.tasks] == [language_check_name(code), EDITORIAL_REVIEW]
        assert tree["news"][code].get_workflow() == workflow


@pytest.mark.django_db
def test_the_setup_command_prints_each_workflow(tree):
    out = StringIO()
    call_command("setup_news_workflow", stdout=out)
    assert "News (el): Language check (el), Editorial review" in out.getvalue()


@pytest.mark.django_db
def test_news_is_reviewed_before_it_is_published(tree, people):
    page = draft_news(tree)
    assert not people["editor"].has_perm("wagtailcore.publish_page")
    assert not page.permissions_for_user(people["editor"]).can_publish()
    assert page.permissions_for_user(people["editor"]).can_edit()

    state = submit_for_review(page, people["editor"])
    assert state.current_task_state.task.name == language_check_name("en")
    # The Greek translators have nothing to do with an English text.
    assert not TaskState.objects.reviewable_by(people["el"]).exists()
    assert TaskState.objects.reviewable_by(people["en"]).filter(pk=state.current_task_state.pk).exists()

    page = approve(page, people["en"])
    assert page.current_workflow_state.current_task_state.task.name == EDITORIAL_REVIEW
    assert not page.live
    with pytest.raises(AssertionError):
        approve(page, people["editor"])  # an editor cannot approve their own news
    page = approve(page, people["reviewer"])
    assert page.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


@pytest.mark.django_db
def test_translators_get_their_tasks_per_language(tree, people):
    page = news_item(tree["news"]["en"], "Cities meet in Piraeus", introduction="A first meeting.")
    states = send_news_for_translation(page, ["el", "pl"], user=people["editor"])
    assert set(states) == {"el", "pl"}

    greek_task = states["el"].current_task_state
    polish_task = states["pl"].current_task_state
    assert greek_task.task.name == language_check_name("el")
    assert list(TaskState.objects.reviewable_by(people["el"])) == [greek_task]
    assert list(TaskState.objects.reviewable_by(people["pl"])) == [polish_task]
    # The translator's page permissions cover their language's tree only.
    greek_page = page.get_translation(Locale.objects.get(language_code="el"))
    assert greek_page.permissions_for_user(people["el"]).can_edit()
    assert not page.permissions_for_user(people["el"]).can_edit()
    assert not greek_page.permissions_for_user(people["pl"]).can_edit()


@pytest.mark.django_db
def test_the_editor_sees_where_each_translation_stands(tree, people, admin_client):
    page = news_item(tree["news"]["en"], "Cities meet in Piraeus", introduction="A first meeting.")
    send_news_for_translation(page, ["el"], user=people["editor"])
    row = next(row for row in compute_status().rows if row.key == str(page.translation_key))
    assert row.cells["el"].status == IN_PROGRESS
    assert language_check_name("el") in row.cells["el"].workflow
    assert row.cells["pl"].action_url  # missing: translate

    news_section = f"page:{tree['news']['en'].translation_key}"
    response = admin_client.get(reverse("translations:status"), {"section": news_section})
    html = response.content.decode()
    assert language_check_name("el") in html
    assert reverse("translations:send_news", args=[page.pk]) in html

    response = admin_client.post(reverse("translations:send_news", args=[page.pk]), {"language": ["pl"]})
    assert response.status_code == 302
    row = next(row for row in compute_status().rows if row.key == str(page.translation_key))
    assert language_check_name("pl") in row.cells["pl"].workflow


@pytest.mark.django_db
def test_a_translation_goes_from_the_translator_to_the_reviewer_to_the_site(tree, people, client):
    page = news_item(tree["news"]["en"], "Cities meet in Piraeus", introduction="A first meeting.")
    send_news_for_translation(page, ["el"], user=people["editor"])
    greek_locale = Locale.objects.get(language_code="el")
    greek = page.get_translation(greek_locale)
    assert not greek.live

    # The translator works in wagtail-localize's translation editor, which stores each string.
    for segment in StringSegment.objects.filter(source__object_id=page.translation_key).select_related(
        "string"
    ):
        text = {
            "Cities meet in Piraeus": "Οι πόλεις συναντώνται στον Πειραιά",
            "A first meeting.": "Μια πρώτη συνάντηση.",
        }
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=greek_locale,
            context=segment.context,
            defaults={"data": text.get(segment.string.data, segment.string.data)},
        )
    greek = approve(greek, people["el"])
    # Approving the language check put the Greek text in the draft the reviewer sees.
    assert greek.get_latest_revision().as_object().title == "Οι πόλεις συναντώνται στον Πειραιά"
    assert greek.current_workflow_state.current_task_state.task.name == EDITORIAL_REVIEW

    greek = approve(greek, people["reviewer"])
    assert greek.live
    assert greek.title == "Οι πόλεις συναντώνται στον Πειραιά"
    assert "Μια πρώτη συνάντηση." in client.get(greek.url).content.decode()
    row = next(row for row in compute_status().rows if row.key == str(page.translation_key))
    assert row.cells["el"].status == UP_TO_DATE
    assert row.cells["el"].workflow == ""


@pytest.mark.django_db
def test_changes_requested_are_shown_to_the_editor(tree, people):
    page = news_item(tree["news"]["en"], "Cities meet in Piraeus")
    states = send_news_for_translation(page, ["el"], user=people["editor"])
    task_state = states["el"].current_task_state
    task_state.task.specific.on_action(task_state, people["el"], "reject")
    row = next(row for row in compute_status().rows if row.key == str(page.translation_key))
    assert "Changes requested" in row.cells["el"].workflow
