"""The order of the results: the page about a thing before the pages that mention or tag it.

The engines rank by their own measures (bm25 over a title column and a body column on SQLite,
tsvector weights on PostgreSQL, field boosts on Elasticsearch), which differ, and a long news
item that repeats a name can beat the short page of that name. So the engine's hits (at most
``MAX_RESULTS``, in its order) are ordered again here, the same way on every engine, from the
words each page is known by (``search.catalogue``, in memory: no query per result):

- each query word scores where the page has it: in a name (title, local or short name, "also
  known as", a translation's title) ``NAME``, in the introduction or description ``TEXT``, only
  in its tags (themes) ``TAG``, else somewhere in the body ``BODY`` (the engine found it);
- then how much of one of its names the query covers: "Small Giants" is all of the
  programme's name and a fifth of the news item's title;
- then programmes, partnerships, calls and training modules (about topics), then cities and
  other pages, then news items (news are about other pages);
- then the engine's own order.
"""

import functools
from dataclasses import dataclass

NAME = 10  # the page is called that: it is the page about it
TEXT = 4  # its introduction says it
BODY = 2  # its body mentions it
TAG = 1  # only tagged with it
KIND_ORDER = {"programme": 0, "partnership": 0, "call": 0, "training": 0, "city": 1, "page": 1, "news": 2}


# Words too common to tell pages apart: they must still match, but score nothing of their own.
NEUTRAL_WORDS = frozenset(
    "the and of for in on to with a an "  # en
    "de la el les els del dels i a per amb en "  # ca
    "w we z ze o i na do dla od "  # pl
    "ο η το οι τα του της των τον την στο στη στην στον στα και σε για με απο".split()  # el (folded)
)


@functools.lru_cache(maxsize=65536)
def is_neutral(word):
    from base.text import fold

    folded = fold(word)
    return len(folded) < 3 or folded in NEUTRAL_WORDS


@dataclass(frozen=True)
class QueryWord:
    forms: frozenset  # folded word, its stems; for the last word also the known words it begins
    neutral: bool = False  # a short or very common word ("de", "the"): scores nothing


def score(page_words, query_words, all_forms):
    """(points, coverage) of a page; ``all_forms``: the forms of the query's scoring words."""
    total = 0
    in_names = False
    for word in query_words:
        if word.neutral:
            continue
        if not page_words.names.isdisjoint(word.forms):
            total += NAME
            in_names = True
        elif not page_words.text.isdisjoint(word.forms):
            total += TEXT
        elif not page_words.tags.isdisjoint(word.forms):
            total += TAG
        else:
            total += BODY
    coverage = 0.0
    if in_names:
        for name in page_words.name_words:
            if name:
                matched = sum(1 for forms in name if not all_forms.isdisjoint(forms))
                coverage = max(coverage, matched / len(name))
    return total, coverage


def rank(ids, catalogue, query_words):
    """``ids`` in the order above; pages the catalogue does not know keep the engine's order, last."""
    if not query_words:
        return list(ids)
    all_forms = frozenset(form for word in query_words if not word.neutral for form in word.forms)
    keyed = []
    for position, page_id in enumerate(ids):
        page_words = catalogue.pages.get(page_id)
        if page_words is None:
            keyed.append(((1, 0, 0.0, 0, position), page_id))
            continue
        total, coverage = score(page_words, query_words, all_forms)
        kind = KIND_ORDER.get(page_words.kind, 1)
        keyed.append(((0, -total, -coverage, kind, position), page_id))
    keyed.sort(key=lambda item: item[0])
    return [page_id for _key, page_id in keyed]


def without_echoes(ids, catalogue, query_words):
    """All languages at once: leave out a page found only by a translation's name when that
    translation is among the results (``cities`` finds the English news item, not also its
    Polish translation through the English title)."""
    if not query_words:
        return list(ids)

    def echo(page_words):
        return not all(not page_words.own.isdisjoint(word.forms) for word in query_words)

    shown = set()
    echoes = {}
    for page_id in ids:
        page_words = catalogue.pages.get(page_id)
        if page_words is None:
            continue
        if echo(page_words):
            echoes[page_id] = page_words.key
        else:
            shown.add(page_words.key)
    return [page_id for page_id in ids if echoes.get(page_id, object()) not in shown]
