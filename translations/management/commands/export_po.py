from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from translations.po import export_po
from translations.sections import section_translations, source_instance


class Command(BaseCommand):
    help = "Write the PO file of a page's translation, or of a whole programme section (--section), into a language."

    def add_arguments(self, parser):
        parser.add_argument(
            "page_id", type=int, help="The page (any language version); for --section, a programme."
        )
        parser.add_argument("language", help="The target language code, e.g. el.")
        parser.add_argument(
            "--section",
            action="store_true",
            help="The programme with its calls, training, news and documents.",
        )
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, page_id, language, section=False, output=None, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"No page with id {page_id}.")
        if not Locale.objects.filter(language_code=language).exists():
            raise CommandError(f"No language {language!r} on this site.")
        if section:
            translations = section_translations(page, language)
            po = export_po(translations, section_title=page.title)
        else:
            source = TranslationSource.objects.get_for_instance_or_none(source_instance(page.specific))
            translation = (
                Translation.objects.filter(
                    source=source, target_locale__language_code=language, enabled=True
                ).first()
                if source
                else None
            )
            if translation is None:
                raise CommandError(f"“{page.title}” has not been submitted for translation into {language}.")
            translations = [translation]
            po = export_po(translations)
        text = str(po)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"{len(translations)} translation(s), {len(po)} string(s) written to {output}.")
        else:
            self.stdout.write(text)
