from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from operations import backups


class Command(BaseCommand):
    help = (
        "Restore a backup_site backup (the newest, or the one of the given timestamp or file name): "
        "replaces the database's content, copies the media files back, rebuilds the search index and "
        "clears the caches. Stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "backup",
            nargs="?",
            default="",
            help="Timestamp such as 2026-12-06-221500, or a file name (listbackups).",
        )
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--skip-index", action="store_true", help="Do not rebuild the search index.")

    def handle(self, *args, backup, interactive, skip_index, verbosity, **options):
        try:
            database_file, media_file = backups.find_backup(backup)
        except backups.BackupNotFound as error:
            raise CommandError(str(error)) from error
        database = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        if interactive:
            answer = input(
                f"Restore {database_file} and {media_file} into the database {database}? "
                "Everything in it is replaced. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        backups.restore(database_file, media_file, reindex=not skip_index, verbosity=verbosity)
        self.stdout.write(self.style.SUCCESS(f"Restored {database_file} and {media_file} into {database}."))
