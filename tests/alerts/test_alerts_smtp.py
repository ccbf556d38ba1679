"""The alerts' e-mails over real SMTP (Django's SMTP backend, configured from an EMAIL_URL) to an
aiosmtpd server the test starts, in each language: subject and body in the subscriber's language,
the unsubscribe headers on the wire, every link on the configured site address."""

import re

import pytest
from django.test import override_settings

from alerts.models import Subscription
from tests.alerts.test_alerts import age_all_pages, form_data, new_call, send_alerts
from tests.smtp import email_settings, smtp_server

SITE_URL = "https://cities.example.org"
FROM = "City Cooperation <alerts@cities.example.org>"

CONFIRM_SUBJECT = {
    "en": "Confirm your e-mail alerts from City Cooperation",
    "ca": "Confirmeu les vostres alertes de City Cooperation",
    "pl": "Potwierdź powiadomienia e-mail z City Cooperation",
    "el": "Επιβεβαιώστε τις ειδοποιήσεις σας από το City Cooperation",
}
GREETING = {"en": "Hello,", "ca": "Hola,", "pl": "Dzień dobry,", "el": "Γεια σας,"}
DIGEST_SUBJECT = {  # one new call (news, training and the deadline are not chosen below)
    "en": "City Cooperation: 1 new item for you",
    "ca": "City Cooperation: 1 novetat per a vós",
    "pl": "City Cooperation: 1 nowość dla Ciebie",
    "el": "City Cooperation: 1 νέο στοιχείο για εσάς",
}
DIGEST_OPENING = {
    "en": "What is new on City Cooperation for your alerts:",
    "ca": "Novetats de City Cooperation per a les vostres alertes:",
    "pl": "Nowości w City Cooperation według Twoich powiadomień:",
    "el": "Τι νέο υπάρχει στο City Cooperation για τις ειδοποιήσεις σας:",
}
LINK = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture
def smtp():
    """The site's mail sent over SMTP to a server of the test's own; links on SITE_URL."""
    with smtp_server() as (inbox, port):
        with override_settings(
            **email_settings(f"smtp://127.0.0.1:{port}"), DEFAULT_FROM_EMAIL=FROM, SITE_URL=SITE_URL
        ):
            yield inbox


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.parametrize("language", ["en", "ca", "pl", "el"])
def test_confirmation_and_digest_cross_smtp_in_the_subscribers_language(client, site, smtp, language):
    address = f"reader-{language}@example.org"
    age_all_pages()
    response = client.post(f"/{language}/alerts/", form_data(address, language, kinds=["calls"]))
    assert response.status_code == 302

    (confirmation,) = smtp.wait_for(1)
    subscription = Subscription.objects.get(email=address)
    (envelope,) = smtp.envelopes
    assert envelope.mail_from == "alerts@cities.example.org" and envelope.rcpt_tos == [address]
    # Django folds a long encoded subject onto the next line: the unfolded value starts with a space.
    assert confirmation["Subject"].strip() == CONFIRM_SUBJECT[language]
    body = text_of(confirmation)
    assert body.startswith(GREETING[language])
    confirm_link = f"{SITE_URL}/{language}/alerts/confirm/{subscription.token}/"
    assert LINK.findall(body) == [confirm_link]
    assert "List-Unsubscribe" not in confirmation  # nothing to leave yet: no list, only a request

    client.post(confirm_link.removeprefix(SITE_URL))
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    smtp.clear()
    call = new_call(site)[language]

    send_alerts()

    (digest,) = smtp.wait_for(1)
    # The header block as sent, unfolded (RFC 5322 2.2.3: a line break before white space is folding).
    head = smtp.envelopes[0].original_content.split(b"\r\n\r\n", 1)[0]
    lines = re.sub(rb"\r\n(?=[ \t])", b"", head).decode("ascii").split("\r\n")
    on_the_wire = {name: value.strip() for name, _colon, value in (line.partition(":") for line in lines)}
    unsubscribe = f"{SITE_URL}/{language}/alerts/unsubscribe/{subscription.token}/"
    # On the wire as RFC 2369 and RFC 8058 want them: plain ASCII, the address whole, no encoded word.
    assert on_the_wire["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert on_the_wire["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digest["Subject"].strip() == DIGEST_SUBJECT[language]
    assert digest["To"] == address and digest["From"] == FROM
    assert digest["Message-ID"].endswith("@cities.example.org>")
    body = text_of(digest)
    assert body.startswith(DIGEST_OPENING[language])
    assert f"* {call.title}" in body.splitlines()
    assert LINK.findall(body) == [
        SITE_URL + call.get_url(),
        f"{SITE_URL}/{language}/alerts/manage/{subscription.token}/",
        unsubscribe,
    ]
    html = digest.get_body(preferencelist=("html",)).get_content()
    assert f'lang="{language}"' in html and f'href="{SITE_URL}{call.get_url()}"' in html
