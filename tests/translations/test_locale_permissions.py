"""Everyone translates into the languages whose tree they can edit, and into no other.

Each role (superuser, Moderators, "Editors (English)", "Translators (Catalan)", "Translators
(Polish)", as home.permissions sets them up) tries each action on content written in Greek, into
English, Catalan and Polish: into its own language the action works; into another one it is
refused (a 403 or a form error, saying why) and nothing is created or changed. The forms and
links offer only the role's own languages.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve, reverse
from wagtail.models import Locale, Page, PageViewRestriction, Revision, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from base.factories import theme, translate
from base.models import Theme
from home.permissions import MODERATORS, setup_editor_groups
from news.factories import news_item
from programmes.factories import call, programme
from tests.conftest import built_once_per_module
from tests.translations.conftest import build_small_tree
from translations import views

SOURCE = "el"  # everything the roles act on is written in Greek
TARGETS = ["en", "ca", "pl"]
ALL = {"en", "ca", "pl", "el"}
ROLES = {
    "superuser": (None, ALL),
    "moderator": (MODERATORS, ALL),
    "editor": ("Editors (English)", {"en"}),
    "catalan": ("Translators (Catalan)", {"ca"}),
    "polish": ("Translators (Polish)", {"pl"}),
}
CASES = [pytest.param(role, code, id=f"{role}-{code}") for role in ROLES for code in TARGETS]
REFUSED = "You may not write into"
FORM_REFUSED = "You may only translate into"


def build():
    tree = build_small_tree()
    setup_editor_groups()
    from django.contrib.auth import get_user_model

    users = {}
    for role, (group, _own) in ROLES.items():
        if group is None:
            users[role] = get_user_model().objects.create_superuser(role, f"{role}@example.org", "x")
        else:
            users[role] = get_user_model().objects.create_user(role, f"{role}@example.org", "x")
            users[role].groups.add(Group.objects.get(name=group))
    return tree, users


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    yield from built_once_per_module(django_db_blocker, build)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def as_role(world, client):
    """``as_role(role)``: the test client, logged in as that role's user."""

    def login(role):
        client.force_login(world[1][role])
        return client

    return login


def own(role):
    return ROLES[role][1]


def locale(code):
    return Locale.objects.get(language_code=code)


def footprint():
    """What translating, syncing or importing writes: it must stay the same when an action is refused."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "segments": StringSegment.objects.count(),
        "strings": sorted(StringTranslation.objects.values_list("pk", "data")),
        "themes": Theme.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "synced": sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
    }


def greek_programme(world, title="Kyklos"):
    tree = world[0]
    page = programme(tree["programmes"][SOURCE], title, introduction="Poleis synergazontai.")
    call(page, "Prosklisi")
    return page


def greek_theme():
    return theme("kyklos", "Kyklos", locale=SOURCE)


def assert_refused(response, before):
    assert response.status_code == 403
    assert REFUSED in response.content.decode()
    assert footprint() == before


# Sending a news item to the translators


@pytest.mark.django_db
@pytest.mark.parametrize("role,code", CASES)
def test_send_news_for_translation(role, code, world, as_role):
    news = news_item(world[0]["news"][SOURCE], "Synantisi poleon")
    client = as_role(role)
    before = footprint()
    response = client.post(reverse("translations:send_news", args=[news.pk]), {"language": code})
    target = news.get_translation_or_none(locale(code))
    if code in own(role):
        assert response.status_code == 302
        assert target is not None
        assert WorkflowState.objects.count() == before["workflows"] + 1
    else:
        assert_refused(response, before)
        assert target is None


@pytest.mark.django_db
def test_a_catalan_translator_cannot_send_news_into_polish_and_greek_along_with_catalan(world, as_role):
    """The probe that found the hole: every language is refused, the Catalan one too."""
    news = news_item(world[0]["news"]["en"], "Cities meet")
    before = footprint()
    response = as_role("catalan").post(
        reverse("translations:send_news", args=[news.pk]), {"language": ["ca", "pl", "el"]}
    )
    assert_refused(response, before)


def cells(html, key):
    """``{language: cell html}`` of the status table's row for ``key``."""
    row = re.search(rf'<tr data-key="{key}">(.*?)</tr>', html, re.S).group(1)
    return dict(
        re.findall(r'<td class="translation-cell[^"]*" data-language="(\w+)"[^>]*>(.*?)</td>', row, re.S)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_status_view_offers_translating_and_sending_into_own_languages_only(role, world, as_role):
    news = news_item(world[0]["news"][SOURCE], "Synantisi poleon")
    response = as_role(role).get(reverse("translations:status"))
    assert response.status_code == 200
    row = cells(response.content.decode(), news.translation_key)
    send_url = reverse("translations:send_news", args=[news.pk])
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    assert {code for code, html in row.items() if send_url in html} == own(role) & set(TARGETS)
    assert {code for code, html in row.items() if translate_url in html} == own(role) & set(TARGETS)


# A programme section: sync, PO download


@pytest.mark.django_db
@pytest.mark.parametrize("role,code", CASES)
def test_sync_a_section_with_its_existing_translations(role, code, world, as_role):
    page = greek_programme(world)
    translate(page, code)
    page.introduction = "Nea eisagogi."
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    target = page.get_translation(locale(code))
    before = footprint()
    response = as_role(role).post(
        reverse("translations:section", args=[page.pk]), {"language": code, "sync_existing": "on"}
    )
    refreshed = StringSegment.objects.filter(
        source__object_id=page.translation_key, string__data="Nea eisagogi."
    ).exists()
    if code in own(role):
        assert response.status_code == 302
        assert refreshed
        assert PageViewRestriction.objects.filter(page=target).exists()
        assert footprint()["pages"] == before["pages"] + 1  # the call, translated
    else:
        assert response.status_code == 200
        assert FORM_REFUSED in response.content.decode()
        assert response.context["translate_form"].errors
        assert not refreshed
        assert footprint() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_section_view_offers_own_languages_only(role, world, as_role):
    page = greek_programme(world)
    response = as_role(role).get(reverse("translations:section", args=[page.pk]))
    assert response.status_code == 200
    choices = response.context["translate_form"].fields["language"].choices
    assert {code for code, _name in choices} == own(role)
    po_links = re.findall(
        rf'href="/admin/translations/section/{page.pk}/po/(\w+)/"', response.content.decode()
    )
    assert set(po_links) == own(role) - {SOURCE}


@pytest.mark.django_db
@pytest.mark.parametrize("role,code", CASES)
def test_download_a_section_po_file(role, code, world, as_role):
    page = greek_programme(world)
    translate(page, code)
    before = footprint()
    response = as_role(role).get(reverse("translations:section_po", args=[page.pk, code]))
    if code in own(role):
        assert response.status_code == 200
        assert 'msgid "Poleis synergazontai."' in response.content.decode()
    else:
        assert_refused(response, before)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_a_section_po_file_for_an_unknown_language_is_not_found(role, world, as_role):
    page = greek_programme(world)
    # The admin's 404 goes through LocaleMiddleware, which first tries the path under /en/.
    response = as_role(role).get(reverse("translations:section_po", args=[page.pk, "xx"]), follow=True)
    assert response.status_code == 404


# Importing a PO file


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "snippet"])
@pytest.mark.parametrize("role,code", CASES)
def test_import_a_po_file(role, code, kind, world, as_role):
    obj = greek_programme(world) if kind == "page" else greek_theme()
    translate(obj, code)
    translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale(code))
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"{entry.msgid} (imported)"
    upload = io.BytesIO(str(po).encode())
    upload.name = "translation.po"
    before = footprint()
    response = as_role(role).post(reverse("translations:import_po"), {"file": upload})
    imported = StringTranslation.objects.filter(locale=locale(code), data__endswith=" (imported)").exists()
    if code in own(role):
        assert response.status_code == 302
        assert imported
    else:
        assert_refused(response, before)
        assert not imported


