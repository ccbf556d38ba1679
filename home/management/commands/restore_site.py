from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from home.backups import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Restore a backup_site archive: replaces the database's content and copies the media files "
        "back. Stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--skip-index", action="store_true", help="Do not rebuild the search index.")

    def handle(self, *args, archive, interactive, skip_index, **options):
        try:
            manifest = read_manifest(archive)
        except (OSError, KeyError, ValueError) as error:
            raise CommandError(f"{archive} is not a backup archive: {error}") from error
        database = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        if interactive:
            answer = input(
                f"Restore the backup of {manifest['created_at']} into the database {database}? "
                "Everything in it is replaced. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore(archive, reindex=not skip_index)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {archive} into {database}."))
