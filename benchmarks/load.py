"""`make load`: a minute of traffic on the demo site under gunicorn; prints requests/s and p99.

    make load                                   # 60 s at 16 connections
    LOAD_SECONDS=10 LOAD_CONCURRENCY=4 make load  # a quick look

The site is the one the browser tests use (``tests/e2e/server.py``): production settings
(``SECURE_HTTPS=off``, the page cache on), a scratch SQLite database with the demo content in
four languages, static files collected, gunicorn with ``LOAD_WORKERS`` workers (2, as
``make run``) on a free port of 127.0.0.1. Debian's ``wrk`` (installed with apt-get when missing)
sends a mix of public addresses in every language, one after another from a Lua script: pages
of every type, the city directory with filters, search, suggestions, a feed, the open-data API
and a calendar file. Pages are answered from the page cache after their first request; search,
filtered listings and the API are rendered every time.

It fails (exit 1) on any error: a connection error, a timeout or any status other than 200.
Traffic goes only to 127.0.0.1; wrk and gunicorn are bounded in time and stopped at the end.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.e2e.server import DemoSite  # noqa: E402

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
THREADS = int(os.environ.get("LOAD_THREADS", "1"))  # 1: gunicorn's sync workers, as `make run`
WRK_THREADS = int(os.environ.get("LOAD_WRK_THREADS", "2"))
LANGUAGES = ["en", "ca", "pl", "el"]

# The page types of the mix, and how many of each per language (the first N of that type).
MIX = {
    "home.HomePage": 3,
    "programmes.ProgrammeIndexPage": 1,
    "programmes.ProgrammePage": 2,
    "programmes.CallPage": 1,
    "programmes.TrainingModulePage": 1,
    "cities.CityIndexPage": 2,
    "cities.CityPage": 3,
    "cities.PartnershipIndexPage": 1,
    "cities.PartnershipPage": 2,
    "news.NewsIndexPage": 1,
    "news.NewsPage": 2,
    "home.StandardPage": 1,
}

LUA = """
-- Each connection walks the list of addresses from its own starting point.
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS_FILE")) do paths[#paths + 1] = line end
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  counter = id * 7
  failures = 0
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failures") end
  io.write(string.format("NOT_200 %d\\n", total))
  io.write(string.format("P99_US %d\\n", latency:percentile(99)))
  io.write(string.format("P50_US %d\\n", latency:percentile(50)))
end
"""


def say(text=""):
    print(text, flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    say("  installing wrk (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        subprocess.run(cmd, timeout=600, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return bool(shutil.which("wrk"))


def mix_paths(site):
    paths = []
    for language in LANGUAGES:
        by_type = {}
        for page_type, path, _id, _title in site.pages(language):
            by_type.setdefault(page_type, []).append(path)
        for page_type, count in MIX.items():
            paths += by_type.get(page_type, [])[:count]
        cities = by_type["cities.CityIndexPage"][0]
        news = by_type["news.NewsIndexPage"][0]
        programmes = by_type["programmes.ProgrammeIndexPage"][0]
        paths += [
            f"{cities}?region=europe",
            f"{cities}?looking=1&sort=-population",
            f"{cities}?page=2",
            f"/{language}/search/?q=IURC",
            f"/{language}/search/?q=" + urllib.parse.quote("city partnership"),
            f"/{language}/search/suggest/?q=pa",
            f"{news}feed/rss/",
            f"{programmes}calendar.ics",
            f"/api/v2/cities/?locale={language}&limit=20",
        ]
    return paths


def main():
    if not ensure_wrk():
        raise SystemExit("wrk is not installed and apt-get could not install it")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cityco-load-") as folder:
        site = DemoSite(Path(folder), workers=WORKERS, threads=THREADS, log=say)
        say("Building the demo site (production settings, SQLite)")
        site.build()
        site.start(budget_seconds=SECONDS + 600)
        try:
            paths = mix_paths(site)
            say(f"Warming {len(paths)} addresses (each must answer 200)")
            for path in paths:
                status, _body = site.get(path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
            paths_file = Path(folder) / "paths.txt"
            paths_file.write_text("\n".join(paths) + "\n")
            script = Path(folder) / "mix.lua"
            script.write_text(LUA)
            say(f"wrk: {SECONDS} s, {CONCURRENCY} connections, {len(paths)} addresses in four languages")
            cmd = [
                "wrk",
                f"-t{min(WRK_THREADS, CONCURRENCY)}",
                f"-c{CONCURRENCY}",
                f"-d{SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                site.base,
            ]
            result = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                timeout=SECONDS + 120,
                env={**os.environ, "LOAD_PATHS_FILE": str(paths_file)},
            )
            out = result.stdout
            if result.returncode != 0 or "Requests/sec" not in out:
                raise SystemExit(f"wrk failed (exit {result.returncode}):\n{out}\n{result.stderr}")
        finally:
            site.stop()
        server_errors = len(re.findall(r"\[ERROR\]|Traceback", site.gunicorn_log()))

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    not_200 = int(re.search(r"NOT_200 (\d+)", out).group(1))
    p99 = int(re.search(r"P99_US (\d+)", out).group(1)) / 1000
    p50 = int(re.search(r"P50_US (\d+)", out).group(1)) / 1000
    socket_errors = 0
    found = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if found:
        socket_errors = sum(int(n) for n in found.groups())
    errors = not_200 + socket_errors
    say()
    say(f"requests:   {requests} in {SECONDS} s at concurrency {CONCURRENCY} ({WORKERS} gunicorn workers)")
    say(f"requests/s: {rps:.1f}")
    say(f"latency:    p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    say(
        f"errors:     {errors} (status other than 200: {not_200}; connection errors and timeouts: {socket_errors})"
    )
    say(f"server log: {server_errors} errors")
    say(f"(whole run {time.monotonic() - started:.0f} s)")
    if errors or server_errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
