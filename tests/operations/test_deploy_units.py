"""The systemd units and the crontab in deploy/ start what exists in this checkout: manage.py
commands that are defined, gunicorn with deploy/gunicorn.conf.py and an importable application;
timers start a unit that is there; docs/deployment.md names every unit; ``systemd-analyze verify``
accepts them (with /srv/cityco pointed at this checkout) where it is installed."""

import importlib.util
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"
CHECKOUT = "/srv/cityco"  # where the units expect the release (docs/deployment.md)
VENV_BIN = Path(sys.executable).parent
UNITS = sorted([*DEPLOY.glob("*.service"), *DEPLOY.glob("*.timer")])
SERVICES = [path for path in UNITS if path.suffix == ".service"]
TIMERS = [path for path in UNITS if path.suffix == ".timer"]


def parse_unit(path):
    """``{section: [(key, value), ...]}``: a systemd unit keeps repeated keys (Environment=...),
    which configparser would merge; comments and continued lines as systemd reads them."""
    sections, current, pending = {}, None, ""
    for raw in path.read_text().splitlines():
        line = pending + raw.strip()
        pending = ""
        if not line or line.startswith(("#", ";")):
            continue
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"{path.name}: {line!r} before any [section]"
        key, separator, value = line.partition("=")
        assert separator, f"{path.name}: {line!r} is not key=value"
        current.append((key.strip(), value.strip()))
    return sections


def values(unit, section, key):
    return [value for name, value in unit.get(section, []) if name == key]


def in_checkout(path):
    """A path of the units (under /srv/cityco) as a path of this checkout."""
    assert path.startswith(CHECKOUT + "/"), f"{path} is not in the release checkout {CHECKOUT}"
    relative = path.removeprefix(CHECKOUT + "/")
    if relative.startswith(".venv/bin/"):
        return VENV_BIN / relative.removeprefix(".venv/bin/")
    return BASE_DIR / relative


def check_command(words, where):
    """``words`` (a command line of the units or the crontab) runs something this checkout has."""
    program = Path(words[0]).name
    assert program in ("python", "gunicorn"), f"{where}: unexpected program {words[0]}"
    if program == "python":
        assert words[1] == "manage.py", where
        assert words[2] in get_commands(), f"{where}: manage.py has no command {words[2]!r}"
        return
    config = words[words.index("-c") + 1]
    assert (BASE_DIR / config).is_file(), f"{where}: {config} is missing"
    application = words[-1].split(":")[0]
    assert importlib.util.find_spec(application), f"{where}: {application} cannot be imported"


def test_there_are_units_to_check():
    assert {path.name for path in UNITS} >= {
        "cityco-web.service",
        "cityco-jobs.service",
        "cityco-jobs.timer",
        "cityco-backup.service",
        "cityco-backup.timer",
    }


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_each_service_runs_a_command_of_this_checkout(path):
    unit = parse_unit(path)
    assert values(unit, "Service", "WorkingDirectory") == [CHECKOUT]
    assert values(unit, "Service", "EnvironmentFile") == ["/etc/cityco/env"]
    settings_module = [
        value.partition("=")[2]
        for value in values(unit, "Service", "Environment")
        if value.startswith("DJANGO_SETTINGS_MODULE=")
    ]
    assert settings_module == ["website.settings.production"]
    assert importlib.util.find_spec(settings_module[0])
    (command,) = values(unit, "Service", "ExecStart")
    words = shlex.split(command)
    executable = in_checkout(words[0])
    assert executable.is_file(), f"{path.name}: {executable} is missing"
    check_command(words, path.name)


def test_the_web_server_reloads_gracefully_restarts_on_failure_and_is_confined():
    unit = parse_unit(DEPLOY / "cityco-web.service")
    service = dict(unit["Service"])
    assert service["Type"] == "notify"  # gunicorn reports when it is ready
    assert service["ExecReload"] == "/bin/kill -s HUP $MAINPID"
    assert service["Restart"] == "on-failure"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["User"] != "root"
    assert "PROMETHEUS_MULTIPROC_DIR=/run/cityco/metrics" in values(unit, "Service", "Environment")
    assert service["RuntimeDirectory"] == "cityco"  # /run/cityco, writable despite ProtectSystem
    assert values(unit, "Install", "WantedBy") == ["multi-user.target"]


@pytest.mark.parametrize("path", TIMERS, ids=lambda path: path.name)
def test_each_timer_starts_a_service_that_is_there(path):
    unit = parse_unit(path)
    target = (values(unit, "Timer", "Unit") or [path.with_suffix(".service").name])[0]
    assert (DEPLOY / target).is_file(), f"{path.name} starts {target}, which deploy/ lacks"
    assert values(unit, "Timer", "OnCalendar")
    assert values(unit, "Install", "WantedBy") == ["timers.target"]


def test_each_crontab_line_runs_a_command_of_this_checkout():
    lines = [
        line
        for line in (DEPLOY / "crontab").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines
    for line in lines:
        words = shlex.split(line.split(None, 5)[5])  # after the five time fields
        assert ".venv/bin/python" in words, line
        check_command(words[words.index(".venv/bin/python") :], f"crontab: {line}")


def test_the_deployment_guide_names_every_unit():
    guide = (BASE_DIR / "docs" / "deployment.md").read_text()
    for path in UNITS:
        assert re.search(rf"\b{re.escape(path.name)}\b", guide), f"docs/deployment.md never names {path.name}"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # The units with /srv/cityco pointed at this checkout, so that the programs they start exist.
    for path in UNITS:
        text = path.read_text().replace(f"{CHECKOUT}/.venv/bin/", f"{VENV_BIN}/")
        (tmp_path / path.name).write_text(text.replace(CHECKOUT, str(BASE_DIR)))
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *(path.name for path in UNITS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Unknown keys and bad values are only warnings for systemd: any output is a fault here.
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""
