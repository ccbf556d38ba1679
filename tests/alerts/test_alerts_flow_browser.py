"""The whole alert flow in Chromium, in each language, with the e-mails over real SMTP:

subscribe on the form → the confirmation arrives at an SMTP server of the test's own → its link,
opened in the browser, confirms → a call is published → send_alerts → the digest arrives → its
unsubscribe link, opened in the browser, deletes the subscription.

One Chromium for the module. Its requests to http://testserver are answered in this process by
Django's test client (CSRF checks on, its own cookie jar) on the test's database connection, so
the pages see the test's transaction whatever the database; static files come from the static-files finders, and any other
address is refused. Skipped without Debian's chromium or PyPI's playwright (tests/e2e/conftest.py).
"""

import mimetypes
import re
import shutil
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client, override_settings

from alerts.models import Subscription
from tests.alerts.test_alerts import new_call, send_alerts
from tests.alerts.test_alerts_smtp import CONFIRM_SUBJECT, DIGEST_SUBJECT, text_of
from tests.e2e.conftest import CHROMIUM_FLAGS
from tests.smtp import email_settings, smtp_server

ORIGIN = "http://testserver"  # settings.SITE_URL in the tests: the e-mails' links come back here
LINK = re.compile(r"http://testserver/\S+")
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def chromium_page():
    path = shutil.which("chromium")
    if not path:
        pytest.skip("Debian's chromium is not installed (see tests/e2e/conftest.py)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop in this thread; the test client called from its
    # route handler is synchronous all the same.
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.test_connections = []
        yield page
        browser.close()
    # Under Playwright the tests run in another context than the database set-up, and Django
    # opened a connection for it there: closed here, or the test database cannot be dropped.
    for connection in page.test_connections:
        connection.close()


@pytest.fixture
def browser(chromium_page):
    """The module's page, its requests answered by a fresh test client."""
    client = Client(enforce_csrf_checks=True)
    # Django's connections belong to a context; the route handler runs in the browser's. It is
    # given the test's connection, as Django's LiveServerThread does, to see the test's transaction.
    connection = connections[DEFAULT_DB_ALIAS]
    chromium_page.test_connections.append(connection)

    landed = []

    def answer(route):
        connections[DEFAULT_DB_ALIAS] = connection
        request = route.request
        parts = urlsplit(request.url)
        if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
            return route.abort()
        if parts.path.startswith("/static/"):
            found = finders.find(parts.path.removeprefix("/static/"))
            if not found:
                return route.fulfill(status=404, body="")
            with open(found, "rb") as file:
                content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return route.fulfill(status=200, body=file.read(), content_type=content_type)
        address = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.generic(
            request.method,
            address,
            data=request.post_data_buffer or b"",
            content_type=request.headers.get("content-type", ""),
            HTTP_ACCEPT_LANGUAGE=request.headers.get("accept-language", ""),
        )
        # Playwright does not route the request that follows a redirect it was handed: the
        # redirects are followed here, and the browser shows where they end (``landed``).
        while response.status_code in (301, 302, 303):
            address = response["Location"]
            response = client.get(address)
        landed.append(address)
        return route.fulfill(
            status=response.status_code, headers=dict(response.items()), body=response.content
        )

    chromium_page.route("**/*", answer)
    chromium_page.landed = landed  # the address each page shown came from, after redirects
    yield chromium_page
    chromium_page.unroute("**/*")


@pytest.fixture
def smtp():
    with smtp_server() as (inbox, port):
        with override_settings(**email_settings(f"smtp://127.0.0.1:{port}"), SITE_URL=ORIGIN):
            yield inbox


def submit(page, form_selector):
    """Press the form's button; the address of the page it leads to."""
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").click()
    return urlsplit(page.landed[-1]).path


@pytest.mark.parametrize("language", ["en", "ca", "pl", "el"])
def test_subscribe_confirm_receive_a_digest_and_unsubscribe_in_the_browser(browser, smtp, site, language):
    address = f"browser-{language}@example.org"

    browser.goto(f"{ORIGIN}/{language}/alerts/")
    assert browser.locator("html").get_attribute("lang") == language
    browser.fill("input[name=email]", address)
    assert submit(browser, "form:has(input[name=email])") == f"/{language}/alerts/sent/"

    (confirmation,) = smtp.wait_for(1)
    assert confirmation["To"] == address
    assert confirmation["Subject"].strip() == CONFIRM_SUBJECT[language]
    (confirm_link,) = LINK.findall(text_of(confirmation))
    browser.goto(confirm_link)
    assert not Subscription.objects.get(email=address).is_confirmed  # opening it is not consent
    landed = submit(browser, f"form[action='{urlsplit(confirm_link).path}']")
    subscription = Subscription.objects.get(email=address)
    assert subscription.is_confirmed and subscription.language == language
    assert landed == f"/{language}/alerts/manage/{subscription.token}/"

    call = new_call(site)[language]
    send_alerts()

    _confirmation, digest = smtp.wait_for(2)
    assert digest["To"] == address
    assert digest["Subject"].strip() == DIGEST_SUBJECT[language]
    body = text_of(digest)
    assert f"* {call.title}" in body.splitlines()
    unsubscribe = digest["List-Unsubscribe"].strip().strip("<>")
    assert LINK.findall(body)[-1] == unsubscribe  # the same link in the text as in the header
    browser.goto(unsubscribe)
    assert Subscription.objects.filter(email=address).exists()  # opening it asks first
    submit(browser, f"form[action='{urlsplit(unsubscribe).path}']")
    assert browser.locator("main .prose[role=status]").is_visible()  # "You are unsubscribed"
    assert not Subscription.objects.filter(email=address).exists()
