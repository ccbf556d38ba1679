"""Translators hear when the text of a page they translated changes.

When a source page is published, its translatable strings (as wagtail-localize extracts them) are
compared with those its ``TranslationSource`` holds, which are the ones the translations were
last synced from, and with those of the previous publication. Only when both differ, so the text
changed since the translators last synced and changed in this publication, the translators of
its enabled translations get one e-mail each, in their admin language, with a link to
wagtail-localize's "Update translations" view for the source. Publishing with no change to the
text, or again before a sync, sends nothing.

A translation's translators are the authors of its latest revision and of its live revision
(the people who last edited and published it). Like Wagtail's own notifications, the mail goes to
active users with an address, not to the author of the change, and only to those who can
still edit the translation. The switch is Wagtail's "rejected" notification preference ("your
page edit needs changes"), the closest of its switches to "your translation needs work again".

``outdated_translations`` lists, for the dashboard, the translations whose source text changed
since they were last synced.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import get_connection
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.mail import send_mail
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from translations.permissions import writable_locales
from translations.status import OUTDATED, STATUS_GENERATION, cached_status, content_languages
from website.pagecache import current_generation

logger = logging.getLogger(__name__)

NOTIFICATION = "source_changed"
TEXT_CHECK_SECONDS = 600


def extracted_strings(instance):
    """The translatable strings of ``instance`` as ``(path, text)`` pairs, sorted."""
    return sorted(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )


def synced_strings(source):
    """The strings the translations were last synced from."""
    return sorted(StringSegment.objects.filter(source=source).values_list("context__path", "string__data"))


def previous_publication(page, revision):
    """The revision published before ``revision``, from the page's history (None if unknown)."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry is not None else None


def text_changed_on_publish(page, revision, source):
    """True if this publication changed the text and the translations have not caught up with it."""
    current = extracted_strings(page)
    if current == synced_strings(source):
        return False
    previous = previous_publication(page, revision)
    if previous is None:
        return True
    try:
        before = previous.as_object()
    except Exception:  # a revision saved under an older schema: count it as a change
        logger.warning("Could not read revision %s of page %s", previous.pk, page.pk, exc_info=True)
        return True
    return extracted_strings(before) != current


def can_sync(user, source_id, writable=None):
    """Whether ``user`` may use the update view for the source (``views.UpdateTranslationsView``).

    ``writable``: the ids of the locales the user writes, when the caller has them already.
    """
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if writable is None:
        writable = set(writable_locales(user).values_list("pk", flat=True))
    needed = Translation.objects.filter(source_id=source_id, enabled=True).values_list(
        "target_locale_id", flat=True
    )
    return set(needed) <= writable


def update_url(source_id):
    return reverse("wagtail_localize:update_translations", args=[source_id])


def translators(page):
    """The authors of the page's latest and live revisions."""
    revisions = [page.get_latest_revision(), page.live_revision]
    return {revision.user for revision in revisions if revision is not None and revision.user is not None}


def wants_mail(user, page):
    return (
        user.is_active
        and user.email
        and UserProfile.get_for_user(user).rejected_notifications
        and page.permissions_for_user(user).can_edit()
    )


@dataclass
class ChangedTranslation:
    language: str
    page: Page
    edit_url: str


def recipients(source, author=None):
    """``{user: [ChangedTranslation]}`` for the translators of the source's enabled translations."""
    names = dict(content_languages())
    found = {}
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    for translation in translations.order_by("target_locale__language_code"):
        code = translation.target_locale.language_code
        page = Page.objects.filter(translation_key=source.object_id, locale=translation.target_locale).first()
        if page is None or page.alias_of_id:
            continue
        page = page.specific
        for user in translators(page):
            if user == author or not wants_mail(user, page):
                continue
            found.setdefault(user, []).append(
                ChangedTranslation(
                    names.get(code, code), page, reverse("wagtailadmin_pages:edit", args=[page.pk])
                )
            )
    return found


