"""make backup / make restore: a site with pages in several languages, a wagtail-localize
translation, a draft, a snippet, an image and a document comes back whole in an empty database.

On SQLite the JSON route (dumpdata / migrate / loaddata); on PostgreSQL pg_dump -Fc restored into a
scratch database with pg_restore, and the JSON route too. The restore runs in a separate process
against the fresh database, as `make restore` would.
"""

import io
import json
import os
import subprocess
import sys
import tarfile

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.backups import BackupError, _media_name, backup, read_manifest
from home.factories import ensure_home, standard_page, translate
from programmes.factories import theme as make_theme

from .backup_summary import summary

ON_POSTGRES = connection.vendor == "postgresql"
RESTORE_SCRIPT = """
import json, sys
import django
django.setup()
from django.core.management import call_command
call_command("restore_site", sys.argv[1], interactive=False)
from tests.security.backup_summary import summary
print("SUMMARY " + json.dumps(summary(), default=str))
"""


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def build_site():
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


def restore_in_fresh_process(archive, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "website.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", RESTORE_SCRIPT, str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("SUMMARY "))
    return json.loads(line.removeprefix("SUMMARY "))


@pytest.fixture
def scratch_database_url():
    """An empty database next to the test database: a file on SQLite, a new database on PostgreSQL."""
    params = connection.settings_dict
    if not ON_POSTGRES:
        yield None
        return
    import psycopg

    name = f"{params['NAME']}_restore"
    admin = psycopg.connect(
        dbname="postgres",
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    credentials = params.get("USER") or ""
    if params.get("PASSWORD"):
        credentials += f":{params['PASSWORD']}"
    host = f"{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}"
    try:
        yield f"postgres://{credentials}@{host}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def formats():
    return ["pgdump", "json"] if ON_POSTGRES else ["json"]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # pg_dump reads committed data only
@pytest.mark.parametrize("database_format", formats())
def test_backup_restores_every_page_translation_revision_snippet_image_and_document(
    database_format, tmp_path, scratch_database_url
):
    build_site()
    before = json.loads(json.dumps(summary(), default=str))
    assert {page[0] for page in before["pages"]} == {"en", "ca", "pl", "el"}
    assert ["/home/about/", "About us (draft)"] in before["latest_revision_titles"]
    assert before["images"] and before["documents"] and len(before["themes"]) == 2

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", output=str(archive), format=database_format, stdout=io.StringIO())
    manifest = read_manifest(archive)
    assert manifest["database"] == database_format
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert ("database.pgdump" if database_format == "pgdump" else "database.json") in names
    assert sum(name.startswith("media/") for name in names) == manifest["media_files"] >= 2

    database_url = scratch_database_url or f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    after = restore_in_fresh_process(archive, database_url)
    assert after == before


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite only")
def test_pgdump_format_needs_postgresql(tmp_path, db):
    with pytest.raises(BackupError, match="PostgreSQL"):
        backup(tmp_path / "x.tar.gz", database_format="pgdump")


@pytest.mark.parametrize("name", ["media/../settings.py", "media//etc/passwd", "media/"])
def test_archive_members_cannot_escape_the_media_storage(name):
    with pytest.raises(BackupError):
        _media_name(name)
