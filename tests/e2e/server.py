"""The demo site under gunicorn, as production runs it, for the browser tests and `make load`.

``DemoSite(folder)`` builds a scratch SQLite database in ``folder`` (migrations, then
``manage.py load_demo``: 59 pages in each of en, ca, pl and el), collects the static files with
whitenoise's compressed manifest storage, adds an editor ("Editors (English)") and a translator
("Translators (Polish)") with random passwords, and serves it with gunicorn on a free port of
127.0.0.1 with the production settings (``SECURE_HTTPS=off`` for plain HTTP; the page cache on).

The built database is kept in ``tests/e2e/.cache/`` and copied for the next run while no source
file has changed (the CI runs ``make test`` twice; the second run skips the build).

Nothing here reaches beyond 127.0.0.1; every process is bounded in time and stopped by ``stop()``.
"""

import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.gunicorn import BASE_DIR, Gunicorn, GunicornError

CACHE_DIR = Path(__file__).resolve().parent / ".cache"

# A tile server that does not exist: the browser fixture answers its requests with a blank tile,
# so the map draws without any request leaving the machine.
FAKE_TILE_URL = "http://tiles.invalid/{z}/{x}/{y}.png"

USERS = {
    # username: (group, first name)
    "e2e-editor": ("Editors (English)", "Edith"),
    "e2e-translator": ("Translators (Polish)", "Piotr"),
}


def source_fingerprint():
    """Every file the demo database is made from: any change to the code builds it anew."""
    digest = hashlib.sha256()
    patterns = ("requirements*.txt", "**/*.py")
    skip = {".venv", "tests", "benchmarks", "node_modules", "static", "media", "var"}
    for pattern in patterns:
        for path in sorted(BASE_DIR.glob(pattern)):
            relative = path.relative_to(BASE_DIR)
            if path.is_file() and not (set(relative.parts[:-1]) & skip):
                digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


class DemoSite:
    def __init__(self, folder, workers=2, threads=4, log=print):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.workers = workers
        self.threads = threads
        self.say = log
        self.passwords = {name: secrets.token_urlsafe(16) for name in USERS}
        self.server = None
        self.process = None
        self.port = None
        self.base = None
        self.env = self._environment()

    def _environment(self):
        leave_out = ("DEBUG", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE")
        env = {k: v for k, v in os.environ.items() if k not in leave_out}
        env.update(
            DJANGO_SETTINGS_MODULE="website.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_HTTPS="off",
            REQUIRE_2FA_FOR_EDITORS="off",  # the editors here have no authenticator app
            DATABASE_URL=f"sqlite:///{self.folder / 'db.sqlite3'}",
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=str(self.folder / "media"),
            PAGE_CACHE_GENERATION_FILE=str(self.folder / "page-cache-generation"),
            MAP_TILE_URL=FAKE_TILE_URL,
            LOG_LEVEL="ERROR",
            PYTHONPATH=str(BASE_DIR),
        )
        return env

    def _run(self, args, timeout, label):
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            env=self.env,
            cwd=BASE_DIR,
            timeout=timeout,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{label} failed (exit {result.returncode}):\n{result.stdout[-4000:]}")
        self.say(f"  {label}: {time.monotonic() - started:.0f} s")
        return result.stdout

    def build(self):
        """The database (or its cached copy), the static files and the two editors."""
        database = self.folder / "db.sqlite3"
        cached = CACHE_DIR / f"demo-{source_fingerprint()}.sqlite3"
        if cached.exists():
            shutil.copyfile(cached, database)
            self.say(f"  demo database: copied from tests/e2e/.cache/{cached.name}")
        else:
            self._run(["migrate", "--noinput", "-v0"], 900, "migrate")
            self._run(["load_demo", "--no-admin"], 900, "load_demo")
            CACHE_DIR.mkdir(exist_ok=True)
            for old in CACHE_DIR.glob("demo-*.sqlite3"):
                old.unlink()
            shutil.copyfile(database, cached)
        self._run(["collectstatic", "--noinput", "-v0"], 600, "collectstatic")
        script = (
            "import json, sys\n"
            "from django.contrib.auth.models import Group, User\n"
            "users = json.loads(sys.stdin.read())\n"
            "for name, (group, first, password) in users.items():\n"
            "    user = User.objects.create_user(name, f'{name}@example.org', password, first_name=first)\n"
            "    user.groups.add(Group.objects.get(name=group))\n"
        )
        users = {name: (group, first, self.passwords[name]) for name, (group, first) in USERS.items()}
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
            env=self.env,
            cwd=BASE_DIR,
            input=json.dumps(users),
            timeout=120,
            text=True,
            capture_output=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"creating the editors failed:\n{result.stdout}{result.stderr}")
        return self

    def start(self, budget_seconds=3600):
        """gunicorn on a free port; ``timeout`` bounds it even if this process is killed."""
        self.server = Gunicorn(
            self.env, self.folder / "gunicorn.log", budget_seconds, workers=self.workers, threads=self.threads
        )
        self.process, self.port, self.base = self.server.process, self.server.port, self.server.base
        try:
            self.server.wait_until_ready()
        except GunicornError:
            self.stop()
            raise
        return self

    def stop(self):
        if self.server is not None:
            self.server.stop()

    def gunicorn_log(self):
        path = self.folder / "gunicorn.log"
        return path.read_text() if path.exists() else ""

    # Reading the site: the open-data API says where each page is.

    def get(self, path, timeout=30):
        """(status, body) of a GET to the server."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def api(self, path, **params):
        query = urllib.parse.urlencode(params)
        status, body = self.get(f"/api/v2/{path}" + (f"?{query}" if query else ""))
        if status != 200:
            raise RuntimeError(f"/api/v2/{path}?{query}: {status} {body[:300]!r}")
        return json.loads(body)

    def pages(self, language):
        """Every live page of one language: [(type, path, id, title)], in tree order."""
        items = self.api("pages/", locale=language, limit=100, fields="_,id,type,html_url,title")["items"]
        pages = [
            (
                item["meta"]["type"],
                urllib.parse.urlsplit(item["meta"]["html_url"]).path,
                item["id"],
                item["title"],
            )
            for item in items
        ]
        return sorted(pages, key=lambda row: row[1])

    def translation(self, page_id, language):
        """(path, id, title) of a page's translation."""
        item = self.api("pages/", translation_of=page_id, locale=language, fields="_,id,type,html_url,title")[
            "items"
        ][0]
        return urllib.parse.urlsplit(item["meta"]["html_url"]).path, item["id"], item["title"]
