"""`make bench`: the public pages under gunicorn, with and without the page cache, at scale.

    make bench                                  # everything, about a quarter of an hour
    BENCH_SECONDS=3 BENCH_LIGHTHOUSE=0 make bench  # a quick look

What it does (benchmarks/README.md has the details and the targets):

1. Builds a scratch database: migrations, the demo content (``manage.py load_demo``), then
   1,000 cities, 300 partnerships and 2,000 news pages (``benchmarks/build_data.py``). SQLite in
   a temporary folder, or ``DATABASE_URL`` when given (it is then used as the scratch database).
2. Collects the static files with whitenoise's compressed manifest storage into a temporary
   ``STATIC_ROOT``, as a release would.
3. Counts the SQL queries of each URL in this process (Django's test client and
   ``CaptureQueriesContext``) and measures the HTML, raw and gzip-compressed.
4. Starts gunicorn as production would (production settings, ``SECURE_HTTPS=off``, 127.0.0.1 on a
   free port, ``BENCH_WORKERS`` sync workers) twice: ``PAGE_CACHE_ENABLED=0``, then ``=1`` with every
   URL warmed first. Each time wrk loads a static file (the ceiling: whitenoise in the same
   gunicorn) and then each URL for ``BENCH_SECONDS`` at ``BENCH_CONCURRENCY`` connections.
5. Runs Lighthouse (mobile) on four pages unless ``BENCH_LIGHTHOUSE=0``.

Every process it starts is bounded in time and stopped at the end; traffic goes only to 127.0.0.1.
The table is also written to ``benchmarks/.results/`` with the SQL of every URL.
"""

import gzip
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "benchmarks"
RESULTS_DIR = BENCH_DIR / ".results"
NODE_DIR = BENCH_DIR / ".node"
CACHE_DIR = BENCH_DIR / ".cache"
LIGHTHOUSE_VERSION = "12.8.2"
VENV_BIN = Path(sys.executable).parent

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
WRK_THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
OTHER_LANGUAGE = os.environ.get("BENCH_LANGUAGE", "el")
LIGHTHOUSE = os.environ.get("BENCH_LIGHTHOUSE", "1") not in ("0", "off", "no", "false")
KEEP = os.environ.get("BENCH_KEEP", "0") not in ("0", "off", "no", "false")
REBUILD = os.environ.get("BENCH_REBUILD", "0") not in ("0", "off", "no", "false")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

# Targets, printed next to the figures.
UNCACHED_MIN_SHARE = 0.04  # of the static ceiling
UNCACHED_MAX_QUERIES = 10
CACHED_MIN_SHARE = 0.50
TAIL_FACTOR = 4  # p99 < 4 × p50
# The first request of a page after a change (a news item published), in process, page cache off.
AFTER_CHANGE_MAX_QUERIES = 12
AFTER_CHANGE_MAX_MS = 30
AFTER_CHANGE_ROUNDS = 5

SEARCH_WORDS = {"en": "energy", "ca": "energia", "pl": "energia", "el": "ενέργεια"}
LIGHTHOUSE_PAGES = ("home", "programme", "city directory", "partnership")

_started = []  # processes to stop on exit


def say(text=""):
    print(text, flush=True)


def run(cmd, env, timeout, label, quiet=True):
    """Run a command to completion (bounded), failing loudly with its output."""
    started = time.monotonic()
    result = subprocess.run(
        cmd,
        env=env,
        cwd=BASE_DIR,
        timeout=timeout,
        text=True,
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.STDOUT if quiet else None,
    )
    if result.returncode != 0:
        if quiet:
            say(result.stdout[-4000:])
        raise SystemExit(f"{label} failed (exit {result.returncode})")
    say(f"  {label}: {time.monotonic() - started:.0f} s")
    return result.stdout or ""


