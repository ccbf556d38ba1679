"""The alerts pages in Chromium with axe-core: no WCAG 2.1 A/AA violation, no sideways scrolling at
320 CSS pixels, with and without form errors.

Pages come from Django's test client, handed to the browser through Playwright's request routing
(no server, nothing leaves the process); static files from the static-files finders. Skipped without Debian's chromium,
PyPI's playwright or axe-core (tests/e2e/conftest.py says how to install them).
"""

import mimetypes
import shutil
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from alerts import throttle
from alerts.models import Subscription
from tests.e2e.conftest import AXE_PATH, CHROMIUM_FLAGS

ORIGIN = "http://testserver"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
}"""


@pytest.fixture(scope="module")
def chromium_page():
    path = shutil.which("chromium")
    if not path or not AXE_PATH.exists():
        pytest.skip("chromium or axe-core is not installed (see tests/e2e/conftest.py)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop in this thread; the test client's queries here are
    # synchronous all the same.
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


@pytest.fixture
def show(chromium_page):
    """``show(address, response)``: the browser opens ``address`` and gets ``response`` (from the test
    client, called outside the browser's event loop), static files from the finders."""
    responses = {}

    def answer(route):
        parts = urlsplit(route.request.url)
        if parts.netloc != urlsplit(ORIGIN).netloc:
            return route.abort()
        if parts.path.startswith("/static/"):
            found = finders.find(parts.path.removeprefix("/static/"))
            if not found:
                return route.fulfill(status=404, body="")
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            with open(found, "rb") as file:
                return route.fulfill(status=200, body=file.read(), content_type=content_type)
        response = responses.get(parts.path)
        if response is None:
            return route.fulfill(status=404, body="")
        return route.fulfill(
            status=response.status_code, headers=dict(response.items()), body=response.content
        )

    def open_page(address, response):
        responses[address] = response
        chromium_page.goto(ORIGIN + address)
        return chromium_page

    chromium_page.route("**/*", answer)
    yield open_page
    chromium_page.unroute("**/*")


def check(page):
    """(axe-core's violations, sideways overflow in pixels at 320 CSS pixels wide)."""
    page.add_script_tag(path=str(AXE_PATH))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    page.set_viewport_size({"width": 320, "height": 768})
    sideways = page.evaluate(SIDEWAYS)
    page.set_viewport_size({"width": 1280, "height": 900})
    return violations, sideways


@pytest.mark.parametrize("language", ["en", "el"])
def test_the_subscribe_form_passes_axe_with_and_without_errors(show, client, site, language):
    address = f"/{language}/alerts/"
    assert check(show(address, client.get(address))) == ([], 0)

    with_errors = client.post(address, {"email": "not an address", "language": language})
    assert with_errors.status_code == 400
    page = show(address, with_errors)
    assert page.locator(".errorlist").count() == 2
    assert check(page) == ([], 0)


def test_the_other_alerts_pages_pass_axe(show, client, site):
    subscription = Subscription.objects.create(
        email="ana@example.org", language="en", kinds=["news"], confirmed_at=timezone.now()
    )
    manage = f"/en/alerts/manage/{subscription.token}/"
    pages = {
        "/en/alerts/sent/": client.get("/en/alerts/sent/"),
        f"/en/alerts/confirm/{subscription.token}/": client.get(f"/en/alerts/confirm/{subscription.token}/"),
        f"/en/alerts/unsubscribe/{subscription.token}/": client.get(
            f"/en/alerts/unsubscribe/{subscription.token}/"
        ),
        manage: client.get(manage + "?saved=1"),
    }
    for address, response in pages.items():
        assert check(show(address, response)) == ([], 0), address
    assert check(show(manage, client.post(manage, {"language": "en"}))) == ([], 0)
    throttled = client.get("/en/alerts/")
    for number in range(throttle.PER_CLIENT + 1):
        throttled = client.post("/en/alerts/", {"email": f"p{number}@example.org", "language": "en"})
    assert throttled.status_code == 429
    assert check(show("/en/alerts/", throttled)) == ([], 0)
