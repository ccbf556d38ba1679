"""Passkeys in Chromium: an editor signs in with password and authenticator code, adds a passkey
from the admin's Passkeys page, signs out, and signs in again with the passkey alone.

The passkey lives in a virtual authenticator (Chrome DevTools Protocol, ``WebAuthn`` domain:
CTAP2, internal transport, resident keys, user verification that always succeeds), so no device
is needed. WebAuthn wants a secure context and a domain name as relying party ID, and an IP
address is neither a valid RP ID, so the browser talks to the server as http://localhost:<port>
(Chromium counts localhost as secure and resolves it to the loopback gunicorn listens on), with
``OTP_WEBAUTHN_RP_ID=localhost`` and that origin in ``OTP_WEBAUTHN_ALLOWED_ORIGINS``. The server
is its own (this module's), because it needs those settings, ``localhost`` in ALLOWED_HOSTS and
``REQUIRE_2FA_FOR_EDITORS`` on: the shared one (conftest.py) signs editors in with passwords.
"""

import re
import subprocess
import sys
from base64 import b32decode
from urllib.parse import parse_qs, urlparse

import pytest
from django_otp.oath import totp

import tests.gunicorn
from tests.e2e.conftest import DESKTOP, TIMEOUT_MS, Problems
from tests.e2e.server import BASE_DIR, DemoSite

EDITOR = "e2e-editor"


@pytest.fixture(scope="module")
def passkey_site(chromium, tmp_path_factory):
    """The demo site under gunicorn on a port chosen here, so the allowed origin can name it."""
    port = tests.gunicorn.free_port()
    site = DemoSite(tmp_path_factory.mktemp("e2e-passkeys"), log=lambda _text: None)
    site.env.update(
        ALLOWED_HOSTS="127.0.0.1,localhost",
        REQUIRE_2FA_FOR_EDITORS="on",
        OTP_WEBAUTHN_RP_ID="localhost",
        OTP_WEBAUTHN_ALLOWED_ORIGINS=f"http://localhost:{port}",
    )
    site.build()
    # The editor's authenticator app: the secret of the device add_totp_device creates.
    added = subprocess.run(
        [sys.executable, "manage.py", "add_totp_device", EDITOR],
        env=site.env,
        cwd=BASE_DIR,
        timeout=120,
        text=True,
        capture_output=True,
    )
    assert added.returncode == 0, added.stdout + added.stderr
    query = parse_qs(urlparse(added.stdout.strip()).query)
    site.totp = (b32decode(query["secret"][0]), int(query["period"][0]), int(query["digits"][0]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tests.gunicorn, "free_port", lambda: port)
        site.start()
    site.localhost = f"http://localhost:{port}"
    yield site
    site.stop()


@pytest.fixture
def page(browser, passkey_site):
    context = browser.new_context(base_url=passkey_site.localhost, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    # Only the server under test; anything else is refused.
    context.route(re.compile(rf"^(?!{re.escape(passkey_site.localhost)}/)"), lambda route: route.abort())
    page = context.new_page()
    page.problems = Problems(page)
    yield page
    context.close()


def at(path):
    """A wait_for_url predicate on the path alone (a login URL's ?next= must not match)."""
    if isinstance(path, re.Pattern):
        return lambda url: path.fullmatch(urlparse(url).path) is not None
    return lambda url: urlparse(url).path == path


def current_code(site):
    secret, period, digits = site.totp
    return f"{totp(secret, step=period, digits=digits):0{digits}d}"


def add_virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})["authenticatorId"]
    return cdp, authenticator


def test_editor_adds_a_passkey_and_signs_in_with_it(page, passkey_site):
    cdp, authenticator = add_virtual_authenticator(page)

    # Password alone: refused, the editor has an authenticator app.
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", passkey_site.passwords[EDITOR])
    page.locator("form.login-form button[type=submit]").click()
    error = page.locator(".messages li.error").first
    error.wait_for()
    assert "didn't match" in error.inner_text()

    # Password and code.
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", passkey_site.passwords[EDITOR])
    page.fill("#id_otp_token", current_code(passkey_site))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(at("/admin/"))

    # Account, "More actions", Passkeys; add one.
    page.goto("/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Passkeys").click()
    page.wait_for_url(at("/admin/passkeys/"))
    # Wagtail's account page logs an error of its own in this Chromium (its time zone menu cannot
    # localise one of Django's zone names); the passkey pages are checked from here on.
    page.problems.take()
    assert page.get_by_text("You have no passkey yet.").is_visible()
    page.locator("#passkey-register-button").click()
    page.get_by_text("Passkey 1").wait_for()  # the page reloads with the new passkey listed
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(credentials) == 1 and credentials[0]["isResidentCredential"]
    assert credentials[0]["rpId"] == "localhost"
    assert page.problems.take() == []

    # Sign out from the sidebar's account menu.
    page.goto("/admin/")
    page.locator(".sidebar-footer__account").click()
    page.locator(".sidebar-footer").get_by_role("button", name="Log out").click()
    page.wait_for_url(at("/admin/login/"))
    assert page.goto("/admin/pages/").url.startswith(f"{passkey_site.localhost}/admin/login/")

    # The passkey alone signs in, verified, and goes on to where the editor was going.
    page.locator("#passkey-verification-button").click()
    page.wait_for_url(at(re.compile(r"/admin/pages/(\d+/)?")))  # the explorer, at the editor's root
    response = page.goto("/admin/")
    assert response.status == 200 and urlparse(page.url).path == "/admin/"
    assert page.problems.take() == []
