"""`make search-quality`: judged queries on every engine.

Two sets: ``benchmarks/search_judgements.json``, the set search was tuned on, and
``benchmarks/search_heldout.json``, written afterwards from the demo content without looking at
the first set or the search code, so its figures say how search does on queries nobody tuned for.

    make search-quality                                   # both sets: SQLite, the emulator, and PostgreSQL if reachable
    .venv/bin/python benchmarks/search_quality.py --judgements benchmarks/search_heldout.json   # one set
    SEARCH_QUALITY_ENGINES=sqlite make search-quality     # only some of: sqlite, emulator, postgres
    DATABASE_URL=postgres://user@host:5432/x make search-quality   # that PostgreSQL server
    .venv/bin/python benchmarks/search_quality.py --compare before.json   # also the changes since then

Each database is built in a child process (Django reads its settings once per process): a scratch
database, migrated, with the demo content (``home.demo.build_demo``, as ``manage.py load_demo``)
and ``update_index``. SQLite is in memory. PostgreSQL gets its own database, created and dropped
by the run, on the server ``DATABASE_URL`` names if it is PostgreSQL, else on
postgres://postgres@127.0.0.1:5432; if that server cannot be reached, it is skipped and the
reason printed. Every judged query is then asked through Django's test client at
``/<language>/search/?q=...`` (the site's real view, middleware and template), and the result
links of the first page are read in order. Engines:

- ``sqlite``: the database backend on SQLite;
- ``postgres``: the database backend on PostgreSQL;
- ``emulator``: the Elasticsearch layout (an index per language) on ``osmem-server``, started on
  127.0.0.1 and stopped at the end, with the pages of the SQLite build. The emulator has no
  language analyzers and keeps Greek accents, so its figures measure what the project sends, not
  a real cluster's analysis.

Figures, per engine, overall, per language and per kind of query: P@1 (the first result is an
expected page), R@5 (the share of the expected pages in the first five, out of at most five),
MRR (1/rank of the first expected page in the first page of results, 0 if absent) and the
zero-result rate. They are printed side by side with the failing queries of each engine (the
first result is not an expected page), and written to ``benchmarks/.results/search-quality.json``
(git-ignored). Nothing is random: the same commit gives the same figures.
"""

import argparse
import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
JUDGEMENTS = BASE_DIR / "benchmarks" / "search_judgements.json"
HELD_OUT = BASE_DIR / "benchmarks" / "search_heldout.json"
RESULTS_DIR = BASE_DIR / "benchmarks" / ".results"
LANGUAGES = ("en", "ca", "pl", "el")
ENGINES = ("sqlite", "postgres", "emulator")
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
METRICS = ("p_at_1", "r_at_5", "mrr", "zero")
METRIC_LABELS = {"p_at_1": "P@1", "r_at_5": "R@5", "mrr": "MRR", "zero": "zero"}
CHILD_TIMEOUT = 1800  # seconds: a demo build takes two to four minutes on a busy machine

# The result links of the search template (search/includes/results.html), as tests/search reads them.
RESULT_RE = re.compile(r'<h3 lang="[\w-]+"><a href="([^"]*)">(.*?)</a></h3>', re.S)
# No page results: "no results", or only library documents (shown instead of that notice).
EMPTY_MARKS = ('class="search-empty"', 'class="search-documents"')
FALLBACK_MARK = 'class="search-fallback"'


def say(text=""):
    print(text, flush=True)


# The judged set


def load_judgements(path=JUDGEMENTS):
    """The judged queries, checked: a language, a known kind, a query and at least one expected page."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    kind_names = data["kinds"]
    queries = data["queries"]
    seen = set()
    for item in queries:
        where = f"{item.get('language')} {item.get('query')!r}"
        if item.get("language") not in LANGUAGES or item.get("kind") not in kind_names:
            raise ValueError(f"{where}: unknown language or kind {item.get('kind')!r}")
        if not item.get("query", "").strip() or not item.get("expected"):
            raise ValueError(f"{where}: a query needs text and at least one expected page")
        if any(not key.endswith("/") or key.startswith("/") for key in item["expected"]):
            raise ValueError(
                f"{where}: expected pages are paths below the English home, like 'cities/piraeus/'"
            )
        if (item["language"], item["query"]) in seen:
            raise ValueError(f"{where}: listed twice")
        seen.add((item["language"], item["query"]))
    return queries


def kinds(path=JUDGEMENTS):
    return list(json.loads(Path(path).read_text(encoding="utf-8"))["kinds"])


# Asking the site (in a process with Django set up and the demo built)


def page_keys():
    """{language: {URL path: key}}, a page's key being its English translation's path below the home."""
    from wagtail.models import Page

    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english = {
        page.translation_key: page.url_path[len(english_home.url_path) :]
        for page in Page.objects.filter(locale=english_home.locale, path__startswith=english_home.path)
    }
    keys = defaultdict(dict)
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        url = page.get_url()
        if url and page.translation_key in english:
            keys[page.locale.language_code][urlsplit(url).path] = english[page.translation_key]
    return keys


def check_expected(judgements, keys):
    """Every expected page exists in English and has a live translation in the query's language."""
    present = {language: set(by_url.values()) for language, by_url in keys.items()}
    missing = [
        f"{item['language']} {item['query']!r}: {key}"
        for item in judgements
        for key in item["expected"]
        if key not in present.get(item["language"], ())
    ]
    if missing:
        raise ValueError("expected pages not found in the demo content:\n  " + "\n  ".join(missing))


