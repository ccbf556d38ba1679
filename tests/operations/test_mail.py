"""Mail over real SMTP, configured by EMAIL_URL (django-environ), to an aiosmtpd server the test starts."""

from email import message_from_bytes
from email.policy import default as default_policy

import environ
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.core.mail import send_mail
from django.test import override_settings

from tests.gunicorn import free_port


class Inbox:
    def __init__(self):
        self.envelopes = []
        self.logins = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"mailer", b"s3cret/pw"))


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=inbox.authenticate,
        auth_require_tls=False,  # plain SMTP on 127.0.0.1 only, for the test
    )
    controller.start()
    yield inbox, controller.port
    controller.stop()


def email_settings(url):
    """What website/settings/base.py takes from EMAIL_URL."""
    return {
        name: value for name, value in environ.Env.email_url_config(url).items() if name.startswith("EMAIL_")
    }


def test_a_mail_with_a_greek_subject_reaches_the_smtp_server_from_email_url(smtp_server):
    inbox, port = smtp_server
    with override_settings(
        **email_settings(f"smtp://127.0.0.1:{port}"), DEFAULT_FROM_EMAIL="Πόλεις <noreply@cities.example.org>"
    ):
        sent = send_mail(
            "Νέα σελίδα προς έγκριση: Πειραιάς",
            "Η σελίδα «Πειραιάς» περιμένει έγκριση.",
            None,  # DEFAULT_FROM_EMAIL, as Wagtail's notifications use
            ["editor@example.org"],
        )
    assert sent == 1
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "noreply@cities.example.org"
    assert envelope.rcpt_tos == ["editor@example.org"]
    message = message_from_bytes(envelope.original_content, policy=default_policy)
    # Django folds the long encoded subject onto the next line; the unfolded value keeps one space.
    assert message["Subject"].strip() == "Νέα σελίδα προς έγκριση: Πειραιάς"
    assert message["From"] == "Πόλεις <noreply@cities.example.org>"
    assert message["To"] == "editor@example.org"
    assert message.get_content().strip() == "Η σελίδα «Πειραιάς» περιμένει έγκριση."


def test_the_user_and_password_in_email_url_log_in_to_the_smtp_server(smtp_server):
    inbox, port = smtp_server
    with override_settings(**email_settings(f"smtp://mailer:s3cret%2Fpw@127.0.0.1:{port}")):
        send_mail("Subject", "Body", "noreply@cities.example.org", ["editor@example.org"])
    assert inbox.logins == [(b"mailer", b"s3cret/pw")]
    assert len(inbox.envelopes) == 1
