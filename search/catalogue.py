"""What search knows about every live public page without asking the engine: names and words.

For each page: the words (folded, with their stems) of what it is called (title, local or short
names, "also known as", its translations' titles), of its introduction and description, and of
its tags (themes); and for each language a vocabulary of those words, weighted (names count
three times). From it:

- ``expand_prefix``: the vocabulary words that start with what was typed, so the last word of
  a query matches as a prefix on every engine (``Copen`` → ``copenhagen``), like the
  suggestions;
- ``correct``: the nearest vocabulary word to each unknown word (``Copenhagn``, ``Pireaus``,
  ``Kopenhga``), with RapidFuzz's optimal-string-alignment distance (a swap of two letters is
  one edit);
- ``search.ranking`` orders the engine's hits by where the query's words are.

Built with a fixed number of queries (about fifteen), read-only, or for the pages of a few
translation keys after they changed (``updated_catalogue``: the vocabularies are brought up to
date from what each page added to them); ``search.state`` keeps it per process and current.
Private pages are left out, so a correction never reveals a word of theirs.
"""

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from base import stemming
from base.text import fold
from search.ranking import is_neutral

NAME_WEIGHT = 3
MIN_CORRECTED_LENGTH = 3
MIN_KNOWN_START = 5
MAX_ENDING = 3
MAX_EXPANSIONS = 30
NAME_FIELDS = ("name_local", "short_name", "full_name", "also_known_as")
PLACE_FIELDS = ("city_name",)  # where a training module takes place: a name, but not the page's
TEXT_FIELDS = ("introduction", "search_description")


@functools.lru_cache(maxsize=200_000)
def fold_word(word):
    return fold(word)


@functools.lru_cache(maxsize=200_000)
def word_forms(word, language):
    """A word of the page's text as search meets it: folded, and its stems."""
    return frozenset({fold_word(word), *stemming.index_stems(word, language)})


def text_forms(text, language):
    forms = set()
    for word in stemming.tokens(text):
        forms |= word_forms(word, language)
    return forms


@dataclass
class PageWords:
    names: frozenset  # forms of every word of every name
    text: frozenset  # forms of the introduction and description words
    tags: frozenset  # forms of the theme names' words
    name_words: tuple  # for each name, the forms of each of its words: ((forms, forms), ...)
    kind: str = "page"
    own: frozenset = frozenset()  # forms of its own names, text and tags (not its translations')
    key: object = None  # its translation key


@dataclass
class Vocabulary:
    weights: dict = field(default_factory=dict)  # folded word -> weight
    stems: frozenset = frozenset()  # stems of the words (a known word form is not a typo)
    spellings: dict = field(default_factory=dict)  # folded word -> as most often written (lower case)
    sorted_words: list = field(default_factory=list)
    by_length: dict = field(default_factory=dict)  # length -> [words]

    @classmethod
    def from_counter(cls, counter, language_stems, spellings):
        words = sorted(counter)
        by_length = {}
        for word in words:
            by_length.setdefault(len(word), []).append(word)
        written = {word: spellings[word].most_common(1)[0][0] for word in words if spellings.get(word)}
        return cls(dict(counter), frozenset(language_stems), written, words, by_length)

    def updated(self, changes, new_stems, spellings):
        """A copy with the word weights changed by ``changes`` (folded word -> change), the stems
        ``new_stems`` added and the spellings of the changed words read from ``spellings``."""
        weights, words, written = dict(self.weights), list(self.sorted_words), dict(self.spellings)
        by_length, copied = dict(self.by_length), set()
        for word, change in changes.items():
            if not change or len(word) < 2:
                continue
            before = weights.get(word, 0)
            after = before + change
            if after > 0:
                weights[word] = after
            else:
                weights.pop(word, None)
            if (before > 0) != (after > 0):
                if len(word) not in copied:
                    copied.add(len(word))
                    by_length[len(word)] = list(by_length.get(len(word), ()))
                for sorted_words in (words, by_length[len(word)]):
                    if after > 0:
                        bisect.insort(sorted_words, word)
                    else:
                        del sorted_words[bisect.bisect_left(sorted_words, word)]
            if after > 0 and spellings.get(word):
                written[word] = spellings[word].most_common(1)[0][0]
            else:
                written.pop(word, None)
        return Vocabulary(weights, self.stems | frozenset(new_stems), written, words, by_length)

    def knows(self, word, forms):
        return word in self.weights or any(form in self.stems or form in self.weights for form in forms)

    def with_prefix(self, prefix):
        start = bisect.bisect_left(self.sorted_words, prefix)
        end = bisect.bisect_left(self.sorted_words, prefix + "\U0010ffff")
        return self.sorted_words[start:end]

    def nearest(self, word, max_distance):
        """(distance, -weight, candidate) of the best vocabulary word within ``max_distance``."""
        best = None
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            choices = self.by_length.get(length)
            if not choices:
                continue
            for candidate, distance, _index in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=None
            ):
                key = (distance, -self.weights.get(candidate, 0), candidate)
                if best is None or key < best:
                    best = key
        return best