def ask(client, language, query):
    """(result keys as URL paths, result titles) of the first page of ``/<language>/search/?q=query``."""
    response = client.get(f"/{language}/search/", {"q": query})
    if response.status_code != 200:
        raise RuntimeError(f"/{language}/search/?q={query} answered {response.status_code}")
    body = response.content.decode()
    if FALLBACK_MARK in body:
        raise RuntimeError(f"/{language}/search/?q={query} fell back to the database: the engine failed")
    found = RESULT_RE.findall(body)
    if not found and not any(mark in body for mark in EMPTY_MARKS):
        raise RuntimeError(f"/{language}/search/?q={query}: neither results nor 'no results' could be read")
    return [urlsplit(unescape(url)).path for url, _title in found], [
        " ".join(unescape(re.sub(r"<[^>]+>", "", title)).split()) for _url, title in found
    ]


def run_judgements(client, judgements):
    """Each judged query asked through ``client``: the judgement plus the keys and titles it got."""
    keys = page_keys()
    check_expected(judgements, keys)
    outcomes = []
    for item in judgements:
        urls, titles = ask(client, item["language"], item["query"])
        outcomes.append(
            {**item, "results": [keys[item["language"]].get(url, url) for url in urls], "titles": titles}
        )
    return outcomes


# Figures


def scores(outcome):
    expected, results = set(outcome["expected"]), outcome["results"]
    rank = next((index for index, key in enumerate(results, 1) if key in expected), None)
    return {
        "p_at_1": float(bool(results) and results[0] in expected),
        "r_at_5": len(expected & set(results[:5])) / min(len(expected), 5),
        "mrr": 1 / rank if rank else 0.0,
        "zero": float(not results),
    }


def figures(outcomes):
    """The mean of each metric over ``outcomes``, rounded to three places, and their number."""
    result = {"n": len(outcomes)}
    for metric in METRICS:
        total = sum(scores(outcome)[metric] for outcome in outcomes)
        result[metric] = round(total / len(outcomes), 3) if outcomes else 0.0
    return result


def summary(outcomes, kind_names=None):
    """Figures overall, per language and per kind."""
    by_language, by_kind = defaultdict(list), defaultdict(list)
    for outcome in outcomes:
        by_language[outcome["language"]].append(outcome)
        by_kind[outcome["kind"]].append(outcome)
    kind_names = kind_names or sorted(by_kind)
    return {
        "all": figures(outcomes),
        "language": {code: figures(by_language[code]) for code in LANGUAGES if by_language[code]},
        "kind": {name: figures(by_kind[name]) for name in kind_names if by_kind[name]},
    }


def failures(outcomes):
    return [outcome for outcome in outcomes if not scores(outcome)["p_at_1"]]


# The child process: one database, built and asked


