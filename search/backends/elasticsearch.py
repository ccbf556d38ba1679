"""Wagtail's Elasticsearch 9 backend, per language, never down.

One backend entry per language in ``WAGTAILSEARCH_BACKENDS`` (``LANGUAGE: "ca"``...) owns its own
index of that language's pages; the ``default`` entry (``LANGUAGE: None``) indexes every page,
image and document in every language, for the admin and the "all languages" switch. Why one
index per language: modelsearch copies all text into ``_all_text`` and searches there, so the
only way to give Catalan text the Catalan analyzer is an index whose text fields all use it.

Each index defines two analyzers and every text field uses them:

- ``cityco_text``: the language's analyzer (``english``, ``catalan``, ``greek``, and ``polish`` from
  the analysis-stempel plugin). If the cluster lacks it, a warning is logged and ``cityco_text``
  becomes the folding analyzer below, so the index still works, without stemming.
- ``cityco_folding``: standard tokenizer, Greek-aware lower-casing (drops the tonos, ς→σ) and
  ASCII folding. Each text field is also copied, folded, into ``*_folded`` fields that every
  query searches, so ``transicio energetica`` finds ``transició energètica`` whatever the
  stemmer does with accents. The autocomplete field folds on both sides (Wagtail's searches
  with ``standard`` and so never matches ``gór`` to ``górskie``).

Availability: the client has a short timeout and no retries. A search that fails with a
connection error, a timeout or a 5xx answers from the ``FALLBACK`` backend (the database,
kept current as well) and marks the cluster down for ``RETRY_AFTER`` seconds; meanwhile
searches go straight to the database and index updates are skipped with a warning
(``update_index`` catches up). Publishing never waits more than one timeout.
"""

import copy
import logging
import threading
import time

from django_countries.fields import Country
from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError, Elasticsearch, UnsupportedProductError
from elasticsearch.helpers import bulk
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import BaseIndex
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.backends.elasticsearchbase import (
    ElasticsearchAtomicIndexRebuilder,
    ElasticsearchAutocompleteQueryCompilerImpl,
    ElasticsearchIndexRebuilder,
    Field,
)
from modelsearch.index import class_is_indexed

from base.text import FOLDED_FIELD_PREFIX

logger = logging.getLogger(__name__)

LANGUAGE_ANALYZERS = {"en": "english", "ca": "catalan", "pl": "polish", "el": "greek"}
TEXT_ANALYZER = "cityco_text"
FOLDING_ANALYZER = "cityco_folding"
FOLDED = "_folded"
MAX_WINDOW = 10_000  # Elasticsearch's default index.max_result_window

FOLDING_ANALYSIS = {
    "filter": {
        # Lucene's GreekLowerCaseFilter: lower-cases every script, drops Greek accents, ς → σ.
        "cityco_lowercase": {"type": "lowercase", "language": "greek"},
        "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
    },
    "analyzer": {
        FOLDING_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cityco_lowercase", "asciifolding"],
        },
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cityco_lowercase", "asciifolding", "edgengram"],
        },
    },
}


def is_unavailable(error):
    """True for errors that mean the cluster is down or overloaded, not that the request was wrong."""
    if isinstance(error, (TransportError, UnsupportedProductError)):
        return True
    return isinstance(error, ApiError) and (error.status_code or 0) >= 500


SEARCH_ERRORS = (TransportError, ApiError)


class Breaker:
    """Remembers, per cluster and per process, that the cluster failed and when to try again."""

    def __init__(self):
        self._down_until = {}
        self._lock = threading.Lock()

    def is_open(self, key):
        return time.monotonic() < self._down_until.get(key, 0)

    def trip(self, key, seconds):
        with self._lock:
            self._down_until[key] = time.monotonic() + seconds

    def reset(self, key=None):
        with self._lock:
            if key is None:
                self._down_until.clear()
            else:
                self._down_until.pop(key, None)

    def any_open(self):
        now = time.monotonic()
        return any(until > now for until in self._down_until.values())


breaker = Breaker()

_clients = {}
_clients_lock = threading.Lock()


def shared_client(client_class, hosts, options):
    """One client (and connection pool) per configuration, instead of one per backend lookup."""
    key = repr((client_class, hosts, sorted(options.items(), key=lambda item: item[0])))
    with _clients_lock:
        if key not in _clients:
            _clients[key] = client_class(hosts=hosts, **options)
        return _clients[key]


