from django.core.management.base import BaseCommand, CommandError

from translations.po import import_po, parse_po


class Command(BaseCommand):
    help = "Import a page or section PO file into wagtail-localize's translation memory (--publish to publish too)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The PO file.")
        parser.add_argument(
            "--publish", action="store_true", help="Write the translations to their pages and publish them."
        )

    def handle(self, path, publish=False, **options):
        try:
            with open(path, "rb") as handle:
                po = parse_po(handle.read())
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        result = import_po(po, publish=publish)
        for translation in result.translations:
            self.stdout.write(f"{translation.target_locale.language_code}: {translation.source.object_repr}")
        for uuid in result.unknown:
            self.stderr.write(f"Unknown translation {uuid}: its strings were skipped.")
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning!r}")
        if not result.translations:
            raise CommandError("Nothing was imported.")