def send_source_changed(page, source, author=None):
    """E-mail each translator of ``page`` once; returns the number of messages sent."""
    base_url = get_admin_base_url() or ""
    sent = 0
    people = recipients(source, author=author)
    if not people:
        return 0
    with get_connection() as connection:
        for user, changed in people.items():
            context = {
                "user": user,
                "source_page": page,
                "translations": changed,
                "base_url": base_url,
                "update_url": base_url + update_url(source.pk) if can_sync(user, source.pk) else "",
                "source_edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "settings": settings,
            }
            with override(UserProfile.get_for_user(user).get_preferred_language()):
                subject = render_to_string(f"translations/notifications/{NOTIFICATION}_subject.txt", context)
                text = render_to_string(f"translations/notifications/{NOTIFICATION}.txt", context)
                html = (
                    render_to_string(f"translations/notifications/{NOTIFICATION}.html", context)
                    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
                    else None
                )
            try:
                send_mail(
                    " ".join(subject.split()),
                    text.strip(),
                    [user.email],
                    connection=connection,
                    html_message=html,
                )
                sent += 1
            except Exception:  # one failed address must not stop the others, nor the publication
                logger.exception("Could not send the source-changed notification to %s", user.email)
    return sent


@receiver(page_published)
def source_published(sender, instance, revision, **kwargs):
    """After the publication commits, tell the translators if the page's text changed."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or not source.translations.filter(enabled=True).exists():
        return
    if not text_changed_on_publish(instance, revision, source):
        return
    author = revision.user if revision is not None else None
    transaction.on_commit(lambda: send_source_changed(instance, source, author=author))


# The dashboard.


@dataclass
class OutdatedTranslation:
    title: str
    language: str
    language_name: str
    update_url: str
    edit_url: str


def source_text_changed(source_id):
    """True if the live source's strings differ from those last synced (cached per content change)."""
    key = f"translations-text-changed:{current_generation(STATUS_GENERATION)}:{source_id}"
    changed = cache.get(key)
    if changed is None:
        source = TranslationSource.objects.filter(pk=source_id).first()
        try:
            instance = source.get_source_instance() if source is not None else None
        except ObjectDoesNotExist:  # the source object was deleted
            instance = None
        changed = instance is not None and extracted_strings(instance) != synced_strings(source)
        cache.set(key, changed, TEXT_CHECK_SECONDS)
    return changed


def outdated_translations(user, limit=10, checked=50):
    """The translations into the user's languages whose source text changed since the last sync.

    Candidates come from the cached status report (source published after the last sync); the
    first ``checked`` of them have their text compared, and ``limit`` are returned.
    """
    report = cached_status()
    writable = dict(writable_locales(user).values_list("pk", "language_code"))
    codes = set(writable.values())
    names = dict(report.languages)
    candidates = [
        (row, cell)
        for row in report.rows
        for code, cell in row.cells.items()
        if code in codes and cell.status == OUTDATED and cell.translation_id
    ][:checked]
    sources = dict(
        Translation.objects.filter(pk__in=[cell.translation_id for _row, cell in candidates]).values_list(
            "pk", "source_id"
        )
    )
    syncable = {}
    found = []
    for row, cell in candidates:
        source_id = sources.get(cell.translation_id)
        if source_id is None or not source_text_changed(source_id):
            continue
        if source_id not in syncable:
            syncable[source_id] = can_sync(user, source_id, writable=set(writable))
        found.append(
            OutdatedTranslation(
                title=row.title,
                language=cell.language,
                language_name=names.get(cell.language, cell.language),
                update_url=update_url(source_id) if syncable[source_id] else "",
                edit_url=reverse("wagtailadmin_pages:edit", args=[cell.instance_id])
                if row.kind == "page"
                else "",
            )
        )
        if len(found) >= limit:
            break
    return found
