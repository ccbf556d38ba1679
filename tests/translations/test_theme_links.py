"""A page's themes are inline rows (base.models.ThemeLink) that wagtail-localize translates with
the page: a translation's row points at the theme in its own language (the migration that made
them rows: test_theme_links_migration.py)."""

from base.factories import theme, translate
from programmes.factories import programme


def air_and_water(languages=("el",)):
    air, water = theme("air-quality", "Air quality"), theme("water", "Water")
    for code in languages:
        translate(air, code, {"Air quality": f"Air quality [{code}]"})
    return air, water


def test_a_translation_points_at_each_theme_in_its_language(tree):
    air, water = air_and_water()
    page = programme(tree["programmes"]["en"], "ICP AGIR", themes=[air, water])
    greek = translate(page, "el")

    rows = list(greek.theme_links.all())
    assert [(row.theme.slug, row.theme.locale.language_code) for row in rows] == [
        ("air-quality", "el"),
        ("water", "en"),  # not translated yet: the source's, shown as it is
    ]
    assert [row.locale.language_code for row in rows] == ["el", "el"]
    assert [row.translation_key for row in rows] == [row.translation_key for row in page.theme_links.all()]
    assert {theme.name for theme in greek.themes.all()} == {"Air quality [el]", "Water"}


def test_a_theme_translated_after_the_page_shows_at_once(client, tree):
    air, water = air_and_water(languages=())
    page = programme(tree["programmes"]["en"], "ICP AGIR", themes=[air, water])
    greek = translate(page, "el")
    translate(water, "el", {"Water": "Νερό"})

    assert "Νερό" in client.get(greek.url).content.decode()