# wagtail-localize's "Translate this page" and "Translate" (snippets)


def submit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    return reverse("wagtail_localize:submit_snippet_translation", args=["base", "theme", obj.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "snippet"])
@pytest.mark.parametrize("role", ROLES)
def test_translate_this_offers_own_languages_only(role, kind, world, as_role):
    obj = greek_programme(world) if kind == "page" else greek_theme()
    response = as_role(role).get(submit_url(obj) + "?select_locale=pl")
    assert response.status_code == 200
    offered = {locale.language_code for locale in response.context["form"].fields["locales"].queryset}
    assert offered == own(role) - {SOURCE}
    assert set(re.findall(r'name="locales" value="(\d+)"', response.content.decode())) == {
        str(locale(code).pk) for code in offered
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "snippet"])
@pytest.mark.parametrize("role,code", CASES)
def test_translate_this(role, code, kind, world, as_role):
    obj = greek_programme(world) if kind == "page" else greek_theme()
    client = as_role(role)
    before = footprint()
    response = client.post(submit_url(obj), {"locales": [locale(code).pk]})
    target = obj.get_translation_or_none(locale(code))
    if code in own(role):
        assert response.status_code == 302
        assert target is not None
        # What the user just made opens for them: no permission error after the success message.
        assert client.get(response["Location"]).status_code == 200
    else:
        assert response.status_code == 200
        assert FORM_REFUSED in response.content.decode()
        assert response.context["form"].errors
        assert target is None
        assert footprint() == before


# wagtail-localize's "Sync translated pages", which writes into every language at once


@pytest.mark.django_db
@pytest.mark.parametrize("languages", [["ca"], ["ca", "pl"]], ids=["ca", "ca+pl"])
@pytest.mark.parametrize("role", ROLES)
def test_sync_translated_pages_needs_every_language_it_writes_into(role, languages, world, as_role):
    page = greek_programme(world)
    for code in languages:
        translate(page, code)
    page.introduction = "Nea eisagogi."
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    before = footprint()
    response = as_role(role).post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    if set(languages) <= own(role):
        assert response.status_code == 302
        assert footprint()["synced"] != before["synced"]
    else:
        assert_refused(response, before)


def test_wagtail_localizes_urls_answer_with_our_views():
    for name, args, view in [
        ("submit_page_translation", [1], views.SubmitPageTranslationView),
        ("submit_snippet_translation", ["base", "theme", 1], views.SubmitSnippetTranslationView),
        ("update_translations", [1], views.UpdateTranslationsView),
    ]:
        assert resolve(reverse(f"wagtail_localize:{name}", args=args)).func.view_class is view
