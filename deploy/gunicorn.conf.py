"""gunicorn settings for several workers with Prometheus metrics (docs/metrics.md).

Run with PROMETHEUS_MULTIPROC_DIR set to a folder of its own (systemd: RuntimeDirectory=), e.g.
    PROMETHEUS_MULTIPROC_DIR=/run/cityco/metrics gunicorn -c deploy/gunicorn.conf.py website.wsgi
Each worker then writes its counters there and /metrics sums them.
"""

import os
import shutil
from pathlib import Path

from prometheus_client import multiprocess

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"


def on_starting(server):
    """Values left by the previous run would be added to this run's: start from an empty folder."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).mkdir(parents=True)


def child_exit(server, worker):
    """A dead worker's live gauges must not be reported any more; its counters stay in the sums."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
