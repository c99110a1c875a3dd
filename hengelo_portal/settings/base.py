"""Settings read from the environment (12-factor), safe for production by default."""

from datetime import timedelta
from pathlib import Path

import environ

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the portal refuses "
            "to start without a secret key. Set DJANGO_SECRET_KEY to a long random "
            'string (for example the output of `python -c "import secrets; '
            'print(secrets.token_urlsafe(50))"`), or use `make run` for local '
            "development."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost"] if DEBUG else [],
)

INSTALLED_APPS = [
    "admin_site.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tables2",
    "django_filters",
    "csp",
    "web",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "content",
    "accounts",
    "programmes",
    "money",
    "indicators",
    "council",
    "opendata",
    "admin_site",
]

MIDDLEWARE = [
    "web.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A body over its limit gets a 413 before it is read (limits below).
    "web.middleware.RequestBodyLimitMiddleware",
    # NUL and other control characters in a query string get a 400 before any
    # view, or the cache, sees them.
    "web.middleware.ControlCharacterMiddleware",
    # Above compression and ETags: a cached page is stored as it is sent.
    "web.middleware.PublicPageCacheMiddleware",
    # Pages compress to about a tenth (benchmarks/RESULTS.md). Against BREACH,
    # Django pads compressed responses and masks CSRF tokens per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "web.middleware.DatabaseUnavailableMiddleware",
    # Below ETags and compression: pages leave without the control characters
    # a stored text may still hold (content/text.py).
    "web.middleware.FitPageTextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The API's messages in Dutch, or English with ?lang=en.
    "web.api_errors.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A POST to a read-only page is a 405, not the CSRF check's 403.
    "web.middleware.AllowedMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A page with anything of a council member in it is never stored by a cache.
    "council.middleware.PersonalPagesMiddleware",
    # Records the signed-in user as the author of each change in the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hengelo_portal.urls"
# Where the admin lives; a less obvious path keeps away some of the noise.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.contact",
                "web.context_processors.language_switch",
                "opendata.context_processors.downloads",
            ],
        },
    },
]

WSGI_APPLICATION = "hengelo_portal.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Reuse connections for a minute, but check them first: a new PostgreSQL
# connection per request cost more than most pages (2.5 to 3.5 times the
# throughput, benchmarks/RESULTS.md), and after a database restart the next
# request reconnects by itself.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A write waits this long for another process's (an import's) to finish.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
    # Write-ahead log: pages (the import's progress page too) are read while
    # the import worker holds its one long transaction; without it a large
    # transaction locks readers out once it spills to the database file.
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL;"
    )

