"""Settings shared by every environment; values come from the environment through django-environ."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "home",
    "programmes",
    "cities",
    "news",
    "search",
    "api",
    "library",
    "translations",
    "base",
    "website",
    "accounts",
    "operations",
    "alerts",  # e-mail alerts: subscriptions and the daily digest (docs/alerts.md)
    "dbbackup",  # backup_site / restore_site (operations/backups.py)
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # first: times the whole stack
    "operations.metrics.MetricsMiddleware",  # METRICS_PATH; page-cache and search counts
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "website.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.middleware.PrivateForSignedInMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",  # a session without its second factor is nobody
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.media_errors.MediaStorageErrorMiddleware",  # admin: full/unwritable media storage -> message
    "translations.machine.MachineTranslationErrorMiddleware",  # admin: provider down -> message
    "django_prometheus.middleware.PrometheusAfterMiddleware",  # requests by view and status
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="cityco"),
            "OPTIONS": {
                # A cache fault is a cache miss, never an error page; website/cache.py logs one line
                # per outage and leaves Redis alone for a few seconds after a failure.
                "IGNORE_EXCEPTIONS": True,
                "REDIS_CLIENT_CLASS": "website.cache.PausingRedis",
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.1),  # seconds
                "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.1),
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    # Per process; room for the page cache and the derived data of a few thousand pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Editors' sign-in (accounts/): django-axes locks a username out from one address after
# AXES_FAILURE_LIMIT wrong passwords or codes (429 and a page in the visitor's language); editors
# with an authenticator app (django-otp TOTP) give its code on the Wagtail login form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before any password check
    "django.contrib.auth.backends.ModelBackend",
    "django_otp_webauthn.backends.WebAuthnBackend",  # passkey sign-in (accounts/passkeys.py) only
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_CLIENT_IP_CALLABLE = "accounts.ip.client_ip"
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)  # proxies that append to X-Forwarded-For
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
REQUIRE_2FA_FOR_EDITORS = env.bool("REQUIRE_2FA_FOR_EDITORS", default=False)  # on in production
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="City Cooperation")
# Wagtail's frontend login (Django's plain LoginView, no code) is not routed (website/urls.py):
# pages and documents restricted to signed-in users send visitors to the admin's login.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL = "wagtailadmin_login"
# Passkeys (django-otp-webauthn, accounts/passkeys.py). The relying party ID is the host name the
# admin is served on (not an IP address: use http://localhost:8000 in development); the origins are
# the admin's scheme://host[:port]. Changing the ID later invalidates every enrolled passkey.
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default="localhost")
OTP_WEBAUTHN_RP_NAME = env.str("OTP_WEBAUTHN_RP_NAME", default=OTP_TOTP_ISSUER)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list("OTP_WEBAUTHN_ALLOWED_ORIGINS", default=["http://localhost:8000"])
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = True  # a passkey with user verification is both factors

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the interface (gettext) and the content (one Wagtail page tree per locale).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ca", "Català"),
    ("pl", "Polski"),
    ("el", "Ελληνικά"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")

STORAGES = {
    # Removes what a failed write left and raises MediaStorageError (website/media_storage.py).
    "default": {"BACKEND": "website.media_storage.MediaFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (images, documents) on S3-compatible object storage when a bucket is named (django-storages);
# credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the instance's role.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "website.media_storage_s3.S3MediaStorage",  # django-storages' S3Storage, same errors
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,  # MinIO, Ceph, other clouds
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,  # a CDN for media
            "location": env.str("AWS_LOCATION", default="media"),
            "file_overwrite": False,  # an upload never replaces another file of the same name
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),  # public media by default
            "default_acl": None,  # the bucket's policy decides
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = _("City Cooperation")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The site's public address: every absolute link (hreflang, sitemap, API, exports) starts with it,
# never with the Host header a request brought (website/links.py).
SITE_URL = env.str("SITE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Keeps a document's old file until its replacement is stored (website/media_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.media_forms.DocumentForm"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor (translations/machine.py, docs/translation.md): off
# unless DEEPL_API_KEY (DeepL) or LIBRETRANSLATE_URL (LibreTranslate) is set. 20 s, under gunicorn's
# 30 s worker timeout, so a slow provider gives the editor a message rather than a killed worker.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
if env.str("DEEPL_API_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env.str("DEEPL_API_KEY"),
            "API_URL": env.str("DEEPL_API_URL", default=""),  # default: DeepL's free or paid API, by the key
            "TIMEOUT": 20,
        },
    }
elif env.str("LIBRETRANSLATE_URL", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL"),
            "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
            "TIMEOUT": 20,
        },
    }

# Search (docs/search.md): Wagtail's database backend, folding accents, unless ELASTICSEARCH_URL
# is set; then one Elasticsearch index per language ("en", "ca"...), an all-languages index
# ("default": admin and the "all languages" switch) and the database backend, kept current too,
# answering whenever the cluster cannot.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    _elasticsearch = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": env.str("ELASTICSEARCH_INDEX_PREFIX", default="cityco_"),
        "TIMEOUT": env.float("ELASTICSEARCH_TIMEOUT", default=2.0),  # seconds, searches and single updates
        "INDEXING_TIMEOUT": env.float("ELASTICSEARCH_INDEXING_TIMEOUT", default=60.0),  # update_index bulk requests
        "RETRY_AFTER": env.int("ELASTICSEARCH_RETRY_AFTER", default=30),  # seconds on the database after a failure
        "FALLBACK": "database",
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
    }
    WAGTAILSEARCH_BACKENDS = {
        "default": {**_elasticsearch, "LANGUAGE": None},
        **{code: {**_elasticsearch, "LANGUAGE": code} for code, _name in LANGUAGES},
        "database": {"BACKEND": "search.backends.database"},
    }

# The domain part of iCalendar UIDs: fixed and ASCII, whatever the host or language.
ICAL_UID_DOMAIN = env.str("ICAL_UID_DOMAIN", default="cityco.localhost")  # set to the public domain

# Counts of what people search for, for the editors' report (search/querylog.py); off: nothing recorded.
SEARCH_QUERY_LOG = env.bool("SEARCH_QUERY_LOG", default=True)

# Full-page cache for anonymous visitors (website/pagecache.py).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
PAGE_CACHE_GENERATION_FILE = env.path("PAGE_CACHE_GENERATION_FILE", default=BASE_DIR / "var" / "page-cache-generation")

# A CDN in front of the site (website/cdn.py): how long it may keep a public page, and how to purge it.
CDN_CACHE_SECONDS = env.int("CDN_CACHE_SECONDS", default=300)
WAGTAILFRONTENDCACHE = {}
# Each translation is a page of its own with its own address: purge the addresses as they are,
# not once per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):  # Varnish or another cache accepting PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_API_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# Open-data API (api/views.py): public, read-only, at most this many items per request.
WAGTAILAPI_LIMIT_MAX = env.int("WAGTAILAPI_LIMIT_MAX", default=100)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "api.views.api_exception_handler",  # a database outage is a JSON 503
}

# The map's tile server: OpenStreetMap in production, none unless configured.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors"
)

# Security headers on every response (production adds HTTPS, HSTS and secure cookies).
# The public site's policy allows no inline script or style; the admin gets its own below.
CSP_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"] + ([MAP_TILE_URL.split("{")[0].rstrip("/")] if MAP_TILE_URL else []),
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": ["'none'"],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": ["'none'"],
    }
}
WAGTAIL_ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CSP_REPLACE = {
    "script-src": [CSP_SELF, "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": [CSP_SELF, "'unsafe-inline'"],
    "img-src": [CSP_SELF, "data:", "blob:"],
    "frame-ancestors": [CSP_SELF],  # the admin previews pages in an iframe
    "frame-src": [CSP_SELF],
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it for their own iframe
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Operations (docs/operations.md): probes, error reports, request logs and mail.
# /healthz and /readyz (operations/): how long each readiness check may take, in seconds.
READINESS_TIMEOUT = env.float("READINESS_TIMEOUT", default=2.0)
LOGGING.setdefault("filters", {})["skip_probe_outcomes"] = {"()": "operations.logs.SkipProbeOutcomes"}
LOGGING.setdefault("loggers", {})["django.request"] = {"filters": ["skip_probe_outcomes"]}
# Errors to Sentry when SENTRY_DSN is set; the release is SENTRY_RELEASE, else the git commit.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from operations import sentry

    sentry.init(
        SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default="") or None,
    )
# LOG_FORMAT=json: every log record as one JSON line, and one line per request (operations.requests).
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {"()": "operations.logs.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    LOGGING.setdefault("loggers", {})["operations.requests"] = {"level": "INFO"}
    MIDDLEWARE.insert(0, "operations.middleware.RequestLogMiddleware")
# Mail (Wagtail's notifications, password resets, error mails): EMAIL_URL such as
# smtp+tls://user:password@smtp.example.org:587 (django-environ); production requires it.
if env.str("EMAIL_URL", default=""):
    _email = env.email_url("EMAIL_URL")
    vars().update({name: value for name, value in _email.items() if name.startswith("EMAIL_")})
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # seconds: a hung mail server never holds a request
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Metrics and backups (docs/backups.md, docs/metrics.md).
# Prometheus metrics at METRICS_PATH (operations.metrics.MetricsMiddleware), only for a REMOTE_ADDR in
# METRICS_ALLOWED_NETWORKS (not X-Forwarded-For, which a visitor can write); others get a 404.
# With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR (deploy/gunicorn.conf.py).
METRICS_PATH = env.str("METRICS_PATH", default="/metrics")
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=["127.0.0.0/8", "::1/128"])
# When run_scheduled_jobs last succeeded, per job, read by every process that serves /metrics.
SCHEDULED_JOBS_STATE_FILE = env.path(
    "SCHEDULED_JOBS_STATE_FILE", default=BASE_DIR / "var" / "scheduled-jobs.json"
)
# Backups (django-dbbackup, operations/backups.py) to BACKUP_DIR, or to S3 when BACKUP_S3_BUCKET is
# set or media are on S3 (then under backups/ in the media bucket: keep that prefix private).
BACKUP_DIR = str(env.path("BACKUP_DIR", default=BASE_DIR / "backups"))
BACKUP_S3_BUCKET = env.str("BACKUP_S3_BUCKET", default="") or AWS_STORAGE_BUCKET_NAME
if BACKUP_S3_BUCKET:
    BACKUP_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BACKUP_S3_BUCKET,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("BACKUP_S3_LOCATION", default="backups"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    BACKUP_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BACKUP_DIR},
    }
STORAGES["dbbackup"] = BACKUP_STORAGE
DBBACKUP_CLEANUP_KEEP = env.int("BACKUP_KEEP", default=14)  # backups of each kind kept by backup_site --clean
DBBACKUP_SEND_EMAIL = False  # a failure is the command's exit status, seen by the timer or cron
# A database restored under another role than the one that dumped it must still work.
DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner --no-privileges"}}