@dataclass
class Catalogue:
    pages: dict = field(default_factory=dict)  # page id -> PageWords
    vocabularies: dict = field(default_factory=dict)  # language -> Vocabulary
    inputs: dict = field(default_factory=dict)  # page id -> what it adds to its vocabulary (_count)
    spellings: dict = field(default_factory=dict)  # folded word -> Counter of its written forms
    languages: dict = field(default_factory=dict)  # locale id -> language

    def vocabulary(self, language):
        return self.vocabularies.get(language) or Vocabulary()

    def expand_prefix(self, word, languages, limit=MAX_EXPANSIONS):
        """The vocabulary words starting with ``word`` (folded), names first, at most ``limit``."""
        folded = fold(word)
        if len(folded) < 2:
            return []
        scored = {}
        for language in languages:
            vocabulary = self.vocabulary(language)
            for candidate in vocabulary.with_prefix(folded):
                if candidate != folded:
                    scored[candidate] = max(scored.get(candidate, 0), vocabulary.weights[candidate])
        ranked = sorted(scored, key=lambda candidate: (-scored[candidate], len(candidate), candidate))
        return ranked[:limit]

    def known_start(self, word, languages):
        """The longest known word, of five letters or more, that ``word`` starts with and
        exceeds by at most ``MAX_ENDING`` letters: a form Snowball leaves alone (Polish
        ``Kapsztadzie``, ``Singapurze``) meets the name (``kapsztad``, ``singapur``)."""
        folded = fold(word)
        vocabularies = [self.vocabulary(language) for language in languages]
        for length in range(len(folded) - 1, max(MIN_KNOWN_START, len(folded) - MAX_ENDING) - 1, -1):
            if any(folded[:length] in vocabulary.weights for vocabulary in vocabularies):
                return folded[:length]
        return ""

    def correct(self, words, languages):
        """``words`` with each unknown one replaced by the nearest known word (the same list if none).

        Words shorter than three letters, numbers and known words (or known forms of them) stay:
        one edit is allowed up to five letters, two from six, as Elasticsearch's ``fuzziness:
        AUTO`` does, so both engines forgive the same typos (``Utrekt`` for Utrecht).
        """
        corrected = []
        for word in words:
            folded = fold(word)
            replacement = word
            if len(folded) >= MIN_CORRECTED_LENGTH and not folded.isdigit():
                forms = stemming.query_forms(word, languages)
                vocabularies = [self.vocabulary(language) for language in languages]
                if not any(vocabulary.knows(folded, forms) for vocabulary in vocabularies):
                    max_distance = 1 if len(folded) < 6 else 2
                    found = [vocabulary.nearest(folded, max_distance) for vocabulary in vocabularies]
                    found = [item for item in found if item]
                    if found:
                        best = min(found)[2]
                        replacement = next(
                            (v.spellings[best] for v in vocabularies if best in v.spellings), best
                        )
                        replacement = _cased_like(word, replacement)
            corrected.append(replacement)
        return corrected


def _cased_like(typed, word):
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _own_words(model, values, language):
    """(names, places, texts) of one page row: [(text, language)] each."""
    from base.indexing import ALIAS_SEPARATORS

    names, places, texts = [], [], []
    for name, value in values.items():
        if not value:
            continue
        if name == "also_known_as":
            names.extend(
                (alias.strip(), language) for alias in ALIAS_SEPARATORS.split(value) if alias.strip()
            )
        elif name in PLACE_FIELDS:
            places.append((value, language))
        elif name in NAME_FIELDS:
            names.append((value, language))
        else:
            texts.append((value, language))
    return names, places, texts


def _own_fields(rows, languages, keys=None):
    """page id -> (names, places, texts, kind) of the pages ``rows`` (``search.facets.live_page_rows``):
    one query per page type."""
    from django.contrib.contenttypes.models import ContentType

    from base.models import BasePage
    from search.facets import type_of_model

    public = {row[0] for row in rows}
    models = {ContentType.objects.get_for_id(row[1]).model_class() for row in rows}
    own = {}
    for model in models:
        if model is None or not issubclass(model, BasePage):
            continue
        model_fields = {field.name for field in model._meta.get_fields()}
        wanted = [name for name in (*NAME_FIELDS, *PLACE_FIELDS, *TEXT_FIELDS) if name in model_fields]
        kind = type_of_model(model)
        pages = model.objects.live()
        if keys is not None:
            pages = pages.filter(translation_key__in=keys)
        for pk, locale_id, *values in pages.values_list("pk", "locale_id", *wanted):
            if pk in public:
                language = languages.get(locale_id, "")
                own[pk] = (*_own_words(model, dict(zip(wanted, values, strict=True)), language), kind)
    return own


