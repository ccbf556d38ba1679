"""Wagtail's database backend, with queries folded like the text pages index, and ids without objects.

``BasePage`` indexes a folded copy of its accented words (``search_folded_title``,
``search_folded_text``); this backend folds the query the same way before searching, so
``Πειραιας``, ``ΠΕΙΡΑΙΑΣ`` and ``Πειραιάς`` find the same pages on SQLite and PostgreSQL. The
vendor-specific class (SQLite FTS5, PostgreSQL, or the plain fallback) is the one
``wagtail.search.backends.database`` picks for the default database.

One addition for speed, used by the public search: results have ``pks()``, the matching
primary keys in relevance order, without building a model instance per hit; on SQLite and
PostgreSQL they come from two cheap queries over the index entries (``TitleFirstMixin``).
Iterating results (the admin's searches) is Wagtail's own path, unchanged.
"""

from functools import cached_property, reduce
from operator import add, or_

from django.contrib.postgres.search import SearchRank
from django.db.models import (
    AutoField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextField,
)
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.conf import get_app_config
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from base.text import fold

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
    """``pks()``: the primary keys of the results, in order, without model instances.

    On SQLite and PostgreSQL, when ordered by relevance, the keys come from the compiler's
    ``ranked_pks`` (``TitleFirstMixin``); otherwise from the backend's own queryset.
    """

    def pks(self):
        compiler = self.query_compiler
        ranked_pks = getattr(compiler, "ranked_pks", None)
        if ranked_pks is not None:
            found = ranked_pks(compiler.get_config(self.backend), self.start, self.stop)
            if found is not None:
                return found
        queryset = self.get_queryset() if hasattr(self, "get_queryset") else None
        if queryset is None or isinstance(queryset, list):
            return [obj.pk for obj in self]
        return list(queryset.values_list("pk", flat=True))


def allowed_entries(queryset, object_id):
    """A condition on index entries: the entry's object (``object_id``, a path to the entry's
    text column of that name) is in ``queryset``.

    With an integer primary key, a correlated ``EXISTS`` looking the object up by key for each
    matching entry: the entries of a broad word are read in index order and the scan stops at
    ``MAX_RESULTS``. The other form, ``object_id IN (the queryset's keys as text)``, builds the
    whole list of allowed keys first (every live page of a language), which was most of the
    query's time on 10,000 pages.
    """
    if isinstance(queryset.model._meta.pk, (AutoField, IntegerField)):
        object_pk = Cast(OuterRef(object_id), IntegerField())
        return Exists(queryset.order_by().filter(pk=object_pk))
    allowed = queryset.order_by().annotate(object_key=Cast("pk", TextField())).values("object_key")
    return Q(**{f"{object_id}__in": allowed})


class TitleFirstMixin:
    """Ids by relevance from two cheap queries: the matches in the title, ranked, then the other
    matches in index order.

    Wagtail's backends rank every match (SQLite: a correlated FTS query per candidate row, about
    100 ms for 2,000 pages; PostgreSQL: ``ts_rank`` over the title and body of every match),
    and a broad word matches most of a 10,000-page site. ``search.ranking`` orders the results
    again anyway, so what the engine's order must guarantee is only that the pages named so are
    never cut by ``MAX_RESULTS``. A vendor class gives ``engine_query(config)`` (None when there
    is nothing to match), ``matching_entries(engine_query, columns)`` (index entries matching in
    those columns, restricted to the queryset), ``ranked(entries, engine_query, columns)`` and
    ``OBJECT_ID``.
    """

    # The ids of the searched model's index entries when it has few: all its matches are ranked.
    own_entries = None

    def prepared_query(self):
        return self.query

    def index_order(self):
        """The order of the other matches: the entries' key (any fixed order will do)."""
        return "pk"

    def ranked_pks(self, config, start, stop):
        if not self.order_by_relevance or isinstance(self.prepared_query(), (MatchAll, Not, Fuzzy)):
            return None
        engine_query = self.engine_query(config)
        if engine_query is None:
            return None
        columns = list(self.fields or self.FTS_TABLE_FIELDS)
        to_python = self.queryset.model._meta.pk.to_python
        if "title" not in columns or len(columns) == 1 or self.own_entries is not None:
            entries = self.ranked(self.matching_entries(engine_query, columns), engine_query, columns)
            return [to_python(value) for value in entries.values_list(self.OBJECT_ID, flat=True)[start:stop]]
        named = self.ranked(self.matching_entries(engine_query, ["title"]), engine_query, ["title"])
        others = self.matching_entries(engine_query, columns).order_by(self.index_order())
        found = dict.fromkeys(named.values_list(self.OBJECT_ID, flat=True)[:stop])
        found.update(dict.fromkeys(others.values_list(self.OBJECT_ID, flat=True)[:stop]))
        return [to_python(value) for value in list(found)[start:stop]]


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


