# make run   : set up everything on a fresh machine and serve the site on http://127.0.0.1:$(PORT)
# make test  : install the test requirements and run the whole suite (deterministic)
# make fuzz  : the property-based tests with new random inputs, printing what they tried
# make bench : the public pages under gunicorn at scale, page cache off and on (benchmarks/README.md)
# make load  : a minute of mixed traffic on the demo site under gunicorn: requests/s, p99, errors
# make search-quality : the judged search queries on SQLite, PostgreSQL and the Elasticsearch emulator
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 2

.PHONY: run dev test fuzz e2e-tools load bench search-quality backup restore lint install install-test migrate demo static messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Local settings for `make run`: a random secret key and admin password, made once, kept out of git.
.env:
	@$(PY) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(64)); print('ADMIN_PASSWORD=' + secrets.token_urlsafe(12)); print('ALLOWED_HOSTS=127.0.0.1,localhost'); print('SECURE_HTTPS=off')" > .env
	@echo "Wrote .env (secret key and admin password for this machine)."

RUN_ENV = set -a && source ./.env && set +a && export DJANGO_SETTINGS_MODULE=website.settings.production \
	&& export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}

# Scheduled publishing (go-live and expiry times) runs beside the server: run_scheduler's parent is
# the shell that becomes gunicorn (exec), and the loop ends with it (Ctrl-C, or stopped any other way).
run: install .env
	@$(RUN_ENV) && $(PY) manage.py migrate --noinput
	@$(RUN_ENV) && $(PY) manage.py collectstatic --noinput --verbosity 0
	@$(RUN_ENV) && $(PY) manage.py load_demo
	@$(RUN_ENV) && echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)" && \
		{ $(PY) manage.py run_scheduler --interval 60 --exit-with-parent & } && \
		exec $(VENV)/bin/gunicorn website.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile -

dev: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The browser tests' tools (tests/e2e): Debian's chromium (apt-get; CI runs as root) and axe-core from
# npm into tests/e2e/.node/. If either cannot be installed, those tests are skipped and say why.
AXE_CORE := tests/e2e/.node/node_modules/axe-core/axe.min.js
e2e-tools:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| echo "chromium could not be installed: the browser tests (tests/e2e) will be skipped"
	@test -f $(AXE_CORE) || npm install --prefix tests/e2e/.node axe-core@4.14.1 --no-audit --no-fund --silent \
		|| echo "axe-core could not be installed: the accessibility tests (tests/e2e) will be skipped"

# pytest exits 5 when it collects no tests: that is a failure here, never a silent pass.
test: install-test e2e-tools
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/bandit -q -r accounts alerts api base cities home library news operations programmes search translations website -c pyproject.toml
	HYPOTHESIS_PROFILE=ci $(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
		if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

# The property-based tests with new random inputs (Hypothesis' "explore" profile), printing what they
# tried; `make test` runs the same tests derandomised. A failure found here becomes an explicit test.
fuzz: install-test
	HYPOTHESIS_PROFILE=explore $(PY) -m pytest tests/hostile --hypothesis-show-statistics $(PYTEST_ARGS)

# 60 s at 16 connections on the demo site under gunicorn (benchmarks/load.py); installs wrk if missing.
# Builds its own scratch database; about three minutes. Not part of `make test`.
load: install
	$(PY) benchmarks/load.py

# Builds its own scratch database and servers; takes about a quarter of an hour. Then how much of the page
# cache a publication leaves (benchmarks/page_cache.py) and the site under Redis faults
# (benchmarks/cache_faults.py, a Redis of its own), a few minutes each. Not part of `make test`.
bench: install
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/page_cache.py
	$(PY) benchmarks/cache_faults.py

# P@1, R@5, MRR and zero-result rate of the tuned and the held-out judged sets per engine, language and kind
# (benchmarks/README.md). Builds its own scratch databases; five to ten minutes. Not part of `make test`.
search-quality: install-test
	$(PY) benchmarks/search_quality.py
	$(PY) benchmarks/search_quality.py --judgements benchmarks/search_heldout.json

# Back up the database and the media files (django-dbbackup) into BACKUP_DIR (default backups/) or S3,
# keeping the newest BACKUP_KEEP of each; restore one (BACKUP=<timestamp> from `manage.py listbackups`,
# or BACKUP=latest; asks before replacing the database). See docs/backups.md.
backup: install
	$(PY) manage.py backup_site --clean

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=2026-12-06-221500 (or BACKUP=latest; see manage.py listbackups)"; exit 2; }
	$(PY) manage.py restore_site $(filter-out latest,$(BACKUP))

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Extract interface strings into locale/*/LC_MESSAGES/django.po and compile them.
messages: install
	$(PY) manage.py makemessages --locale ca --locale pl --locale el --ignore=.venv --ignore=static --ignore=benchmarks --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) static
