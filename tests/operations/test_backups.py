"""The restore drill (make backup / make restore, through django-dbbackup): a site in four languages
with a translation, a draft, a snippet, an image and a document is backed up, changed, and restored
whole, both over the changed site and into an empty database with an empty media folder.

SQLite always; PostgreSQL too when the suite runs on it (DATABASE_URL), in scratch databases next
to the test database. Each step runs in a process of its own (tests/operations/backup_drill.py),
as the commands would, with the media and backups in folders of the test's own.
"""

import importlib
import io
import json
import os
import subprocess
import sys
import tarfile

import boto3
import pytest
from dbbackup import settings as dbbackup_settings
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from operations import backups
from tests.test_storage_and_cdn import s3_endpoint  # noqa: F401  (fixture: moto's S3 server)

ON_POSTGRES = connection.vendor == "postgresql"


def run_step(step, database_url, media_root, backup_dir):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "BACKUP_DIR": str(backup_dir),
        "DJANGO_SETTINGS_MODULE": "tests.operations.backup_settings",
    }
    for name in ("AWS_STORAGE_BUCKET_NAME", "BACKUP_S3_BUCKET"):  # the drill's backups stay on disk
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.operations.backup_drill", step],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return [
        json.loads(line.removeprefix("SUMMARY "))
        for line in result.stdout.splitlines()
        if line.startswith("SUMMARY ")
    ]


@pytest.fixture
def scratch_databases(tmp_path):
    """Two empty databases of the suite's kind: SQLite files, or new PostgreSQL databases."""
    if not ON_POSTGRES:
        yield [f"sqlite:///{tmp_path / 'site.sqlite3'}", f"sqlite:///{tmp_path / 'empty.sqlite3'}"]
        return
    import psycopg

    params = connection.settings_dict
    names = [f"{params['NAME']}_drill", f"{params['NAME']}_drill_empty"]
    admin = psycopg.connect(
        dbname="postgres",
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        autocommit=True,
    )
    credentials = params.get("USER") or ""
    if params.get("PASSWORD"):
        credentials += f":{params['PASSWORD']}"
    host = f"{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}"
    for name in names:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"postgres://{credentials}@{host}/{name}" for name in names]
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.slow
def test_restore_brings_back_pages_translations_drafts_snippets_users_and_media_files(
    tmp_path, scratch_databases
):
    site_url, empty_url = scratch_databases
    backup_dir = tmp_path / "backups"
    before, changed = run_step("build", site_url, tmp_path / "media", backup_dir)

    assert {page[0] for page in before["pages"]} == {"en", "ca", "pl", "el"}
    assert ["/home/about/", "About us (draft)"] in before["latest_revision_titles"]
    assert before["translations"] and len(before["themes"]) == 2 and "ola" in before["users"]
    assert all(image[2] for image in before["images"]) and all(doc[2] for doc in before["documents"])
    assert ["wagtail_localize", "submit_translation"] in before["permissions"]
    # the drill did change what it should
    assert changed["images"][0][2] is None and changed["documents"] != before["documents"]
    assert "/home/added/" in [page[1] for page in changed["pages"]] and "ola" not in changed["users"]

    written = sorted(path.name for path in backup_dir.iterdir())
    assert len([name for name in written if name.endswith(".tar.gz")]) == 1  # the media
    assert len([name for name in written if name.endswith(".metadata")]) == 1  # beside the database dump
    expected = "psql.bin.gz" if ON_POSTGRES else "sqlite3.gz"
    assert len([name for name in written if name.endswith(expected)]) == 1

    [over_the_changed_site] = run_step("restore", site_url, tmp_path / "media", backup_dir)
    assert over_the_changed_site == before

    [into_an_empty_database] = run_step("restore", empty_url, tmp_path / "empty-media", backup_dir)
    assert into_an_empty_database == before


