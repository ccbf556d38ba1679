"""The site under Redis faults, measured: gunicorn on the bench data set (``bench.py``) with its
cache in a Redis this script starts, stops and freezes itself (own port, own folder; never the
machine's shared one).

    .venv/bin/python benchmarks/cache_faults.py      # about five minutes with the data set built

1. Redis answering, page cache off: the uncached throughput of three pages (the reference).
2. Page cache on, Redis refusing connections (stopped): the same pages' throughput, and the lines
   the workers logged (one per worker and outage, no tracebacks).
3. Redis hung (SIGSTOP): the slowest of sequential requests to each page.
4. Redis back with its old data after a news item was published while it was hung: how many of
   the responses of the item's page, the news index and the home page still show the old title.

Targets (issue J): 2 keeps at least half of 1; 3 waits at most 250 ms for Redis (the slowest
request minus the median with Redis answering); 4 has no stale response. The tests in
``tests/test_cache_faults.py`` assert the behaviour; this prints the figures.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))

import bench  # noqa: E402  (the data set, the environment, wrk)

from tests.gunicorn import Gunicorn  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402
from website.cache import PAUSE_SECONDS  # noqa: E402  (how long a worker leaves Redis alone after a failure)

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
SEQUENTIAL = 20
PAGES = ("/en/", "/en/programmes/icp-agir/", "/en/news/")


def throughput(server):
    figures = {}
    for path in PAGES:
        for _ in range(8):
            bench.http_get(server.base + path)
        figures[path] = bench.wrk(server.base + path, SECONDS)
    return figures


def sequential(server, path):
    """The times of ``SEQUENTIAL`` requests to ``path`` one after another, in ms, and their statuses."""
    times, statuses = [], set()
    for _ in range(SEQUENTIAL):
        start = time.perf_counter()
        status, _headers, _body = bench.http_get(server.base + path, timeout=30)
        times.append((time.perf_counter() - start) * 1000)
        statuses.add(status)
    return times, statuses


def publish_news_title(env, title):
    """Publish the latest English news item (first on the news index and the home page) under a
    new title, from another process (an editor's)."""
    code = (
        "from news.models import NewsPage\n"
        "page = NewsPage.objects.live().filter(locale__language_code='en').order_by('-date', '-pk').first()\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print(page.get_url())\n"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=env,
        cwd=bench.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


def log_lines(path):
    text = Path(path).read_text()
    return sum("not answering" in line for line in text.splitlines()), text.count("Traceback")


def main():
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is missing (apt-get install redis-server)")
    tmp = Path(tempfile.mkdtemp(prefix="cityco-faults-"))
    redis = RedisServer(tmp)
    servers = []
    try:
        env = bench.scratch_environment(tmp)
        print("Data set")
        bench.build_database(env, tmp)
        redis.start()
        env.update(
            REDIS_URL=f"redis://127.0.0.1:{redis.port}/0", CACHE_KEY_PREFIX="faults", LOG_LEVEL="WARNING"
        )
        bench.RESULTS_DIR.mkdir(parents=True, exist_ok=True)

        def start(page_cache, name):
            server = Gunicorn(
                {**env, "PAGE_CACHE_ENABLED": page_cache},
                bench.RESULTS_DIR / name,
                900,
                workers=bench.WORKERS,
            )
            servers.append(server)
            return server.wait_until_ready()

        uncached = start("0", "faults-uncached.log")
        reference = throughput(uncached)
        answering = {path: statistics.median(sequential(uncached, path)[0]) for path in PAGES}
        uncached.stop()

        cached = start("1", "faults-cached.log")
        on = throughput(cached)
        redis.stop()
        refused = throughput(cached)
        refused_lines, refused_tracebacks = log_lines(cached.log_path)

        redis.start()  # empty: as after a restart without persistence
        time.sleep(PAUSE_SECONDS + 1)
        for path in PAGES:
            bench.http_get(cached.base + path)
        redis.freeze()
        hung = {path: sequential(cached, path) for path in PAGES}
        news_path = publish_news_title(env, "Fault drill: published while Redis was hung")
        redis.thaw()
        time.sleep(PAUSE_SECONDS + 1)
        checked = stale = 0
        stale_paths = set()
        for path in ("/en/", "/en/news/", urlsplit(news_path).path):
            for _ in range(50):
                status, _headers, body = bench.http_get(cached.base + path)
                checked += 1
                if status != 200 or b"Fault drill: published while Redis was hung" not in body:
                    stale_paths.add(path)
                    stale += 1
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"\n{SECONDS} s of wrk per page, {bench.CONCURRENCY} connections, {bench.WORKERS} sync workers;"
        " SQLite bench data set"
    )
    print(f"{'page':32} {'uncached':>9} {'cached':>9} {'refused':>9} {'share':>7}")
    for path in PAGES:
        share = refused[path]["rps"] / reference[path]["rps"]
        print(
            f"{path:32} {reference[path]['rps']:9.1f} {on[path]['rps']:9.1f} {refused[path]['rps']:9.1f}"
            f" {share:7.0%} {'✓' if share >= 0.5 else '✗'}"
        )
    print(f"Redis refusing: {refused_lines} log lines, {refused_tracebacks} tracebacks in the workers' log")
    print(f"Redis hung, the slowest of {SEQUENTIAL} sequential requests (the median with Redis answering):")
    for path in PAGES:
        times, statuses = hung[path]
        wait = max(times) - answering[path]
        print(
            f"  {path:30} {max(times):7.1f} ms ({answering[path]:.1f} ms), statuses {sorted(statuses)},"
            f" waited for Redis at most {max(wait, 0):.0f} ms {'✓' if wait <= 250 else '✗'}"
        )
    print(
        f"Redis back with its old data: {stale} of {checked} responses stale"
        f" {'✓' if not stale else '✗ ' + ', '.join(sorted(stale_paths))}"
    )


if __name__ == "__main__":
    main()
