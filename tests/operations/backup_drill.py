"""The backup drill's steps, each run in a process of its own by tests/operations/test_backups.py,
against the database of DATABASE_URL and the folders MEDIA_ROOT and BACKUP_DIR
(settings: tests.operations.backup_settings).

``python -m tests.operations.backup_drill build``: migrate, build a site in four languages with a
wagtail-localize translation, a draft, a snippet, an image and a document, back it up with
``backup_site``, then change it: a page retitled, a page added, a theme and a user deleted, the
image file deleted and the document's file overwritten.
``... restore``: ``restore_site`` the newest backup, as ``make restore`` does.
Each step prints ``SUMMARY <json>``: what a restored site must have again.
"""

import hashlib
import io
import json
import sys

import django


def png_bytes():
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def digest(name):
    from django.core.files.storage import default_storage

    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def summary():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Revision
    from wagtail_localize.models import StringTranslation, Translation

    from base.models import Theme

    pages = Page.objects.filter(depth__gt=1).select_related("locale", "content_type").order_by("path")
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "pages": [
            [
                p.locale.language_code,
                p.url_path,
                p.title,
                p.content_type.model,
                p.live,
                p.has_unpublished_changes,
            ]
            for p in pages
        ],
        "latest_revision_titles": sorted(
            [p.url_path, p.get_latest_revision().content["title"]] for p in pages
        ),
        "revisions": Revision.objects.count(),
        "translations": sorted(
            [t.source.object_repr, t.target_locale.language_code]
            for t in Translation.objects.select_related("source", "target_locale")
        ),
        "string_translations": sorted(StringTranslation.objects.values_list("data", flat=True)),
        "themes": sorted([t.locale.language_code, t.slug, t.name] for t in Theme.objects.all()),
        "images": sorted(
            [i.title, i.file.name, digest(i.file.name)] for i in get_image_model().objects.all()
        ),
        "documents": sorted(
            [d.title, d.file.name, digest(d.file.name)] for d in get_document_model().objects.all()
        ),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        # wagtail-localize's permission comes from a data migration: a JSON dump used to lose it
        "permissions": sorted(Permission.objects.values_list("content_type__app_label", "codename")),
        "search_about": sorted(page.url_path for page in Page.objects.live().search("about")),
    }


def build():
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from base.factories import theme as make_theme
    from base.factories import translate
    from base.models import Theme
    from home.factories import ensure_home, standard_page

    call_command("migrate", interactive=False, verbosity=0)
    home = ensure_home()
    for code, title in [("ca", "Cooperació urbana"), ("pl", "Współpraca miast"), ("el", "Συνεργασία πόλεων")]:
        translate(home, code, {"City Cooperation": title})
    image = get_image_model().objects.create(
        title="Piraeus harbour", file=ContentFile(png_bytes(), name="harbour.png")
    )
    document = get_document_model().objects.create(
        title="Action plan", file=ContentFile(b"%PDF-1.4 action plan", name="action-plan.pdf")
    )
    about = standard_page(
        home,
        "About",
        "about",
        introduction="Who we are.",
        body=[
            ("paragraph", f'<p>Read the <a linktype="document" id="{document.pk}">plan</a>.</p>'),
            ("image", {"image": image, "alt_text": "The harbour", "decorative": False}),
        ],
    )
    translate(about, "pl", {"About": "O nas", "about": "o-nas", "Who we are.": "Kim jesteśmy."})
    about.title = "About us (draft)"
    about.save_revision()  # a draft on top of the live version
    theme = make_theme("circular-economy", "Circular economy")
    translate(theme, "el", {"Circular economy": "Κυκλική οικονομία"})
    get_user_model().objects.create_user("ola", "ola@example.org", "password")
    before = summary()

    call_command("backup_site", verbosity=0)

    about.refresh_from_db()
    about.title = "Renamed after the backup"
    about.save_revision().publish()
    standard_page(home, "Added after the backup", "added")
    Theme.objects.filter(slug="circular-economy", locale__language_code="en").delete()
    get_user_model().objects.filter(username="ola").delete()
    default_storage.delete(image.file.name)
    default_storage.delete(document.file.name)
    default_storage.save(document.file.name, ContentFile(b"overwritten"))
    return before, summary()


def restore():
    from django.core.management import call_command

    call_command("restore_site", interactive=False, verbosity=0)
    return summary()


def main(step):
    django.setup()
    results = build() if step == "build" else [restore()]
    for result in results:
        print("SUMMARY " + json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