def apt_install(package, binary):
    if shutil.which(binary) or Path(binary).exists():
        return True
    say(f"  installing {package} (apt-get)")
    for cmd in (
        ["apt-get", "install", "-y", "-q", package],
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", package],
    ):
        subprocess.run(
            cmd,
            timeout=600,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        if shutil.which(binary) or Path(binary).exists():
            return True
    return False


def http_get(url, headers=None, timeout=30):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  (127.0.0.1 only)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# The scratch database and the environment every process shares.


def scratch_environment(tmp):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "REDIS_URL", "ELASTICSEARCH_URL")}
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'bench.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_HTTPS="off",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        PAGE_CACHE_GENERATION_FILE=str(tmp / "page-cache-generation"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(BASE_DIR),
    )
    if os.environ.get("BENCH_REDIS_URL"):  # optional: the cache in Redis (a database you can flush)
        env.update(REDIS_URL=os.environ["BENCH_REDIS_URL"], CACHE_KEY_PREFIX=f"bench{os.getpid()}")
    return env


# What the data set is made from: a change to any of these files builds it anew.
DATA_SOURCES = (
    "requirements.txt",
    "*/migrations/*.py",
    "*/models.py",
    "*/models/*.py",
    "*/factories.py",
    "*/demo.py",
    "*/demo/*",
    "home/management/commands/load_demo.py",
    "benchmarks/build_data.py",
)