def child(database, engines, output, judgements_path):
    import warnings

    import django

    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise: no collectstatic here
    from django.conf import settings

    if database == "postgres":  # our own scratch database on the server: never another run's
        settings.DATABASES["default"]["TEST"] = {"NAME": f"cityco_search_quality_{os.getpid()}"}
    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from home.demo import build_demo
    from search import state

    setup_test_environment()
    start = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    report = {"engines": {}, "skipped": {}, "versions": {}}
    try:
        say(f"  {database}: building the demo content")
        build_demo()
        call_command("update_index", verbosity=0)
        say(f"  {database}: demo built and indexed in {time.perf_counter() - start:.0f} s")
        judgements = load_judgements(judgements_path)
        with connection.cursor() as cursor:
            cursor.execute(
                "select sqlite_version()" if connection.vendor == "sqlite" else "show server_version"
            )
            report["versions"][database] = f"{connection.display_name} {cursor.fetchone()[0].split()[0]}"

        def measure(engine):
            cache.clear()
            state.clear()
            started = time.perf_counter()
            report["engines"][engine] = run_judgements(Client(), judgements)
            say(f"  {engine}: {len(judgements)} queries in {time.perf_counter() - started:.0f} s")

        if database in engines:
            measure(database)
        if "emulator" in engines:
            emulator(measure, report)
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    Path(output).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def emulator(measure, report):
    """The Elasticsearch layout on osmem-server, as tests/search/conftest.py configures it."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    from search.backends.elasticsearch import breaker

    try:
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
    except Exception as error:  # whatever the cause: no emulator figures, said why
        report["skipped"]["emulator"] = f"osmem-server did not start: {error}"
        say(f"  emulator: skipped, {report['skipped']['emulator']}")
        return
    try:
        from tests.search.conftest import elasticsearch_backends

        backends = elasticsearch_backends(server.url, prefix="quality_", timeout=10.0)
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            for name in backends:
                if name != "database":  # the fallback: the database, indexed already
                    call_command("update_index", backend_name=name, verbosity=0)
            breaker.reset()
            package = importlib.metadata.version("osmem-server")
            report["versions"]["emulator"] = f"osmem-server {package}, answering as version {server.version}"
            measure("emulator")
    except Exception as error:  # the database's figures still count; the cause is printed
        traceback.print_exc()
        report["skipped"]["emulator"] = f"failed: {type(error).__name__}: {str(error)[:200]}"
    finally:
        server.close()


# The parent process: databases in children, figures side by side


def postgres_url():
    """The PostgreSQL server to use and why not, as (url, reason)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        url = DEFAULT_POSTGRES
    try:
        import psycopg

        parts = urlsplit(url)
        psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password,
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except Exception as error:  # unreachable, refused, no such role: skipped, said why
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return url, f"{urlsplit(url).hostname}:{urlsplit(url).port or 5432} not reachable ({reason})"
    return url, None


def run_child(database, engines, tmp, judgements_path):
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    env["PYTHONHASHSEED"] = "0"
    if database == "postgres":
        env["DATABASE_URL"] = postgres_url()[0]
    output = Path(tmp) / f"{database}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", database, "--output", str(output)]
    command += ["--engines", ",".join(engines), "--judgements", str(judgements_path)]
    completed = subprocess.run(command, cwd=BASE_DIR, env=env, timeout=CHILD_TIMEOUT, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"the {database} run failed (exit {completed.returncode}); see above")
    return json.loads(output.read_text(encoding="utf-8"))


def fmt(value):
    return f"{value:.2f}"


def print_table(report, kind_names):
    engines = [engine for engine in ENGINES if engine in report["engines"]]
    summaries = {engine: report["engines"][engine]["figures"] for engine in engines}
    width = 4 * 6 - 1
    say()
    say(f"{'':<16}{'':>4} " + " ".join(f"| {engine:^{width}} " for engine in engines))
    header = " ".join(f"{METRIC_LABELS[metric]:>5}" for metric in METRICS)
    say(f"{'':<16}{'n':>4} " + " ".join(f"| {header} " for _engine in engines))
    groups = [("all", "all", None)]
    groups += [(code, "language", code) for code in LANGUAGES]
    groups += [(name, "kind", name) for name in kind_names]
    for label, section, key in groups:
        if section != "all" and key not in summaries[engines[0]][section]:
            continue
        if label in (LANGUAGES[0], kind_names[0]):
            say()
        cells = []
        for engine in engines:
            data = summaries[engine]["all"] if key is None else summaries[engine][section][key]
            cells.append("| " + " ".join(f"{fmt(data[metric]):>5}" for metric in METRICS) + " ")
        count = (summaries[engines[0]]["all"] if key is None else summaries[engines[0]][section][key])["n"]
        say(f"{label:<16}{count:>4} " + " ".join(cells))


def print_failures(report):
    for engine in ENGINES:
        if engine not in report["engines"]:
            continue
        failed = failures(report["engines"][engine]["queries"])
        say()
        say(f"Failing queries on {engine} ({len(failed)}): the first result is not an expected page")
        for outcome in failed:
            first = (
                f"{outcome['titles'][0]}  [{outcome['results'][0]}]" if outcome["results"] else "(no results)"
            )
            say(f"  {outcome['language']}  {outcome['kind']:<15}{outcome['query']!r:<36} -> {first}")


