"""Prometheus metrics for operators (docs/metrics.md), served at ``METRICS_PATH`` to the internal network.

django-prometheus' middleware counts requests by view, method and status and times them
(``django_http_*``). This module adds what is particular to the site:

- ``cityco_page_cache_requests_total{result="hit"|"miss"}``: from the ``X-Page-Cache`` header that
  website.pagecache sets on what it serves from, or stores into, the cache;
- ``cityco_search_requests_total{engine, fallback}``: searches and suggestions, by the configured
  engine; ``fallback="yes"`` when Elasticsearch was marked unavailable once the answer was ready,
  so the database backend gave it (search.backends.elasticsearch's breaker);
- ``cityco_search_fallback_active{engine}``: 1 while this process answers searches from the database
  because Elasticsearch failed;
- ``cityco_scheduled_job_last_success_timestamp_seconds{job}``: when ``run_scheduled_jobs`` last
  ran each job without error, read from ``SCHEDULED_JOBS_STATE_FILE``, since the jobs run in a
  process of their own (a systemd timer or cron).

With several gunicorn workers each has its own counters: set ``PROMETHEUS_MULTIPROC_DIR`` to an
empty folder before gunicorn starts and every worker writes its values there, summed when scraped
(prometheus_client's multiprocess mode; deploy/gunicorn.conf.py removes a dead worker's gauges).
"""

import ipaddress
import json
import os
import tempfile
import time
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils import translation
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from search.backends.elasticsearch import CitycoElasticsearchBackend
from search.backends.elasticsearch import breaker as search_breaker

SEARCH_VIEWS = {"search:search", "search:suggest"}

page_cache_requests = Counter(
    "cityco_page_cache_requests",
    "Public pages served from the page cache (hit) or rendered and stored in it (miss).",
    ["result"],
)
search_requests = Counter(
    "cityco_search_requests",
    "Searches and suggestions answered, by configured engine and whether the database stood in.",
    ["engine", "fallback"],
)


def search_engine():
    """ "elasticsearch" or "database", from the settings: building a backend may query the database."""
    path = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    try:
        backend_class = import_module(path).SearchBackend  # a module path, as Wagtail accepts
    except ImportError:
        backend_class = import_string(path)
    is_elasticsearch = isinstance(backend_class, type) and issubclass(
        backend_class, CitycoElasticsearchBackend
    )
    return "elasticsearch" if is_elasticsearch else "database"


class MetricsMiddleware:
    """Answers ``METRICS_PATH`` and counts the page cache and searches.

    Placed near the top of MIDDLEWARE: outside website.pagecache.PageCacheMiddleware, whose hits end
    the request there, and before SecurityMiddleware, LocaleMiddleware and the host check, so a scrape
    over plain HTTP by address (``http://10.0.0.5:8000/metrics``) is answered rather than redirected to
    HTTPS or to ``/en/metrics``, or refused for its Host header. Only ``REMOTE_ADDR`` decides.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == settings.METRICS_PATH:
            return metrics(request)
        response = self.get_response(request)
        result = response.get("X-Page-Cache")
        if result in ("hit", "miss"):
            page_cache_requests.labels(result=result).inc()
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in SEARCH_VIEWS:
            engine = search_engine()
            fallback = engine == "elasticsearch" and search_breaker.any_open()
            search_requests.labels(engine=engine, fallback="yes" if fallback else "no").inc()
        return response


# Scheduled jobs


def record_job_success(job, when=None):
    """Note that ``job`` succeeded now; written whole to a new file and renamed, so a scrape never
    reads half a file."""
    path = Path(settings.SCHEDULED_JOBS_STATE_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = jobs_last_success()
    state[job] = time.time() if when is None else when
    with tempfile.NamedTemporaryFile(
        "w", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
    ) as handle:
        json.dump(state, handle)
    os.replace(handle.name, path)


def jobs_last_success():
    try:
        state = json.loads(Path(settings.SCHEDULED_JOBS_STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):  # no job has run yet here, or the file was damaged
        return {}
    return {str(job): float(when) for job, when in state.items()} if isinstance(state, dict) else {}


class SiteCollector:
    """Values read when Prometheus scrapes, in the process that answers the scrape."""

    def describe(self):
        return []  # names not known ahead: the registry then never collects before a scrape

    def collect(self):
        engine = search_engine()
        fallback = GaugeMetricFamily(
            "cityco_search_fallback_active",
            "1 while searches are answered by the database because Elasticsearch failed (this process).",
            labels=["engine"],
        )
        fallback.add_metric([engine], 1.0 if engine == "elasticsearch" and search_breaker.any_open() else 0.0)
        yield fallback
        jobs = GaugeMetricFamily(
            "cityco_scheduled_job_last_success_timestamp_seconds",
            "When run_scheduled_jobs last completed the job without error (Unix time).",
            labels=["job"],
        )
        for job, when in sorted(jobs_last_success().items()):
            jobs.add_metric([job], when)
        yield jobs


site_collector = SiteCollector()
REGISTRY.register(site_collector)


# The endpoint


@lru_cache(maxsize=8)
def allowed_networks(cidrs):
    try:
        return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs)
    except ValueError as error:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {error}") from error


def is_allowed(address):
    """REMOTE_ADDR only: X-Forwarded-For is written by the client and proves nothing."""
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = allowed_networks(tuple(settings.METRICS_ALLOWED_NETWORKS))
    return any(client.version == network.version and client in network for network in networks)


def registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined)  # every worker's counters, summed
        combined.register(site_collector)
        return combined
    return REGISTRY


@never_cache
def metrics(request):
    if not is_allowed(request.META.get("REMOTE_ADDR", "")):
        with translation.override(settings.LANGUAGE_CODE):
            return page_not_found(request, Http404())  # the site's 404 page, whatever the method
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
