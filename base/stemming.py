"""Word forms: the project's own stemming, the same for every search engine.

SQLite's FTS5 stems nothing, PostgreSQL has one text-search configuration per backend (and no
Polish one), and the Elasticsearch emulator has no Catalan, Greek or Polish analyzer. So pages
index their words' stems as plain text (``BasePage.search_stems_*``) and a query searches the
stems of its words too, both made here in Python with the Snowball stemmers of PyStemmer:
``Pireusie`` and ``Pireus`` (pl) both give ``pireus``, ``Αθήνας`` and ``Αθήνα`` (el) ``αθην``,
``odpady`` and ``odpadów`` ``odpad``, ``ciutat`` and ``ciutats`` (ca) ``ciut``.

Why Snowball rather than pystempel for Polish: the same library and the same rules for the four
languages, no 11 MB table to load in every process, and it stems the place names people type
(pystempel turns ``Atenach`` into ``Atenacgodzina``); Snowball is lighter (it cuts endings
only) but its output only has to agree with itself on both sides.

Stems are folded (no accents, lower case): a word is stemmed as written (lower case, accents
kept, which the Greek and Polish rules read) and folded afterwards; pages also index the stem of
the folded word, so a query typed without accents (``odpadow``) meets the stem of the
unaccented form.
"""

import functools
import re
import threading

import Stemmer

from base.text import fold

ALGORITHMS = {"en": "english", "ca": "catalan", "pl": "polish", "el": "greek"}
LANGUAGES = tuple(ALGORITHMS)

# Words for stemming: letters and digits only (an apostrophe splits "d'Europa", as FTS5 does).
TOKEN_RE = re.compile(r"[^\W_]+")
JOINERS_RE = re.compile("[\u00b7\u2027\u0387]")  # the Catalan middle dot joins "col·laboració"

_local = threading.local()  # a PyStemmer object must not be shared between threads


def _stemmer(language):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(ALGORITHMS[language], 0)
    return stemmers[language]


def tokens(text, lower=True):
    """The words of ``text``, lower-cased unless ``lower`` is false (accents kept)."""
    text = JOINERS_RE.sub("", str(text or ""))
    return TOKEN_RE.findall(text.lower() if lower else text)


@functools.lru_cache(maxsize=65536)
def stem(word, language):
    """The folded stem of one lower-case ``word`` in ``language`` (the folded word if no stemmer)."""
    if language not in ALGORITHMS:
        return fold(word)
    return fold(_stemmer(language).stemWord(word))


@functools.lru_cache(maxsize=65536)
def index_stems(word, language):
    """The stems a page indexes for ``word``: of the word as written and of its folded form."""
    folded = fold(word)
    return {stem(word, language), stem(folded, language)} - {folded, ""}


def stems_text(texts, language):
    """The stems of the words of ``texts`` that differ from the folded word, once each, as text.

    Words whose stem is the word itself are left out: the page's text (or its folded copy)
    already holds them, and the query searches its words there as well.
    """
    seen = {}
    for text in texts:
        for word in tokens(text):
            if len(word) > 1:
                for form in index_stems(word, language):
                    seen.setdefault(form, None)
    return " ".join(seen)


def query_forms(word, languages):
    """The folded word and its stems in ``languages``: what one query word is searched as."""
    lowered = word.lower()
    forms = {fold(lowered): None}
    for language in languages:
        forms.setdefault(stem(lowered, language), None)
    return [form for form in forms if form]