class CitycoMapping(Elasticsearch9Mapping):
    """Wagtail's mapping, with the site's analyzers and folded copies of every text field."""

    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": FOLDING_ANALYZER}

    def es_search_fields(self):
        # The folded copies pages index for the database backend; Elasticsearch folds by itself.
        return [
            field
            for field in self.model.get_search_fields()
            if not field.field_name.startswith(FOLDED_FIELD_PREFIX)
        ]

    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        for field in self.model.get_search_fields():
            if field.field_name.startswith(FOLDED_FIELD_PREFIX):
                properties.pop(self.get_field_column_name(field), None)
        self._add_analyzers(properties, root=properties)
        return mapping

    def _add_analyzers(self, properties, root):
        for name, field in list(properties.items()):
            if field.get("type") == "nested":
                self._add_analyzers(field["properties"], root)
                continue
            if field.get("type") != "text" or "analyzer" in field:
                continue
            field["analyzer"] = TEXT_ANALYZER
            if name.startswith("_all_text"):
                root[name + FOLDED] = {"type": "text", "analyzer": FOLDING_ANALYZER}
                continue
            field["fields"] = {"folded": {"type": "text", "analyzer": FOLDING_ANALYZER}}
            copy_to = field.get("copy_to")
            if copy_to:
                targets = [copy_to] if isinstance(copy_to, str) else list(copy_to)
                field["copy_to"] = targets + [target + FOLDED for target in targets]

    def _clean_value(self, value):
        """JSON for the cluster: django-countries' ``Country`` objects become their codes."""
        value = super()._clean_value(value)
        if isinstance(value, Country):
            return value.code or None
        if isinstance(value, (list, tuple)) and any(isinstance(item, Country) for item in value):
            return [item.code if isinstance(item, Country) else item for item in value]
        return value

    def get_document(self, obj):
        doc = {"pk": str(obj.pk), "_django_content_type": self.get_all_content_types()}
        edgengrams = []
        for field in self.es_search_fields():
            name, value, field_edgengrams = self._get_document_field_data(field, obj)
            doc[name] = value
            edgengrams.extend(field_edgengrams)
        doc["_edgengrams"] = edgengrams
        return doc


class FoldedFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every searched field is searched folded too.
        self.remapped_fields += [
            Field(
                field.field_name + FOLDED
                if field.field_name.startswith("_all_text")
                else field.field_name + ".folded",
                field.boost,
            )
            for field in self.remapped_fields
        ]


class CitycoSearchQueryCompiler(FoldedFieldsMixin, Elasticsearch9SearchQueryCompiler):
    mapping_class = CitycoMapping


class CitycoAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = CitycoMapping


class ResilientSearchResults(Elasticsearch9SearchResults):
    """Search results that come from the database backend when the cluster cannot answer."""

    used_fallback = False

    def fallback_results(self):
        compiler = self.query_compiler
        backend = get_search_backend(self.backend.fallback_name)
        method = (
            backend.autocomplete
            if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl)
            else backend.search
        )
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        return results[self.start : self.stop]

    def _guarded(self, action, fallback):
        if self.backend.is_down():
            self.used_fallback = True
            return fallback(self.fallback_results())
        try:
            return action()
        except SEARCH_ERRORS as error:
            self.backend.report_failure(error, "search")
            self.used_fallback = True
            return fallback(self.fallback_results())

    def _do_search(self):
        return self._guarded(lambda: list(self._search_hits()), list)

    def count(self):
        return self._guarded(super().count, lambda results: results.count())

    def facet(self, field_name):
        return self._guarded(
            lambda: super(ResilientSearchResults, self).facet(field_name),
            lambda results: results.facet(field_name),
        )

    def pks(self):
        """Primary keys of the hits, in order, that the queryset still holds (one query, no objects).

        The database check drops hits the index has not caught up with (a page unpublished
        while the cluster was unreachable, before ``update_index`` ran).
        """

        def from_cluster():
            hits = self._window_hits()
            if hits is None:
                return [obj.pk for obj in super(ResilientSearchResults, self)._do_search()]
            to_python = self.query_compiler.queryset.model._meta.pk.to_python
            pks = [to_python(hit["fields"]["pk"][0]) for hit in hits]
            present = set(self.query_compiler.queryset.filter(pk__in=pks).values_list("pk", flat=True))
            return [pk for pk in pks if pk in present]

        return self._guarded(
            from_cluster,
            lambda results: results.pks() if hasattr(results, "pks") else [obj.pk for obj in results],
        )

    def _window_hits(self):
        """The hits of a slice inside the result window, in one request; None beyond it."""
        if self.stop is None or self.stop > MAX_WINDOW:
            return None
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": self.stop - self.start,
        }
        compiler = self.query_compiler
        body = {"query": compiler.get_query()}
        sort = compiler.get_sort()
        if sort is not None:  # None: by relevance, Elasticsearch's default
            body["sort"] = sort
        return self.backend.es.search(**body, **params)["hits"]["hits"]

    def _search_hits(self):
        """One request for a slice inside the result window; Wagtail scrolls for more than 100."""
        hits = self._window_hits()
        if hits is None:
            return super()._do_search()
        return self._get_results_from_hits(hits)