@pytest.fixture
def storages_on_disk(tmp_path, settings, monkeypatch):
    """Media and backup storages in the test's folders (dbbackup reads its storage at import)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    monkeypatch.setattr(dbbackup_settings, "STORAGE", "django.core.files.storage.FileSystemStorage")
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", {"location": str(tmp_path / "backups")})
    return tmp_path


def write_media_backup(folder, members):
    """A media backup as mediabackup writes it, holding the given member names."""
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "host-2026-01-01-000000.tar.gz", mode="w:gz") as archive:
        for name in members:
            info = tarfile.TarInfo(name)
            info.size = 4
            archive.addfile(info, io.BytesIO(b"evil"))


@pytest.mark.parametrize("member", ["../escape.txt", "/tmp/escape.txt", "images/../../escape.txt"])
def test_media_restore_refuses_names_that_leave_the_media_storage(member, storages_on_disk):
    write_media_backup(storages_on_disk / "backups", [member])
    with pytest.raises(SuspiciousFileOperation):
        call_command("mediarestore", uncompress=True, replace=True, interactive=False, verbosity=0)
    assert not (storages_on_disk / "escape.txt").exists()


def test_restoring_a_timestamp_that_has_no_backup_is_a_clear_error(storages_on_disk):
    with pytest.raises(CommandError, match="neither a backup timestamp"):
        call_command("restore_site", "yesterday", interactive=False)
    with pytest.raises(CommandError, match="No database backup taken at 2026-01-01-000000"):
        call_command("restore_site", "2026-01-01-000000", interactive=False)
    with pytest.raises(CommandError, match="There is no backup"):
        call_command("restore_site", interactive=False)


def test_backup_file_names_share_one_timestamp():
    database, media = backups.backup_names(stamp="2026-12-06-221500")
    assert database.startswith("default-") and "-2026-12-06-221500." in database and database.endswith(".gz")
    assert media.endswith("-2026-12-06-221500.tar.gz")


def test_the_settings_send_backups_to_a_private_prefix_of_the_bucket_when_one_is_named(monkeypatch):
    from website.settings import base

    monkeypatch.setenv("BACKUP_S3_BUCKET", "cityco-backups")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    try:
        backup_storage = importlib.reload(base).STORAGES["dbbackup"]
    finally:
        monkeypatch.delenv("BACKUP_S3_BUCKET")
        monkeypatch.delenv("AWS_S3_ENDPOINT_URL")
        assert importlib.reload(base).STORAGES["dbbackup"]["BACKEND"].endswith("FileSystemStorage")
    assert backup_storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert backup_storage["OPTIONS"]["bucket_name"] == "cityco-backups"
    assert backup_storage["OPTIONS"]["location"] == "backups"
    assert (
        backup_storage["OPTIONS"]["default_acl"] == "private"
        and backup_storage["OPTIONS"]["querystring_auth"]
    )


@pytest.mark.django_db
def test_backups_on_s3_are_written_listed_and_bring_a_media_file_back(
    s3_endpoint,  # noqa: F811  (the fixture imported above)
    tmp_path,
    settings,
    monkeypatch,
):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "cityco-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "cityco-test-secret")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1")
    client.create_bucket(
        Bucket="cityco-backups", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    monkeypatch.setattr(dbbackup_settings, "STORAGE", "storages.backends.s3.S3Storage")
    monkeypatch.setattr(
        dbbackup_settings,
        "STORAGE_OPTIONS",
        {
            "bucket_name": "cityco-backups",
            "endpoint_url": s3_endpoint,
            "region_name": "eu-west-1",
            "location": "backups",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "plan.pdf").write_bytes(b"%PDF-1.4 plan")

    call_command("backup_site", verbosity=0)
    keys = sorted(item["Key"] for item in client.list_objects_v2(Bucket="cityco-backups")["Contents"])
    assert len(keys) == 3 and all(key.startswith("backups/") for key in keys)  # dump, its metadata, media
    database, media = backups.find_backup()
    assert f"backups/{database}" in keys and f"backups/{media}" in keys

    (tmp_path / "media" / "documents" / "plan.pdf").write_bytes(b"overwritten")
    call_command(
        "mediarestore", input_filename=media, uncompress=True, replace=True, interactive=False, verbosity=0
    )
    assert (tmp_path / "media" / "documents" / "plan.pdf").read_bytes() == b"%PDF-1.4 plan"