# The cache holds the content version (web/caching.py) and the
# cached pages, so it must be one for every process that changes or serves
# content: Redis when REDIS_URL is set (shared by every machine), else files in
# PORTAL_CACHE_DIR, shared by every process on this machine (gunicorn's
# workers, `manage.py import_budget`, a shell). Never a process's own memory:
# a change made by another process would show only after the page's timeout.
REDIS_URL = env.str("REDIS_URL", default="")
CACHE_DIR = env.path("PORTAL_CACHE_DIR", default=BASE_DIR / ".cache")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR),
            # A public page per address and encoding; beyond this, a third of
            # the entries make room (the content version is made again if so).
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    )
}
# How long a public page may be served from the cache; every content change
# invalidates all pages at once anyway (web/caching.py).
PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=600)
# The longest an import job (preview or import) may run in the worker; then it
# fails with a message and nothing is saved (opendata/jobs.py). The largest file
# allowed takes a few minutes on a busy machine.
IMPORT_JOB_SECONDS = env.int("PORTAL_IMPORT_JOB_SECONDS", default=15 * 60)
# What the import worker also does between jobs, as it runs beside the site
# anyway: functions without arguments, named here so that the worker (opendata)
# knows no other app. The council's e-mail that the mail server did not take.
WORKER_TASKS = ["council.outbox.outgoing_mail_send_due"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses logins while a user and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out after repeated failed logins: 5 tries per user name and address,
# then 30 minutes. Attempts live in the database, shared by every server.
AXES_FAILURE_LIMIT = env.int("PORTAL_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("PORTAL_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_VERBOSE = False
# Behind nginx: the visitor's address, not nginx's.
AXES_CLIENT_IP_CALLABLE = "web.proxy.client_ip"
# Staff log in with a password and a code from an authenticator app (TOTP)
# whenever debug is off, unless explicitly switched off.
PORTAL_REQUIRE_2FA = env.bool("PORTAL_REQUIRE_2FA", default=not DEBUG)
# After logging in without a (safe) next address: the admin's index, in the
# language of the login page. Django's default, /accounts/profile/, is no page.
LOGIN_REDIRECT_URL = "admin:index"
OTP_TOTP_ISSUER = "Begroting Hengelo"
# Nobody sets another person's password or authenticator app: each account gets
# a one-time link (accounts/) to do it themselves, valid this many hours.
PORTAL_ENROLMENT_HOURS = env.int("PORTAL_ENROLMENT_HOURS", default=72)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Dutch first: language, time zone and number format (6.500 and 17,3). English
# for international residents lives under /en/ (hengelo_portal/urls.py); the
# names are each language's own, as the language switch shows them.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

# Never cached: what depends on who asks, and the checks that must be live. The
# admin is at /admin/ and, per other language, at /en/admin/ (hengelo_portal/urls.py).
PAGE_CACHE_EXCLUDE = (
    f"/{ADMIN_URL}",
    *(f"/{code}/{ADMIN_URL}" for code, _name in LANGUAGES if code != LANGUAGE_CODE),
    "/voorvertoning/",
    # The council's workspace: personal, whoever asks (council/).
    "/raad/",
    *(f"/{code}/raad/" for code, _name in LANGUAGES if code != LANGUAGE_CODE),
    # The one-time links to set a password and an authenticator app (accounts/).
    "/account/",
    *(f"/{code}/account/" for code, _name in LANGUAGES if code != LANGUAGE_CODE),
    "/health/",
    "/ready/",
)

TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # plotly.js is served by the portal itself (no CDN); `make` installs it from npm.
    ("vendor/plotly", BASE_DIR / "node_modules" / "plotly.js-basic-dist-min"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

DJANGO_TABLES2_TEMPLATE = "tables/portal_table.html"
# An imported budget file (at most 5 MB) stays in memory and then in the
# database (opendata.ImportJob) until the worker is done with it: never in a
# temporary file on the server's disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
# Only in memory: no request writes a temporary file. The body limits below keep
# every request within FILE_UPLOAD_MAX_MEMORY_SIZE.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
# Request bodies over these limits are refused (413) before they are read
# (web.middleware.RequestBodyLimitMiddleware; nginx refuses them
# earlier, deploy/nginx/hengelo-portal-proxy.conf). Visitors who are not signed
# in post only a login form; signed-in users the admin's and the council's forms
# (as Django's DATA_UPLOAD_MAX_MEMORY_SIZE); staff upload a budget file of at
# most 5 MB (opendata.spreadsheets.MAX_FILE_BYTES), with room for the form.
REQUEST_BODY_MAX_BYTES_ANONYMOUS = 64 * 1024
REQUEST_BODY_MAX_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE = 2560 * 1024
REQUEST_BODY_UPLOAD_LIMITS = {"admin:opendata_importrun_import": 6 * 1024 * 1024}

# The read API (/api/v1/): public, read-only JSON; no sessions, so no CSRF.
# Pagination and filters are set on the viewsets (opendata.api.budget.ReadOnlyViewSet).
REST_FRAMEWORK = {
    # DRF's JSON, with every text fitted on its way out (content/text.py).
    "DEFAULT_RENDERER_CLASSES": ["opendata.api.renderers.TextJSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "opendata.api.schema.PortalAutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": None,
    # Error bodies in the API's language, never Django's English 404 text.
    "EXCEPTION_HANDLER": "web.api_errors.exception_handler",
}
# Dutch by default; /api/v1/schema/?lang=en gives the schema in English (title,
# description and every field's help text), as drf-spectacular translates lazy
# strings in the language the query names.
SPECTACULAR_SETTINGS = {
    "TITLE": _("Begroting gemeente Hengelo – open data API"),
    "DESCRIPTION": _(
        "Alleen-lezen API met de gepubliceerde begrotingen, programma's, "
        "onderdelen, agenda's, actielijnen, acties en beleidsindicatoren. "
        "De gegevens zijn vrij te gebruiken (CC0 1.0)."
    ),
    "VERSION": "1.0.0",
    # Three models have a field named kind, each with its own choices.
    "ENUM_NAME_OVERRIDES": {
        "ActionKindEnum": "programmes.models.ActionKind",
        "ReferenceKindEnum": "programmes.models.ReferenceKind",
        "ValueKindEnum": "indicators.models.ValueKind",
        "MoneyUnitEnum": "money.models.MoneyUnit",
        "FigureKindEnum": "money.models.FigureKind",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "LICENSE": {
        "name": _("CC0 1.0 (gegevens)"),
        "url": _("https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    },
}

# Structured logs, one JSON object a line, without personal data: no IP
# addresses, no query strings (they may hold search terms), no user names.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    # Query strings are taken out of every record, tracebacks included
    # (hengelo_portal/log_filters.py); gunicorn's logger has the same filter.
    "filters": {
        "no_query_strings": {"()": "hengelo_portal.log_filters.QueryStringFilter"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["no_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Without Django's own handlers (plain text in debug, mail to ADMINS),
        # every record of Django goes through the one handler above.
        "django": {"handlers": []},
        # Django's own request log repeats what RequestLogMiddleware writes.
        "django.request": {"level": "ERROR"},
        # Django's default keeps runserver's lines from the handler above.
        "django.server": {"level": "WARNING", "propagate": True},
    },
}

# Security. Production is the default; debug (make run) relaxes only what plain
# http on 127.0.0.1 needs.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_SECONDS", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a load balancer or reverse proxy that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# A strict Content Security Policy: everything from this server, no inline
# scripts; chart data travels as JSON (json_script) and a static script draws it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # plotly.js appends an empty <style> element and fills it through the
        # CSSOM; the hash is that of the empty string, so no inline CSS can run.
        "style-src": [
            "'self'",
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
        ],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# E-mail (the council's notifications, council/notifications.py): SMTP from the
# environment; development writes mail to the console (dev.py).
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Begroting Hengelo <noreply@hengelo.nl>"
)
# The portal's own address, for links in e-mail (no request to take it from).
PORTAL_SITE_URL = env.str("PORTAL_SITE_URL", default="http://127.0.0.1:8000")

# Where visitors and security researchers reach the municipality.
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="info@hengelo.nl")
PORTAL_SECURITY_EMAIL = env.str("PORTAL_SECURITY_EMAIL", default="info@hengelo.nl")
