"""Wagtail's multiple uploaders, in a real browser, show the message of a full media storage.

Their JavaScript shows only the status of a failed request ("Server Error ... 507");
website/static/website/js/admin-media-errors.js (inserted with the ``insert_global_admin_js`` hook)
puts the JSON's message in the row of the file instead. Debian's chromium driven by PyPI's
playwright, as in tests/e2e; skipped without them. The server is pytest-django's live server, in
this process, so the simulated full disk of tests/test_media_storage_faults.py applies to it; the
browser is driven from a thread of its own, whose event loop stays away from Django's connections.
"""

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from tests.test_media_storage_faults import FULL_MESSAGE, disk_full, files_in, png_bytes, use_media_root

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@pytest.fixture
def chromium():
    path = shutil.which("chromium")
    if not path:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("PyPI's playwright is not installed (pip install -r requirements-test.txt)")
    return path


def upload_in_browser(chromium, base_url, session_id, path, file):
    """Open the uploader at ``path``, choose ``file``; what the browser showed for it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS, headless=True)
        try:
            context = browser.new_context(base_url=base_url)
            context.set_default_timeout(30_000)
            context.add_cookies([{"name": "sessionid", "value": session_id, "url": base_url}])
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path)
            if page.locator("#fileupload").count() != 1:
                return {"problem": f"no uploader at {page.url}: {page.title()}"}
            with page.expect_response(lambda response: response.request.method == "POST") as sent:
                page.set_input_files("#fileupload", files=[file])
            row = page.locator("#upload-list > li").first
            row.locator(".error_messages").filter(has_text=FULL_MESSAGE).wait_for(state="visible")
            return {
                "status": sent.value.status,
                "classes": row.get_attribute("class").split(),
                "message": row.locator(".error_messages").inner_text(),
                "errors": errors,
            }
        finally:
            browser.close()


@pytest.mark.parametrize(
    "path, file",
    [
        (
            "/admin/images/multiple/add/",
            {"name": "harbour.png", "mimeType": "image/png", "buffer": png_bytes()},
        ),
        (
            "/admin/documents/multiple/add/",
            {"name": "plan.txt", "mimeType": "text/plain", "buffer": b"plan\n" * 2000},
        ),
    ],
    ids=["images", "documents"],
)
def test_the_uploader_shows_the_message(
    chromium, live_server, django_user_model, settings, tmp_path, monkeypatch, path, file
):
    root = tmp_path / "media"
    root.mkdir()
    use_media_root(settings, root)
    disk_full(monkeypatch, root)
    user = django_user_model.objects.create_superuser("uploader", "uploader@example.org", "not-used-here")
    client = Client()
    client.force_login(user)
    with ThreadPoolExecutor(max_workers=1) as pool:
        shown = pool.submit(
            upload_in_browser, chromium, live_server.url, client.cookies["sessionid"].value, path, file
        ).result(timeout=120)
    assert "problem" not in shown, shown.get("problem")
    assert shown["status"] == 507
    assert shown["message"] == FULL_MESSAGE
    assert "upload-failure" in shown["classes"] and "upload-server-error" not in shown["classes"]
    assert shown["errors"] == []
    assert files_in(root) == []
