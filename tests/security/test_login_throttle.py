"""Admin sign-in throttling with django-axes: a username is locked out from one address after five
wrong passwords (429 and an explanation in the visitor's language), not everywhere."""

import html

import pytest
from django.test import RequestFactory, override_settings

from accounts.ip import client_ip

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.9"
EDITOR_ADDRESS = "198.51.100.7"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")


def sign_in(client, password, username="editor", address=ATTACKER, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def test_fifth_wrong_password_is_answered_with_429_and_an_explanation(client, editor):
    for _attempt in range(4):
        response = sign_in(client, "wrong")
        assert response.status_code == 200
        assert "didn't match" in html.unescape(response.text)
    response = sign_in(client, "wrong")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.text
    assert "paused after 5 failed attempts" in response.text
    assert "Try again in 30 minutes" in response.text


def test_locked_out_address_cannot_sign_in_even_with_the_right_password(client, editor):
    for _attempt in range(5):
        sign_in(client, "wrong")
    response = sign_in(client, "right-password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_right_password_from_another_address_still_works(client, editor):
    for _attempt in range(5):
        sign_in(client, "wrong")
    response = sign_in(client, "right-password", address=EDITOR_ADDRESS)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_other_usernames_from_the_same_address_are_not_locked_out(client, editor, django_user_model):
    django_user_model.objects.create_superuser("colleague", "colleague@example.org", "her-password")
    for _attempt in range(5):
        sign_in(client, "wrong")
    response = sign_in(client, "her-password", username="colleague")
    assert response.status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, editor):
    for _attempt in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, "right-password").status_code == 302
    client.logout()
    for _attempt in range(4):
        assert sign_in(client, "wrong").status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "Zbyt wiele nieudanych prób logowania"),
        ("el", "Πάρα πολλές αποτυχημένες προσπάθειες σύνδεσης"),
        ("ca", "Massa intents d'inici de sessió fallits"),
    ],
)
def test_lockout_page_speaks_the_visitors_language(client, editor, language, expected):
    for _attempt in range(5):
        response = sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert f'<html lang="{language}"' in response.text
    assert expected in html.unescape(response.text)


def test_client_address_ignores_forwarded_for_unless_proxies_are_trusted():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request) == "10.0.0.2"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.9"  # what the proxy saw; the spoofable left part is ignored
    with override_settings(TRUSTED_PROXY_COUNT=3):
        assert client_ip(request) == "10.0.0.2"  # fewer entries than proxies: not trusted
