"""Tests: SQLite unless DATABASE_URL is set, Redis when REDIS_URL is set, no collectstatic needed."""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://testserver"  # the test client's host
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if "sqlite" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": ""}  # noqa: F405  (in-memory)
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REQUIRE_2FA_FOR_EDITORS = False  # tests that need it switch it on; django-axes stays on
MAP_TILE_URL = ""
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None  # whatever the environment says; tests configure their own

# The page cache is switched on by the tests that exercise it (tests/test_page_cache.py).
PAGE_CACHE_ENABLED = False
import tempfile  # noqa: E402

PAGE_CACHE_GENERATION_FILE = Path(tempfile.gettempdir()) / f"cityco-page-cache-generation-{os.getpid()}"

# Search: the database backend whatever the environment says. tests/search starts its own
# Elasticsearch emulator, and reads ELASTICSEARCH_URL itself for the real-cluster tests.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
