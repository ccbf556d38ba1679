"""Where every page and translatable snippet stands in every language, in a fixed number of queries.

Each object (all the versions sharing a ``translation_key``) is one row; its source is the
version wagtail-localize translates from (the locale of its ``TranslationSource``), or, when it
was never submitted for translation, its oldest version. Every other language gets one status:

- **missing**: no version in that language (a wagtail-localize alias of the source counts as
  missing, it only mirrors the source);
- **outdated**: the source was published (pages) or saved (snippets) after wagtail-localize last
  took its text (``TranslationSource.last_updated_at``), so the translation lacks the latest
  changes until someone syncs it ("Sync translated pages", our *update* action);
- **in progress**: a translation exists but not every string of the synced source has a
  translation yet, or strings were translated (translation editor, PO import) after the
  translation was last written to its target, or the translated version is not live, or it has
  unpublished changes;
- **up to date**: everything else.

Translations made by hand (no enabled wagtail-localize ``Translation``) are outdated when the
source was published after the translation was last changed.

The queries: locales, pages, each translatable snippet model (and each of its parental
many-to-many relations), translation sources (twice: dates,
and the stored text of snippet sources), translations, segment counts, translated segment counts,
latest string changes, latest translation logs, news items' programmes, workflow states, content
types. Nothing is fetched per row.
"""

import datetime
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from website.pagecache import current_generation, stale_now_and_after_commit

MISSING = "missing"
IN_PROGRESS = "in-progress"
OUTDATED = "outdated"
UP_TO_DATE = "up-to-date"
SOURCE = "source"

STATUSES = [MISSING, IN_PROGRESS, OUTDATED, UP_TO_DATE]
STATUS_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUTDATED: _("Outdated"),
    UP_TO_DATE: _("Up to date"),
    SOURCE: _("Original"),
}

STEPLEN = Page.steplen
STATUS_GENERATION = "translation-status-generation"
STATUS_CACHE_SECONDS = 600


@dataclass
class Cell:
    language: str
    status: str
    action_url: str = ""
    action_label: str = ""
    instance_id: int | None = None
    translation_id: int | None = None
    po_url: str = ""
    total: int = 0
    done: int = 0
    workflow: str = ""

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def writes(self):
        """Its action writes into the language (translate, update) rather than opening an editor."""
        return self.status in (MISSING, OUTDATED)


@dataclass
class Row:
    key: str
    kind: str  # "page" or "snippet"
    type_label: str
    title: str
    source_language: str
    source_id: int
    edit_url: str
    section: str
    sort_key: tuple
    cells: dict = field(default_factory=dict)
    programme_sections: set = field(default_factory=set)
    section_url: str = ""
    model_key: str = ""

    def in_section(self, section):
        return not section or section == self.section or section in self.programme_sections

    def cell_list(self, languages):
        return [self.cells[code] for code in languages]


@dataclass
class StatusReport:
    languages: list  # [(code, name)]
    rows: list
    sections: list  # [(key, label)]
    computed_at: datetime.datetime | None = None

    def filtered(self, language="", section="", status=""):
        rows = []
        for row in self.rows:
            if not row.in_section(section):
                continue
            cells = [row.cells[language]] if language else list(row.cells.values())
            if status and not any(cell.status == status for cell in cells):
                continue
            rows.append(row)
        return rows

    def counts(self):
        """``{language code: Counter(status -> number of objects)}``."""
        result = {code: Counter() for code, _name in self.languages}
        for row in self.rows:
            for code, cell in row.cells.items():
                result[code][cell.status] += 1
        return result


def content_languages():
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return [(code, names[code]) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def translatable_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]


