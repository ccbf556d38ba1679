from django.core.management.base import BaseCommand

from operations import backups


class Command(BaseCommand):
    help = (
        "Back up the database and the media files (django-dbbackup) into the backup storage: "
        "BACKUP_DIR, or S3 (docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clean",
            action="store_true",
            help="Then delete all but the newest DBBACKUP_CLEANUP_KEEP backups of each kind.",
        )

    def handle(self, *args, clean, verbosity, **options):
        database, media = backups.backup(clean=clean, verbosity=verbosity)
        self.stdout.write(
            self.style.SUCCESS(f"Backed up the database to {database} and the media to {media}.")
        )