class NullIndex(BaseIndex):
    """Where a language backend puts models it does not index (images, documents): nowhere."""

    def get_key(self):
        return "none"

    def __str__(self):
        return "(not indexed in this language)"


class CitycoIndex(Elasticsearch9Index):
    def put(self):
        self.es.indices.create(index=self.name, **self.backend.index_settings())

    def add_item(self, item):
        if self.backend.wants(item):
            super().add_item(item)

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        mapping = self.mapping_class(model)
        actions = [
            {"_id": mapping.get_document_id(item), **mapping.get_document(item)}
            for item in items
            if self.backend.wants(item)
        ]
        if actions:
            bulk(self.es.options(request_timeout=self.backend.indexing_timeout), actions, index=self.name)

    def delete_item(self, item):
        if self.backend.wants(item):
            super().delete_item(item)

    def refresh(self):
        self.es.options(request_timeout=self.backend.indexing_timeout).indices.refresh(index=self.name)


class SkipNullIndexMixin:
    def __init__(self, index):
        self.null = isinstance(index, NullIndex)
        if self.null:
            self.index = index
        else:
            super().__init__(index)

    def start(self):
        return self.index if self.null else super().start()

    def finish(self):
        if not self.null:
            super().finish()


class Rebuilder(SkipNullIndexMixin, ElasticsearchIndexRebuilder):
    pass


class AtomicRebuilder(SkipNullIndexMixin, ElasticsearchAtomicIndexRebuilder):
    pass