def _local_data(instance):
    """The snippet's own columns as wagtail-localize stores them (auto-set dates left out)."""
    skip = {
        f.name
        for f in instance._meta.fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    data = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    return {name: value for name, value in data.items() if name not in skip and name != "pk"}


def _relation_values(model):
    """``{rows' name: (target, {object pk: sorted related pks})}`` for each many-to-many field held
    as inline rows (``base.models.ThemeLink``; wagtail-localize stores the rows, each naming its
    ``target``), one query each."""
    result = {}
    for model_field in model._meta.many_to_many:
        through = model_field.remote_field.through
        source_name = model_field.m2m_field_name()
        target_name = model_field.m2m_reverse_field_name()
        parent = through._meta.get_field(source_name)
        if not isinstance(parent, ParentalKey):
            continue
        values = defaultdict(list)
        for own, other in through.objects.values_list(f"{source_name}_id", f"{target_name}_id"):
            values[own].append(other)
        rows = parent.remote_field.get_accessor_name()
        result[rows] = (target_name, {pk: sorted(others) for pk, others in values.items()})
    return result


def _snippet_changed(instance, content_json, relations):
    """True if a snippet differs from the text and relations wagtail-localize last took from it."""
    if content_json is None:
        return False
    stored = json.loads(content_json)
    current = _local_data(instance)
    if any(stored.get(name) != value for name, value in current.items()):
        return True
    return any(
        rows in stored and sorted(row[target] for row in stored[rows] or []) != values.get(instance.pk, [])
        for rows, (target, values) in relations.items()
    )


def _later(moment, reference):
    return moment is not None and (reference is None or moment > reference)


def _page_modified(page):
    return page["last_published_at"] if page["live"] else page["latest_revision_created_at"]


def _submit_url(kind, source, code):
    if kind == "page":
        url = reverse("wagtail_localize:submit_page_translation", args=[source["id"]])
    else:
        model = source["model"]
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, quote(source["id"])],
        )
    return f"{url}?{urlencode({'select_locale': code})}"


def _edit_url(kind, instance):
    if kind == "page":
        return reverse("wagtailadmin_pages:edit", args=[instance["id"]])
    model = instance["model"]
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit", args=[quote(instance["id"])]
    )


def status_changed():
    """Make the cached report stale now, and again once the transaction commits.

    The second bump drops a report another request computed from the data as it was before the
    commit; the first one keeps the report right inside the transaction (and in tests).
    """
    stale_now_and_after_commit(STATUS_GENERATION)


def cached_status(refresh=False):
    """The report, computed once per change to the content and per admin language.

    Every save or deletion of a page, revision, translatable snippet, workflow state or
    wagtail-localize object bumps the generation (``translations.signals``); the report also
    expires after ``STATUS_CACHE_SECONDS`` for any change made around the ORM.
    """
    key = f"translations-status:{current_generation(STATUS_GENERATION)}:{get_language()}"
    report = None if refresh else cache.get(key)
    if report is None:
        report = _in_plain_strings(compute_status())
        cache.set(key, report, STATUS_CACHE_SECONDS)
    return report


def _in_plain_strings(report):
    """The report with its lazy translations made text (in the active language, which the cache key
    names): unpickling a lazy string builds a class, which made reading the report slower than
    computing it."""

    def plain(value):
        return str(value) if isinstance(value, Promise) else value

    def plain_fields(obj):
        for name, value in vars(obj).items():
            setattr(obj, name, plain(value))

    for row in report.rows:
        plain_fields(row)
        for cell in row.cells.values():
            plain_fields(cell)
    report.languages = [(code, plain(name)) for code, name in report.languages]
    report.sections = [(key, plain(label)) for key, label in report.sections]
    return report