def print_comparison(report, before_path):
    before = json.loads(Path(before_path).read_text(encoding="utf-8"))
    say()
    say(f"Compared with {before_path} (commit {before.get('commit', '?')}):")
    for engine in ENGINES:
        if engine not in report["engines"] or engine not in before.get("engines", {}):
            continue
        old, new = before["engines"][engine], report["engines"][engine]
        changes = " ".join(
            f"{METRIC_LABELS[m]} {fmt(old['figures']['all'][m])}->{fmt(new['figures']['all'][m])}"
            for m in METRICS
        )
        say(f"  {engine}: {changes}")
        passed_before = {(o["language"], o["query"]) for o in old["queries"] if scores(o)["p_at_1"]}
        passed_now = {(o["language"], o["query"]) for o in new["queries"] if scores(o)["p_at_1"]}
        for label, items in (
            ("now first", passed_now - passed_before),
            ("no longer first", passed_before - passed_now),
        ):
            if items:
                say(
                    f"    {label}: " + ", ".join(f"{language} {query!r}" for language, query in sorted(items))
                )


def git_state():
    def git(*args):
        try:
            return subprocess.run(
                ["git", *args], cwd=BASE_DIR, capture_output=True, text=True, timeout=30, check=False
            ).stdout.strip()
        except OSError:
            return ""

    return git("rev-parse", "--short", "HEAD") or "unknown", bool(git("status", "--porcelain"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("sqlite", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    parser.add_argument("--judgements", default=str(JUDGEMENTS), help="the judged set (default: the tuned one)")
    parser.add_argument("--engines", default=os.environ.get("SEARCH_QUALITY_ENGINES", ",".join(ENGINES)))
    parser.add_argument("--compare", help="an earlier search-quality.json to compare with")
    args = parser.parse_args()
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise SystemExit(f"unknown engines: {', '.join(sorted(unknown))} (known: {', '.join(ENGINES)})")
    if args.child:
        sys.path.insert(0, str(BASE_DIR))
        return child(args.child, engines, args.output, args.judgements)

    started = time.perf_counter()
    tmp = tempfile.TemporaryDirectory(prefix="search-quality-")
    judgements_path = Path(tmp.name) / "judgements.json"
    source = Path(args.judgements).resolve()
    judgements_path.write_bytes(source.read_bytes())  # the children read this copy: one set per run
    judgements = load_judgements(judgements_path)
    kind_names = kinds(judgements_path)
    commit, dirty = git_state()
    say(f"Search quality: {len(judgements)} judged queries ({source.name}), commit {commit}")
    report = {
        "commit": commit,
        "worktree_changed": dirty,
        "judgements_sha256": hashlib.sha256(judgements_path.read_bytes()).hexdigest(),
        "engines": {},
        "skipped": {},
        "versions": {},
    }
    databases = []
    if "sqlite" in engines or "emulator" in engines:
        databases.append(("sqlite", [engine for engine in engines if engine in ("sqlite", "emulator")]))
    if "postgres" in engines:
        _url, reason = postgres_url()
        if reason:
            report["skipped"]["postgres"] = reason
            say(f"  postgres: skipped, {reason}")
        else:
            databases.append(("postgres", ["postgres"]))
    with tmp:
        for database, measured in databases:
            result = run_child(database, measured, tmp.name, judgements_path)
            report["skipped"].update(result["skipped"])
            report["versions"].update(result["versions"])
            for engine, outcomes in result["engines"].items():
                report["engines"][engine] = {"figures": summary(outcomes, kind_names), "queries": outcomes}
    if not report["engines"]:
        raise SystemExit("no engine could be measured")

    say()
    for engine in ENGINES:
        if engine in report["engines"]:
            on = " (pages of the SQLite build)" if engine == "emulator" else ""
            say(f"  {engine:<9} {report['versions'].get(engine, '')}{on}")
        elif engine in report["skipped"]:
            say(f"  {engine:<9} skipped: {report['skipped'][engine]}")
    print_table(report, kind_names)
    print_failures(report)
    if args.compare:
        print_comparison(report, args.compare)
    results = RESULTS_DIR / ("search-quality.json" if source == JUDGEMENTS else f"search-quality-{source.stem}.json")
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    say()
    say(f"Written to {results.relative_to(BASE_DIR)} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
