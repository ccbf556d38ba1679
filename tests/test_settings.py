"""Production settings refuse to start misconfigured and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_VARIABLES = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "SECURE_HTTPS",
    "DJANGO_SETTINGS_MODULE",
    "EMAIL_URL",
    "SENTRY_DSN",
)


def production_env(**variables):
    """The current environment without any production variable, plus ``variables``."""
    env = {name: value for name, value in os.environ.items() if name not in PRODUCTION_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.production"
    env.update(variables)
    return env


def good_settings(**overrides):
    return {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "cities.example.org",
        "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
        **overrides,
    }


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def start_django(env):
    return run(["-c", "import django; django.setup()"], env)


def test_production_settings_pass_the_deployment_checks_without_a_warning():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(**good_settings())
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_start_with_good_settings():
    result = start_django(production_env(**good_settings()))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "variables",
    [
        pytest.param({"ALLOWED_HOSTS": "cities.example.org"}, id="no-key"),
        pytest.param({"ALLOWED_HOSTS": "cities.example.org", "SECRET_KEY": "short-key"}, id="short-key"),
        pytest.param(
            {"ALLOWED_HOSTS": "cities.example.org", "SECRET_KEY": "insecure-" + "x" * 60}, id="insecure-key"
        ),
        pytest.param(
            {"ALLOWED_HOSTS": "cities.example.org", "SECRET_KEY": "a" * 64}, id="repeated-character-key"
        ),
    ],
)
def test_production_refuses_to_start_without_a_long_random_secret_key(variables):
    result = start_django(production_env(**variables))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = start_django(production_env(**good_settings(DEBUG="1")))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG must be off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    settings = good_settings()
    del settings["ALLOWED_HOSTS"]
    result = run(["manage.py", "check"], production_env(**settings))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    settings = good_settings()
    del settings["EMAIL_URL"]
    result = start_django(production_env(**settings))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set EMAIL_URL" in result.stderr


def test_the_plain_http_demo_prints_mails_without_email_url():
    settings = good_settings(SECURE_HTTPS="off")
    del settings["EMAIL_URL"]
    code = "import django; django.setup(); from django.conf import settings as s; print(s.EMAIL_BACKEND)"
    result = run(["-c", code], production_env(**settings))
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend", result.stderr


def test_production_mail_settings_come_from_email_url():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, s.SERVER_EMAIL)"
    )
    result = run(["-c", code], production_env(**good_settings(SERVER_EMAIL="errors@cities.example.org")))
    assert result.stdout.split() == [
        "smtp.example.org",
        "587",
        "mailer",
        "True",
        "noreply@cities.example.org",
        "errors@cities.example.org",
    ], result.stderr


def test_https_hardening_is_on_unless_switched_off_explicitly():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    on = run(["-c", code], production_env(**good_settings()))
    off = run(["-c", code], production_env(**good_settings(SECURE_HTTPS="off")))
    assert on.stdout.split() == ["True", "True", "True", "True"], on.stderr
    assert off.stdout.split() == ["False", "False", "False", "False"], off.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit:  # --check exits 1 when a migration is missing
        pytest.fail(
            f"makemigrations --check found model changes without a migration (exit {exit.code}):\n{out.getvalue()}"
        )
