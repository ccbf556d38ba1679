"""Data steps shared by the migrations that turned the theme many-to-many fields into inline rows
(``base.models.ThemeLink``).

A migration moving one field runs: create the row model, ``themes_to_links``, remove the old
field, add the field back with ``through=`` the row model. The step copies every page's themes
into rows, and rewrites the stored copies of the page that would otherwise still hold the old
field (revisions, wagtail-localize's translation sources), so drafts, revision history and
translations keep their themes; it runs backwards too.

A row's translation key is derived from the page's and the theme's, so the rows of a page and of
its translations share it, as wagtail-localize expects of an inline model; a translation's row
points at the theme's translation in the page's language where there is one, as wagtail-localize
does when it translates the page.
"""

import json
import uuid

from django.db.migrations import RunPython

NAMESPACE = uuid.UUID("0b6b2f0e-6b5c-4f0e-9a59-7d2f2f6e1a10")


def link_key(page_key, field, theme_key):
    return str(uuid.uuid5(NAMESPACE, f"{page_key}/{field}/{theme_key}"))


class ThemeRows:
    """One many-to-many field (``app_label.model_name.field``) and the row model that replaces it
    (``link_model`` with its ``ParentalKey`` ``parent`` and, on the page, ``relation``)."""

    def __init__(self, app_label, model_name, field, link_model, parent, relation):
        self.app_label, self.model_name, self.field = app_label, model_name, field
        self.link_model, self.parent, self.relation = link_model, parent, relation

    def operation(self):
        return RunPython(self.forward, self.backward)

    def models(self, apps):
        theme = apps.get_model("base", "Theme")
        self.page_model = apps.get_model(self.app_label, self.model_name)
        self.links = apps.get_model(self.app_label, self.link_model)
        self.theme_keys = dict(theme.objects.values_list("pk", "translation_key"))
        self.theme_in = {
            (key, locale): pk
            for pk, key, locale in theme.objects.values_list("pk", "translation_key", "locale_id")
        }
        self.theme_names = dict(theme.objects.values_list("pk", "name"))

    def row(self, page_pk, page_key, locale_id, theme_pk, order):
        """The fields of one row, as a revision stores them."""
        theme_key = self.theme_keys[theme_pk]
        return {
            "pk": None,
            self.parent: page_pk,
            "theme": self.theme_in.get((theme_key, locale_id), theme_pk),
            "sort_order": order,
            "locale": locale_id,
            "translation_key": link_key(page_key, self.field, theme_key),
        }

    def rows(self, page_pk, page_key, locale_id, theme_pks):
        """The rows of one page, in the order visitors saw the themes (by name in its language)."""
        rows = [self.row(page_pk, page_key, locale_id, pk, 0) for pk in theme_pks if pk in self.theme_keys]
        rows.sort(key=lambda row: self.theme_names[row["theme"]].casefold())
        for order, row in enumerate(rows):
            row["sort_order"] = order
        return rows

    def forward(self, apps, schema_editor):
        self.models(apps)
        through = self.page_model._meta.get_field(self.field).remote_field.through
        own = self.page_model._meta.get_field(self.field).m2m_field_name()
        chosen = {}
        for page_pk, theme_pk in through.objects.order_by("pk").values_list(f"{own}_id", "theme_id"):
            chosen.setdefault(page_pk, []).append(theme_pk)
        pages = self.page_model.objects.filter(pk__in=chosen).values_list(
            "pk", "translation_key", "locale_id"
        )
        self.links.objects.bulk_create(
            self.links(
                **{
                    f"{self.parent}_id": row[self.parent],
                    "theme_id": row["theme"],
                    "sort_order": row["sort_order"],
                    "locale_id": row["locale"],
                    "translation_key": row["translation_key"],
                }
            )
            for pk, key, locale in pages
            for row in self.rows(pk, key, locale, chosen[pk])
        )
        saved = {
            (page, theme): pk
            for pk, page, theme in self.links.objects.values_list("pk", f"{self.parent}_id", "theme_id")
        }

        def rewrite(content):
            if self.field not in content:
                return False
            page_pk, locale = content.get("pk"), content.get("locale")
            rows = self.rows(page_pk, content.get("translation_key"), locale, content.pop(self.field) or [])
            for row in rows:
                row["pk"] = saved.get((page_pk, row["theme"]))
            content[self.relation] = rows
            return True

        self.rewrite_stored(apps, rewrite)

    def backward(self, apps, schema_editor):
        self.models(apps)
        through = self.page_model._meta.get_field(self.field).remote_field.through
        own = self.page_model._meta.get_field(self.field).m2m_field_name()
        through.objects.bulk_create(
            through(**{f"{own}_id": page, "theme_id": theme})
            for page, theme in self.links.objects.order_by(self.parent, "sort_order")
            .values_list(f"{self.parent}_id", "theme_id")
            .distinct()
        )

        def rewrite(content):
            if self.relation not in content:
                return False
            content[self.field] = [row["theme"] for row in content.pop(self.relation) or []]
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
