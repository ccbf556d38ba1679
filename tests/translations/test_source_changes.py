"""Translators hear when the text of a page they translated changes: an e-mail in their admin
language with the link to sync it, and a dashboard panel listing the translations to update.

The Polish translator translates an English page through wagtail-localize (Translate, strings,
Publish, all under their name); an editor then publishes the English page.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from base.factories import translate
from home.factories import standard_page
from home.permissions import language_group_name, setup_editor_groups

TITLE = "Meeting of mayors"
TRANSLATED_TITLE = "Spotkanie burmistrzów"


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def people(tree, django_user_model):
    setup_editor_groups()
    translator = django_user_model.objects.create_user("piotr", "piotr@example.org", "x")
    translator.groups.add(Group.objects.get(name=language_group_name("pl")))
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "pl"
    profile.save()
    editor = django_user_model.objects.create_user("emma", "emma@example.org", "x", is_superuser=True)
    return {"translator": translator, "editor": editor}


@pytest.fixture
def translated(tree, people, django_capture_on_commit_callbacks):
    """An English page and its Polish translation, made and published by the Polish translator."""
    page = standard_page(tree["home"]["en"], TITLE, body=paragraph("The mayors meet in May."))
    translator = people["translator"]
    polish = Locale.objects.get(language_code="pl")
    TranslationCreator(translator, [polish]).create_translations(page)
    source = TranslationSource.objects.get_for_instance(page)
    texts = {TITLE: TRANSLATED_TITLE, "The mayors meet in May.": "Burmistrzowie spotykają się w maju."}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=polish,
            context=segment.context,
            defaults={"data": texts.get(segment.string.data, segment.string.data)},
        )
    translation = Translation.objects.get(source=source, target_locale=polish)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=translator, publish=True)
    mail.outbox.clear()
    return {"page": page, "source": source, "polish": page.get_translation(polish)}


def publish(page, user, callbacks, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with callbacks(execute=True):
        # One test has the translator change the English page, which their group may not publish.
        page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return page


@pytest.mark.django_db
def test_changed_text_mails_the_translator_once_in_polish_with_the_update_link(
    translated, people, django_capture_on_commit_callbacks
):
    publish(
        translated["page"],
        people["editor"],
        django_capture_on_commit_callbacks,
        title="Meeting of the mayors",
        body=paragraph("The mayors meet in June."),
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["piotr@example.org"]
    assert (
        message.subject
        == "Strona „Meeting of the mayors” została zmieniona: jej tłumaczenie wymaga aktualizacji"
    )
    update = reverse("wagtail_localize:update_translations", args=[translated["source"].pk])
    assert f"http://127.0.0.1:8000{update}" in message.body
    assert TRANSLATED_TITLE in message.body
    assert reverse("wagtailadmin_pages:edit", args=[translated["polish"].pk]) in message.body
    assert "piotr" in message.body  # Wagtail's greeting
    assert message.extra_headers.get("Auto-Submitted") == "auto-generated"


@pytest.mark.django_db
def test_publishing_without_a_change_to_the_text_sends_nothing(
    translated, people, django_capture_on_commit_callbacks
):
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks)
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, show_in_menus=True)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_second_publication_of_the_same_change_sends_nothing_more(
    translated, people, django_capture_on_commit_callbacks
):
    changed = paragraph("The mayors meet in June.")
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, body=changed)
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, show_in_menus=True)
    assert len(mail.outbox) == 1
    publish(
        translated["page"], people["editor"], django_capture_on_commit_callbacks, body=paragraph("In July.")
    )
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_the_translator_can_switch_the_mail_off_and_the_author_gets_none(
    translated, people, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(people["translator"])
    profile.rejected_notifications = False
    profile.save()
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, title="New title")
    assert mail.outbox == []

    profile.rejected_notifications = True
    profile.save()
    # The translator changed the English text themselves: nobody else translated it.
    publish(translated["page"], people["translator"], django_capture_on_commit_callbacks, title="Newer")
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_dashboard_lists_the_outdated_translation_until_it_is_synced(
    translated, people, client, django_capture_on_commit_callbacks
):
    client.force_login(people["translator"])
    assert (
        'id="outdated-translations-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    )

    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, title="Mayors meet")
    update = reverse("wagtail_localize:update_translations", args=[translated["source"].pk])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="outdated-translations-section"' in page
    assert f'href="{update}"' in page
    assert "Mayors meet" in page

    response = client.post(update, {})
    assert response.status_code == 302
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="outdated-translations-section"' not in page


@pytest.mark.django_db
def test_the_dashboard_leaves_out_a_publication_that_changed_no_text(
    translated, people, client, django_capture_on_commit_callbacks
):
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, show_in_menus=True)
    client.force_login(people["translator"])
    assert (
        'id="outdated-translations-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.django_db
def test_a_translator_who_cannot_sync_every_language_is_told_who_can(
    translated, people, client, django_capture_on_commit_callbacks
):
    # A Catalan translation too: syncing writes Catalan, which the Polish translator may not.
    translate(translated["page"], "ca", {TITLE: "Reunió d'alcaldes"})
    publish(translated["page"], people["editor"], django_capture_on_commit_callbacks, title="Mayors meet")

    update = reverse("wagtail_localize:update_translations", args=[translated["source"].pk])
    (message,) = mail.outbox
    assert update not in message.body
    assert "poproś o nią kogoś, kto tłumaczy na wszystkie" in message.body
    client.force_login(people["translator"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="outdated-translations-section"' in page
    assert f'href="{update}"' not in page
    assert "Poproś moderatora o synchronizację" in page
