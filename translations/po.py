"""PO files for translators who work offline (Poedit, Lokalize, Virtaal, a CAT tool).

One page or snippet: wagtail-localize's own file (``Translation.export_po``; its translation
editor can upload it back too). A section: one file holding every translation of the section,
each entry's ``msgctxt`` prefixed with the translation's id (``<uuid>:<path>``) and an extracted
comment naming the page, so translators see one file and the import knows where each string goes.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation

from translations.slugs import fill_for_translation

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
SECTION_HEADER = "X-Section"


def export_po(translations, section_title=""):
    """A ``polib.POFile``: wagtail-localize's own for one translation, a combined one for several."""
    translations = list(translations)
    if len(translations) == 1 and not section_title:
        return translations[0].export_po()
    combined = polib.POFile(wrapwidth=200)
    combined.metadata = {
        "POT-Creation-Date": str(timezone.now()),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        SECTION_HEADER: section_title,
    }
    if translations:
        combined.metadata["Language"] = translations[0].target_locale.language_code
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        label = f"{model._meta.verbose_name if model else ''}: {translation.source.object_repr}"
        for entry in translation.export_po():
            if entry.obsolete:
                continue
            combined.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgstr=entry.msgstr,
                    msgctxt=f"{translation.uuid}:{entry.msgctxt}",
                    comment=label,
                )
            )
    return combined


def parse_po(content):
    """Parse PO text or bytes; raises ``ValueError`` with a readable message if it is not a PO file."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValueError("The file is not UTF-8 text.") from error
    if not content.strip():
        raise ValueError("The file is empty.")
    try:
        # polib treats a string without a newline as a file name: always pass text with one.
        return polib.pofile(content if "\n" in content else content + "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error


@dataclass
class ImportResult:
    translations: list = field(default_factory=list)  # the Translation objects that received strings
    unknown: list = field(default_factory=list)  # translation ids in the file that do not exist
    refused: list = field(default_factory=list)  # translations the user may not edit
    warnings: list = field(default_factory=list)


def _split(po):
    """``{translation uuid: POFile}`` in wagtail-localize's own format, one per translation."""
    if po.metadata.get(TRANSLATION_ID):
        return {po.metadata[TRANSLATION_ID]: po}
    parts = defaultdict(list)
    for entry in po:
        if entry.obsolete or not entry.msgctxt or ":" not in entry.msgctxt:
            continue
        uuid, context = entry.msgctxt.split(":", 1)
        parts[uuid].append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=context))
    result = {}
    for uuid, entries in parts.items():
        single = polib.POFile()
        single.metadata = {TRANSLATION_ID: uuid}
        for entry in entries:
            single.append(entry)
        result[uuid] = single
    return result


def target_language_codes(po):
    """The languages of the translations a page or section PO file writes into (unknown ids left out)."""
    uuids = [uuid for uuid in _split(po) if _is_uuid(uuid)]
    return set(
        Translation.objects.filter(uuid__in=uuids).values_list("target_locale__language_code", flat=True)
    )


def apply_translation(translation, user=None, publish=True):
    """Write the translation memory to the target (and publish it, if it has drafts and ``publish``)."""
    fill_for_translation(translation)
    model = translation.source.specific_content_type.model_class()
    if not issubclass(model, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return translation.get_target_instance()
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    if publish:
        target.get_latest_revision().publish(user=user)
        target = type(target).objects.get(pk=target.pk)
    return target


@transaction.atomic
def import_po(po, user=None, publish=False, can_edit=None):
    """Import the translated strings of a page or section PO file into translation memory.

    With ``publish``, each translation is then written to its page or snippet and published (as
    the translation editor's "Publish" does); otherwise the strings wait in the translation
    editor. ``can_edit(instance)`` may refuse translations the user must not change.
    """
    result = ImportResult()
    for uuid, part in _split(po).items():
        translation = (
            Translation.objects.filter(uuid=uuid, enabled=True)
            .select_related("source", "target_locale")
            .first()
            if _is_uuid(uuid)
            else None
        )
        if translation is None:
            result.unknown.append(uuid)
            continue
        if can_edit is not None and not can_edit(translation.get_target_instance()):
            result.refused.append(translation)
            continue
        result.warnings += translation.import_po(part, user=user, tool_name="PO file")
        if publish:
            apply_translation(translation, user=user, publish=True)
        result.translations.append(translation)
    return result


def _is_uuid(value):
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
