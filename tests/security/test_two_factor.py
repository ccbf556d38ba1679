"""Two-factor sign-in for editors: the Wagtail login form asks for the code of the editor's
authenticator app (django-otp TOTP) and accepts each code once."""

import html
from base64 import b32decode
from io import StringIO
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, code=None, password="right-password"):
    data = {"username": "editor", "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data, REMOTE_ADDR="203.0.113.9")


def signed_in(client):
    return "_auth_user_id" in client.session


def test_login_page_asks_for_the_authentication_code(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert 'name="otp_token"' in response.text
    assert 'autocomplete="one-time-code"' in response.text


def test_valid_code_signs_the_editor_in_and_marks_the_session_verified(client, device):
    response = sign_in(client, current_code(device))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/").status_code == 200


def test_code_with_spaces_is_accepted(client, device):
    code = current_code(device)
    assert sign_in(client, f"{code[:3]} {code[3:]}").status_code == 302


@pytest.mark.parametrize("code", ["000000", "", None, "not-a-code"])
def test_wrong_or_missing_code_is_refused(client, device, code):
    if code == "000000" and current_code(device) == "000000":
        code = "111111"
    response = sign_in(client, code)
    assert response.status_code == 200
    assert not signed_in(client)
    # The same words as for a wrong password: a stranger learns nothing about the password.
    assert "password or authentication code didn't match" in html.unescape(response.text)


def test_replayed_code_is_refused(client, device):
    code = current_code(device)
    assert sign_in(client, code).status_code == 302
    client.logout()
    response = sign_in(client, code)
    assert response.status_code == 200
    assert not signed_in(client)


def test_wrong_password_with_a_valid_code_is_refused(client, device):
    response = sign_in(client, current_code(device), password="wrong")
    assert response.status_code == 200
    assert not signed_in(client)


def test_wrong_codes_count_towards_the_lockout(client, device):
    for _attempt in range(4):
        assert sign_in(client, "000001").status_code == 200
    assert sign_in(client, "000001").status_code == 429


def test_editor_without_a_device_signs_in_with_the_password_when_2fa_is_optional(client, editor, settings):
    settings.REQUIRE_2FA_FOR_EDITORS = False
    assert sign_in(client).status_code == 302


def test_editor_without_a_device_is_refused_when_2fa_is_required(client, editor, settings):
    settings.REQUIRE_2FA_FOR_EDITORS = True
    response = sign_in(client, "123456")
    assert response.status_code == 200
    assert not signed_in(client)
    assert "no authenticator app is set up" in html.unescape(response.text)


def test_an_unconfirmed_device_does_not_count(client, editor, settings):
    settings.REQUIRE_2FA_FOR_EDITORS = True
    TOTPDevice.objects.create(user=editor, name="Half set up", confirmed=False)
    assert sign_in(client, "123456").status_code == 200
    assert not signed_in(client)


def test_add_totp_device_prints_an_address_whose_codes_sign_in(client, editor, settings):
    settings.REQUIRE_2FA_FOR_EDITORS = True
    out = StringIO()
    call_command("add_totp_device", "editor", stdout=out)
    url = urlparse(out.getvalue().strip())
    assert (url.scheme, url.netloc) == ("otpauth", "totp")
    assert url.path == "/City%20Cooperation%3Aeditor"
    query = parse_qs(url.query)
    secret = b32decode(query["secret"][0])
    code = f"{totp(secret, step=int(query['period'][0]), digits=int(query['digits'][0])):06d}"
    assert sign_in(client, code).status_code == 302

    with pytest.raises(CommandError, match="already has"):
        call_command("add_totp_device", "editor", stdout=StringIO())
    call_command("add_totp_device", "editor", "--replace", stdout=StringIO())
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_add_totp_device_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("add_totp_device", "nobody", stdout=StringIO())
