"""Back up and restore the whole site: the database and the media files, in one .tar.gz archive.

``manage.py backup_site`` / ``make backup`` writes ``manifest.json``, the database and every
file of the default storage (original images, renditions, documents) under ``media/``.

The database goes one of two ways:

- PostgreSQL: ``pg_dump --format=custom``; restored with ``pg_restore --clean --if-exists``
  into the configured database (an empty one, or the same site, whose tables it replaces), then
  ``migrate`` for a newer code version.
- any other database (SQLite), or ``--format json``: ``dumpdata --natural-foreign`` without
  content types, permissions, sessions and the search index (each is rebuilt); a reference to
  a deleted row, which only log entries keep, stays a plain id (``Serializer`` below). Restoring
  migrates the configured database, empties every table the migrations seeded (Wagtail's root
  page, default site, locale, collection, groups and workflow) except content types and
  permissions, and loads the dump. ``--natural-primary`` is not used: it breaks on Wagtail 8;
  nor is ``flush``, which also deletes wagtail-localize's "submit translation" permission,
  created by a data migration and referenced by the dump. The JSON must be restored with the
  code version that wrote it (the manifest records the migrations).

``manage.py restore_site ARCHIVE`` / ``make restore BACKUP=ARCHIVE`` then copies the media files
back through the storage API (any storage backend), rebuilds the search index and clears the
caches. Stop the application servers during a restore.
"""

import json
import os
import shutil
import subprocess  # nosec B404  # runs pg_dump and pg_restore with argument lists, never a shell
import tarfile
import tempfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import json as json_serializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from website.pagecache import bump_generation

FORMAT_VERSION = 1
DUMP_EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
]
KEPT_TABLES = {"django_content_type", "auth_permission"}  # created by migrate, referenced by natural keys
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    pass


# PostgreSQL


def _pg_command(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (PostgreSQL client tools are needed for this database).")
    return path


def _pg_connection(alias):
    """Connection arguments and environment for pg_dump / pg_restore, from the parsed DATABASE_URL."""
    params = connections[alias].settings_dict
    args = [f"--dbname={params['NAME']}"]
    if params.get("HOST"):
        args.append(f"--host={params['HOST']}")
    if params.get("PORT"):
        args.append(f"--port={params['PORT']}")
    if params.get("USER"):
        args.append(f"--username={params['USER']}")
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])  # never on the command line, where ps shows it
    if (params.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = params["OPTIONS"]["sslmode"]
    return args, env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # nosec B603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def pg_dump(alias, target):
    args, env = _pg_connection(alias)
    _run(
        [
            _pg_command("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            *args,
        ],
        env,
    )


def pg_restore(alias, source):
    connections[alias].close()  # our own connection must not hold locks on the tables being replaced
    args, env = _pg_connection(alias)
    command = [
        _pg_command("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *args,
        str(source),
    ]
    _run(command, env)


# JSON


class Serializer(json_serializer.Serializer):
    """dumpdata's JSON with natural foreign keys, except where the row referred to is gone.

    Log entries keep the id of a deleted page or user (their foreign keys have no database
    constraint); Django would look the row up for its natural key and stop the whole dump. Such
    a reference keeps its plain id, which loaddata accepts as well.
    """

    def handle_fk_field(self, obj, field):
        try:
            super().handle_fk_field(obj, field)
        except ObjectDoesNotExist:
            self._current[field.name] = self._value_from_field(obj, field)


Deserializer = json_serializer.Deserializer
SERIALIZER_FORMAT = "site-backup-json"


def _installed(label):
    try:
        apps.get_model(label) if "." in label else apps.get_app_config(label)
    except LookupError:  # wagtailsearch.sqliteftsindexentry exists on SQLite only
        return False
    return True


def _unapplied_migrations(alias):
    executor = MigrationExecutor(connections[alias])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def json_dump(alias, target):
    if _unapplied_migrations(alias):
        # The ORM reads the tables as the code describes them; a database behind the code cannot be
        # dumped this way. pg_dump copies any schema.
        raise BackupError(
            "The database has unapplied migrations: take the JSON backup with the code version the "
            "database was migrated with (before upgrading), or run migrate first."
        )
    serializers.register_serializer(SERIALIZER_FORMAT, __name__)
    call_command(
        "dumpdata",
        format=SERIALIZER_FORMAT,
        natural_foreign=True,
        exclude=[label for label in DUMP_EXCLUDE if _installed(label)],
        database=alias,
        output=str(target),
        verbosity=0,
    )


def json_restore(alias, source):
    call_command("migrate", database=alias, interactive=False, verbosity=0)
    connection = connections[alias]
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT_TABLES
    ]
    with transaction.atomic(using=alias):
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))
        call_command("loaddata", str(source), database=alias, verbosity=0)


# Media


def _storage_files(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # MEDIA_ROOT not created yet: nothing uploaded
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from _storage_files(storage, f"{directory}/{name}" if directory else name)


def _media_name(member_name):
    """The storage name of an archive member under media/, refusing anything that could escape it."""
    path = PurePosixPath(member_name[len(MEDIA_PREFIX) :])
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Refusing the archive member {member_name!r}.")
    return str(path)


# The archive


def _migrations(alias):
    recorder = MigrationRecorder(connections[alias])
    latest = {}
    for app, name in recorder.applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def default_archive_name():
    return f"backups/site-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar.gz"


def backup(output, database_format="auto", alias=DEFAULT_DB_ALIAS, storage=None):
    """Write the archive to ``output``; returns its manifest."""
    storage = storage or default_storage
    vendor = connections[alias].vendor
    if database_format == "auto":
        database_format = "pgdump" if vendor == "postgresql" else "json"
    if database_format == "pgdump" and vendor != "postgresql":
        raise BackupError("The pgdump format needs a PostgreSQL database.")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        database_file = Path(workdir) / (
            "database.pgdump" if database_format == "pgdump" else "database.json"
        )
        if database_format == "pgdump":
            pg_dump(alias, database_file)
        else:
            json_dump(alias, database_file)
        media = list(_storage_files(storage))
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "database": database_format,
            "database_vendor": vendor,
            "migrations": _migrations(alias),
            "media_files": len(media),
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, BytesIO(data))
            archive.add(database_file, arcname=database_file.name)
            for name in media:
                with storage.open(name, "rb") as handle:
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.size = storage.size(name)
                    archive.addfile(info, handle)
        partial.replace(output)  # a backup interrupted half-way never looks complete
    return manifest


def read_manifest(path):
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def restore(path, alias=DEFAULT_DB_ALIAS, storage=None, reindex=True):
    """Restore the archive at ``path`` into the configured database and storage; returns its manifest."""
    storage = storage or default_storage
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as workdir:
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        database_format = manifest["database"]
        name = "database.pgdump" if database_format == "pgdump" else "database.json"
        database_file = Path(workdir) / name
        with archive.extractfile(name) as source, open(database_file, "wb") as target:
            shutil.copyfileobj(source, target)
        if database_format == "pgdump":
            if connections[alias].vendor != "postgresql":
                raise BackupError("This backup is a PostgreSQL dump; restore it into a PostgreSQL database.")
            pg_restore(alias, database_file)
            call_command("migrate", database=alias, interactive=False, verbosity=0)
        else:
            json_restore(alias, database_file)

        for member in archive:
            if not member.name.startswith(MEDIA_PREFIX) or not member.isfile():
                continue
            name = _media_name(member.name)
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"The storage saved {name!r} as {saved!r}.")

    if reindex:
        call_command("update_index", verbosity=0)
    cache.clear()
    bump_generation()  # also stales the local-memory page caches of the other worker processes
    return manifest
