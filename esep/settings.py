"""Django settings for Esep. Values come from esep.conf, where each variable is declared once."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from esep import conf

BASE_DIR = conf.BASE_DIR
PACKAGE_DIR = conf.PACKAGE_DIR  # what Esep ships is read from here; what it writes goes to conf.VAR_DIR
TESTING = "pytest" in sys.modules or (len(sys.argv) > 1 and sys.argv[1] == "test")

DEBUG = conf.DEBUG
if conf.SECURE and not conf.SECRET_KEY:
    # A per-machine key would break sessions and signed form tokens across servers: refuse to start.
    raise ImproperlyConfigured(
        "ESEP_SECRET_KEY is not set. With ESEP_SECURE=1 (production) every server must share one secret key: "
        "set ESEP_SECRET_KEY to a long random value, e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
SECRET_KEY = conf.SECRET_KEY or conf.local_secret_key()
# The minutes seal's key (esep.protocols.witness); resolved lazily so a missing var/ is created only on use.
ESEP_SEAL_KEY = conf.SEAL_KEY or ("esep-test-seal-key-not-for-production-0123456789" if TESTING else "")
if conf.SECURE and not conf.SEAL_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ESEP_SEAL_KEY must be set in production (ESEP_SECURE=1); see docs/minutes.md.")
ALLOWED_HOSTS = conf.ALLOWED_HOSTS
SITE_URL = conf.SITE_URL.rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "esep.core",
    "esep.territory",
    "esep.police",
    "esep.accounts",
    "esep.law",
    "esep.meetings",
    "esep.planning",
    "esep.announcements",
    "esep.questions",
    "esep.protocols",
    "esep.appeals",
    "esep.complaints",
    "esep.feedback",
    "esep.accountability",
    "esep.statistics",
    "esep.reports",
    "esep.evaluation",
    "esep.notifications",
    "esep.workflows",
    "esep.public",
    "esep.backoffice",
    "esep.api",
    "esep.demo",
    "esep.ops",
]

MIDDLEWARE = [
    "esep.ops.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "esep.core.middleware.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "esep.core.middleware.IdleSessionMiddleware",
    "esep.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "esep.urls"
WSGI_APPLICATION = "esep.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "esep.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": conf.database_from_url(conf.DATABASE_URL)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and DATABASES["default"]["NAME"] != ":memory:":
    # The default SQLite file lives in ESEP_VAR_DIR, which a fresh install has not created yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "backoffice:dashboard"

if conf.REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": conf.REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "esep"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Language and time: Kazakh first, dates and times shown in Asia/Almaty, stored in UTC.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["esep.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "esep_language"

STATIC_URL = "/static/"
STATIC_ROOT = conf.STATIC_ROOT
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
if conf.MEDIA_STORAGE not in {"filesystem", "s3"}:
    raise ImproperlyConfigured("ESEP_MEDIA_STORAGE must be filesystem or s3")
if conf.MEDIA_STORAGE == "s3" and not conf.S3_BUCKET:
    raise ImproperlyConfigured("ESEP_MEDIA_STORAGE=s3 needs ESEP_S3_BUCKET (and the bucket's credentials)")
STORAGES = {
    # Uploads: the local filesystem by default; an S3-compatible bucket in production (docs/operations.md).
    # Either way they are served only through esep.public.media, with access checks: the bucket stays private.
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": conf.S3_BUCKET,
                "endpoint_url": conf.S3_ENDPOINT_URL or None,
                "region_name": conf.S3_REGION or None,
                "access_key": conf.S3_ACCESS_KEY_ID or None,
                "secret_key": conf.S3_SECRET_ACCESS_KEY or None,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if conf.MEDIA_STORAGE == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = conf.MEDIA_ROOT
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}[conf.EMAIL_URL]
EMAIL_HOST = conf.EMAIL_HOST
DEFAULT_FROM_EMAIL = conf.DEFAULT_FROM_EMAIL
PUBLIC_CACHE_SECONDS = conf.PUBLIC_CACHE_SECONDS
ESEP_API_EVALUATE_MAX_BYTES = conf.API_EVALUATE_MAX_BYTES
ESEP_UPLOAD_DOCUMENT_MAX_MB = conf.UPLOAD_DOCUMENT_MAX_MB
ESEP_UPLOAD_VIDEO_MAX_MB = conf.UPLOAD_VIDEO_MAX_MB
ESEP_WEB_CONCURRENCY = conf.WEB_CONCURRENCY
TRUSTED_PROXY_HOPS = conf.TRUSTED_PROXY_HOPS
ESEP_QUESTION_MIN_FILL_SECONDS = conf.QUESTION_MIN_FILL_SECONDS
# No SMS gateway is connected: "log" records each SMS in SMS_LOG_FILE (esep.notifications.backends).
SMS_BACKEND = "locmem" if TESTING else conf.SMS_BACKEND
SMS_LOG_FILE = conf.SMS_LOG_FILE

# Security: all of this must pass `esep check --deploy` with ESEP_SECURE=1.
SESSION_COOKIE_HTTPONLY = True
# A session ends after ESEP_SESSION_IDLE_MINUTES without a request (esep.core.middleware.IdleSessionMiddleware)
# and at the latest after ESEP_SESSION_MAX_HOURS (one shift), whatever the activity.
ESEP_SESSION_IDLE_MINUTES = conf.SESSION_IDLE_MINUTES
SESSION_COOKIE_AGE = conf.SESSION_MAX_HOURS * 3600
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SECURE = conf.SECURE
CSRF_COOKIE_SECURE = conf.SECURE
SECURE_SSL_REDIRECT = conf.SECURE
SECURE_HSTS_SECONDS = 31_536_000 if conf.SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = conf.SECURE
SECURE_HSTS_PRELOAD = conf.SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if conf.SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["esep.api.permissions.ScopedPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "esep.api.pagination.LimitOffsetPagination",
    "DEFAULT_PARSER_CLASSES": [
        "esep.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "esep.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["esep.api.throttling.AnonRateThrottle"],
    # DRF reads X-Forwarded-For only behind as many proxies as we declare; esep.api.throttling goes further
    # and takes the address from esep.core.ratelimit.client_address, like every other limit.
    "NUM_PROXIES": conf.TRUSTED_PROXY_HOPS,
    "DEFAULT_THROTTLE_RATES": {"anon": "120/minute", "user": "1200/minute"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Esep API",
    "DESCRIPTION": "Police reports to the population of Kazakhstan.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "esep.api.schema.add_error_responses",
    ],
}

# Operations (esep.ops): the worker's queue, metrics, logs. JSON logs carry the request id of each line.
ESEP_REDIS_URL = conf.REDIS_URL
ESEP_QUEUE_FILE = conf.QUEUE_FILE
ESEP_METRICS_TOKEN = conf.METRICS_TOKEN
# The load balancer's health checks may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "esep.ops.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "esep.ops.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": conf.LOG_FORMAT, "filters": ["request_id"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"esep.request": {"level": conf.REQUEST_LOG_LEVEL, "propagate": True}},
}

DATA_DIR = PACKAGE_DIR / "data"  # the reference data shipped in the package (esep/data/README.md)
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
CSRF_FAILURE_VIEW = "esep.core.views.csrf_failure"
