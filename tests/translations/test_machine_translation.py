"""Machine translation in the translation editor: off unless a provider is configured; DeepL or
LibreTranslate (``translations.machine``) pre-fill the strings not translated yet, and a provider
that fails sends the editor back with a message, never the 500 page.

The providers are small HTTP servers started here that speak the providers' APIs (LibreTranslate's
``POST /translate``, DeepL's ``POST /v2/translate``); the editor is a Polish translator using the
admin through the test client.
"""

import html
import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.validators import validate_unicode_slug
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from base.factories import translate
from home.permissions import setup_editor_groups
from programmes.factories import programme
from programmes.models import ProgrammePage
from tests.conftest import built_once_per_module
from tests.translations.conftest import build_small_tree

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
DEEPL_KEY = "test-key:fx"
SOURCE_STRINGS = {"Air quality partnership", "Clean air", "Clean air for port cities"}


def build():
    tree = build_small_tree()
    setup_editor_groups()
    english = programme(
        tree["programmes"]["en"],
        "Air quality partnership",
        code="air",
        short_name="Clean air",
        full_name="Clean air for port cities",
    )
    polish = translate(english, "pl")  # no strings: the Polish page shows the English text for now
    users = {}
    for name, group in (("polish", "Translators (Polish)"), ("catalan", "Translators (Catalan)")):
        users[name] = get_user_model().objects.create_user(name, f"{name}@example.org", "x")
        users[name].groups.add(Group.objects.get(name=group))
    users["admin"] = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    return {"english": english, "polish": polish, "users": users}


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    yield from built_once_per_module(django_db_blocker, build)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def polish_translator(world, client):
    client.force_login(world["users"]["polish"])
    return client


def polish_translation(world):
    return Translation.objects.get(
        source__object_id=world["english"].translation_key, target_locale__language_code="pl"
    )


