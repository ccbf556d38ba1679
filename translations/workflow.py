"""The news workflow: every language version of a news item is checked, then reviewed, then published.

``setup_news_workflow()`` (idempotent, run by ``manage.py setup_news_workflow``) creates:

- groups: "News editors" (write and submit news, cannot publish), the "Moderators" (approve and
  publish) and the language groups of home.permissions ("Translators (Greek)"...), whose page permissions cover that
  language's tree only;
- tasks: one shared "Editorial review" task (Moderators) and one "Language check (<code>)"
  task per language (that language's translators);
- one workflow per language, "News (<code>)": language check, then editorial review, assigned
  to the news index of that language, so a news item in Greek, written or translated, goes to
  the Greek translators first.

A news item written in one language goes through its language's workflow from the page editor
("Submit to News (en)"). ``send_news_for_translation`` then makes draft translations with
wagtail-localize and starts each one's workflow, so each language's translators find their task
on their dashboard; approving the language check folds what they typed in the translation editor
into the draft that the reviewers see and that is published at the end.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Max
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.signals import task_approved
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from home.permissions import MODERATORS, language_group_name  # noqa: E402

NEWS_EDITORS = "News editors"
# One set of groups for the whole site: the reviewers are the Moderators, and each language's
# translators are the language group of home.permissions ("Translators (Greek)"...).
NEWS_REVIEWERS = MODERATORS
EDITORIAL_REVIEW = "Editorial review"


def translators_group_name(language_code):
    return language_group_name(language_code)


def language_check_name(language_code):
    return f"Language check ({language_code})"


def workflow_name(language_code):
    return f"News ({language_code})"


def _group(name, permissions=()):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*permissions)
    return group


def _page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def _task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


@transaction.atomic
def setup_news_workflow():
    """Create or complete the groups, tasks and per-language workflows; returns the workflows by language."""
    from news.models import NewsIndexPage

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors = _group(NEWS_EDITORS, [access_admin])
    reviewers = _group(NEWS_REVIEWERS, [access_admin])
    review = _task(EDITORIAL_REVIEW, reviewers)

    workflows = {}
    for locale in Locale.objects.order_by("pk"):
        code = locale.language_code
        translators = _group(translators_group_name(code), [access_admin])
        check = _task(language_check_name(code), translators)
        workflow, _created = Workflow.objects.get_or_create(name=workflow_name(code))
        for order, task in enumerate([check, review]):
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
        workflows[code] = workflow

        # Translators edit their language's tree (the translation editor needs edit permission).
        for home in Page.objects.filter(depth=2, locale=locale):
            _page_permissions(translators, home, ["add_page", "change_page"])
        for index in NewsIndexPage.objects.filter(locale=locale):
            WorkflowPage.objects.update_or_create(page=index.page_ptr, defaults={"workflow": workflow})
            _page_permissions(editors, index, ["add_page", "change_page"])
            _page_permissions(reviewers, index, ["add_page", "change_page", "publish_page"])
    return workflows


def _enabled_translation(page):
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def refresh_translation_draft(page, user=None):
    """Save a new draft of a translated page from what is in wagtail-localize's translation memory."""
    translation = _enabled_translation(page)
    if translation is None:
        return None
    translation.save_target(user=user, publish=False)
    return translation


@transaction.atomic
def submit_for_review(page, user=None):
    """Start ``page``'s workflow (for a translation, on a fresh draft of its translated text)."""
    page = page.specific
    if page.workflow_in_progress:
        return page.current_workflow_state
    workflow = page.get_workflow()
    if workflow is None:
        return None
    refresh_translation_draft(page, user)
    page = Page.objects.get(pk=page.pk).specific
    return workflow.start(page, user)


@transaction.atomic
def send_news_for_translation(news_page, language_codes, user=None):
    """Draft translations of ``news_page`` (wagtail-localize) and the language check for each one.

    Returns ``{language code: WorkflowState or None}``; languages the item is already translated
    into are left alone.
    """
    news_page = news_page.specific
    locales = list(Locale.objects.filter(language_code__in=language_codes).exclude(pk=news_page.locale_id))
    existing = set(
        news_page.get_translations()
        .filter(alias_of__isnull=True)
        .values_list("locale__language_code", flat=True)
    )
    to_create = [locale for locale in locales if locale.language_code not in existing]
    if to_create:
        TranslationCreator(user, to_create).create_translations(news_page)
    states = {}
    for locale in locales:
        target = news_page.get_translation_or_none(locale)
        states[locale.language_code] = submit_for_review(target, user) if target is not None else None
    return states


@receiver(task_approved)
def fold_in_translations(sender, instance, user=None, **kwargs):
    """When a task on a translated page is approved, publish-to-be text includes the latest translations.

    Translators type into wagtail-localize's translation editor, which keeps the strings in
    translation memory without saving the page; if any changed since the revision under review,
    a new draft is saved so the next task, and the final publication, see them.
    """
    workflow_state = instance.workflow_state
    obj = workflow_state.content_object
    if not isinstance(obj, Page):
        return
    translation = _enabled_translation(obj)
    if translation is None:
        return
    latest = StringTranslation.objects.filter(
        locale_id=obj.locale_id, context__object_id=obj.translation_key
    ).aggregate(latest=Max("updated_at"))["latest"]
    revision = obj.get_latest_revision()
    if latest is not None and (revision is None or latest > revision.created_at):
        translation.save_target(user=user, publish=False)


def page_workflow_states():
    """``{page id: (status, task name)}`` for every page with a workflow in progress or sent back, in one query."""
    from django.contrib.contenttypes.models import ContentType

    states = WorkflowState.objects.active().filter(base_content_type=ContentType.objects.get_for_model(Page))
    return {
        int(state["object_id"]): (state["status"], state["current_task_state__task__name"])
        for state in states.values("object_id", "status", "current_task_state__task__name")
    }


def describe_workflow_state(status, task_name):
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Changes requested at “%(task)s”") % {"task": task_name}
    return _("Awaiting “%(task)s”") % {"task": task_name}
