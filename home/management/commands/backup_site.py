from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup, default_archive_name


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump on PostgreSQL, a JSON dump otherwise) and the media files "
        "into one .tar.gz archive (see home/backups.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None, help="Archive to write (default: backups/site-<time>.tar.gz)."
        )
        parser.add_argument(
            "--format",
            choices=["auto", "pgdump", "json"],
            default="auto",
            help="pgdump on PostgreSQL and json elsewhere (auto); json also moves a site between databases.",
        )

    def handle(self, *args, output, format, **options):
        output = output or default_archive_name()
        try:
            manifest = backup(output, database_format=format)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {output} (database: {manifest['database']}, media files: {manifest['media_files']})."
            )
        )
