"""A real browser against the demo site under gunicorn (tests/e2e/server.py).

One gunicorn and one Chromium for the whole folder (package-scoped fixtures, stopped when its
last test is done), and a few long-lived browser pages reused by the tests:

- ``visitor``: an anonymous visitor, the site's Content-Security-Policy enforced;
- ``axe_page``: the same, with the CSP bypassed so axe-core can be injected;
- ``browser_context(...)``: a fresh context, for an editor's or a translator's session.

Chromium is Debian's (``make test`` installs it with apt-get; found with ``shutil.which``), driven
by PyPI's ``playwright`` with ``executable_path``: no browser is ever downloaded. Without it, or
without axe-core (``make test`` installs it with npm into ``tests/e2e/.node/``), the tests say why
and are skipped. Every request that is not for 127.0.0.1 is refused in the browser, except the
map's tiles (a made-up host answered with a blank tile), so nothing leaves the machine.
"""

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.e2e.server import BASE_DIR, FAKE_TILE_URL, DemoSite

E2E_DIR = Path(__file__).resolve().parent
AXE_VERSION = "4.14.1"
NODE_DIR = E2E_DIR / ".node"
AXE_PATH = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", BASE_DIR / "artifacts"))
LANGUAGES = ["en", "ca", "pl", "el"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
TIMEOUT_MS = 30_000

# Only the server under test: anything else is answered by route handlers or refused.
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:\d+/)")


def blank_png(size=256, grey=0xEE):
    """A plain light-grey PNG, the map's stand-in tile."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([grey]) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


BLANK_TILE = blank_png()
TILE_HOST = FAKE_TILE_URL.split("/")[2]


def _answer_outside_request(route):
    if route.request.url.split("/")[2] == TILE_HOST:
        route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
    else:
        route.abort()


@pytest.fixture(scope="package")
def chromium():
    path = shutil.which("chromium")
    if not path:
        pytest.skip(
            "Debian's chromium is not installed, so the browser tests are skipped "
            "(make test installs it: apt-get install chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("PyPI's playwright is not installed (pip install -r requirements-test.txt)")
    return path


@pytest.fixture(scope="package")
def axe_script():
    """axe-core's axe.min.js, installed with npm into tests/e2e/.node/ when it is missing."""
    if not AXE_PATH.exists() and shutil.which("npm"):
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(NODE_DIR),
                f"axe-core@{AXE_VERSION}",
                "--no-audit",
                "--no-fund",
            ],
            timeout=300,
            capture_output=True,
        )
    if not AXE_PATH.exists():
        pytest.skip(
            f"axe-core is not installed (npm install --prefix tests/e2e/.node axe-core@{AXE_VERSION})"
        )
    return AXE_PATH


@pytest.fixture(scope="package")
def demo_site(chromium, tmp_path_factory):
    """The demo site in four languages under gunicorn, production settings, on 127.0.0.1."""
    site = DemoSite(tmp_path_factory.mktemp("e2e-site"), log=lambda _text: None)
    site.build()
    site.start()
    yield site
    site.stop()


@pytest.fixture(scope="package")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


class Problems:
    """What a page reported: JavaScript errors and console errors (a CSP violation is one)."""

    def __init__(self, page):
        self.errors = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", lambda message: self._console(message))

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def take(self):
        errors, self.errors = self.errors, []
        return errors


@pytest.fixture(scope="package")
def browser_context(browser, demo_site):
    """Makes browser contexts that only reach the server under test; closed at the end."""
    contexts = []

    def make(bypass_csp=False, viewport=None):
        context = browser.new_context(
            base_url=demo_site.base,
            bypass_csp=bypass_csp,
            viewport=viewport or DESKTOP,
            locale="en-GB",
            timezone_id="Europe/Brussels",
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route(NOT_LOCAL, _answer_outside_request)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def visitor_page(browser_context):
    page = browser_context().new_page()
    page.problems = Problems(page)
    return page


@pytest.fixture
def visitor(visitor_page):
    """The anonymous visitor's page (reused), at desktop size, with no errors carried over."""
    visitor_page.set_viewport_size(DESKTOP)
    visitor_page.problems.take()
    return visitor_page


@pytest.fixture(scope="package")
def axe_page(browser_context):
    """A page with the CSP bypassed, so axe-core can be injected."""
    return browser_context(bypass_csp=True).new_page()


@pytest.fixture(scope="package")
def site_pages(demo_site):
    """{language: {page type label: path}}: the first page of each type in each language."""
    result = {}
    for language in LANGUAGES:
        first = {}
        for page_type, path, _id, _title in demo_site.pages(language):
            first.setdefault(page_type, path)
        result[language] = first
    return result


@pytest.fixture(scope="package")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def sign_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
