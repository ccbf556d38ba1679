"""The site under gunicorn on 127.0.0.1, as production runs it (``website.wsgi``).

One way to start and stop it for the browser tests (tests/e2e/server.py), the two-server test
(tests/test_multi_server.py) and the benchmarks (benchmarks/bench.py, benchmarks/load.py).
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GunicornError(RuntimeError):
    """gunicorn exited at start, or did not answer in time."""


class Gunicorn:
    """gunicorn on a free port with ``env``, its output in ``log_path``; ``timeout`` stops it
    after ``budget_seconds`` even if the process that started it is killed. ``threads`` above one
    gives gthread workers, else sync workers."""

    def __init__(self, env, log_path, budget_seconds, workers=2, threads=1, worker_timeout=60):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path)
        self.log = open(self.log_path, "w")  # noqa: SIM115  (closed in stop)
        cmd = [
            "timeout",
            "-k",
            "10",
            str(budget_seconds),
            str(VENV_BIN / "gunicorn"),
            "website.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--timeout",
            str(worker_timeout),
        ]
        if threads > 1:
            cmd += ["--threads", str(threads)]
        env = {"SITE_URL": self.base, **env}  # absolute links point at this server unless told otherwise
        self.process = subprocess.Popen(
            cmd, env=env, cwd=BASE_DIR, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_until_ready(self, deadline=None):
        """Return once ``/robots.txt`` answers; ``deadline`` is a ``time.monotonic()`` value."""
        deadline = time.monotonic() + 60 if deadline is None else deadline
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise GunicornError(f"gunicorn exited at start:\n{self.log_path.read_text()[-4000:]}")
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=2).close()  # noqa: S310  (127.0.0.1)
                return self
            except OSError:
                time.sleep(0.2)
        raise GunicornError("gunicorn did not answer in time")

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=10)
        if not self.log.closed:
            self.log.close()
