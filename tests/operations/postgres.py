"""A PostgreSQL server of a test's own: ``initdb`` into a fresh folder, a free port on 127.0.0.1,
``pg_ctl start`` / ``stop``, so a test can stop the database and start it again without touching
any other server."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.gunicorn import free_port


def binaries():
    """The folder holding ``initdb`` and ``pg_ctl`` (``pg_config --bindir``, else Debian's
    /usr/lib/postgresql/<version>/bin, newest first), or None."""
    candidates = []
    if shutil.which("pg_config"):
        result = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(result.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and all(os.access(Path(folder, name), os.X_OK) for name in ("initdb", "pg_ctl")):
            return Path(folder)
    return None


def server_account():
    """The account the server runs as: PostgreSQL refuses root, so ``postgres`` when run as root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        return None


def missing_reason():
    """Why no server of a test's own can be run here, or None."""
    if binaries() is None:
        return "PostgreSQL's initdb and pg_ctl were not found (pg_config --bindir, /usr/lib/postgresql/*/bin)"
    if os.geteuid() == 0 and server_account() is None:
        return "running as root, and there is no postgres account to run PostgreSQL as"
    return None


class PostgresServer:
    """``start`` and ``stop`` as often as needed, always on the same port and data folder;
    ``remove`` stops it and deletes the folder. Trust authentication, 127.0.0.1 only."""

    def __init__(self, folder):
        self.bindir = binaries()
        self.port = free_port()
        self.account = server_account()
        if self.account is None:
            self.root = Path(folder)
        else:  # the test's own folder is not reachable by another account: one it owns
            self.root = Path(tempfile.mkdtemp(prefix="cityco-postgres-"))
            os.chown(self.root, self.account.pw_uid, self.account.pw_gid)
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.user = "postgres"
        self.run("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")  # fmt: skip

    def run(self, program, *args, check=True):
        """``program`` from the server's binaries, as the server's account when that is not ours."""
        options = {}
        if self.account is not None:
            options = {"user": self.account.pw_uid, "group": self.account.pw_gid, "extra_groups": []}
        result = subprocess.run(
            [str(self.bindir / program), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=120,
            **options,
        )
        if check and result.returncode:
            raise RuntimeError(f"{program} failed:\n{result.stdout}{result.stderr}")
        return result

    def start(self):
        # The socket goes into the data folder: none in the system's /run/postgresql.
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def is_running(self):
        return self.run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def remove(self):
        if self.data.exists() and self.is_running():
            self.stop()
        if self.account is not None:
            shutil.rmtree(self.root, ignore_errors=True)

    def database_settings(self, base):
        """``base`` (a Django database settings dict) pointed at this server's ``postgres`` database."""
        return {
            **base,
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "postgres",
            "USER": self.user,
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "OPTIONS": {"connect_timeout": 2},
        }