def compute_status():
    """The ``StatusReport`` for every page (except the tree root) and every translatable snippet."""
    from news.models import NewsPage
    from programmes.models import ProgrammePage
    from translations.workflow import describe_workflow_state, page_workflow_states

    languages = content_languages()
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    locale_ids = {code: pk for pk, code in locales.items()}
    codes = [code for code, _name in languages if code in locale_ids]
    languages = [(code, name) for code, name in languages if code in locale_ids]

    # Every version of every object, grouped by (kind, translation key).
    groups = defaultdict(dict)  # (kind, key) -> {language code: instance dict}
    pages_by_path = {}
    page_rows = Page.objects.filter(depth__gt=1).values(
        "id",
        "translation_key",
        "locale_id",
        "title",
        "content_type_id",
        "live",
        "has_unpublished_changes",
        "alias_of_id",
        "latest_revision_created_at",
        "last_published_at",
        "path",
        "depth",
    )
    for page in page_rows:
        page["kind"] = "page"
        pages_by_path[page["path"]] = page
        groups[("page", page["translation_key"])][locales[page["locale_id"]]] = page

    snippet_instances = {}
    snippet_relations = {}
    for model in translatable_snippet_models():
        snippet_relations[model] = _relation_values(model)
        for obj in model.objects.order_by("pk"):
            item = {
                "id": obj.pk,
                "translation_key": obj.translation_key,
                "locale_id": obj.locale_id,
                "title": str(obj),
                "model": model,
                "kind": "snippet",
                "live": getattr(obj, "live", True),  # snippets with drafts have these
                "has_unpublished_changes": getattr(obj, "has_unpublished_changes", False),
                "alias_of_id": None,
            }
            snippet_instances[(model, obj.pk)] = obj
            groups[(model._meta.label_lower, obj.translation_key)][locales[obj.locale_id]] = item

    content_types = {
        ct.pk: ct
        for ct in ContentType.objects.filter(
            pk__in={page["content_type_id"] for page in pages_by_path.values()}
        )
    }

    # wagtail-localize's records.
    sources_by_key = defaultdict(list)
    for source in TranslationSource.objects.values("id", "object_id", "locale_id", "last_updated_at"):
        sources_by_key[source["object_id"]].append(source)
    snippet_models = translatable_snippet_models()
    snippet_source_text = (
        dict(
            TranslationSource.objects.filter(
                specific_content_type__in=[ContentType.objects.get_for_model(m) for m in snippet_models]
            ).values_list("id", "content_json")
        )
        if snippet_models
        else {}
    )
    translations = {}
    enabled_count = Counter()
    for tr in Translation.objects.values("id", "source_id", "target_locale_id", "enabled"):
        translations[(tr["source_id"], tr["target_locale_id"])] = tr
        if tr["enabled"]:
            enabled_count[tr["source_id"]] += 1
    totals = dict(
        StringSegment.objects.values("source_id").annotate(n=Count("id")).values_list("source_id", "n")
    )
    done = {
        (item["source_id"], item["string__translations__locale_id"]): item["n"]
        for item in StringSegment.objects.filter(
            string__translations__context_id=F("context_id"), string__translations__has_error=False
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
    }
    # When translators last changed strings, and when a translation was last written to its target:
    # strings changed since (the PO import, the translation editor) are not on the target yet.
    strings_changed = {
        (item["context__object_id"], item["locale_id"]): item["latest"]
        for item in StringTranslation.objects.values("context__object_id", "locale_id").annotate(
            latest=Max("updated_at")
        )
    }
    applied = {
        (item["source_id"], item["locale_id"]): item["latest"]
        for item in TranslationLog.objects.values("source_id", "locale_id").annotate(latest=Max("created_at"))
    }
    workflow_states = page_workflow_states()

    # Sections: the pages just under each home page, and each programme (with its news and documents).
    def section_of(page):
        if page["depth"] <= 2:
            return "page:" + str(page["translation_key"])
        top = pages_by_path.get(page["path"][: 3 * STEPLEN])
        return "page:" + str(top["translation_key"]) if top else ""

    programme_ct = ContentType.objects.get_for_model(ProgrammePage).pk
    programme_paths = {}  # path -> section key
    programme_ids = {}  # page id -> section key
    for page in pages_by_path.values():
        if page["content_type_id"] == programme_ct:
            programme_paths[page["path"]] = "programme:" + str(page["translation_key"])
            programme_ids[page["id"]] = "programme:" + str(page["translation_key"])
    news_programme = dict(NewsPage.objects.filter(programme__isnull=False).values_list("id", "programme_id"))

    rows = []
    section_labels = {}
    for (kind_key, key), versions in groups.items():
        kind = "page" if kind_key == "page" else "snippet"
        candidates = [
            source
            for source in sources_by_key.get(key, [])
            if locales[source["locale_id"]] in versions
            and not versions[locales[source["locale_id"]]]["alias_of_id"]
        ]
        if candidates:
            source = max(candidates, key=lambda s: (enabled_count[s["id"]], -s["id"]))
            source_code = locales[source["locale_id"]]
        else:
            source = None
            originals = [v for v in versions.values() if not v["alias_of_id"]] or list(versions.values())
            source_code = locales[min(originals, key=lambda v: v["id"])["locale_id"]]
        original = versions[source_code]

        if kind == "page":
            model = content_types[original["content_type_id"]].model_class()
            type_label = model._meta.verbose_name if model else _("page")
            section = section_of(original)
            default_version = versions.get(codes[0], original)
            sort_key = (0, default_version["path"])
            member_of = set()
            for version in versions.values():
                for depth in range(2, version["depth"] + 1):
                    prefix = version["path"][: depth * STEPLEN]
                    if prefix in programme_paths:
                        member_of.add(programme_paths[prefix])
                if version["id"] in news_programme and news_programme[version["id"]] in programme_ids:
                    member_of.add(programme_ids[news_programme[version["id"]]])
            if model is not None and issubclass(model, ProgrammePage):
                section_labels.setdefault("programme:" + str(key), versions.get(codes[0], original)["title"])
        else:
            model = original["model"]
            type_label = model._meta.verbose_name_plural
            section = "snippet:" + kind_key
            section_labels.setdefault(section, str(model._meta.verbose_name_plural).capitalize())
            sort_key = (1, kind_key, original["title"].casefold())
            member_of = set()
            programme_id = getattr(snippet_instances[(model, original["id"])], "programme_id", None)
            if programme_id in programme_ids:
                member_of.add(programme_ids[programme_id])

        if kind == "page" and original["depth"] <= 3:
            section_labels.setdefault(section, versions.get(codes[0], original)["title"])

        row = Row(
            key=str(key),
            kind=kind,
            type_label=type_label,
            title=original["title"],
            source_language=source_code,
            source_id=original["id"],
            edit_url=_edit_url(kind, original),
            section=section,
            sort_key=sort_key,
            programme_sections=member_of,
            model_key=model._meta.label_lower if model else "",
        )
        if kind == "page" and model is not None and issubclass(model, ProgrammePage):
            row.section_url = reverse("translations:section", args=[original["id"]])

        if source is None:
            source_changed_at = None
        elif kind == "page":
            modified = _page_modified(original)
            source_changed_at = modified if modified and modified > source["last_updated_at"] else None
        else:
            obj = snippet_instances[(model, original["id"])]
            source_changed_at = (
                _snippet_changed(obj, snippet_source_text.get(source["id"]), snippet_relations[model]) or None
            )

        for code in codes:
            if code == source_code:
                row.cells[code] = Cell(code, SOURCE, instance_id=original["id"])
                continue
            target = versions.get(code)
            if target is not None and target["alias_of_id"]:
                target = None
            translation = translations.get((source["id"], locale_ids[code])) if source else None
            if target is None:
                row.cells[code] = Cell(
                    code, MISSING, action_url=_submit_url(kind, original, code), action_label=_("Translate")
                )
                continue
            cell = Cell(code, UP_TO_DATE, instance_id=target["id"], action_url=_edit_url(kind, target))
            not_live = not target["live"] or target["has_unpublished_changes"]
            if kind == "page" and target["id"] in workflow_states:
                cell.workflow = describe_workflow_state(*workflow_states[target["id"]])
            if translation is not None and translation["enabled"]:
                cell.translation_id = translation["id"]
                cell.po_url = reverse("wagtail_localize:download_pofile", args=[translation["id"]])
                cell.total = totals.get(source["id"], 0)
                cell.done = done.get((source["id"], locale_ids[code]), 0)
                if source_changed_at:
                    cell.status = OUTDATED
                    cell.action_url = reverse("wagtail_localize:update_translations", args=[source["id"]])
                    cell.action_label = _("Update")
                elif (
                    cell.done < cell.total
                    or not_live
                    or _later(
                        strings_changed.get((key, locale_ids[code])),
                        applied.get((source["id"], locale_ids[code])),
                    )
                ):
                    cell.status = IN_PROGRESS
                    cell.action_label = _("Open the translation editor")
                else:
                    cell.action_label = _("Open the translation editor")
            else:
                # Translated by hand in the ordinary editor.
                cell.action_label = _("Edit")
                if not_live:
                    cell.status = IN_PROGRESS
                elif (
                    kind == "page"
                    and _page_modified(original)
                    and _page_modified(target)
                    and (_page_modified(original) > _page_modified(target))
                ):
                    cell.status = OUTDATED
            row.cells[code] = cell
        rows.append(row)

    rows.sort(key=lambda row: row.sort_key)
    section_order = []
    seen = set()
    for row in rows:
        for key in [row.section, *sorted(row.programme_sections)]:
            if key and key not in seen and key in section_labels:
                seen.add(key)
                section_order.append((key, section_labels[key]))
    return StatusReport(languages=languages, rows=rows, sections=section_order, computed_at=timezone.now())
