"""Passkeys next to the authenticator app (accounts/passkeys.py), with a software authenticator:
a verified editor enrols one, then signs in with it alone (user verification required), the
session verified; enrolment needs a verified session; refusals count for django-axes."""

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.security.soft_authenticator import SoftAuthenticator

ORIGIN = "http://localhost:8000"  # settings.OTP_WEBAUTHN_ALLOWED_ORIGINS' default
ADDRESS = "203.0.113.30"
BASE = "/admin/webauthn/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.REQUIRE_2FA_FOR_EDITORS = True


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")
    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return user


def verify(client, user):
    """A session signed in with the authenticator app (as the admin login form leaves it)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


def post(client, path, data=None):
    return client.post(
        BASE + path,
        json.dumps(data or {}),
        content_type="application/json",
        REMOTE_ADDR=ADDRESS,
        headers={"accept": "application/json"},
    )


def enrol(client, authenticator):
    options = post(client, "registration/begin/")
    assert options.status_code == 200, options.content
    assert options.json()["rp"] == {"id": "localhost", "name": "City Cooperation"}
    response = post(client, "registration/complete/", authenticator.register(options.json()))
    assert response.status_code == 200, response.content
    return WebAuthnCredential.objects.get(pk=response.json()["id"])


def sign_in(client, authenticator, **kwargs):
    options = post(client, "authentication/begin/")
    assert options.status_code == 200, options.content
    assert options.json()["userVerification"] == "required"
    return post(client, "authentication/complete/?next=/admin/pages/", authenticator.assert_(options.json(), **kwargs))


@pytest.fixture
def passkey(client, editor):
    authenticator = SoftAuthenticator(ORIGIN)
    credential = enrol(verify(client, editor), authenticator)
    client.logout()
    return authenticator, credential


def test_a_verified_editor_enrols_a_passkey_and_signs_in_with_it(client, passkey, editor):
    authenticator, credential = passkey
    assert credential.user == editor and credential.confirmed
    assert client.get("/admin/").status_code == 302  # signed out

    response = sign_in(client, authenticator)
    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == "/admin/pages/"
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == credential.persistent_id  # verified
    assert client.get("/admin/").status_code == 200
    credential.refresh_from_db()
    assert credential.last_used_at is not None and credential.sign_count == 1


def test_a_passkey_sign_in_replaces_whatever_session_was_there(client, passkey, editor, django_user_model):
    authenticator, _credential = passkey
    other = django_user_model.objects.create_user("other", "o@example.org", "pw")
    client.force_login(other)
    assert sign_in(client, authenticator).status_code == 200
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_without_user_verification_a_passkey_is_refused(client, editor):
    authenticator = SoftAuthenticator(ORIGIN, user_verified=False)
    enrol(verify(client, editor), authenticator)
    client.logout()
    response = sign_in(client, authenticator)
    assert response.status_code == 422
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("change", ["signature", "relying party", "origin"])
def test_a_forged_assertion_is_refused(client, passkey, change):
    authenticator, _credential = passkey
    if change == "signature":
        response = sign_in(client, authenticator, tamper=True)
    elif change == "relying party":
        response = sign_in(client, authenticator, rp_id="evil.example")
    else:
        authenticator.origin = "https://evil.example"
        response = sign_in(client, authenticator)
    assert response.status_code == 422
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_refused_passkeys_count_towards_the_lockout_and_a_lockout_stops_passkeys(client, passkey):
    authenticator, _credential = passkey
    for _attempt in range(4):
        assert sign_in(client, authenticator, tamper=True).status_code == 422
    assert sign_in(client, authenticator, tamper=True).status_code == 429
    # Locked out: the right passkey is refused too (django-axes' backend, in authenticate()).
    response = sign_in(client, authenticator)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_a_passkey_sign_in_clears_earlier_failures(client, passkey, editor):
    authenticator, _credential = passkey
    for _attempt in range(2):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}, REMOTE_ADDR=ADDRESS)
    assert AccessAttempt.objects.filter(username="editor").exists()
    assert sign_in(client, authenticator).status_code == 200
    assert not AccessAttempt.objects.filter(username="editor").exists()


def test_a_disabled_passkey_or_account_is_refused(client, passkey, editor):
    authenticator, credential = passkey
    credential.confirmed = False
    credential.save()
    assert sign_in(client, authenticator).status_code == 403
    credential.confirmed = True
    credential.save()
    editor.is_active = False
    editor.save()
    assert sign_in(client, authenticator).status_code == 403
    assert "_auth_user_id" not in client.session


# Enrolment needs a verified editor's session.


def test_nobody_enrols_a_passkey_without_signing_in(client, db):
    response = post(client, "registration/begin/")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"


def test_a_password_alone_does_not_enrol_a_passkey_when_2fa_is_required(client, editor):
    client.force_login(editor)  # signed in without the code: nobody (accounts/middleware.py)
    assert post(client, "registration/begin/").status_code == 403
    assert post(client, "registration/complete/", {}).status_code == 403
    assert not WebAuthnCredential.objects.exists()


def test_a_password_alone_does_not_enrol_a_first_passkey_when_2fa_is_optional(client, settings, django_user_model):
    # django-otp-webauthn alone would allow it (no factor yet to ask for); a stolen password must not.
    settings.REQUIRE_2FA_FOR_EDITORS = False
    user = django_user_model.objects.create_superuser("new", "new@example.org", "pw")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    response = post(client, "registration/begin/")
    assert response.status_code == 403
    assert response.json()["code"] == "user_not_verified"


def test_a_verified_user_without_admin_access_enrols_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    verify(client, user)
    assert post(client, "registration/begin/").status_code == 403
    group = Group.objects.create(name="Admin users")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    assert post(client, "registration/begin/").status_code == 200


# The pages.


def test_the_login_page_offers_a_passkey(client, db):
    response = client.get("/admin/login/")
    assert 'id="passkey-verification-available-template"' in response.text
    assert 'id="passkey-verification-button"' in response.text
    assert "Sign in with a passkey" in response.text
    assert "django_otp_webauthn/otp_webauthn_auth.js" in response.text
    assert '"beginAuthenticationUrl": "/admin/webauthn/authentication/begin/"' in response.text


def test_the_account_page_links_to_the_passkeys_page(client, editor):
    verify(client, editor)
    assert 'href="/admin/passkeys/"' in client.get("/admin/account/").text
    response = client.get("/admin/passkeys/")
    assert response.status_code == 200
    assert 'id="passkey-register-button"' in response.text
    assert "django_otp_webauthn/otp_webauthn_register.js" in response.text
    assert "You have no passkey yet." in response.text


def test_the_passkeys_page_lists_and_removes_ones_own_passkeys(client, passkey, editor, django_user_model):
    _authenticator, credential = passkey
    verify(client, editor)
    assert "Passkey 1" in client.get("/admin/passkeys/").text

    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw")
    TOTPDevice.objects.create(user=other, name="Phone", confirmed=True)
    other_client = verify(type(client)(), other)
    response = other_client.post("/admin/passkeys/", {"remove": credential.pk})
    assert response.status_code in (302, 404)  # a 404 (LocaleMiddleware sends admin 404s to /en/...)
    assert response.get("Location") != "/admin/passkeys/"
    assert WebAuthnCredential.objects.filter(pk=credential.pk).exists()

    response = client.post("/admin/passkeys/", {"remove": credential.pk})
    assert response.status_code == 302 and response["Location"] == "/admin/passkeys/"
    assert not WebAuthnCredential.objects.filter(pk=credential.pk).exists()


def test_with_a_passkey_the_password_alone_still_does_not_sign_in(client, passkey, settings):
    settings.REQUIRE_2FA_FOR_EDITORS = False
    response = client.post("/admin/login/", {"username": "editor", "password": "right-password"}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
