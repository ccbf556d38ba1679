"""Editors and translators working in Catalan, Polish or Greek see the admin in their language.

Wagtail and wagtail-localize leave some of their strings untranslated in these languages; the
project's catalogues (locale/<lang>/LC_MESSAGES/django.po and djangojs.po, see
translations/admin_strings.py) supply them. Each screen an editor or translator uses is rendered
with the admin language set in the editor's Wagtail profile, and its visible text (text, the
attributes people read, the translation editor's props and its JavaScript catalogue) must not
contain the English originals.
"""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from home.management.commands.load_demo import Command as LoadDemo
from news.factories import news_item
from programmes.factories import programme
from tests.translations.conftest import LANGUAGES, translate_fully

# Attributes whose value people read (or hear, with a screen reader).
READABLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
# Names in JSON props that no one reads: "wagtail.sidebar.LinkMenuItem", "page-title", "live".
IDENTIFIER = re.compile(r"[a-z0-9_.:-]*|[\w-]+(\.[\w-]+)+")
# Elements whose text is not shown; <template> is kept: Wagtail clones it into dialogs and menus.
HIDDEN_ELEMENTS = {"script", "style"}


class VisibleText(HTMLParser):
    """The text of a page as an editor reads it, and the JSON props of React screens."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.props = []
        self.hidden_depth = 0
        self.json_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/json":
            self.json_script = True  # the props of Wagtail's sidebar, comments, etc.
        if tag in HIDDEN_ELEMENTS:
            self.hidden_depth += 1
        for name, value in attrs:
            if not value:
                continue
            if name in READABLE_ATTRIBUTES:
                self.parts.append(value)
            elif name == "value" and dict(attrs).get("type") in ("submit", "button"):
                self.parts.append(value)
            elif name == "data-props":
                self.props.append(json.loads(value))

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.hidden_depth:
            self.hidden_depth -= 1
        self.json_script = False

    def handle_data(self, data):
        if self.json_script:
            self.props.append(json.loads(data))
        if not self.hidden_depth and data.strip():
            self.parts.append(data)


def strings_in(value):
    """Every string inside a JSON value, except URLs and identifiers (no spaces, no capitals)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str) and not IDENTIFIER.fullmatch(value) and not value.startswith(("/", "http")):
        yield value


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    texts = parser.parts + [text for props in parser.props for text in strings_in(props)]
    return " | ".join(" ".join(text.split()) for text in texts)


def english_left(text, originals):
    """The originals found in ``text`` as words: "Pages" is found in "17 Pages", not in "Pagesize"."""
    return [original for original in originals if re.search(rf"(?<!\w){re.escape(original)}(?!\w)", text)]


# English that Wagtail or wagtail-localize left on these screens in at least one of the languages.
ENGLISH = [
    # Wagtail's chrome: sidebar, header, keyboard shortcuts dialog
    "Dashboard",
    "Pages",
    "Help",
    "Search all pages",
    "Keyboard shortcuts",
    "Toggle sidebar",
    "Show keyboard shortcuts",
    "Text editing",
    # the page explorer; Wagtail's Greek catalogue "translates" the page status as "live"
    "live",
    "Live",
    "Exploring",
    "Sync translated pages",
    "Sort menu order",
    "Show filters",
    "Bulk actions",
    "Page type",
    # the page editor and its status side panel
    "Translate this page",
    "Available in",
    "Switch locales",
    "View history",
    "No publishing schedule set",
    "Autosave is paused",
    "A network error occurred",
    "Content metrics",
    "Readability",
    "Preview in new tab",
    # the scheduling dialog
    "Set schedule",
    "Set publishing schedule",
    "Save schedule",
    "Schedule to publish",
    "should go live and/or expire",
    # wagtail-localize: Translate page, the translation editor and its props
    "Translate page",
    "Locales",
    "Go back",
    "Translation of",
    "Translated manually on",
    # account settings
    "Use server language",
    "Use server time zone",
    "Theme preferences",
    # the project's own screens
    "Search terms by language",
    "Most frequent queries",
    "Queries that found nothing",
]

