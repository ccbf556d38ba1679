"""Editors' groups per language and the news review workflow.

``setup_editor_groups()`` creates or completes, and is safe to run again (``load_demo`` runs it;
on a production site run ``manage.py setup_editor_groups``):

- "Editors (English)", "Translators (Catalan)", "Translators (Polish)", "Translators (Greek)":
  add, edit and publish pages in their language's tree only (a permission on that language's home
  page, which Wagtail applies to every page below it), submit pages for translation
  (wagtail-localize: an item's source language is the language it was written in), edit themes
  and organisations (the translation editor of a snippet needs it; Django's model permissions
  cannot be limited to one language), and add and choose images and documents;
- "Moderators" (Wagtail's own group, completed): add, edit, publish, lock and unlock pages in
  every language;
- the workflow "News review": one "Moderator approval" task (a GroupApprovalTask for the
  Moderators), assigned to the news index of each language, so a news item submitted for
  moderation goes live only when a moderator approves it. A news index that already has a
  workflow of its own keeps it.

Wagtail lets anyone with publish permission publish a page directly even where a workflow
applies; the workflow is what an editor's "Submit to News review" follows. To send every news
item through the moderators, take publish_page off the language groups.
"""

from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MODERATORS = "Moderators"
NEWS_REVIEW = "News review"
MODERATOR_APPROVAL = "Moderator approval"

LANGUAGE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("base", "change_theme"),
    ("base", "change_organisation"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def language_group_name(language_code):
    name = LANG_INFO[language_code]["name"]
    return f"Editors ({name})" if language_code == "en" else f"Translators ({name})"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(name, page_permissions, pages):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*(_permission(app, codename) for app, codename in MODEL_PERMISSIONS))
    for page in pages:
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )
    root_collection = Collection.get_first_root_node()
    for app, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app, codename)
        )
    return group


@transaction.atomic
def setup_editor_groups():
    """Create or complete the groups and the news workflow; returns the groups by name."""
    from home.models import HomePage
    from news.models import NewsIndexPage

    groups = {}
    for locale in Locale.objects.order_by("pk"):
        code = locale.language_code
        if code not in LANG_INFO:
            continue
        name = language_group_name(code)
        groups[name] = _group(name, LANGUAGE_PAGE_PERMISSIONS, HomePage.objects.filter(locale=locale))
    moderators = _group(MODERATORS, MODERATOR_PAGE_PERMISSIONS, [Page.get_first_root_node()])
    groups[MODERATORS] = moderators

    task = GroupApprovalTask.objects.filter(name=MODERATOR_APPROVAL).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATOR_APPROVAL)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=NEWS_REVIEW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in NewsIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index.page_ptr, defaults={"workflow": workflow})
    return groups
