"""Backups of the database and the media files through django-dbbackup (docs/backups.md).

``backup_site`` writes two files with one timestamp into the backup storage (``STORAGES["dbbackup"]``:
``BACKUP_DIR``, or S3): the database (``default-<host>-<time>.psql.bin.gz`` on PostgreSQL,
``default-<host>-<time>.sqlite3.gz`` on SQLite) and the media files (``<host>-<time>.tar.gz``).
``restore_site`` puts both back, then does what the site needs after a restore.

Why dbbackup's connectors avoid the traps a JSON dump falls into:

- SQLite: ``SqliteBackupConnector`` copies the database with SQLite's online backup API and a restore
  replaces the database file. Content types, permissions (wagtail-localize's "submit translation"
  permission, created by a data migration), the full-text index table and rows that only log
  entries still refer to come back exactly as they were, with their ids: nothing is re-serialised.
  Its other connector (``SqliteConnector``, SQL text) must not be used: it restores with
  ``INSERT OR REPLACE`` and leaves every row created after the backup in place.
- PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore --clean --if-exists
  --single-transaction`` (a failure changes nothing) and, from ``DBBACKUP_CONNECTORS``,
  ``--no-owner --no-privileges``, so a database restored under another role still works.

After the database, a restore runs ``migrate`` (a backup taken before an upgrade), copies the media
files back over the ones of the same name, rebuilds the search index and clears the caches,
page-cache generation included, so no process serves a page from before the restore.
Stop the application servers during a restore: a SQLite file is replaced under them.
"""

from datetime import datetime
from pathlib import Path

from dbbackup import settings as dbbackup_settings
from dbbackup import utils as dbbackup_utils
from dbbackup.db.base import get_connector
from dbbackup.storage import get_storage
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from website.pagecache import bump_generation


class BackupNotFound(Exception):
    pass


def backup_names(stamp=None, alias=DEFAULT_DB_ALIAS):
    """The database and media file names of one backup, sharing one timestamp."""
    stamp = stamp or datetime.now().strftime(dbbackup_settings.DATE_FORMAT)
    extension = get_connector(alias).extension
    database = dbbackup_utils.filename_generate(f"{extension}.gz", alias, content_type="db", wildcard=stamp)
    media = dbbackup_utils.filename_generate("tar.gz", content_type="media", wildcard=stamp)
    return database, media


def backup(clean=False, verbosity=1):
    """Back up the database and the media files; ``clean`` then deletes all but the newest
    ``DBBACKUP_CLEANUP_KEEP`` backups of each. Returns the two file names."""
    database, media = backup_names()
    try:
        media_root = default_storage.path("")
    except NotImplementedError:  # object storage: no folder to list
        pass
    else:
        Path(media_root).mkdir(parents=True, exist_ok=True)  # nothing uploaded yet: an empty media backup
    options = {"compress": True, "clean": clean, "verbosity": verbosity, "interactive": False}
    call_command("dbbackup", output_filename=database, **options)
    call_command("mediabackup", output_filename=media, **options)
    return database, media


def find_backup(name=None):
    """``(database file, media file)`` of the backup whose timestamp (or either file name) is
    ``name``; the newest backup when ``name`` is empty."""
    stamp = dbbackup_utils.filename_to_datestring(name) if name else None
    if name and stamp is None:
        raise BackupNotFound(f"{name!r} is neither a backup timestamp nor a backup file name.")
    storage = get_storage()
    try:
        databases = storage.list_backups(content_type="db", compressed=True)
        medias = storage.list_backups(content_type="media", compressed=True)
    except FileNotFoundError:  # BACKUP_DIR not created yet: nothing was ever backed up here
        databases = medias = []
    if stamp is None:
        if not databases:
            raise BackupNotFound("There is no backup in the backup storage.")
        stamp = dbbackup_utils.filename_to_datestring(max(databases, key=dbbackup_utils.filename_to_date))

    def pick(names, kind):
        found = sorted(item for item in names if dbbackup_utils.filename_to_datestring(item) == stamp)
        if not found:
            raise BackupNotFound(f"No {kind} backup taken at {stamp}.")
        return found[-1]

    return pick(databases, "database"), pick(medias, "media")


def restore(database_file, media_file, reindex=True, verbosity=1, alias=DEFAULT_DB_ALIAS):
    connections.close_all()  # no connection of ours may hold the file or the tables being replaced
    options = {"uncompress": True, "interactive": False, "verbosity": verbosity}
    call_command("dbrestore", input_filename=database_file, database=alias, **options)
    connections.close_all()  # a SQLite connection opened before would read the replaced file's old pages
    call_command("migrate", database=alias, interactive=False, verbosity=0)
    call_command("mediarestore", input_filename=media_file, replace=True, **options)
    if reindex:
        call_command("update_index", verbosity=0)
    cache.clear()
    bump_generation()  # also stales the local-memory page caches of the other worker processes
