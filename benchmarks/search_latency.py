"""Search latency with 10,000 pages: the embedded database backend and the Elasticsearch emulator.

    .venv/bin/python benchmarks/search_latency.py                  # both, 10,000 pages, SQLite
    .venv/bin/python benchmarks/search_latency.py --backend database --pages 2000
    .venv/bin/python benchmarks/search_latency.py --keep   # keep the built database for the next run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_scratch .venv/bin/python benchmarks/search_latency.py

It creates a throw-away test database (in memory for SQLite, ``test_<name>`` on PostgreSQL),
fills it with ``benchmarks/search_data.build``, runs ``update_index``, then times full requests
to ``/<lang>/search/`` (plain, filtered, page 2, all languages) and ``/<lang>/search/suggest/``
through Django's test client, after a warm-up, and prints p50 and p95 in milliseconds, of wall
time and of this process's CPU time (which a busy machine does not inflate). With
``--backend emulator`` the same requests go to per-language indexes on ``osmem-server``
(started on 127.0.0.1 and stopped at the end); the emulator is an in-memory Go program, so its
figures show the cost of the site's code and of one HTTP round trip, not a real cluster's.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

QUERIES = {
    "en": [
        "energy transition",
        "circular economy",
        "port city",
        "Piraeus",
        "mobility plan",
        "climate adaptation",
    ],
    "ca": [
        "transicio energetica",
        "economia circular",
        "ciutats",
        "mobilitat",
        "Barcelona",
        "qualitat de l'aire",
    ],
    "pl": ["Poznan", "gospodarka", "transformacja energetyczna", "miasta", "Krakow", "wizyta studyjna"],
    "el": ["Πειραιας", "κυκλική οικονομία", "ΠΟΛΕΙΣ", "μεταφορές", "Θεσσαλονικη", "ενεργεια"],
}
SUGGEST = {"en": ["pir", "barc", "ener"], "ca": ["ciu", "gir"], "pl": ["gór", "pozn"], "el": ["Πειρ", "θεσ"]}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_requests(client, urls, runs):
    """Wall-clock and CPU milliseconds of ``runs`` requests cycling through ``urls``."""
    wall, cpu = [], []
    for url in urls:  # warm-up: facet map, connections, template loading
        client.get(url)
    for index in range(runs):
        url = urls[index % len(urls)]
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if response.status_code != 200 or b'class="search-fallback"' in response.content:
            raise SystemExit(f"{url} answered {response.status_code} or fell back to the database")
    return wall, cpu


def scenario_urls():
    from urllib.parse import urlencode

    urls = {"search": [], "filtered": [], "page 2": [], "all languages": [], "suggest": []}
    for language, queries in QUERIES.items():
        for query in queries:
            urls["search"].append(f"/{language}/search/?{urlencode({'q': query})}")
            urls["filtered"].append(f"/{language}/search/?{urlencode({'q': query, 'type': 'city'})}")
            urls["page 2"].append(f"/{language}/search/?{urlencode({'q': query, 'page': 2})}")
            urls["all languages"].append(f"/{language}/search/?{urlencode({'q': query, 'languages': 'all'})}")
        for query in SUGGEST[language]:
            urls["suggest"].append(f"/{language}/search/suggest/?{urlencode({'q': query})}")
    return urls


def report(label, runs):
    from django.test import Client

    client = Client()
    print(f"\n{label}", flush=True)
    print(f"  {'request':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}   {'cpu p50':>8}{'cpu p95':>8}")
    for name, urls in scenario_urls().items():
        wall, cpu = time_requests(client, urls, runs)
        print(
            f"  {name:<16}{statistics.median(wall):>9.1f}{percentile(wall, 0.95):>9.1f}{max(wall):>9.1f}"
            f"   {statistics.median(cpu):>8.1f}{percentile(cpu, 0.95):>8.1f}",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=240, help="timed requests per scenario")
    parser.add_argument("--backend", choices=("database", "emulator", "both"), default="both")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the benchmark database (SQLite: a file in the temporary directory) and reuse it next time",
    )
    args = parser.parse_args()

    import django
    from django.conf import settings

    if args.keep and "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        settings.DATABASES["default"]["TEST"] = {
            "NAME": str(Path(tempfile.gettempdir()) / "cityco-search-bench.sqlite3")
        }
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment
    from wagtail.models import Page

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    try:
        from benchmarks.search_data import build

        made = Page.objects.filter(depth__gt=1).count()
        if made < args.pages * 0.9:
            start = time.perf_counter()
            made = build(args.pages)
            print(
                f"{made} pages built in {time.perf_counter() - start:.0f} s on {connection.vendor}",
                flush=True,
            )
            start = time.perf_counter()
            call_command("update_index", backend_name="default", verbosity=0)
            print(f"database index built in {time.perf_counter() - start:.0f} s", flush=True)
        else:
            print(f"reusing {made} pages on {connection.vendor}", flush=True)
        if connection.vendor == "postgresql":
            # Fresh statistics and merged GIN pending lists, as autovacuum keeps them on a live
            # site: without statistics the planner takes a table of 10,000 pages for one row and
            # loops over the index (5x slower); an unmerged pending list (right after a bulk
            # load; ANALYZE alone does not merge it) is scanned in full by every text match.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

        if args.backend in ("database", "both"):
            report(f"Embedded database backend ({connection.vendor}), {made} pages", args.runs)

        if args.backend in ("emulator", "both"):
            from osmem_server import OsmemServer

            from tests.search.conftest import elasticsearch_backends

            server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
            try:
                with override_settings(
                    WAGTAILSEARCH_BACKENDS=elasticsearch_backends(server.url, prefix="bench_")
                ):
                    start = time.perf_counter()
                    for name in ("default", "en", "ca", "pl", "el"):
                        call_command("update_index", backend_name=name, verbosity=0)
                    print(f"\nemulator indexes built in {time.perf_counter() - start:.0f} s", flush=True)
                    report(f"Elasticsearch emulator (osmem-server {server.version}), {made} pages", args.runs)
            finally:
                server.close()
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0, keepdb=args.keep)


if __name__ == "__main__":
    main()
