"""Wagtail's database backend, with queries folded like the text pages index, and ids without objects.

``BasePage`` indexes a folded copy of its accented words (``search_folded_title``,
``search_folded_text``); this backend folds the query the same way before searching, so
``Πειραιας``, ``ΠΕΙΡΑΙΑΣ`` and ``Πειραιάς`` find the same pages on SQLite and PostgreSQL. The
vendor-specific class (SQLite FTS5, PostgreSQL, or the plain fallback) is the one
``wagtail.search.backends.database`` picks for the default database.

Two additions for speed, used by the public search:

- results have ``pks()``: the matching primary keys in relevance order, without building a
  model instance per hit;
- on SQLite, relevance ordering is one ranked query over the FTS table restricted to the
  queryset's primary keys, instead of Wagtail's correlated subquery (one FTS ``MATCH`` per
  candidate row), which took about 100 ms for 2,000 pages on the development machine.
"""

from django.db.models import FloatField, Func, TextField
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from search.text import fold

_classes = {}


def fold_text(text):
    # A double quote would end FTS5's quoted term early: it is never useful in a search. Blank
    # is stripped to "", which Wagtail answers with no results (a bare space made no SQL at all).
    return fold(text).replace('"', " ").strip()


def fold_query(query):
    """The same query with every query string folded (strings and query objects)."""
    if isinstance(query, str):
        return fold_text(query)
    if isinstance(query, PlainText):
        return PlainText(fold_text(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(fold_text(query.query_string))
    if isinstance(query, Fuzzy):
        # SQLite raises on Fuzzy and PostgreSQL needs pg_trgm: plain words instead (the search
        # corrects typos itself, search/catalogue.py; Elasticsearch searches titles fuzzily).
        return PlainText(fold_text(query.query_string), operator=query.operator)
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery), query.boost)
    if isinstance(query, And):
        return And([fold_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Or):
        return Or([fold_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(fold_query(query.subquery))
    return query


class PksMixin:
    """``pks()``: the primary keys of the results, in order, without model instances."""

    def pks(self):
        queryset = self.get_queryset() if hasattr(self, "get_queryset") else None
        if queryset is None or isinstance(queryset, list):
            return [obj.pk for obj in self]
        return list(queryset.values_list("pk", flat=True))


class WeightedBM25(Func):
    """FTS5's bm25 with a weight per column (autocomplete, body, title): lower is better."""

    output_field = FloatField()

    def __init__(self, weights):
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        placeholders = ", ".join(["%s"] * len(self.weights))
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {placeholders})", list(self.weights)


class RankedSQLiteMixin:
    """SQLite: ranked FTS queries restricted to the queryset, when ordering by relevance.

    Ranked with bm25 weighting a match in the title (``title`` column) ``TITLE_WEIGHT`` times
    a match in the rest of the text (FTS5 adds the weighted term counts of all columns, then
    normalises by the whole length): Wagtail's SQLite backend weighs every column alike, so a
    page mentioning "AGIR" twice outranked the programme called "ICP AGIR".

    With title and body searched, the ids come from two cheaper queries instead of one bm25
    over every match: the pages whose title matches, by bm25, then the other matches in index
    order. bm25 costs a few microseconds per matching row, and a broad word matches most of a
    10,000-page site; ``search.ranking`` orders the results again anyway, so what the engine's
    order must guarantee is only that the pages named so are never cut by ``MAX_RESULTS``.
    """

    TITLE_WEIGHT = 10.0

    def matching_entries(self, config, columns):
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
        from modelsearch.utils import get_descendants_content_types_pks

        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(query, config=config)
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        return SQLiteFTSIndexEntry.objects.filter(MatchExpression(columns, search_query)).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=allowed,
        )

    def ranked_entries(self, config, columns=None):
        entries = self.matching_entries(config, columns or self.fields or self.FTS_TABLE_FIELDS)
        if entries is None:
            return None
        return entries.annotate(score=WeightedBM25((1.0, 1.0, self.TITLE_WEIGHT))).order_by(
            "score", "index_entry__object_id"
        )

    def ranked_pks(self, config, start, stop):
        to_python = self.queryset.model._meta.pk.to_python
        columns = self.fields or self.FTS_TABLE_FIELDS
        if "title" not in columns or len(columns) == 1:
            found = self.ranked_entries(config).values_list("index_entry__object_id", flat=True)[start:stop]
            return [to_python(value) for value in found]
        named = self.ranked_entries(config, ["title"]).values_list("index_entry__object_id", flat=True)
        others = self.matching_entries(config, columns).order_by("index_entry_id")
        found = dict.fromkeys(named[:stop])
        found.update(dict.fromkeys(others.values_list("index_entry__object_id", flat=True)[: stop]))
        return [to_python(value) for value in list(found)[start:stop]]


class RankedSQLiteResultsMixin(PksMixin):
    def _ranked(self):
        compiler = self.query_compiler
        return (
            isinstance(compiler, RankedSQLiteMixin)
            and self._score_field is None
            and (compiler.ranked_entries(compiler.get_config(self.backend)) is not None)
        )

    def pks(self):
        if not self._ranked():
            return super().pks()
        compiler = self.query_compiler
        return compiler.ranked_pks(compiler.get_config(self.backend), self.start, self.stop)

    def _do_search(self):
        if not self._ranked():
            return super()._do_search()
        pks = self.pks()
        objects = self.query_compiler.queryset.in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]

    def _do_count(self):
        if not self._ranked():
            return super()._do_count()
        compiler = self.query_compiler
        count = compiler.ranked_entries(compiler.get_config(self.backend)).count() - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)


class FoldingMixin:
    folds_queries = True

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)


def _subclass(base, *mixins):
    key = (base, mixins)
    if key not in _classes:
        _classes[key] = type(base.__name__.replace("SQLite", "RankedSQLite"), (*mixins, base), {})
    return _classes[key]


def folding_class(base):
    if base not in _classes:
        attributes = {}
        if base.__name__ == "SQLiteSearchBackend":
            attributes["query_compiler_class"] = _subclass(base.query_compiler_class, RankedSQLiteMixin)
            attributes["autocomplete_query_compiler_class"] = _subclass(
                base.autocomplete_query_compiler_class, RankedSQLiteMixin
            )
            attributes["results_class"] = _subclass(base.results_class, RankedSQLiteResultsMixin)
        elif base.results_class is not None:
            attributes["results_class"] = _subclass(base.results_class, PksMixin)
        _classes[base] = type("Folding" + base.__name__, (FoldingMixin, base), attributes)
    return _classes[base]


def SearchBackend(params):  # noqa: N802  (Wagtail looks up a module's ``SearchBackend``)
    base = type(database.SearchBackend(dict(params)))
    return folding_class(base)(params)