class RankedSQLiteMixin(TitleFirstMixin):
    """SQLite FTS5: bm25 weighting a match in the title (``title`` column) ``TITLE_WEIGHT`` times
    a match in the rest of the text (FTS5 adds the weighted term counts of all columns, then
    normalises by the whole length): Wagtail's SQLite backend weighs every column alike, so a
    page mentioning "AGIR" twice outranked the programme called "ICP AGIR"."""

    TITLE_WEIGHT = 10.0
    OBJECT_ID = "index_entry__object_id"

    def prepared_query(self):
        from modelsearch.backends.database.sqlite.query import normalize  # SQLite's models only

        return normalize(self.query)  # FTS5 has no unary NOT: a negation goes last

    def engine_query(self, config):
        return self.build_search_query(self.prepared_query(), config=config)

    # At most this many index entries of the searched model are looked up one by one (``own_entries``).
    FEW_ENTRIES = 200

    @cached_property
    def own_entries(self):
        """The ids of the index entries of the searched model when it has at most ``FEW_ENTRIES``
        (library documents, beside thousands of pages), else None.

        FTS5 finds a word's matches in every model's entries and the database then drops the
        other models' ones: for a word in most pages, that read them all to find a document
        (about 4 ms a query at 10,000 pages). Testing the few entries of the model against the
        match instead costs about 1 ms for 20 documents. Pages are most of the index: not asked.
        """
        if issubclass(self.queryset.model, Page):
            return None
        index_entry = get_app_config().get_model("IndexEntry")
        ids = list(
            index_entry.objects.filter(
                content_type__in=get_descendants_content_types_pks(self.queryset.model)
            ).values_list("pk", flat=True)[: self.FEW_ENTRIES + 1]
        )
        return ids if len(ids) <= self.FEW_ENTRIES else None

    def matching_entries(self, engine_query, columns):
        from modelsearch.backends.database.sqlite.query import MatchExpression
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        entries = SQLiteFTSIndexEntry.objects.filter(MatchExpression(columns, engine_query)).filter(
            allowed_entries(self.queryset, self.OBJECT_ID),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        return entries if self.own_entries is None else entries.filter(pk__in=self.own_entries)

    def ranked(self, entries, engine_query, columns):
        return entries.annotate(score=WeightedBM25((1.0, 1.0, self.TITLE_WEIGHT))).order_by(
            "score", self.OBJECT_ID
        )


class RankedPostgresMixin(TitleFirstMixin):
    """PostgreSQL: the index entries' ``title`` and ``body`` vectors matched separately (each
    has its own GIN index; Wagtail matches their concatenation, which no index serves), the
    title matches ranked by ``ts_rank``."""

    OBJECT_ID = "object_id"
    FTS_TABLE_FIELDS = ["title", "body"]

    def ranked_pks(self, config, start, stop):
        # Searching named fields builds vectors from the model's own columns: Wagtail's path.
        return None if self.fields else super().ranked_pks(config, start, stop)

    def index_order(self):
        """By key, written so that PostgreSQL cannot read the key's index for it: walking that
        index in order, it tests every entry's vectors until it has 1,000 matches (62 ms for a
        word in a third of 40,000 entries), where the GIN indexes find them all at once (11 ms)."""
        return ExpressionWrapper(F("pk") + 0, output_field=IntegerField())

    def engine_query(self, config):
        return self.build_tsquery(self.query, config=config)

    def matching_entries(self, engine_query, columns):
        index_entry = get_app_config().get_model("IndexEntry")  # Wagtail's search app holds it
        matches = reduce(or_, (Q(**{column: engine_query}) for column in columns))
        return index_entry.objects.filter(
            matches,
            allowed_entries(self.queryset, self.OBJECT_ID),
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def ranked(self, entries, engine_query, columns):
        rank = reduce(add, (SearchRank(F(column), engine_query) for column in columns))
        return entries.annotate(score=rank).order_by("-score", "pk")


class RankedPostgresAutocompleteMixin(RankedPostgresMixin):
    FTS_TABLE_FIELDS = ["autocomplete"]


class FoldingMixin:
    folds_queries = True

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(fold_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(fold_query(query), model_or_queryset, *args, **kwargs)


def _subclass(base, *mixins):
    key = (base, mixins)
    if key not in _classes:
        _classes[key] = type("Ranked" + base.__name__, (*mixins, base), {})
    return _classes[key]


def folding_class(base):
    if base not in _classes:
        attributes = {}
        compilers = {
            "SQLiteSearchBackend": (RankedSQLiteMixin, RankedSQLiteMixin),
            "PostgresSearchBackend": (RankedPostgresMixin, RankedPostgresAutocompleteMixin),
        }.get(base.__name__)
        if compilers:
            attributes["query_compiler_class"] = _subclass(base.query_compiler_class, compilers[0])
            attributes["autocomplete_query_compiler_class"] = _subclass(
                base.autocomplete_query_compiler_class, compilers[1]
            )
        if base.results_class is not None:
            attributes["results_class"] = _subclass(base.results_class, PksMixin)
        _classes[base] = type("Folding" + base.__name__, (FoldingMixin, base), attributes)
    return _classes[base]


def SearchBackend(params):  # noqa: N802  (Wagtail looks up a module's ``SearchBackend``)
    base = type(database.SearchBackend(dict(params)))
    return folding_class(base)(params)
