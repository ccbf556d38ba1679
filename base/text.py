"""Text helpers shared by the search backends and views: cleaning, folding, excerpts.

Nothing here touches the database, so models can import it (``BasePage`` indexes a folded copy of
its text with :func:`folded_words`).
"""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_EXCERPT_SOURCE = 5000  # characters of a text searched for an excerpt

# Letters that NFKD does not decompose but that visitors type without their stroke.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)
# Catalan "l·l": the middle dot joins the word, so "col·laboració" folds to "collaboracio".
_JOINERS = {"\u00b7", "\u2027", "\u0387"}
# A word: letters and digits, with an apostrophe or a Catalan middle dot inside it.
WORD_RE = re.compile(r"[^\W_]+(?:['’·][^\W_]+)*")


def fold(text):
    """Lower-case, accent-free text: ``ΠΕΙΡΑΙΆΣ`` and ``Πειραιάς`` both give ``πειραιασ``.

    NFKD separates letters from their accents, the combining marks are dropped, and casefold
    lower-cases (it also turns the Greek final sigma ς into σ and ß into ss).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text).translate(_EXTRA_FOLDS))
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _JOINERS).casefold()


@functools.lru_cache(maxsize=4096)
def fold_char(ch):
    return fold(ch) if ch not in _JOINERS else ""


def folded_words(*texts):
    """The words of ``texts`` whose folded form differs from their lower-case form, folded.

    Indexed next to the original text by the database backend (SQLite and PostgreSQL fold
    neither Greek accents nor, on PostgreSQL, Latin ones), so a folded query finds the text
    while unaccented words are not indexed twice.
    """
    seen = []
    found = set()
    for text in texts:
        for word in WORD_RE.findall(str(text or "")):
            folded = fold(word)
            if folded != word.lower() and folded not in found:
                found.add(folded)
                seen.append(folded)
    return " ".join(seen)


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """What the visitor asked for, safe to show and to search: returns ``(query, notice)``.

    Control and other non-printable characters become spaces, runs of spaces collapse, and a
    query longer than ``max_length`` is cut (at a word boundary when there is one).
    """
    text = "".join(ch if ch.isprintable() else " " for ch in str(raw or ""))
    text = " ".join(text.split())
    notice = None
    if len(text) > max_length:
        cut = text[:max_length]
        if " " in cut[max_length // 2 :]:
            cut = cut[: cut.rindex(" ")]
        text = cut.strip()
        notice = ngettext(
            "Your search was shortened to %(count)d character.",
            "Your search was shortened to %(count)d characters.",
            max_length,
        ) % {"count": max_length}
    return text, notice


def search_terms(query, max_terms=MAX_TERMS):
    """The words of ``query`` as a plain string for the search engines.

    Operators and punctuation (``* ~ : " ( ) [ ]``, SQL or HTML fragments) are dropped, so no
    backend ever sees syntax of its own query language; at most ``max_terms`` words are kept.
    """
    return " ".join(WORD_RE.findall(query)[:max_terms])


# Excerpts with the query terms marked.


def _folded_with_positions(text):
    """``text`` folded, with the index in ``text`` of every folded character."""
    if text.isascii():
        return text.lower(), range(len(text))
    folded = []
    positions = []
    for index, ch in enumerate(text):
        for out in fold_char(ch):
            folded.append(out)
            positions.append(index)
    return "".join(folded), positions


def _term_patterns(query):
    terms = sorted({fold(term) for term in WORD_RE.findall(query) if term}, key=len, reverse=True)
    patterns = []
    for term in terms:
        # A word starting with the term, or with the term less a short ending ("cities" → "citi"),
        # so simple word forms are marked too.
        stem = term[:-2] if len(term) >= 6 else term
        patterns.append(re.escape(stem))
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")\w*")


def excerpt(text, query, length=220):
    """A piece of ``text`` around the first query term, HTML-escaped, with the terms in ``<mark>``.

    Matching folds accents and case like the search does: ``Poznan`` marks ``Poznań``.
    """
    text = " ".join(str(text or "")[:MAX_EXCERPT_SOURCE].split())
    if not text:
        return ""
    pattern = _term_patterns(query)
    folded, positions = _folded_with_positions(text)
    matches = list(pattern.finditer(folded)) if pattern else []
    spans = [(positions[m.start()], positions[m.end() - 1] + 1) for m in matches]

    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end

    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append("<mark>" + escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # nosec B308 B703  # every piece of text is escaped above


def has_match(text, query):
    pattern = _term_patterns(query)
    return bool(pattern and pattern.search(fold(text)))


# The folded copies pages index for the database backend.

FOLDED_FIELD_PREFIX = "search_folded_"


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, (list, tuple, set)) or hasattr(value, "__iter__") and not hasattr(value, "all"):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def folded_field_words(obj, autocomplete):
    """Folded accented words of ``obj``'s autocomplete fields (titles, names) or of its other text.

    ``autocomplete=True``: the values of its ``AutocompleteField`` entries (title, short name, local
    name); ``False``: every ``SearchField`` but the title. The derived fields (folded copies, names,
    stems: ``base.indexing``) are skipped.
    """
    from modelsearch import index

    from base.indexing import is_derived

    texts = []
    for field in type(obj).get_search_fields():
        if is_derived(field.field_name):
            continue
        if autocomplete and isinstance(field, index.AutocompleteField):
            texts.extend(_flatten(field.get_value(obj)))
        elif not autocomplete and isinstance(field, index.SearchField) and field.field_name != "title":
            texts.extend(_flatten(field.get_value(obj)))
    return folded_words(*texts)
