"""The committed .mo catalogues are compiled from the current .po files, and Django uses them."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["ca", "pl", "el"]


def messages(catalogue):
    """{(context, message id, plural id): translation} without the header entry."""
    result = {}
    for entry in catalogue:
        if not entry.msgid:
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural, key=int))
        else:
            value = entry.msgstr
        result[(entry.msgctxt, entry.msgid, entry.msgid_plural or None)] = value
    return result


def catalogue_paths(code):
    directory = LOCALE_DIR / code / "LC_MESSAGES"
    return directory / "django.po", directory / "django.mo"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_files_exist(code):
    po_path, mo_path = catalogue_paths(code)
    assert po_path.is_file(), f"{po_path.relative_to(LOCALE_DIR.parent)} is missing (make messages)"
    assert mo_path.is_file(), f"{mo_path.relative_to(LOCALE_DIR.parent)} is missing (make messages)"


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_matches_its_po_file(code, tmp_path):
    po_path, mo_path = catalogue_paths(code)
    assert po_path.is_file() and mo_path.is_file(), f"the {code} catalogue is missing"
    fresh = tmp_path / "django.mo"
    polib.pofile(str(po_path)).save_as_mofile(str(fresh))

    expected = messages(polib.mofile(str(fresh)))
    committed = messages(polib.mofile(str(mo_path)))

    assert expected, f"{po_path.name} for {code} has no translated message"
    stale = {key for key in expected.keys() | committed.keys() if expected.get(key) != committed.get(key)}
    assert not stale, f"django.mo for {code} is out of date (run make messages): {sorted(stale)[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_po_file_has_no_fuzzy_or_untranslated_message(code):
    po_path, _mo_path = catalogue_paths(code)
    assert po_path.is_file(), f"the {code} catalogue is missing"
    catalogue = polib.pofile(str(po_path))
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert not fuzzy, f"fuzzy messages in {code}: {fuzzy[:5]}"
    assert not untranslated, f"untranslated messages in {code}: {untranslated[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_interface_strings_are_translated_at_run_time(code):
    """Django finds the catalogue in LOCALE_PATHS: the site's own strings come out translated."""
    for message in ("Skip to main content", "Page not found", "not translated yet"):
        with translation.override(code):
            translated = translation.gettext(message)
        assert translated != message, f"{message!r} is not translated in {code}"