# Strings of the JavaScript apps, read from their catalogues: wagtail-localize's translation editor
# ("Publish in Ελληνικά", the PO file buttons) and Wagtail's sidebar and editor.
JAVASCRIPT_ENGLISH = {
    "wagtail_localize:javascript_catalog": [
        "Publish in ",
        "Download PO file",
        "Upload PO file",
        "Translate",
        "Not translated",
        "segments translated",
        "Stop Synced translation",
    ],
    "wagtailadmin_javascript_catalog": [
        "Collapse all",
        "Expand all",
        "Main menu",
        "Toggle sidebar",
        "Page explorer",
        "Changes have been autosaved.",
    ],
}


def editor(code):
    """A superuser whose admin language (their Wagtail profile's preferred language) is ``code``."""
    user = get_user_model().objects.create_superuser(f"editor-{code}", f"editor-{code}@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


@pytest.fixture
def pages(tree):
    agir = programme(tree["programmes"]["en"], "ICP AGIR")
    news = news_item(tree["news"]["en"], "Cities meet in Piraeus", programme=agir)
    translations = {code: translate_fully(news, code) for code in LANGUAGES}
    # Translated by a person: the translation editor says "Translated manually on <date>".
    StringTranslation.objects.filter(translation_of__segments__source__object_id=news.translation_key).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    return {"programme": agir, "news": news, "translations": translations}


def screens(code, tree, pages):
    """{screen: URL} of what an editor or translator working in ``code`` opens."""
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[tree["news"]["en"].pk]),
        "news page editor, with the scheduling dialog": reverse(
            "wagtailadmin_pages:edit", args=[pages["news"].pk]
        ),
        "programme page editor": reverse("wagtailadmin_pages:edit", args=[pages["programme"].pk]),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[pages["translations"][code].pk]),
        "Translate page": reverse("wagtail_localize:submit_page_translation", args=[pages["programme"].pk]),
        "translation status": reverse("translations:status"),
        "programme section": reverse("translations:section", args=[pages["programme"].pk]),
        "search terms report": reverse("search_terms_by_language"),
        "account settings": reverse("wagtailadmin_account"),
        "passkeys": reverse("accounts_passkeys"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_editors_see_the_admin_screens_in_their_language(client, tree, pages, code):
    client.force_login(editor(code))
    left = {}
    for screen, url in screens(code, tree, pages).items():
        response = client.get(url)
        assert response.status_code == 200, f"{screen}: {response.status_code}"
        found = english_left(visible_text(response.content.decode()), ENGLISH)
        if found:
            left[screen] = found
    assert not left, f"English left for a {code} editor: {left}"


def javascript_catalogue(response):
    """The {msgid: translation} a JavaScriptCatalog view sends to the browser."""
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(match.group(1)) if match else {}


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_javascript_apps_get_their_strings_in_the_editors_language(client, code):
    client.force_login(editor(code))
    untranslated = {}
    for url_name, originals in JAVASCRIPT_ENGLISH.items():
        catalogue = javascript_catalogue(client.get(reverse(url_name)))
        missing = [original for original in originals if catalogue.get(original, original) == original]
        if missing:
            untranslated[url_name] = missing
    assert not untranslated, f"untranslated for a {code} editor: {untranslated}"


def test_the_english_originals_are_found_as_words():
    text = visible_text('<p title="Help">17 Pages</p><a href="/pages/" class="Dashboard">Pagesize</a>')
    assert english_left(text, ["Help", "Pages", "Dashboard"]) == ["Help", "Pages"]


class FormData(HTMLParser):
    """What a browser sends for the forms of a page: named fields with their current values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and ("selected" in attrs or self.select not in self.data):
            self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


@pytest.mark.django_db
def test_the_demo_admin_account_saves_its_settings(client, monkeypatch):
    """The admin account of `make run` has a name, which Wagtail's account form requires: changing
    the admin language there saves instead of asking for a first and last name."""
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    LoadDemo(stdout=io.StringIO()).ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)

    page = client.get(reverse("wagtailadmin_account"))
    form = FormData()
    form.feed(page.content.decode())
    data = {**form.data, "locale-preferred_language": "el"}
    response = client.post(reverse("wagtailadmin_account"), data)

    assert response.status_code == 302, "the account settings were not saved"
    assert UserProfile.get_for_user(admin).preferred_language == "el"


@pytest.mark.django_db
def test_an_existing_admin_account_without_a_name_gets_one(monkeypatch):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    LoadDemo(stdout=io.StringIO()).ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    assert admin.first_name and admin.last_name
