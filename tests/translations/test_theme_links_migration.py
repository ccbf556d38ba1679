"""The migration that turned a page type's themes from a many-to-many field into inline rows
(``news 0005``; the other page types' run the same step, ``base.migration_steps``): every page
keeps its themes, and its revisions and translation sources are rewritten, both ways, so drafts,
history and translations keep their themes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from base.factories import theme, translate
from news.factories import news_item
from news.models import NewsPage
from tests.conftest import build_tree

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("news", "0004_taxonomy_in_base")]
AFTER = [("news", "0005_theme_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_migration_keeps_every_pages_themes_and_stored_copies_both_ways():
    tree = build_tree()
    air, water = theme("air-quality", "Air quality"), theme("water", "Water")
    translate(air, "el", {"Air quality": "Ποιότητα αέρα"})
    page = news_item(tree.news["en"], "Cities meet", themes=[water, air])
    greek = translate(page, "el")
    rows = {
        pk: sorted((row.theme_id, row.locale_id) for row in NewsPage.objects.get(pk=pk).theme_links.all())
        for pk in (page.pk, greek.pk)
    }

    try:
        old = migrate(BEFORE)
        through = old.get_model("news", "NewsPage")._meta.get_field("themes").remote_field.through
        assert set(through.objects.values_list("newspage_id", "theme__slug")) == {
            (page.pk, "air-quality"),
            (page.pk, "water"),
            (greek.pk, "air-quality"),
            (greek.pk, "water"),
        }
        revisions = old.get_model("wagtailcore", "Revision").objects.filter(object_id=str(page.pk))
        assert all("themes" in r.content and "theme_links" not in r.content for r in revisions)
    finally:
        migrate(AFTER)

    for pk, before in rows.items():
        after = sorted((row.theme_id, row.locale_id) for row in NewsPage.objects.get(pk=pk).theme_links.all())
        assert after == before  # the Greek rows point at the Greek theme again
    keys = [
        {str(row.translation_key) for row in NewsPage.objects.get(pk=pk).theme_links.all()}
        for pk in (page.pk, greek.pk)
    ]
    assert keys[0] == keys[1]  # a row and its translation share their key, as wagtail-localize expects
    revision = Revision.objects.filter(object_id=str(page.pk)).latest("pk")
    assert "themes" not in revision.content
    assert {row["theme"] for row in revision.content["theme_links"]} == {air.pk, water.pk}
    assert {theme.slug for theme in revision.as_object().themes.all()} == {"air-quality", "water"}
    source = TranslationSource.objects.get(object_id=page.translation_key)
    assert {link.theme_id for link in source.as_instance().theme_links.all()} == {air.pk, water.pk}
