"""The periodic jobs beside the server (``manage.py run_scheduler``, started by ``make run``).

One run publishes a page whose go-live time has passed; the loop stops with the process that
started it, on Ctrl-C (SIGINT to the terminal's process group) or when that process is killed.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from home.factories import ensure_home
from home.models import StandardPage

BASE_DIR = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60  # an upper bound for a slow machine, not a timing under test


def schedule(page, go_live_at):
    """Publish ``page``'s latest revision at ``go_live_at``, as the editor's "Publish" with a go-live date does."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()  # a go-live date in the future: scheduled, not live
    return revision


@pytest.mark.django_db
def test_one_run_publishes_a_page_whose_go_live_time_has_passed(monkeypatch):
    home = ensure_home()
    page = StandardPage(title="Opening soon", slug="opening-soon", introduction="Soon.", live=False)
    home.add_child(instance=page)
    go_live_at = timezone.now() + timedelta(hours=1)
    revision = schedule(page, go_live_at)
    page.refresh_from_db()
    assert not page.live

    # Two hours later (Wagtail and its command read the clock through django.utils.timezone.now).
    monkeypatch.setattr(timezone, "now", lambda: go_live_at + timedelta(hours=1))
    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk


@pytest.mark.django_db
def test_one_run_leaves_a_page_scheduled_for_later_alone():
    home = ensure_home()
    page = StandardPage(title="Opening later", slug="opening-later", introduction="Later.", live=False)
    home.add_child(instance=page)
    schedule(page, timezone.now() + timedelta(hours=1))

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("interval", ["0", "-5", "soon"])
def test_an_interval_that_is_not_a_positive_number_of_seconds_is_refused(interval):
    with pytest.raises(CommandError, match="--interval"):
        call_command("run_scheduler", "--interval", interval)


def start_beside_a_server(tmp_path):
    """bash starts the loop in the background and becomes the "server" (``exec sleep``), as the
    Makefile's ``run`` target does with gunicorn; its own process group, like a terminal's job."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        # No tables: each run fails and is logged, and the loop goes on (what a run does is tested above).
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
    }
    script = (
        f"{{ '{sys.executable}' manage.py run_scheduler --interval 1 --exit-with-parent & }} && "
        "echo $! && exec sleep 300"
    )
    server = subprocess.Popen(
        ["bash", "-c", script],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        # A terminal's job has Ctrl-C's default action even when the tests run in the background,
        # where the shell that started them made every child ignore SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    loop_pid = int(server.stdout.readline())
    # The loop says when it is running (its Ctrl-C handler is then in place).
    deadline = time.monotonic() + WAIT_SECONDS
    while "Running the scheduled jobs" not in server.stdout.readline():
        assert time.monotonic() < deadline, "run_scheduler did not start"
    return server, loop_pid


def is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not reaped yet) is gone too.
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ")[-1].startswith("Z"))


def wait_until_gone(pid):
    deadline = time.monotonic() + WAIT_SECONDS
    while is_running(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not is_running(pid)


def stop(server, loop_pid):
    """Whatever a failed test left running: the server, and the loop if it is still there."""
    if server.poll() is None:
        server.kill()
        server.wait(timeout=WAIT_SECONDS)
    if is_running(loop_pid):
        os.kill(loop_pid, signal.SIGKILL)


def test_ctrl_c_stops_the_loop_with_the_server(tmp_path):
    server, loop_pid = start_beside_a_server(tmp_path)
    try:
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        server.wait(timeout=WAIT_SECONDS)
        assert wait_until_gone(loop_pid), "run_scheduler outlived the server after Ctrl-C"
    finally:
        stop(server, loop_pid)


def test_the_loop_ends_when_the_server_is_killed(tmp_path):
    server, loop_pid = start_beside_a_server(tmp_path)
    try:
        server.kill()  # SIGKILL to the server alone: the loop never gets a signal
        server.wait(timeout=WAIT_SECONDS)
        assert wait_until_gone(loop_pid), "run_scheduler outlived the killed server"
    finally:
        stop(server, loop_pid)