class CitycoElasticsearchBackend(Elasticsearch9SearchBackend):
    fuzzy_titles = True  # search.service tries fuzzy_name_pks before giving up
    mapping_class = CitycoMapping
    index_class = CitycoIndex
    query_compiler_class = CitycoSearchQueryCompiler
    autocomplete_query_compiler_class = CitycoAutocompleteQueryCompiler
    results_class = ResilientSearchResults
    basic_rebuilder_class = Rebuilder
    atomic_rebuilder_class = AtomicRebuilder
    client_class = staticmethod(lambda hosts, **options: shared_client(Elasticsearch, hosts, options))

    def __init__(self, params):
        params = copy.deepcopy(dict(params))  # Wagtail pops and updates the options it is given
        self.language = params.pop("LANGUAGE", None)
        self.fallback_name = params.pop("FALLBACK", "database")
        self.retry_after = params.pop("RETRY_AFTER", 30)
        self.indexing_timeout = params.pop("INDEXING_TIMEOUT", 60)
        self.analyzers = {**LANGUAGE_ANALYZERS, **params.pop("ANALYZERS", {})}
        prefix = params.pop("INDEX_PREFIX", "cityco_")
        params["INDEX_PREFIX"] = f"{prefix}{self.language or 'all'}_"
        params.setdefault("TIMEOUT", 2)
        options = params.setdefault("OPTIONS", {})
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        self.cluster_key = repr(params.get("HOSTS") or params.get("URLS"))
        super().__init__(params)
        self._locale_codes = {}

    # Which objects go in this backend's indexes

    def get_index_for_model(self, model):
        from wagtail.models import Page

        if self.language and not issubclass(model, Page):
            return NullIndex(self)
        return super().get_index_for_model(model)

    def language_of(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return None
        if locale_id not in self._locale_codes:
            from wagtail.models import Locale

            self._locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self._locale_codes.get(locale_id)

    def wants(self, obj):
        return self.language is None or self.language_of(obj) == self.language

    # Index settings: the language analyzer, or folding when the cluster lacks it

    def text_analyzer(self):
        """The ``cityco_text`` definition for this index, checking the cluster has the analyzer."""
        name = self.analyzers.get(self.language) if self.language else None
        if name is None:
            return copy.deepcopy(FOLDING_ANALYSIS["analyzer"][FOLDING_ANALYZER])
        try:
            self.es.indices.analyze(analyzer=name, text="test")
        except BadRequestError as error:
            hint = " (install the analysis-stempel plugin on every node)" if name == "polish" else ""
            logger.warning(
                "Elasticsearch has no %r analyzer%s: the %r index folds accents and case but does not "
                "stem words. Cluster said: %s",
                name,
                hint,
                self.language,
                error,
            )
            return copy.deepcopy(FOLDING_ANALYSIS["analyzer"][FOLDING_ANALYZER])
        return {"type": name}

    def index_settings(self, text_analyzer=None):
        settings = copy.deepcopy(self.settings)
        analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
        for section, entries in FOLDING_ANALYSIS.items():
            analysis.setdefault(section, {}).update(copy.deepcopy(entries))
        analysis["analyzer"][TEXT_ANALYZER] = text_analyzer or self.text_analyzer()
        return settings

    # Availability

    def is_down(self):
        return breaker.is_open(self.cluster_key)

    def report_failure(self, error, action):
        if is_unavailable(error):
            breaker.trip(self.cluster_key, self.retry_after)
            logger.warning(
                "Elasticsearch unavailable during %s (%s); using the %r backend for %s s.",
                action,
                error.__class__.__name__,
                self.fallback_name,
                self.retry_after,
            )
        else:
            logger.error("Elasticsearch refused a %s request: %s", action, error)

    def _write(self, action, obj, call):
        if self.is_down():
            logger.warning(
                "Elasticsearch marked unavailable: %s of %r skipped in %s; run update_index when it is back.",
                action,
                obj,
                self.index_prefix,
            )
            return
        try:
            call()
        except SEARCH_ERRORS as error:
            self.report_failure(error, action)
            logger.warning(
                "Index %s not updated for %r; run update_index to catch up.", self.index_prefix, obj
            )

    # Names one or two letters wrong

    # The title, and ``search_names`` (other names, translations' titles) of every page type: it
    # is declared on the abstract BasePage, so each page model's mapping names it after the model
    # (``cities_citypage__search_names``) and Wagtail's query compiler refuses it on ``Page``.
    FUZZY_NAME_FIELDS = ["title", "title.folded", "*__search_names", "*__search_names.folded"]

    def fuzzy_name_pks(self, text, queryset, limit):
        """Pks of ``queryset``'s pages whose names are within ``fuzziness: AUTO`` of every word of
        ``text``, best first; None when the cluster cannot answer (the caller searches on)."""
        if self.is_down():
            return None
        body = {
            "multi_match": {
                "query": text,
                "fields": self.FUZZY_NAME_FIELDS,
                "fuzziness": "AUTO",
                "operator": "and",
            }
        }
        try:
            response = self.es.search(
                index=self.get_index_for_model(queryset.model).name,
                query=body,
                source=False,
                fields=["pk"],
                size=limit,
            )
        except SEARCH_ERRORS as error:
            self.report_failure(error, "search")
            return None
        to_python = queryset.model._meta.pk.to_python
        pks = [to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
        present = set(queryset.filter(pk__in=pks).values_list("pk", flat=True))
        return [pk for pk in pks if pk in present]

    def add(self, obj):
        if self.wants(obj):
            self._write("indexing", obj, lambda: super(CitycoElasticsearchBackend, self).add(obj))

    def add_bulk(self, model, obj_list):
        self._write(
            "indexing", model, lambda: super(CitycoElasticsearchBackend, self).add_bulk(model, obj_list)
        )

    def delete(self, obj):
        if self.wants(obj):
            self._write("removal", obj, lambda: super(CitycoElasticsearchBackend, self).delete(obj))


SearchBackend = CitycoElasticsearchBackend