def editor_props(client, page):
    """The props of wagtail-localize's translation editor (a React app) for ``page``."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    assert found, "the page did not open in the translation editor"
    return json.loads(html.unescape(found.group(1)))


def machine_translate(client, translation, follow=False):
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url},
        follow=follow,
    )


def polish_strings(translation):
    return {
        item.translation_of.data: item
        for item in StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of__segments__source=translation.source,
        ).select_related("translation_of")
    }


def shown_messages(response):
    return [html.unescape(str(message)).strip() for message in response.context["messages"]]


class FakeProvider:
    """A LibreTranslate or DeepL API on a free local port, in a thread.

    Answers each text as ``"<target>: <text>"``; ``status`` makes it answer an error instead.
    ``requests`` keeps what it received: (path, headers, parsed body).
    """

    def __init__(self, kind, status=200):
        self.kind = kind
        self.status = status
        self.requests = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if provider.kind == "libretranslate":
                    payload = json.loads(body)
                else:  # DeepL takes form fields, "text" once per string
                    payload = parse_qs(body)
                provider.requests.append((self.path, dict(self.headers), payload))
                status, answer = provider.answer(self.path, self.headers, payload)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, path, headers, payload):
        if self.status != 200:
            return self.status, {"message": "refused"}
        if self.kind == "libretranslate":
            if path != "/translate":
                return 404, {"error": "Not Found"}
            return 200, {"translatedText": [f"{payload['target']}: {text}" for text in payload["q"]]}
        if path != "/v2/translate" or headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
            return 403, {"message": "Wrong endpoint or key"}
        target = payload["target_lang"][0]
        return 200, {
            "translations": [
                {"detected_source_language": "EN", "text": f"{target}: {text}"} for text in payload["text"]
            ]
        }

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def libretranslate_setting(url):
    return {
        "CLASS": "translations.machine.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": url + "/", "API_KEY": "", "TIMEOUT": 5},
    }


def deepl_setting(url, key=DEEPL_KEY):
    return {
        "CLASS": "translations.machine.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": key, "API_URL": url + "/v2/translate", "TIMEOUT": 5},
    }


# Off by default


def test_without_a_provider_the_translation_editor_offers_no_machine_translation(world, polish_translator):
    props = editor_props(polish_translator, world["polish"])

    assert props["machineTranslator"] is None
    assert props["segments"], "the editor lists the strings to translate"


def test_without_a_provider_the_machine_translate_action_is_not_found(world, polish_translator):
    translation = polish_translation(world)

    # (Django's LocaleMiddleware first redirects a 404 to the language-prefixed address, a 404 too.)
    response = machine_translate(polish_translator, translation, follow=True)

    assert response.status_code == 404
    assert polish_strings(translation) == {}


@pytest.mark.parametrize(
    "variables, expected",
    [
        ({}, None),
        (
            {"LIBRETRANSLATE_URL": "http://libretranslate.internal:5000"},
            "translations.machine.LibreTranslator",
        ),
        ({"DEEPL_API_KEY": "abc:fx"}, "translations.machine.DeepLTranslator"),
        (
            {"DEEPL_API_KEY": "abc:fx", "LIBRETRANSLATE_URL": "http://libretranslate.internal:5000"},
            "translations.machine.DeepLTranslator",
        ),
    ],
    ids=["neither", "libretranslate", "deepl", "both: deepl"],
)
def test_the_provider_comes_from_the_environment(variables, expected):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DEEPL_", "LIBRETRANSLATE_")) and name != "DJANGO_SETTINGS_MODULE"
    }
    env.update(variables, DJANGO_SETTINGS_MODULE="website.settings.dev")
    code = "import json; from django.conf import settings; print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    setting = json.loads(result.stdout)
    assert (setting and setting["CLASS"]) == expected
    if expected and "DEEPL_API_KEY" in variables:
        assert setting["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    elif expected:
        assert setting["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://libretranslate.internal:5000"


# A provider configured


@pytest.mark.parametrize("kind", ["libretranslate", "deepl"])
def test_the_provider_prefills_every_untranslated_string(kind, world, polish_translator, settings):
    translation = polish_translation(world)
    segments = StringSegment.objects.filter(source=translation.source)
    assert SOURCE_STRINGS <= {segment.string.data for segment in segments.select_related("string")}

    with FakeProvider(kind) as provider:
        setting = libretranslate_setting if kind == "libretranslate" else deepl_setting
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = setting(provider.url)
        props = editor_props(polish_translator, world["polish"])
        response = machine_translate(polish_translator, translation, follow=True)

    assert props["machineTranslator"]["name"] == ("LibreTranslate" if kind == "libretranslate" else "DeepL")
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[world["polish"].pk])
    assert len(provider.requests) == 1
    path, _headers, payload = provider.requests[0]
    if kind == "libretranslate":
        assert path == "/translate"
        assert (payload["source"], payload["target"]) == ("en", "pl")
        sent = payload["q"]
        prefix = "pl"
    else:
        assert path == "/v2/translate"
        assert (payload["source_lang"], payload["target_lang"]) == (["EN"], ["PL"])
        sent = payload["text"]
        prefix = "PL"
    assert SOURCE_STRINGS <= set(sent)

    saved = polish_strings(translation)
    assert set(saved) == set(sent)
    for source_text in SOURCE_STRINGS:
        assert saved[source_text].data == f"{prefix}: {source_text}"
        assert saved[source_text].translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        assert saved[source_text].last_translated_by == world["users"]["polish"]
    # The slug is sent too, but what is kept is a slug (made from the translated title).
    validate_unicode_slug(saved["air-quality-partnership"].data)
    # A pre-fill for the translator to review: the Polish page itself is unchanged until published.
    world["polish"].refresh_from_db()
    assert world["polish"].title == "Air quality partnership"


def test_strings_already_translated_are_left_alone(world, polish_translator, settings):
    translation = polish_translation(world)
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=translation.target_locale,
        context=title.context,
        data="Partnerstwo na rzecz czystego powietrza",
    )

    with FakeProvider("libretranslate") as provider:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(provider.url)
        machine_translate(polish_translator, translation)

    assert "Air quality partnership" not in provider.requests[0][2]["q"]
    saved = polish_strings(translation)
    assert saved["Air quality partnership"].data == "Partnerstwo na rzecz czystego powietrza"
    assert saved["Clean air for port cities"].data == "pl: Clean air for port cities"


def test_a_translator_of_another_language_may_not_machine_translate(world, client, settings):
    translation = polish_translation(world)
    client.force_login(world["users"]["catalan"])

    with FakeProvider("libretranslate") as provider:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(provider.url)
        response = machine_translate(client, translation, follow=True)

    # Wagtail's answer to a PermissionDenied in the admin: back to the dashboard, saying so.
    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert shown_messages(response) == ["Sorry, you do not have permission to access this area."]
    assert provider.requests == []
    assert polish_strings(translation) == {}


@pytest.mark.parametrize(
    "kind, status, reason",
    [
        ("deepl", 403, "the service refused the API key"),
        ("deepl", 456, "quota or rate limit is reached"),
        ("libretranslate", 500, "the service answered with an error (HTTP 500)"),
    ],
)
def test_a_failing_provider_sends_the_editor_back_with_a_message(
    kind, status, reason, world, polish_translator, settings
):
    translation = polish_translation(world)

    with FakeProvider(kind, status=status) as provider:
        setting = libretranslate_setting if kind == "libretranslate" else deepl_setting
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = setting(provider.url)
        response = machine_translate(polish_translator, translation, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[0][1] == 302
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[world["polish"].pk])
    [message] = shown_messages(response)
    assert message.startswith(f"{'DeepL' if kind == 'deepl' else 'LibreTranslate'} could not translate:")
    assert reason in message
    assert polish_strings(translation) == {}


def test_an_unreachable_provider_sends_the_editor_back_with_a_message(world, polish_translator, settings):
    translation = polish_translation(world)
    with FakeProvider("libretranslate") as provider:
        url = provider.url  # closed once the block ends: nothing listens there any more
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(url)

    response = machine_translate(polish_translator, translation, follow=True)

    assert response.status_code == 200
    assert shown_messages(response) == [
        "LibreTranslate could not translate: the service could not be reached. Nothing was changed."
    ]
    assert polish_strings(translation) == {}


# "Sync translated pages" with "Use machine translation"


def sync_with_machine_translation(client, world, provider_url):
    english = ProgrammePage.objects.get(
        pk=world["english"].pk
    )  # fresh: another test's revision was rolled back
    english.full_name = "Clean air for harbour cities"
    english.save_revision().publish()
    source = polish_translation(world).source
    client.force_login(world["users"]["admin"])
    return client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"use_machine_translation": "on", "next": reverse("wagtailadmin_home")},
        follow=True,
    )


def test_syncing_with_machine_translation_translates_the_new_text(world, client, settings):
    with FakeProvider("deepl") as provider:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_setting(provider.url)
        response = sync_with_machine_translation(client, world, provider.url)

    assert response.status_code == 200
    saved = polish_strings(polish_translation(world))
    assert saved["Clean air for harbour cities"].data == "PL: Clean air for harbour cities"


def test_syncing_with_a_failing_provider_changes_nothing_and_says_so(world, client, settings):
    with FakeProvider("libretranslate", status=503) as provider:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(provider.url)
        response = sync_with_machine_translation(client, world, provider.url)

    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert shown_messages(response) == [
        "LibreTranslate could not translate: the service answered with an error (HTTP 503). Nothing was changed."
    ]
    translation = polish_translation(world)
    assert polish_strings(translation) == {}
    # The sync is one transaction: the source's new text was not taken either.
    sources = {segment.string.data for segment in StringSegment.objects.filter(source=translation.source)}
    assert "Clean air for harbour cities" not in sources
    assert "Clean air for port cities" in sources


# wagtail-localize's dummy translator (no network)


def test_the_dummy_translator_prefills_the_strings(world, polish_translator, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
    translation = polish_translation(world)

    assert editor_props(polish_translator, world["polish"])["machineTranslator"]["name"] == "Dummy translator"
    first = machine_translate(polish_translator, translation, follow=True)
    again = machine_translate(polish_translator, translation, follow=True)

    saved = polish_strings(translation)
    assert saved["Air quality partnership"].data == "partnership quality Air"  # the words reversed
    assert saved["Clean air for port cities"].data == "cities port for air Clean"
    assert shown_messages(first) == ["Successfully translated with Dummy translator."]
    assert shown_messages(again) == ["There isn't anything left to translate."]


def test_the_message_is_in_the_translators_admin_language(world, polish_translator, settings):
    profile = UserProfile.get_for_user(world["users"]["polish"])
    profile.preferred_language = "pl"
    profile.save()
    with FakeProvider("deepl", status=403) as provider:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_setting(provider.url)
        response = machine_translate(polish_translator, polish_translation(world), follow=True)

    assert shown_messages(response) == [
        "Nie udało się przetłumaczyć za pomocą DeepL: usługa odrzuciła klucz API. Niczego nie zmieniono."
    ]
