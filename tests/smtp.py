"""A real SMTP server on 127.0.0.1 (aiosmtpd) for tests that send mail over the wire, and the
settings that point Django's SMTP backend at it, read from an EMAIL_URL as website/settings/base.py does."""

import threading
from contextlib import contextmanager
from email import message_from_bytes
from email.policy import default as default_policy

import environ
from aiosmtpd.controller import Controller

from tests.gunicorn import free_port


class Inbox:
    """What the server accepted, as raw bytes (``received``) and parsed (``messages``)."""

    def __init__(self):
        self.envelopes = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self.arrived:
            self.envelopes.append(envelope)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=30):
        """Wait until ``count`` messages have arrived (an upper bound for a slow machine, not a timing)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.envelopes) >= count, timeout)
        return self.messages()

    def messages(self):
        return [
            message_from_bytes(envelope.original_content, policy=default_policy)
            for envelope in self.envelopes
        ]

    def to(self, address):
        return [message for message in self.messages() if message["To"] == address]

    def clear(self):
        with self.arrived:
            self.envelopes.clear()


def email_settings(url):
    """The EMAIL_* settings an EMAIL_URL gives."""
    return {
        name: value for name, value in environ.Env.email_url_config(url).items() if name.startswith("EMAIL_")
    }


@contextmanager
def smtp_server():
    """An SMTP server on 127.0.0.1 and a free port: yields (inbox, port)."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()
