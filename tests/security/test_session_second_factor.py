"""The second factor is a property of the session (accounts/middleware.py), not of one login form.

Every view of the site that can log a user in is found by walking the URL resolver and tried with
the right password and no code; afterwards neither the admin nor a private document may answer.
A session that is signed in but not verified (django-otp) is nobody, for every view but sign-out;
a verified one reaches the admin, its API, previews, revisions and private documents.
"""

import re

import pytest
from django.contrib.auth import views as auth_views
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from home.factories import ensure_home, standard_page

PASSWORD = "right-password"
ADDRESS = "203.0.113.20"
LOGIN_WORDS = ("login", "log-in", "signin", "sign-in", "sign_in", "authenticat")


# Finding every view that signs somebody in.


def walk(patterns, route="", namespace=""):
    """(route, full name, pattern) of every URL pattern under ``patterns``, includes followed."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from walk(pattern.url_patterns, route + str(pattern.pattern), inner)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name or ""
            yield route + str(pattern.pattern), name, pattern


def signs_a_user_in(route, name, pattern):
    view_class = getattr(pattern.callback, "view_class", None)
    if view_class is not None:
        if issubclass(view_class, auth_views.LoginView):
            return True
        if issubclass(view_class, auth_views.PasswordResetConfirmView) and view_class.post_reset_login:
            return True
    text = f"{route} {name} {getattr(pattern.callback, '__name__', '')}".lower()
    return any(word in text for word in LOGIN_WORDS)


def concrete_url(route):
    """A URL for a route: parameters get 1 (a number) or "x"; regex anchors dropped. None for a
    regular expression with groups."""
    url = re.sub(r"<int:\w+>", "1", route)
    url = re.sub(r"<(?:\w+:)?\w+>", "x", url)
    url = url.replace("^", "").replace("$", "").replace("\\", "")
    return None if re.search(r"[()\[\]*+?|]", url) else "/" + url


def login_routes():
    routes = set()
    with translation.override("en"):
        for route, name, pattern in walk(get_resolver().url_patterns):
            if signs_a_user_in(route, name, pattern):
                url = concrete_url(route)
                assert url, f"a login route this test cannot reach yet: {route}"
                routes.add((name or route, url))
    return sorted(routes)


def test_the_walk_finds_every_login_and_only_the_admin_login_is_a_login_view():
    found = dict(login_routes())
    assert found["wagtailadmin_login"] == "/admin/login/"
    assert found["otp_webauthn:credential-authentication-complete"] == "/admin/webauthn/authentication/complete/"
    login_views = [
        name
        for _route, name, pattern in walk(get_resolver().url_patterns)
        if issubclass(getattr(pattern.callback, "view_class", object), auth_views.LoginView)
    ]
    assert login_views == ["wagtailadmin_login"]


def test_wagtails_frontend_login_only_leads_to_the_admin_login(client):
    response = client.get("/en/_util/login/?next=/en/members/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/en/members/"


# The people and the things they may or may not reach.


@pytest.fixture
def users(db, django_user_model):
    with_device = django_user_model.objects.create_superuser("has-device", "d@example.org", PASSWORD)
    without_device = django_user_model.objects.create_superuser("no-device", "n@example.org", PASSWORD)
    TOTPDevice.objects.create(user=with_device, name="Phone", confirmed=True)
    return {"with a device": with_device, "without a device": without_device}


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA_FOR_EDITORS = True
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # to the file's own URL, once the privacy check passed


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Minutes",
        file=ContentFile(b"board minutes, private", name="minutes.txt"),
        collection=collection,
    )


@pytest.fixture
def page(db):
    home = ensure_home()
    team = standard_page(home, "Our team", "our-team", introduction="Who we are.")
    team.title = "Our team (draft)"
    team.save_revision()
    return team


@pytest.fixture
def image(db):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(title="Logo", file=get_test_image_file())


def private_urls(page, document, image):
    """Everything a signed-in editor reaches and nobody else may."""
    revision = page.latest_revision
    return {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{page.get_parent().pk}/",
        "page editor": f"/admin/pages/{page.pk}/edit/",
        "draft preview": f"/admin/pages/{page.pk}/view_draft/",
        "revision": f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        "admin API": reverse("wagtailadmin_api:pages:listing"),
        "admin API page": reverse("wagtailadmin_api:pages:detail", args=[page.pk]),
        "image": f"/admin/images/{image.pk}/",
        "image preview": f"/admin/images/{image.pk}/preview/original/",
        "document edit": f"/admin/documents/edit/{document.pk}/",
        "account": "/admin/account/",
        "private document": document.url,
    }


def assert_shut_out(client, urls, label):
    for what, url in urls.items():
        response = client.get(url)
        assert response.status_code in (302, 403), f"{label}: {what} ({url}) answered {response.status_code}"
        if response.status_code == 302:
            assert "login/?next=" in response["Location"], (label, what, response["Location"])
    # And no sign-in to speak of: nothing verified.
    assert DEVICE_ID_SESSION_KEY not in client.session, label


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


# Every login route, the right password, no code.


@pytest.mark.parametrize("who", ["with a device", "without a device"])
def test_no_login_route_gives_the_admin_or_private_documents_without_the_code(
    client, users, required, private_document, page, image, who
):
    user = users[who]
    urls = private_urls(page, private_document, image)
    routes = login_routes()
    assert routes
    for name, url in routes:
        client.logout()
        client.get(url, REMOTE_ADDR=ADDRESS)
        client.post(
            url,
            {"username": user.username, "password": PASSWORD, "next": "/admin/"},
            REMOTE_ADDR=ADDRESS,
        )
        assert_shut_out(client, urls, f"{who}, after {name} ({url})")


@pytest.mark.parametrize("who", ["with a device", "without a device"])
def test_a_session_signed_in_without_the_second_factor_is_nobody(
    client, users, required, private_document, page, image, who
):
    client.force_login(users[who])  # as any login view without the code would
    assert "_auth_user_id" in client.session
    assert_shut_out(client, private_urls(page, private_document, image), who)
    response = client.post(f"/admin/pages/{page.pk}/edit/preview/", {"title": "Changed"})
    assert response.status_code in (302, 403)


PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "otp_webauthn:js-i18n-catalog",
}


def test_no_admin_view_answers_a_session_without_the_second_factor(client, users, required):
    client.force_login(users["without a device"])
    checked = 0
    with translation.override("en"):
        patterns = list(walk(get_resolver().url_patterns))
    for route, name, _pattern in patterns:
        if not route.startswith("admin/") or name in PUBLIC_ADMIN_VIEWS or not name:
            continue
        url = concrete_url(route)
        if url is None:
            continue
        response = client.get(url)
        checked += 1
        assert response.status_code in (302, 403, 405), f"{name} ({url}) answered {response.status_code}"
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), (name, response["Location"])
    assert checked > 100


def test_an_editor_with_a_device_needs_it_even_when_2fa_is_optional(
    client, users, settings, private_document, page, image
):
    settings.REQUIRE_2FA_FOR_EDITORS = False
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # to the file's own URL, once the privacy check passed
    client.force_login(users["with a device"])
    assert_shut_out(client, private_urls(page, private_document, image), "optional 2FA, with a device")
    # An editor without one signs in with the password, as before.
    client.force_login(users["without a device"])
    assert client.get("/admin/").status_code == 200


def test_a_verified_session_reaches_the_admin_previews_and_private_documents(
    client, users, required, private_document, page, image
):
    user = users["with a device"]
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        "/admin/login/",
        {"username": user.username, "password": PASSWORD, "otp_token": current_code(device)},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    urls = private_urls(page, private_document, image)
    document_url = urls.pop("private document")
    for what, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, f"{what} ({url}) answered {response.status_code}"
    response = client.get(document_url)
    assert response.status_code == 302 and response["Location"] == private_document.file.url
    assert "Our team (draft)" in client.get(urls["draft preview"]).text

    # Preview while editing: the edit form's data, then the preview of it.
    edit = client.get(urls["page editor"])
    data = querydict_from_html(edit.text, form_id="page-edit-form")
    data.setdefault("body-count", "0")
    data["title"] = "Our team (previewed)"
    response = client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert response.status_code == 200 and response.json()["is_valid"]
    assert "Our team (previewed)" in client.get(f"/admin/pages/{page.pk}/edit/preview/").text


def test_signing_out_works_for_an_unverified_session(client, users, required):
    client.force_login(users["without a device"])
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# The frontend login is gone; what used it goes to the admin's login, which asks for the code.


def test_a_login_restricted_page_sends_visitors_to_the_admin_login(client, page):
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_page_password_restrictions_still_work(client, page):
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert client.get(page.url).status_code == 200  # the password form
    assert "open-sesame" not in client.get(page.url).text
    response = client.post(url, {"password": "open-sesame", "return_url": page.url})
    assert response.status_code == 302
    response = client.get(page.url)
    assert response.status_code == 200 and "Who we are." in response.text


def test_a_password_reset_gives_no_session_and_the_new_password_still_needs_the_code(client, users, required):
    user = users["with a device"]
    response = client.post("/admin/password_reset/", {"email": user.email})
    assert response.status_code == 302
    link = re.search(r"http://[^/\s]+(/admin/password_reset/confirm/\S+/)", mail.outbox[-1].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "a-new-long-password", "new_password2": "a-new-long-password"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": user.username, "password": "a-new-long-password"}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
