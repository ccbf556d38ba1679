"""A page's themes, delivery partners and contact points are inline rows (base.models.ThemeLink,
OrganisationLink) that wagtail-localize translates with the page: a translation's row points at the
snippet in its own language, and a preview shows the rows being edited (the migration that made
them rows: test_theme_links_migration.py)."""

from base.factories import organisation, theme, translate
from programmes.factories import call, programme


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


def contacts(html):
    start = html.index('id="contacts-heading"')
    return html[start : html.index("</section>", start)]


def test_a_call_lists_its_contact_points_in_the_readers_language(client, tree):
    eurocities = organisation("Eurocities")
    translate(eurocities, "el", {"Eurocities": "Ευρωπόλεις"})
    parent = programme(tree["programmes"]["en"], "ICP AGIR")
    page = call(parent, "Call for cities", contact_points=[eurocities])
    translate(parent, "el")
    greek = translate(page, "el")

    assert [row.organisation.name for row in greek.contact_point_links.all()] == ["Ευρωπόλεις"]
    assert "Ευρωπόλεις" in contacts(client.get(greek.url).content.decode())


def test_a_preview_shows_the_contact_points_being_edited(tree):
    parent = programme(tree["programmes"]["en"], "ICP AGIR")
    page = call(parent, "Call for cities", contact_points=[organisation("Eurocities")])
    page.set_related([organisation("URBACT"), organisation("Eurocities")], "contact_points")  # not saved

    response = page.make_preview_request()
    html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()

    assert "URBACT" in contacts(html) and "Eurocities" in contacts(html)
    assert [org.name for org in page.contact_points.all()] == ["Eurocities"]  # the live rows
