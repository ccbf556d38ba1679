"""Demo texts in the four languages, and the translation strings wagtail-localize needs.

Each text of the demo is written once per language, side by side, as a ``Text`` (plain text)
or a ``Rich`` (rich text HTML). A page's fields form a tree of plain values, lists, dicts and
(block type, value) pairs with ``Text`` leaves; ``resolve`` picks one language to build the
source page and ``strings`` pairs each source string with its translation, split the way
wagtail-localize splits it (one string per paragraph or list item of rich text).
"""

from wagtail_localize.strings import extract_strings

from base.slugs import slug_for

LANGUAGES = ("en", "ca", "pl", "el")


class Text(dict):
    """One text in each of the four languages."""

    def __init__(self, en, ca, pl, el):
        super().__init__(en=en, ca=ca, pl=pl, el=el)

    def pairs(self, source, target):
        return [(self[source], self[target])]


class Rich(Text):
    """Rich text (HTML): wagtail-localize translates it paragraph by paragraph, item by item."""

    def pairs(self, source, target):
        source_strings = [string.data for string, _attrs in extract_strings(self[source])[1]]
        target_strings = [string.data for string, _attrs in extract_strings(self[target])[1]]
        if len(source_strings) != len(target_strings):
            raise ValueError(
                f"{target} has {len(target_strings)} paragraphs or items, {source} has {len(source_strings)}: "
                f"{self[source][:80]!r}"
            )
        return list(zip(source_strings, target_strings, strict=True))


def same(text):
    """A name written the same way in every language (ICP AGIR, Puerto Montt...)."""
    return Text(text, text, text, text)


def named(name, **other_languages):
    """A name written the same way except in the languages given: ``named("Prato", el="Πράτο")``."""
    return Text(**{**same(name), **other_languages})


def resolve(value, language):
    """``value`` with each ``Text`` replaced by its text in ``language``."""
    if isinstance(value, Text):
        return value[language]
    if isinstance(value, dict):
        return {key: resolve(item, language) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(resolve(item, language) for item in value)
    if isinstance(value, list):
        return [resolve(item, language) for item in value]
    return value


def _collect(value, source, target, found):
    if isinstance(value, Text):
        for original, translation in value.pairs(source, target):
            if not original:
                continue
            if found.get(original, translation) != translation:
                raise ValueError(
                    f"{original!r} has two {target} translations: {found[original]!r} and {translation!r}"
                )
            found[original] = translation
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, source, target, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, source, target, found)


def strings(value, source, target):
    """{source string: translation} for every ``Text`` in ``value``."""
    found = {}
    _collect(value, source, target, found)
    return found


def slugs(title):
    """The slug of each language's title."""
    return Text(*(slug_for(title[code]) for code in LANGUAGES))