def data_fingerprint():
    digest = hashlib.sha256()
    for pattern in DATA_SOURCES:
        for path in sorted(BASE_DIR.glob(pattern)):
            if path.is_file() and ".venv" not in path.parts:
                digest.update(path.relative_to(BASE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in ("BENCH_CITIES", "BENCH_PARTNERSHIPS", "BENCH_NEWS"):
        digest.update(f"{name}={os.environ.get(name, '')}".encode())
    return digest.hexdigest()[:16]


def build_database(env, tmp):
    """Migrations, demo content and the scaled data; then the static files.

    On SQLite the built database is kept in ``benchmarks/.cache/`` and copied for the next runs
    while the files it is made from are unchanged (``BENCH_REBUILD=1`` builds it anew).
    """
    python = sys.executable
    sqlite = "DATABASE_URL" not in os.environ
    cached = CACHE_DIR / f"bench-{data_fingerprint()}.sqlite3"
    if sqlite and cached.exists() and not REBUILD:
        shutil.copyfile(cached, tmp / "bench.sqlite3")
        say(
            f"  reusing the data set built before: benchmarks/.cache/{cached.name} (BENCH_REBUILD=1 to rebuild)"
        )
        run([python, "manage.py", "migrate", "--noinput", "-v0"], env, 900, "migrate")
    else:
        run([python, "manage.py", "migrate", "--noinput", "-v0"], env, 900, "migrate")
        run([python, "manage.py", "load_demo", "--no-admin"], env, 1800, "load_demo")
        out = run([python, str(BENCH_DIR / "build_data.py")], env, 3600, "scaled data (build_data.py)")
        say("    " + out.strip().splitlines()[-1])
        if sqlite:
            CACHE_DIR.mkdir(exist_ok=True)
            for old in CACHE_DIR.glob("bench-*.sqlite3"):
                old.unlink()
            shutil.copyfile(tmp / "bench.sqlite3", cached)
    run([python, "manage.py", "collectstatic", "--noinput", "-v0"], env, 600, "collectstatic")


# The URLs, their SQL and their size, measured in this process.


@dataclass
class Target:
    name: str
    language: str
    path: str
    cached_by_design: bool = True
    status: int = 0
    queries: int = 0
    queries_cold: int = 0
    after_change_queries: int = 0
    after_change_ms: float = 0.0
    cpu_ms: float = 0.0
    sql: list = field(default_factory=list)
    raw: int = 0
    gzipped: int = 0
    runs: dict = field(default_factory=dict)  # "off"/"on" -> wrk figures
    cache_header: str = ""


def page_path(page):
    url = page.get_url()
    path = urllib.parse.urlsplit(url).path if url else None
    return urllib.parse.quote(path, safe="/%") if path else None


def pick_targets():
    from wagtail.models import Locale

    from cities.models import CityIndexPage, CityPage, PartnershipPage
    from home.models import HomePage
    from news.models import NewsIndexPage
    from programmes.models import ProgrammePage, TrainingModulePage

    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.live().get(locale=english)

    def first(model, **filters):
        return model.objects.live().filter(locale=english, **filters).order_by("path").first()

    partnership = first(PartnershipPage)
    first_link = partnership.partner_cities.select_related("city").first() if partnership else None
    # Partner cities point at the source-language city (synchronised); take its English page.
    city = first_link.city.get_translation_or_none(english) if first_link else None
    pages = {
        "home": home,
        "programme": first(ProgrammePage, depth=home.depth + 2),
        "partnership": partnership,
        "city": city if city is not None and city.live else first(CityPage),
        "city directory": first(CityIndexPage),
        "news index": first(NewsIndexPage),
        "training module": first(TrainingModulePage),
    }
    targets = []
    for language in ("en", OTHER_LANGUAGE):
        locale = Locale.objects.get(language_code=language)
        for name, page in pages.items():
            if page is None:
                say(f"  no {name} page in the data: skipped")
                continue
            if language != "en":
                page = page.get_translation_or_none(locale)
                if page is None or not page.live:
                    say(f"  the {name} page has no live {language} translation: skipped")
                    continue
            targets.append(Target(name, language, page_path(page)))
        query = urllib.parse.quote(SEARCH_WORDS.get(language, "energy"))
        targets.append(Target("search", language, f"/{language}/search/?q={query}", cached_by_design=False))
    return targets


def measure_in_process(targets):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # One client, so the middleware is loaded once as in a gunicorn worker (whitenoise scans
    # every static file when it starts); its cookies are cleared before each request, as wrk
    # sends none.
    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        client.cookies.clear()
        return client.get(path)

    for target in targets:
        cache.clear()
        target.status = get(target.path).status_code  # warm-up
        origins = []
        with (
            CaptureQueriesContext(connection) as context,
            connection.execute_wrapper(OriginRecorder(origins)),
        ):
            response = get(target.path)
        target.queries = len(context.captured_queries)
        target.sql = [
            (query["sql"], origin) for query, origin in zip(context.captured_queries, origins, strict=False)
        ]
        timings = []
        for _ in range(5):
            cpu = time.process_time()
            get(target.path)
            timings.append((time.process_time() - cpu) * 1000)
        target.cpu_ms = statistics.median(timings)
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            get(target.path)
        target.queries_cold = len(context.captured_queries)
        body = b"".join(response) if response.streaming else response.content
        target.raw = len(body)
        target.gzipped = len(gzip.compress(body, compresslevel=6, mtime=0))
    measure_after_a_change(targets, get)


def measure_after_a_change(targets, get):
    """For each page: a news item published (the most frequent change), then the page's first
    request, with what the change made stale rebuilt (website/derived.py). The most queries and
    the median wall time of ``AFTER_CHANGE_ROUNDS`` rounds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from news.models import NewsPage

    news_pk = NewsPage.objects.live().order_by("-pk").values_list("pk", flat=True).first()
    for target in targets:
        counts, times = [], []
        for round_number in range(AFTER_CHANGE_ROUNDS):
            get(target.path)
            news = NewsPage.objects.get(pk=news_pk)
            news.title = f"{news.title.split(' · ')[0]} · {target.name} {round_number}"
            news.save_revision().publish()
            with CaptureQueriesContext(connection) as context:
                start = time.perf_counter()
                get(target.path)
                times.append((time.perf_counter() - start) * 1000)
            counts.append(len(context.captured_queries))
        target.after_change_queries = max(counts)
        target.after_change_ms = statistics.median(times)


class OriginRecorder:
    """A database execute wrapper noting where each query comes from."""

    def __init__(self, origins):
        self.origins = origins

    def __call__(self, execute, sql, params, many, context):
        self.origins.append(query_origin())
        return execute(sql, params, many, context)


PASS_THROUGH = ("website/pagecache.py", "website/middleware.py")  # on every request's stack


def query_origin():
    """Where a query comes from: the innermost project code or template tag on the stack, else
    the innermost Wagtail or Django code outside the ORM."""
    packages = str(Path(sys.prefix))
    framework = None
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        where = f"{frame.f_lineno} {frame.f_code.co_name}()"
        if filename.startswith(str(BASE_DIR)) and not filename.startswith((packages, str(BENCH_DIR))):
            relative = Path(filename).relative_to(BASE_DIR).as_posix()
            if relative not in PASS_THROUGH:
                return f"{relative}:{where}"
        elif frame.f_code.co_name == "render_annotated":
            node = frame.f_locals.get("self")
            origin, token = getattr(node, "origin", None), getattr(node, "token", None)
            if origin is not None and token is not None and origin.template_name:
                return f"template {origin.template_name}:{token.lineno} {{% {token.contents[:50]} %}}"
        elif framework is None and "/django/db/" not in filename and "site-packages/" in filename:
            framework = filename.split("site-packages/", 1)[1] + ":" + where
        frame = frame.f_back
    return framework or "?"


def find_static_file(targets):
    """The site's stylesheet, as the home page links it (a hashed, compressed whitenoise file)."""
    from django.test import Client

    html = Client(HTTP_HOST="127.0.0.1").get(targets[0].path).content.decode()
    links = re.findall(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"', html) + re.findall(
        r'<link[^>]+href="([^"]+\.css)"', html
    )
    if not links:
        raise SystemExit("The home page links no stylesheet to use as the static ceiling.")
    return links[0]


# gunicorn and wrk.


class Server:
    """gunicorn as production runs it, the page cache on or off (tests/gunicorn.py)."""

    def __init__(self, env, page_cache, budget, log_path):
        from tests.gunicorn import Gunicorn, GunicornError

        env = {**env, "PAGE_CACHE_ENABLED": "1" if page_cache else "0"}
        self.gunicorn = Gunicorn(env, log_path, budget, workers=WORKERS)
        self.port, self.base = self.gunicorn.port, self.gunicorn.base
        _started.append(self)
        try:
            self.gunicorn.wait_until_ready()
        except GunicornError as error:
            raise SystemExit(f"{error}\n(see {log_path})") from None

    def stop(self):
        self.gunicorn.stop()
        if self in _started:
            _started.remove(self)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)$", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds=SECONDS):
    cmd = [
        "wrk",
        f"-t{min(WRK_THREADS, CONCURRENCY)}",
        f"-c{CONCURRENCY}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-H",
        "Accept-Encoding: gzip, deflate",
        url,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    figures["p50"] = _ms(latency["50"]) if "50" in latency else float("nan")
    figures["p99"] = _ms(latency["99"]) if "99" in latency else float("nan")
    errors = 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        errors += int(non_2xx.group(1))
    figures["errors"] = errors
    figures["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    return figures


def warm(server, target):
    """A few requests first, so every worker has compiled its templates and, with the page
    cache on, holds the page (each worker has its own local-memory cache)."""
    url = server.base + target.path
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(lambda _n: http_get(url), range(WORKERS * 4)))
    _status, headers, _body = http_get(url)
    return headers.get("X-Page-Cache", "none")


def load_test(env, targets, static_path, page_cache, budget):
    mode = "on" if page_cache else "off"
    say(f"\ngunicorn, {WORKERS} sync workers, PAGE_CACHE_ENABLED={int(page_cache)}")
    server = Server(env, page_cache, budget, RESULTS_DIR / f"gunicorn-cache-{mode}.log")
    try:
        status, _headers, body = http_get(server.base + static_path)
        if status != 200:
            raise SystemExit(f"The static file {static_path} answered {status}")
        static = wrk(server.base + static_path)
        static["bytes"] = len(body)
        say(f"  static ceiling {static_path}: {static['rps']:,.0f} req/s")
        for target in targets:
            if target.status != 200:
                continue
            header = warm(server, target)
            if page_cache:
                target.cache_header = header
            figures = wrk(server.base + target.path)
            target.runs[mode] = figures
            say(f"  {target.name} ({target.language}): {figures['rps']:,.1f} req/s")
        return static
    finally:
        server.stop()


# Lighthouse.


def lighthouse_binary():
    binary = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        say("  npm not found: Lighthouse skipped")
        return None
    say(f"  installing lighthouse@{LIGHTHOUSE_VERSION} into benchmarks/.node (npm)")
    result = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(NODE_DIR),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        timeout=900,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not binary.exists():
        say("  npm install failed: Lighthouse skipped\n" + result.stderr[-2000:])
        return None
    return binary


def run_lighthouse(env, targets, budget):
    binary = lighthouse_binary()
    if binary is None or not apt_install("chromium", CHROME_PATH):
        say("  Lighthouse skipped (no lighthouse or no chromium)")
        return []
    pages = [t for t in targets if t.language == "en" and t.name in LIGHTHOUSE_PAGES and t.status == 200]
    say(f"\nLighthouse {LIGHTHOUSE_VERSION} (mobile), gunicorn with the page cache on")
    server = Server(env, True, budget, RESULTS_DIR / "gunicorn-lighthouse.log")
    results = []
    try:
        for target in pages:
            out = RESULTS_DIR / f"lighthouse-{target.name.replace(' ', '-')}.json"
            cmd = [
                str(binary),
                server.base + target.path,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--max-wait-for-load=30000",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                "--disable-background-networking --disable-component-update --no-first-run",
            ]
            started = time.monotonic()
            try:
                subprocess.run(
                    cmd,
                    env={**os.environ, "CHROME_PATH": CHROME_PATH},
                    timeout=180,
                    capture_output=True,
                    start_new_session=True,
                )
                report = json.loads(out.read_text())
            except (subprocess.TimeoutExpired, OSError, ValueError) as error:
                say(f"  {target.name}: failed ({error.__class__.__name__})")
                continue
            scores = {key: cat["score"] for key, cat in report["categories"].items()}
            failed = [
                audit_id
                for audit_id, audit in report["audits"].items()
                if audit.get("score") is not None
                and audit["score"] < 0.9
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            ]
            results.append((target, scores, failed))
            say(f"  {target.name}: {time.monotonic() - started:.0f} s")
    finally:
        server.stop()
    return results


# The report.


def short_sql(sql):
    """The SQL with long column lists shown as ``…``, so the tables and conditions stand out."""
    return re.sub(r"SELECT (?:DISTINCT )?(?:[^()]|\([^()]*\)){80,}? FROM ", "SELECT … FROM ", sql)


def mark(ok):
    return "✓" if ok else "✗"


def report(targets, statics, lighthouse, settings_line):
    lines = [settings_line, ""]
    for mode, static in statics.items():
        lines.append(
            f"Static ceiling (page cache {mode} run): {static['path']} ({static['bytes']:,} bytes, whitenoise) "
            f"{static['rps']:,.0f} req/s, p50 {static['p50']:.1f} ms, p99 {static['p99']:.1f} ms"
        )
    lines.append("")
    header = (
        f"{'page':<16} {'lang':<4} {'cache':<5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>9} {'err':>4} "
        f"{'SQL (cold)':>12} {'CPU ms':>6} {'HTML B':>8} {'gzip B':>7} {'% static':>10}  note"
    )
    lines += [header, "-" * len(header)]
    met = total = 0
    for target in targets:
        if target.status != 200:
            lines.append(f"{target.name:<16} {target.language:<4} HTTP {target.status} for {target.path}")
            continue
        for mode in ("off", "on"):
            figures = target.runs.get(mode)
            if figures is None:
                continue
            static = statics[mode]["rps"]
            share = figures["rps"] / static
            tail_ok = figures["p99"] < TAIL_FACTOR * figures["p50"]
            checks = [tail_ok]
            if mode == "off":
                share_ok = share >= UNCACHED_MIN_SHARE
                sql_ok = target.queries <= UNCACHED_MAX_QUERIES
                checks += [share_ok, sql_ok]
                sql = f"{target.queries} {mark(sql_ok)} ({target.queries_cold})"
                size = f"{target.cpu_ms:>6.0f} {target.raw:>8,} {target.gzipped:>7,}"
                note = ""
                name, language = target.name, target.language
            else:
                share_ok = share >= CACHED_MIN_SHARE
                sql, size, name, language = "", " " * 23, "", ""
                if target.cached_by_design:
                    checks.append(share_ok)
                    note = "" if target.cache_header == "hit" else f"X-Page-Cache: {target.cache_header}"
                else:
                    note = "not cached by design"
            met += sum(checks)
            total += len(checks)
            share_mark = mark(share_ok) if (mode == "off" or target.cached_by_design) else " "
            lines.append(
                f"{name:<16} {language:<4} {mode:<5} {figures['rps']:>8,.1f} {figures['p50']:>7.1f} "
                f"{figures['p99']:>7.1f} {mark(tail_ok)} {figures['errors']:>4} {sql:>12} {size} "
                f"{share:>8.1%} {share_mark}  {note}"
            )
    lines += [
        "",
        f"Targets: page cache off ≥ {UNCACHED_MIN_SHARE:.0%} of the static ceiling with ≤ {UNCACHED_MAX_QUERIES} "
        f"SQL queries; page cache on ≥ {CACHED_MIN_SHARE:.0%}; p99 < {TAIL_FACTOR} × p50 at concurrency "
        f"{CONCURRENCY}. Met: {met} of {total}.",
        "SQL: queries of one request with the caches warm (in brackets: after cache.clear()); CPU ms: "
        "the bench process's CPU time for one request through Django's test client, page cache off "
        "(median of 5; SQLite's work included, other load on the machine mostly not); HTML B: the page "
        "as sent without compression; gzip B: gzip level 6, as the page cache stores it.",
    ]
    slow = [
        t
        for t in targets
        if t.status == 200
        and (
            t.queries > UNCACHED_MAX_QUERIES
            or ("off" in t.runs and t.runs["off"]["rps"] / statics["off"]["rps"] < UNCACHED_MIN_SHARE)
        )
    ]
    if slow:
        lines += ["", "Pages over the uncached targets, and their SQL (warm caches):"]
        for target in slow:
            lines.append(f"\n{target.name} ({target.language}) {target.path}: {target.queries} queries")
            for n, (sql, origin) in enumerate(target.sql, 1):
                sql = short_sql(sql)
                lines.append(f"  {n:>3}. {origin}\n       {sql[:300]}{'…' if len(sql) > 300 else ''}")
    lines += [
        "",
        f"First request after a news item is published (in this process, page cache off; most SQL "
        f"queries and median wall ms of {AFTER_CHANGE_ROUNDS} rounds). Targets: ≤ {AFTER_CHANGE_MAX_QUERIES} "
        f"queries, ≤ {AFTER_CHANGE_MAX_MS} ms.",
        f"{'page':<16} {'lang':<4} {'SQL':>5} {'ms':>7}",
    ]
    for target in targets:
        if target.status == 200:
            lines.append(
                f"{target.name:<16} {target.language:<4} "
                f"{target.after_change_queries:>3} {mark(target.after_change_queries <= AFTER_CHANGE_MAX_QUERIES)}"
                f"{target.after_change_ms:>7.1f} {mark(target.after_change_ms <= AFTER_CHANGE_MAX_MS)}"
            )
    if lighthouse:
        lines += [
            "",
            f"Lighthouse {LIGHTHOUSE_VERSION}, mobile:",
            f"{'page':<16} {'performance':>11} {'accessibility':>13} {'best-practices':>14} {'SEO':>5}  audits under 0.9",
        ]
        for target, scores, failed in lighthouse:
            shown = {key: "-" if value is None else str(round(value * 100)) for key, value in scores.items()}
            lines.append(
                f"{target.name:<16} {shown.get('performance', '-'):>11} {shown.get('accessibility', '-'):>13} "
                f"{shown.get('best-practices', '-'):>14} {shown.get('seo', '-'):>5}  {', '.join(failed) or '-'}"
            )
    return "\n".join(lines)


def stop_everything(*_args):
    for server in list(_started):
        server.stop()
    if _args:
        raise SystemExit(1)


def main():
    started = time.monotonic()
    load_at_start = os.getloadavg()[0]
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, stop_everything)
    tmp = Path(tempfile.mkdtemp(prefix="cityco-bench-"))
    env = scratch_environment(tmp)
    try:
        say("Tools")
        if not apt_install("wrk", "wrk"):
            raise SystemExit("wrk is missing and could not be installed (apt-get install wrk)")
        say(
            "  wrk: "
            + subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        )
        database = "SQLite in a temporary folder" if "DATABASE_URL" not in os.environ else "DATABASE_URL"
        say(f"\nScratch database ({database})")
        build_database(env, tmp)

        os.environ.update(env)
        os.environ["PAGE_CACHE_ENABLED"] = "0"
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
        from django.db import connection

        say("\nURLs, SQL and HTML size (in this process, Django's test client)")
        targets = pick_targets()
        measure_in_process(targets)
        static_path = find_static_file(targets)
        connection.close()
        for target in targets:
            say(
                f"  {target.name} ({target.language}) {target.path}: HTTP {target.status}, "
                f"{target.queries} queries, {target.cpu_ms:.0f} ms CPU"
            )

        per_run = (len(targets) + 1) * (SECONDS + 10) + 120
        statics = {}
        for page_cache in (False, True):
            mode = "on" if page_cache else "off"
            statics[mode] = load_test(env, targets, static_path, page_cache, per_run)
            statics[mode]["path"] = static_path

        lighthouse = run_lighthouse(env, targets, 300 + 200 * len(LIGHTHOUSE_PAGES)) if LIGHTHOUSE else []
        from gunicorn import __version__ as gunicorn_version

        settings_line = (
            f"make bench: {os.environ.get('BENCH_CITIES', '1000')} cities, "
            f"{os.environ.get('BENCH_PARTNERSHIPS', '300')} partnerships, {os.environ.get('BENCH_NEWS', '2000')} "
            f"news pages + demo content; {connection.vendor}; gunicorn {gunicorn_version}, {WORKERS} sync workers "
            f"on 127.0.0.1, production settings (SECURE_HTTPS=off); wrk {CONCURRENCY} connections, "
            f"{SECONDS} s per URL, Accept-Encoding: gzip; {os.cpu_count()} CPU cores, load average "
            f"{load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
        )
        text = report(targets, statics, lighthouse, settings_line)
        say("\n" + text)
        (RESULTS_DIR / "bench.txt").write_text(text + "\n")
        with open(RESULTS_DIR / "queries.txt", "w") as queries:
            for target in targets:
                queries.write(f"{target.name} ({target.language}) {target.path}: {target.queries} queries\n")
                queries.writelines(f"  [{origin}]\n  {sql}\n" for sql, origin in target.sql)
        say(f"\nmake bench took {time.monotonic() - started:.0f} s; results in benchmarks/.results/")
    finally:
        stop_everything()
        if KEEP:
            say(f"Scratch folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
