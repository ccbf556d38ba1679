"""Editors in a real browser: an editor publishes a change in the Wagtail admin and visitors see it;
a translator opens the Polish translation of that page in wagtail-localize's translation editor."""

import re
import secrets
import urllib.parse

from tests.e2e.conftest import sign_in

PAGE_TYPE = "home.StandardPage"


def about_page(demo_site):
    """The first standard page of the English tree (About): (path, id, title)."""
    for page_type, path, page_id, title in demo_site.pages("en"):
        if page_type == PAGE_TYPE:
            return path, page_id, title
    raise AssertionError("the demo has no standard page")


def test_editor_edits_and_publishes_a_page_and_visitors_see_the_change(demo_site, browser_context, visitor):
    path, page_id, _title = about_page(demo_site)
    visitor.goto(path)  # the page cache now holds the old version
    new_introduction = f"Updated in the browser test {secrets.token_hex(4)}."
    assert new_introduction not in visitor.content()

    editor = browser_context().new_page()
    try:
        sign_in(editor, "e2e-editor", demo_site.passwords["e2e-editor"])
        editor.goto(f"/admin/pages/{page_id}/edit/")
        editor.fill("#id_introduction", new_introduction)
        # "Publish" is in the menu next to "Save draft".
        editor.locator("footer").get_by_role("button", name="More actions").click()
        editor.locator("footer button[name='action-publish']").click()
        editor.wait_for_url(re.compile(r"/admin/pages/\d+/"))
        assert editor.locator(".messages .success, .messages [class*='success']").first.is_visible()
        assert "published" in editor.locator(".messages").inner_text().lower()
    finally:
        editor.context.close()

    # The public page, from another browser, shows the change at once (the page cache was cleared).
    visitor.goto(path)
    assert visitor.locator("main").get_by_text(new_introduction).is_visible()
    status, body = demo_site.get(path)
    assert status == 200 and new_introduction in body.decode()


def test_translator_opens_the_polish_translation_in_the_translation_editor(demo_site, browser_context):
    _path, page_id, english_title = about_page(demo_site)
    polish_path, polish_id, polish_title = demo_site.translation(page_id, "pl")
    polish_home_path, polish_home_id, _ = demo_site.translation(demo_site.pages("en")[0][2], "pl")
    assert polish_home_path == "/pl/"

    translator = browser_context().new_page()
    try:
        sign_in(translator, "e2e-translator", demo_site.passwords["e2e-translator"])
        # From the admin's page explorer of the Polish tree, open the page.
        translator.goto(f"/admin/pages/{polish_home_id}/")
        translator.locator(f"a[href='/admin/pages/{polish_id}/edit/']").first.click()
        # An existing translation opens in wagtail-localize's translation editor.
        translator.wait_for_url(f"**/admin/pages/{polish_id}/edit/")
        editor = translator.locator(".js-translation-editor")
        editor.get_by_text(polish_title, exact=True).first.wait_for()
        assert editor.get_by_text(english_title, exact=True).first.is_visible()  # the source string
        assert translator.get_by_role("button", name=re.compile("Publish in Polski")).is_visible()
        # The translator's own language tree only: the English page is refused.
        response = translator.goto(f"/admin/pages/{page_id}/edit/")
        assert urllib.parse.urlsplit(translator.url).path != f"/admin/pages/{page_id}/edit/" or (
            response.status == 403
        )
    finally:
        translator.context.close()
    assert polish_path.startswith("/pl/")
