"""The data step shared by the migrations that turned the many-to-many fields to snippets (the
themes of pages and library documents, delivery partners, contact points) into inline rows
(``base.models.ThemeLink``, ``OrganisationLink``). "Page" below is the object holding the rows.

A migration moving one field runs: create the row model, ``SnippetRows(...).operation()``, remove
the old field (and its table), add the field back with ``through=`` the row model. The step copies every page's
snippets into rows and rewrites the stored copies of the page that would otherwise still hold the
old field (revisions, wagtail-localize's translation sources), so drafts, revision history and
translations keep them; it runs backwards too.

A row's translation key is derived from the page's and the snippet's, so the rows of a page and of
its translations share it, as wagtail-localize expects of an inline model; a translation's row
points at the snippet's translation in the page's language where there is one, as wagtail-localize
does when it translates the page.
"""

import json
import uuid

from django.db.migrations import RunPython

NAMESPACE = uuid.UUID("0b6b2f0e-6b5c-4f0e-9a59-7d2f2f6e1a10")


def link_key(page_key, field, snippet_key):
    return str(uuid.uuid5(NAMESPACE, f"{page_key}/{field}/{snippet_key}"))


class SnippetRows:
    """The many-to-many ``field`` of ``app_label.model_name`` and the row model that replaces it
    (``link_model``, whose ``ParentalKey`` is ``parent``, reached from the page as ``relation``;
    its foreign key to the snippet is named as the field's automatic table names it)."""

    def __init__(self, app_label, model_name, field, link_model, parent, relation):
        self.app_label, self.model_name, self.field = app_label, model_name, field
        self.link_model, self.parent, self.relation = link_model, parent, relation

    def operation(self):
        return RunPython(self.forward, self.backward)

    def load(self, apps):
        """Read the models as this migration sees them (the old field is there both ways)."""
        self.page_model = apps.get_model(self.app_label, self.model_name)
        self.links = apps.get_model(self.app_label, self.link_model)
        field = self.page_model._meta.get_field(self.field)
        self.through, self.own, self.target = (
            field.remote_field.through,
            field.m2m_field_name(),
            field.m2m_reverse_field_name(),
        )
        snippets = field.related_model.objects.values_list("pk", "translation_key", "locale_id", "name")
        self.keys = {pk: key for pk, key, _locale, _name in snippets}
        self.in_locale = {(key, locale): pk for pk, key, locale, _name in snippets}
        self.names = {pk: name for pk, _key, _locale, name in snippets}

    def rows(self, page_pk, page_key, locale_id, snippet_pks):
        """A page's rows as a revision stores them, in the order visitors saw them (by name)."""
        rows = [
            {
                "pk": None,
                self.parent: page_pk,
                self.target: self.in_locale.get((self.keys[pk], locale_id), pk),
                "sort_order": 0,
                "locale": locale_id,
                "translation_key": link_key(page_key, self.field, self.keys[pk]),
            }
            for pk in snippet_pks
            if pk in self.keys
        ]
        rows.sort(key=lambda row: self.names[row[self.target]].casefold())
        for order, row in enumerate(rows):
            row["sort_order"] = order
        return rows

    def row_object(self, row):
        return self.links(
            **{f"{self.parent}_id": row[self.parent], f"{self.target}_id": row[self.target]},
            locale_id=row["locale"],
            sort_order=row["sort_order"],
            translation_key=row["translation_key"],
        )

    def forward(self, apps, schema_editor):
        self.load(apps)
        chosen = {}
        for page_pk, snippet_pk in self.through.objects.order_by("pk").values_list(
            f"{self.own}_id", f"{self.target}_id"
        ):
            chosen.setdefault(page_pk, []).append(snippet_pk)
        pages = self.page_model.objects.filter(pk__in=chosen).values_list(
            "pk", "translation_key", "locale_id"
        )
        self.links.objects.bulk_create(
            self.row_object(row)
            for pk, key, locale in pages
            for row in self.rows(pk, key, locale, chosen[pk])
        )
        saved = {
            (page, snippet): pk
            for pk, page, snippet in self.links.objects.values_list(
                "pk", f"{self.parent}_id", f"{self.target}_id"
            )
        }

        def rewrite(content):
            if self.field not in content:
                return False
            page_pk = content.get("pk")
            rows = self.rows(
                page_pk, content.get("translation_key"), content.get("locale"), content.pop(self.field) or []
            )
            for row in rows:
                row["pk"] = saved.get((page_pk, row[self.target]))
            content[self.relation] = rows
            return True

        self.rewrite_stored(apps, rewrite)

    def backward(self, apps, schema_editor):
        self.load(apps)
        self.through.objects.bulk_create(
            self.through(**{f"{self.own}_id": page, f"{self.target}_id": snippet})
            for page, snippet in self.links.objects.order_by(f"{self.parent}_id", "sort_order")
            .values_list(f"{self.parent}_id", f"{self.target}_id")
            .distinct()
        )

        def rewrite(content):
            if self.relation not in content:
                return False
            content[self.field] = [row[self.target] for row in content.pop(self.relation) or []]
            return True

        self.rewrite_stored(apps, rewrite)

    def rewrite_stored(self, apps, rewrite):
        """Apply ``rewrite`` (which edits a stored page's data in place, True if it did) to the
        page type's revisions and translation sources."""
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.filter(app_label=self.app_label, model=self.model_name.lower())
            .first()
        )
        if content_type is None:
            return
        revision = apps.get_model("wagtailcore", "Revision")
        changed = []
        for stored in revision.objects.filter(content_type=content_type).only("pk", "content").iterator():
            if rewrite(stored.content):
                changed.append(stored)
        revision.objects.bulk_update(changed, ["content"], batch_size=500)
        source = apps.get_model("wagtail_localize", "TranslationSource")
        changed = []
        for stored in (
            source.objects.filter(specific_content_type=content_type).only("pk", "content_json").iterator()
        ):
            content = json.loads(stored.content_json)
            if rewrite(content):
                stored.content_json = json.dumps(content)
                changed.append(stored)
        source.objects.bulk_update(changed, ["content_json"], batch_size=500)
