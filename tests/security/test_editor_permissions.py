"""Editors' groups per language (home.permissions): a Polish translator edits and publishes the
Polish tree and nothing else; a news item submitted to "News review" waits for a moderator."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from base.factories import add_page, translate
from home.factories import standard_page
from home.permissions import MODERATORS, NEWS_REVIEW, setup_editor_groups
from news.models import NewsPage

GROUPS = [
    "Editors (English)",
    "Translators (Catalan)",
    "Translators (Polish)",
    "Translators (Greek)",
    MODERATORS,
]


@pytest.fixture
def groups(site_tree):
    return setup_editor_groups()


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def polish_translator(groups, django_user_model):
    return member_of(django_user_model, "Translators (Polish)", "ola")


@pytest.fixture
def pages(site_tree):
    """An English page with Polish and Greek translations, and a page written in Polish."""
    from home.models import StandardPage

    team = standard_page(site_tree.home["en"], "Our team", "our-team", introduction="Who we are.")
    return {
        "en": team,
        "pl": translate(team, "pl", {"Our team": "Nasz zespół", "our-team": "nasz-zespol"}),
        "el": translate(team, "el", {"Our team": "Η ομάδα μας", "our-team": "i-omada-mas"}),
        "pl-source": add_page(site_tree.home["pl"], StandardPage(title="Nabór IUC", slug="nabor-iuc")),
    }


def test_setup_creates_the_groups_and_is_safe_to_run_again(site_tree):
    first = setup_editor_groups()
    second = setup_editor_groups()
    assert sorted(first) == sorted(second) == sorted(GROUPS)
    polish = first["Translators (Polish)"]
    assert [p.page.locale.language_code for p in polish.page_permissions.all()] == ["pl"] * 3
    assert polish.permissions.filter(codename="submit_translation").exists()
    assert polish.permissions.filter(codename="access_admin").exists()
    assert (
        first[MODERATORS].page_permissions.filter(page__depth=1, permission__codename="publish_page").exists()
    )


def test_polish_translator_may_edit_and_publish_polish_pages_only(polish_translator, pages):
    for key in ("pl", "pl-source"):
        tester = pages[key].permissions_for_user(polish_translator)
        assert tester.can_edit() and tester.can_publish(), key
    for key in ("en", "el"):
        tester = pages[key].permissions_for_user(polish_translator)
        assert not tester.can_edit() and not tester.can_publish(), key


def test_polish_translator_opens_polish_pages_in_the_admin_and_not_others(client, polish_translator, pages):
    client.force_login(polish_translator)
    assert client.get("/admin/").status_code == 200
    for key in ("pl", "pl-source"):
        assert client.get(f"/admin/pages/{pages[key].pk}/edit/").status_code == 200, key
    for key in ("en", "el"):
        response = client.get(f"/admin/pages/{pages[key].pk}/edit/")
        assert response.status_code in (302, 403), key


def edit_form_data(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.text, form_id="page-edit-form")
    data.setdefault("body-count", "0")
    return data


def test_polish_translator_publishes_a_polish_page_through_the_admin(client, polish_translator, pages):
    client.force_login(polish_translator)
    page = pages["pl-source"]
    data = edit_form_data(client, page)
    data["title"] = "Nabór IUC 2017"
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Nabór IUC 2017"
    assert page.live and not page.has_unpublished_changes


def test_polish_translator_cannot_publish_a_greek_page_through_the_admin(client, polish_translator, pages):
    page = pages["el"]
    client.force_login(polish_translator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Hacked", "slug": page.slug, "action-publish": "action-publish", "body-count": "0"},
    )
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title == "Η ομάδα μας"
    assert Page.objects.filter(title="Hacked").count() == 0


def test_news_item_goes_live_only_when_a_moderator_approves_it(client, groups, site_tree, django_user_model):
    editor = member_of(django_user_model, "Editors (English)", "emma")
    moderator = member_of(django_user_model, MODERATORS, "max")
    translator = member_of(django_user_model, "Translators (Polish)", "ola")
    news = add_page(
        site_tree.news["en"], NewsPage(title="Draft news", slug="draft-news", live=False), publish=False
    )
    assert not news.live

    workflow = news.get_workflow()
    assert workflow.name == NEWS_REVIEW
    state = workflow.start(news, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    news.refresh_from_db()
    assert not news.live
    assert client.get(news.get_url()).status_code == 404

    task_state = state.current_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, _label, _modal in task.get_actions(news, moderator)]
    assert task.get_actions(news, editor) == []
    assert task.get_actions(news, translator) == []

    task_state.approve(user=moderator)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    news.refresh_from_db()
    assert news.live
    assert client.get(news.get_url()).status_code == 200


def test_every_languages_news_index_uses_news_review(groups, site_tree):
    for code, index in site_tree.news.items():
        assert index.get_workflow().name == NEWS_REVIEW, code
