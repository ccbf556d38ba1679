"""A page translated in the translation editor gets a slug made from its translated title.

Everything goes through wagtail-localize's admin, as a translator works: "Translate this page",
the title typed in the translation editor, "Publish".
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.factories import standard_page
from home.models import StandardPage

TITLES = {"pl": "Spotkanie burmistrzów", "el": "Συνάντηση δημάρχων", "ca": "Reunió d'alcaldes"}
SLUGS = {"pl": "spotkanie-burmistrzow", "el": "synantisi-dimarchon", "ca": "reunio-d-alcaldes"}


@pytest.fixture
def english(tree):
    return standard_page(tree["home"]["en"], "Meeting of mayors", body=[("paragraph", "<p>In May.</p>")])


def submit(client, page, codes):
    locales = [Locale.objects.get(language_code=code).pk for code in codes]
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": locales}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def translation_into(page, code):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code=code)


def type_string(client, translation, path, value):
    """What the translation editor sends when the translator leaves a field."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def publish_translation(client, translation, callbacks):
    target = translation.get_target_instance()
    with callbacks(execute=True):  # wagtail-localize publishes when the transaction commits
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    return StandardPage.objects.get(pk=target.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pl", "el", "ca"])
def test_a_published_translation_gets_a_slug_from_its_own_title(
    code, english, admin_client, django_capture_on_commit_callbacks
):
    submit(admin_client, english, [code])
    translation = translation_into(english, code)
    assert translation.get_target_instance().slug == "meeting-of-mayors"  # the draft copy, before

    type_string(admin_client, translation, "title", TITLES[code])
    page = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)

    assert page.live and page.title == TITLES[code]
    assert page.slug == SLUGS[code]
    assert page.url_path.endswith(f"/{SLUGS[code]}/")
    # The translator sees the slug in the translation editor and can still change it.
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    assert (
        StringTranslation.objects.get(translation_of=segment.string, locale__language_code=code).data
        == (SLUGS[code])
    )


@pytest.mark.django_db
def test_a_slug_the_translator_typed_is_kept(english, admin_client, django_capture_on_commit_callbacks):
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    type_string(admin_client, translation, "slug", "zjazd-burmistrzow")
    type_string(admin_client, translation, "title", TITLES["pl"])
    page = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert page.slug == "zjazd-burmistrzow"


@pytest.mark.django_db
def test_until_published_the_slug_follows_the_title(
    english, admin_client, django_capture_on_commit_callbacks
):
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    type_string(admin_client, translation, "title", "Spotkanie")
    type_string(admin_client, translation, "title", TITLES["pl"])
    page = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert page.slug == SLUGS["pl"]

    # Once live, a new title leaves the address alone.
    type_string(admin_client, translation, "title", "Zjazd burmistrzów")
    page = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert (page.title, page.slug) == ("Zjazd burmistrzów", SLUGS["pl"])


@pytest.mark.django_db
def test_the_slug_is_unique_among_the_translations_siblings(
    tree, english, admin_client, django_capture_on_commit_callbacks
):
    standard_page(tree["home"]["pl"], "Inna strona", slug=SLUGS["pl"])
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    type_string(admin_client, translation, "title", TITLES["pl"])
    page = publish_translation(admin_client, translation, django_capture_on_commit_callbacks)
    assert page.slug.startswith(SLUGS["pl"] + "-")
    assert page.get_parent().get_children().filter(slug=SLUGS["pl"]).count() == 1


@pytest.mark.django_db
def test_a_sync_after_a_new_english_slug_keeps_the_translated_slug(
    english, admin_client, django_capture_on_commit_callbacks
):
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    type_string(admin_client, translation, "title", TITLES["pl"])
    publish_translation(admin_client, translation, django_capture_on_commit_callbacks)

    english.slug = "mayors-meeting"
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=translation.get_target_instance().pk).slug == SLUGS["pl"]


@pytest.mark.django_db
def test_a_sync_gives_an_older_translation_a_slug_from_its_title(
    english, admin_client, django_capture_on_commit_callbacks
):
    """Translated before slugs were derived: the Polish page still has the English slug."""
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=translation.target_locale,
        context=title.context,
        data=TITLES["pl"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert StandardPage.objects.get(pk=translation.get_target_instance().pk).slug == "meeting-of-mayors"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
        )
    assert StandardPage.objects.get(pk=translation.get_target_instance().pk).slug == SLUGS["pl"]


@pytest.mark.django_db
def test_a_new_english_slug_leaves_the_address_the_translator_chose(
    english, admin_client, django_capture_on_commit_callbacks
):
    submit(admin_client, english, ["pl"])
    translation = translation_into(english, "pl")
    type_string(admin_client, translation, "title", TITLES["pl"])
    type_string(admin_client, translation, "slug", "zjazd-burmistrzow")
    publish_translation(admin_client, translation, django_capture_on_commit_callbacks)

    english.slug = "mayors-meeting"
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
        )
    assert StandardPage.objects.get(pk=translation.get_target_instance().pk).slug == "zjazd-burmistrzow"
