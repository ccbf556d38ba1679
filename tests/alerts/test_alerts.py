"""E-mail alerts: double opt-in, the same answer for known and new addresses, rate limits, the
digest in the subscriber's language with one-click unsubscribe, and hostile input."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from alerts import throttle
from alerts.models import Subscription
from news import factories as news_factories
from programmes import factories as programme_factories
from programmes.models import ProgrammePage
from tests.conftest import translate_everywhere

ALL_KINDS = ["calls", "deadlines", "training", "news"]
LINK = re.compile(r"https?://\S+")


def form_data(email="ana@example.org", language="en", **fields):
    return {"email": email, "language": language, "kinds": ALL_KINDS, **fields}


def links_in(message):
    return LINK.findall(message.body)


def subscribed(email="ana@example.org", language="en", confirmed=True, **fields):
    now = timezone.now()
    return Subscription.objects.create(
        email=email,
        language=language,
        kinds=fields.pop("kinds", ALL_KINDS),
        confirmed_at=now - timedelta(days=2) if confirmed else None,
        **fields,
    )


def age_all_pages(days=3):
    """Everything already on the site was published before the subscriptions of a test."""
    Page.objects.update(first_published_at=timezone.now() - timedelta(days=days))


def send_alerts():
    call_command("send_alerts", stdout=StringIO())


def new_call(site, title="Call for city networks", **fields):
    """A call published now in all four languages; its titles end in " [<code>]" in ca, pl and el."""
    now = timezone.now()
    call = programme_factories.call(
        site.pages["programme"]["en"],
        title,
        opens_at=now - timedelta(days=1),
        deadline=now + timedelta(days=40),
        **fields,
    )
    return {"en": call, **translate_everywhere(call)}


# Subscribing and confirming


def test_subscribing_sends_a_link_whose_button_confirms(client, site):
    page = client.get("/en/alerts/")
    assert page.status_code == 200
    assert b'name="email"' in page.content and b"<fieldset" in page.content

    response = client.post("/en/alerts/", form_data(programmes=["icp-agir"], themes=["circular-economy"]))

    assert response.status_code == 302 and response["Location"] == "/en/alerts/sent/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.programmes == ["icp-agir"] and subscription.themes == ["circular-economy"]
    assert len(mail.outbox) == 1
    confirm_link = f"http://testserver/en/alerts/confirm/{subscription.token}/"
    assert confirm_link in links_in(mail.outbox[0])

    assert client.get(confirm_link).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # opening the link (a mail scanner may) gives no consent

    confirmed = client.post(confirm_link)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert (
        confirmed.status_code == 302 and f"/en/alerts/manage/{subscription.token}/" in confirmed["Location"]
    )


def test_the_confirmation_email_and_links_are_in_the_language_of_the_form(client, site):
    client.post("/el/alerts/", form_data(language="el"))

    subscription = Subscription.objects.get()
    assert subscription.language == "el"
    assert f"http://testserver/el/alerts/confirm/{subscription.token}/" in links_in(mail.outbox[0])


def test_a_known_address_gets_the_same_answer_and_a_manage_link_instead(client, site):
    known = subscribed("known@example.org", programmes=["icp-agir"])
    new_response = client.post("/en/alerts/", form_data("new@example.org"), follow=True)
    known_response = client.post(
        "/en/alerts/", form_data("Known@Example.org", themes=["circular-economy"]), follow=True
    )

    assert known_response.status_code == new_response.status_code == 200
    assert known_response.redirect_chain == new_response.redirect_chain
    assert known_response.content == new_response.content
    to_known = [message for message in mail.outbox if message.to == ["known@example.org"]]
    assert len(to_known) == 1
    assert f"http://testserver/en/alerts/manage/{known.token}/" in links_in(to_known[0])
    assert not any("/confirm/" in link for link in links_in(to_known[0]))
    known.refresh_from_db()
    assert known.programmes == ["icp-agir"] and known.themes == []  # the form changed nothing


def test_an_unconfirmed_address_gets_its_confirmation_link_again_with_the_new_choices(client, site):
    pending = subscribed("pending@example.org", confirmed=False)
    client.post("/en/alerts/", form_data("pending@example.org", themes=["circular-economy"]))

    pending.refresh_from_db()
    assert pending.themes == ["circular-economy"] and pending.confirmed_at is None
    assert f"http://testserver/en/alerts/confirm/{pending.token}/" in links_in(mail.outbox[0])


def test_the_form_is_refused_with_429_after_five_requests_from_one_address(client, site):
    for number in range(throttle.PER_CLIENT):
        assert client.post("/en/alerts/", form_data(f"person{number}@example.org")).status_code == 302

    response = client.post("/en/alerts/", form_data("one-more@example.org"))

    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert not Subscription.objects.filter(email="one-more@example.org").exists()


def test_the_form_is_refused_with_429_after_three_requests_for_one_email(site):
    for number in range(throttle.PER_EMAIL):
        response = Client(REMOTE_ADDR=f"192.0.2.{number + 1}").post("/en/alerts/", form_data())
        assert response.status_code == 302

    response = Client(REMOTE_ADDR="192.0.2.99").post("/en/alerts/", form_data("ANA@example.org"))

    assert response.status_code == 429
    assert len(mail.outbox) == throttle.PER_EMAIL


def test_a_confirmation_link_expires_after_7_days_and_send_alerts_removes_it(client, site):
    old = subscribed("old@example.org", confirmed=False)
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = subscribed("recent@example.org", confirmed=False)

    assert client.get(f"/en/alerts/confirm/{old.token}/").status_code == 404
    assert client.post(f"/en/alerts/confirm/{old.token}/").status_code == 404
    send_alerts()

    assert list(Subscription.objects.values_list("email", flat=True)) == [recent.email]


# Managing and unsubscribing


def test_the_manage_page_changes_the_choices(client, site):
    subscription = subscribed()
    url = f"/en/alerts/manage/{subscription.token}/"
    page = client.get(url)
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in page["Cache-Control"]

    response = client.post(url, {"language": "pl", "kinds": ["news"], "themes": ["circular-economy"]})

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert (subscription.language, subscription.kinds, subscription.themes) == (
        "pl",
        ["news"],
        ["circular-economy"],
    )


def test_a_form_error_is_linked_to_its_field(client, site):
    response = client.post("/en/alerts/", form_data("not an address"))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert re.search(
        r'<input[^>]*aria-describedby="[^"]*id_email_error[^"]*"[^>]*name="email"|'
        r'<input[^>]*name="email"[^>]*aria-describedby="[^"]*id_email_error',
        html,
    )
    assert 'aria-invalid="true"' in html


def test_unsubscribing_asks_first_then_deletes(site):
    subscription = subscribed()
    client = Client(enforce_csrf_checks=True)
    url = f"/en/alerts/unsubscribe/{subscription.token}/"

    page = client.get(url)
    assert page.status_code == 200 and Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.post(url).status_code == 403  # a plain POST needs the form's CSRF token
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_one_click_unsubscribe_deletes_without_a_csrf_token(site):
    subscription = subscribed()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/el/alerts/unsubscribe/{subscription.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("path", ["confirm", "manage", "unsubscribe"])
def test_an_unknown_or_forged_token_is_a_404(client, site, path):
    subscription = subscribed()
    forged = subscription.token[:-1] + ("A" if subscription.token[-1] != "A" else "B")

    for token in [forged, "x" * 5000, "0"]:
        assert client.get(f"/en/alerts/{path}/{token}/").status_code == 404
        assert (
            client.post(f"/en/alerts/{path}/{token}/", {"List-Unsubscribe": "One-Click"}).status_code == 404
        )
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_one_click_with_a_forged_token_is_a_404(site):
    subscribed()
    response = Client(enforce_csrf_checks=True).post(
        "/en/alerts/unsubscribe/forged-token-forged-token/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 404
    assert Subscription.objects.count() == 1


# Hostile input


@pytest.mark.parametrize(
    "data",
    [
        form_data("a" * 5000 + "@example.org"),
        form_data("a@" + "b" * 300 + ".org"),
        form_data("ana\x00@example.org"),
        form_data(programmes=["no-such-programme"]),
        form_data(themes=["<script>"]),
        form_data(kinds=["everything"]),
        form_data(kinds=[]),
        form_data(language="xx"),
        {"email": ["a@example.org", "b@example.org"]},
        {},
    ],
)
def test_hostile_input_is_a_form_error_never_a_500(client, site, data):
    response = client.post("/en/alerts/", data)

    assert response.status_code == 400
    assert b'class="errorlist' in response.content
    assert not Subscription.objects.exists() and not mail.outbox


def test_countries_are_those_of_the_programmes_and_select_their_calls(client, site):
    ProgrammePage.objects.filter(code="icp-agir").update(countries="GR,CL")
    age_all_pages()

    page = client.get("/el/alerts/").content.decode()
    assert 'value="GR"' in page and 'value="CL"' in page and 'value="FR"' not in page
    assert client.post("/en/alerts/", form_data(countries=["ZZ"])).status_code == 400
    assert client.post("/en/alerts/", form_data(countries=["GR"])).status_code == 302
    assert Subscription.objects.get().countries == ["GR"]

    subscribed("gr@example.org", countries=["GR"])
    subscribed("fr@example.org", countries=["FR"])
    new_call(site)
    send_alerts()

    assert [message.to for message in mail.outbox if "Call for city networks" in message.body] == [
        ["gr@example.org"]
    ]


def test_hostile_preferences_on_the_manage_page_change_nothing(client, site):
    subscription = subscribed(themes=["circular-economy"])
    response = client.post(
        f"/en/alerts/manage/{subscription.token}/", {"language": "el", "kinds": ["x" * 10_000]}
    )

    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.language == "en" and subscription.themes == ["circular-economy"]


# The digest


def test_send_alerts_sends_a_greek_subscriber_the_greek_call_once(site):
    age_all_pages()
    greek = subscribed("eleni@example.org", language="el", programmes=["icp-agir"])
    call = new_call(site)

    send_alerts()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["eleni@example.org"]
    assert "Call for city networks [el]" in message.body
    assert "Call for city networks [en]" not in message.body
    call_url = "http://testserver" + call["el"].get_url()
    assert call_url.startswith("http://testserver/el/") and call_url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{call_url}"' in html and 'lang="el"' in html
    unsubscribe = f"http://testserver/el/alerts/unsubscribe/{greek.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"http://testserver/el/alerts/manage/{greek.token}/" in message.body
    greek.refresh_from_db()
    assert greek.last_sent_at is not None

    send_alerts()

    assert len(mail.outbox) == 1  # nothing new the second time


def test_nothing_is_sent_when_nothing_new_matches(site):
    age_all_pages()
    other_programme = subscribed("a@example.org", programmes=["iurc"])
    other_country = subscribed("b@example.org", countries=["GR"])  # the programme lists no country
    only_news = subscribed("c@example.org", kinds=["news"])
    new_call(site)

    send_alerts()

    assert mail.outbox == []
    for subscription in (other_programme, other_country, only_news):
        subscription.refresh_from_db()
        assert subscription.last_sent_at is None


def test_nothing_published_before_the_subscription_is_sent(site):
    subscription = subscribed()
    age_all_pages(days=3)  # before the confirmation, two days ago

    send_alerts()

    assert mail.outbox == []
    subscription.refresh_from_db()
    assert subscription.last_sent_at is None


def test_a_deadline_within_7_days_is_announced_once(site):
    age_all_pages(days=30)
    programme = site.pages["programme"]["en"]
    now = timezone.now()
    programme_factories.call(
        programme, "Last call", opens_at=now - timedelta(days=60), deadline=now + timedelta(days=3)
    )
    Page.objects.update(first_published_at=now - timedelta(days=30))  # an old call whose deadline comes near
    subscribed("a@example.org", kinds=["deadlines"], themes=["circular-economy"])

    send_alerts()
    send_alerts()

    assert len(mail.outbox) == 1
    assert "Last call" in mail.outbox[0].body
    assert "Call for cities" not in mail.outbox[0].body  # its deadline is 60 days away


def test_a_new_training_module_and_news_item_are_sent_to_those_who_chose_them(site):
    age_all_pages()
    programme = site.pages["programme"]["en"]
    subscribed("t@example.org", kinds=["training", "news"], themes=["circular-economy"])
    programme_factories.training_module(programme, "Waste training", city_name="Gdańsk")
    news_factories.news_item(site.pages["news_index"]["en"], "Cities sign up", programme=programme)

    send_alerts()

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Waste training" in body and "Cities sign up" in body