def _add_pages(catalogue, rows, own, facet_map, languages):
    """Give ``catalogue`` the words of the pages ``rows``; returns {page id: its vocabulary inputs}
    (``_count``)."""
    # What a page's translations are called is what the page is called, in their languages.
    shared = {}  # translation key -> {"names": [...], "places": [...]}
    for pk, _type, locale_id, key, _path, title in rows:
        names, places, _texts, _kind = own.get(pk, ([], [], [], "page"))
        group = shared.setdefault(key, {"names": {}, "places": {}})
        language = languages.get(locale_id, "")
        for item in [(title, language), *(name for name in names if name[0] != title)]:
            group["names"].setdefault(item, None)
        for item in places:
            group["places"].setdefault(item, None)

    inputs = {}
    for pk, _type, locale_id, key, _path, title in rows:
        language = languages.get(locale_id, "")
        names, places, texts, kind = own.get(pk, ([], [], [], "page"))
        own_names = [(title, language), *names]
        names = list(dict.fromkeys([*own_names, *shared[key]["names"]]))
        places = list(dict.fromkeys([*places, *shared[key]["places"]]))
        name_words = tuple(
            tuple(word_forms(word, name_language) for word in stemming.tokens(name) if not is_neutral(word))
            for name, name_language in names
        )
        text = set()
        for value, value_language in [*texts, *places]:
            text |= text_forms(value, value_language)
        page_facets = facet_map.pages.get(pk)
        theme_names = (
            [facet_map.theme_name(slug, locale_id) for slug in page_facets.themes] if page_facets else []
        )
        tags = set()
        for name in theme_names:
            tags |= text_forms(name, language)
        own_forms = set(text) | tags
        for name, name_language in own_names:
            own_forms |= text_forms(name, name_language)
        catalogue.pages[pk] = PageWords(
            names=frozenset(
                form for name, name_language in names for form in text_forms(name, name_language)
            ),
            text=frozenset(text),
            tags=frozenset(tags),
            name_words=name_words,
            kind=kind,
            own=frozenset(own_forms),
            key=key,
        )
        inputs[pk] = (
            language,
            tuple(
                (value, value_language, weight)
                for items, weight in (
                    (names, NAME_WEIGHT),
                    (places, NAME_WEIGHT),
                    (texts, 1),
                    ([(name, language) for name in theme_names], 1),
                )
                for value, value_language in items
            ),
        )
    catalogue.inputs.update(inputs)
    return inputs


def _count(inputs, counters, spellings, stems, sign=1):
    """Add the vocabulary ``inputs`` of pages (``_add_pages``) to the word counts of their
    languages, the spellings and the stems; ``sign=-1`` takes them away (stems stay)."""
    for language, items in inputs:
        counter = counters.setdefault(language, Counter())
        language_stems = stems.setdefault(language, set())
        for value, value_language, weight in items:
            for word in stemming.tokens(value):
                folded = fold_word(word)
                counter[folded] += sign * weight
                written = spellings.get(folded)
                if written is None:
                    written = spellings[folded] = Counter()
                written[word] += sign
                if sign > 0:
                    language_stems.update(stemming.index_stems(word, value_language))


def build_catalogue(facet_map, rows):
    """The catalogue of the live public pages ``rows`` (``search.facets.live_page_rows``)."""
    languages = {pk: code.split("-")[0] for pk, code in facet_map.locales.items()}
    catalogue = Catalogue(languages=languages)
    inputs = _add_pages(catalogue, rows, _own_fields(rows, languages), facet_map, languages)
    counters, stems = {}, {}
    _count(inputs.values(), counters, catalogue.spellings, stems)
    for language, counter in counters.items():
        for word in [word for word in counter if len(word) < 2]:
            del counter[word]
        catalogue.vocabularies[language] = Vocabulary.from_counter(
            counter, stems.get(language, ()), catalogue.spellings
        )
    return catalogue


def updated_catalogue(catalogue, facet_map, keys, old_ids, rows):
    """A copy of ``catalogue`` with the pages of the translation ``keys`` read again (``old_ids``:
    the ids those keys had; ``rows``: their live public pages now) and the vocabularies of their
    languages brought up to date."""
    updated = replace(
        catalogue,
        pages=dict(catalogue.pages),
        inputs=dict(catalogue.inputs),
        spellings=dict(catalogue.spellings),
        vocabularies=dict(catalogue.vocabularies),
    )
    removed = [updated.inputs.pop(pk) for pk in old_ids if pk in updated.inputs]
    for pk in old_ids:
        updated.pages.pop(pk, None)
    added = _add_pages(updated, rows, _own_fields(rows, updated.languages, keys), facet_map, updated.languages)

    counters, spellings, stems = {}, {}, {}
    _count(removed, counters, spellings, stems, sign=-1)
    _count(added.values(), counters, spellings, stems)
    for folded, change in spellings.items():
        written = Counter(updated.spellings.get(folded, ()))
        written.update(change)
        written = +written  # drops the spellings no page has any more
        if written:
            updated.spellings[folded] = written
        else:
            updated.spellings.pop(folded, None)
    for language, counter in counters.items():
        updated.vocabularies[language] = updated.vocabulary(language).updated(
            counter, stems.get(language, ()), updated.spellings
        )
    return updated
