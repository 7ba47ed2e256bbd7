"""Every environment variable Esep reads, declared once with its type and default.

Settings import from here; nothing else in Esep reads ``os.environ``. ``DECLARED`` lists them all (the
README's configuration table is checked against it: esep/core/tests/test_docs_match.py).

Paths: everything Esep ships (templates, static files, translations, typst templates, reference data) is read
from the installed package (``PACKAGE_DIR``); everything it writes goes under ``ESEP_VAR_DIR`` or the
more specific directories below, so a wheel installed in a read-only site-packages works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

PACKAGE_DIR = Path(__file__).resolve().parent
# A source checkout (make setup) keeps its state in <checkout>/var; an installed wheel in ./var of the
# working directory unless ESEP_VAR_DIR says where.
_CHECKOUT = PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "pyproject.toml").is_file() else None
BASE_DIR = PACKAGE_DIR.parent  # the directory that holds the package; read-only for Esep


@dataclass(frozen=True)
class Var:
    name: str
    kind: type
    default: Any
    help: str


DECLARED: dict[str, Var] = {}


def _declare(name: str, kind: type, default: Any, help: str) -> Any:
    DECLARED[name] = Var(name, kind, default, help)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if kind is bool:
        low = raw.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"{name} must be a boolean, got {raw!r}")
    if kind is int:
        return int(raw)
    if kind is list:
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


DEBUG: bool = _declare("ESEP_DEBUG", bool, False, "Django debug mode; never in production.")
SECRET_KEY: str = _declare(
    "ESEP_SECRET_KEY", str, "", "Secret key; required with ESEP_SECURE=1 (else a per-machine key in ESEP_VAR_DIR)."
)
ALLOWED_HOSTS: list[str] = _declare(
    "ESEP_ALLOWED_HOSTS", list, ["127.0.0.1", "localhost"], "Comma-separated host names served."
)
VAR_DIR: str = _declare(
    "ESEP_VAR_DIR",
    str,
    str((_CHECKOUT or Path.cwd()) / "var"),
    "Writable state: the SQLite database, uploads, static files, the SMS log, the local secret key.",
)
DATABASE_URL: str = _declare(
    "DATABASE_URL",
    str,
    f"sqlite:///{Path(VAR_DIR) / 'esep.sqlite3'}",
    "sqlite:///path or postgres://user:password@host:port/name",
)
REDIS_URL: str = _declare("ESEP_REDIS_URL", str, "", "Redis for the shared cache; empty: local memory cache.")
MEDIA_ROOT: str = _declare("ESEP_MEDIA_ROOT", str, str(Path(VAR_DIR) / "media"), "Uploaded files.")
STATIC_ROOT: str = _declare("ESEP_STATIC_ROOT", str, str(Path(VAR_DIR) / "static"), "collectstatic target.")
SITE_URL: str = _declare("ESEP_SITE_URL", str, "http://127.0.0.1:8000", "Public address, used in QR codes.")
SECURE: bool = _declare("ESEP_SECURE", bool, False, "Behind HTTPS: secure cookies, HSTS, SSL redirect.")
EMAIL_URL: str = _declare("ESEP_EMAIL_BACKEND", str, "console", "console, smtp or locmem.")
EMAIL_HOST: str = _declare("ESEP_EMAIL_HOST", str, "localhost", "SMTP host when the backend is smtp.")
DEFAULT_FROM_EMAIL: str = _declare("ESEP_FROM_EMAIL", str, "esep@localhost", "Sender of Esep's mail.")
SMS_BACKEND: str = _declare(
    "ESEP_SMS_BACKEND", str, "log", "log (write SMS to SMS_LOG_FILE; no gateway), locmem, or a dotted class path."
)
SMS_LOG_FILE: str = _declare("ESEP_SMS_LOG_FILE", str, str(Path(VAR_DIR) / "sms.log"), "Where the log backend writes.")
TRUSTED_PROXY_HOPS: int = _declare(
    "ESEP_TRUSTED_PROXY_HOPS", int, 0, "How many proxies in front of Esep add X-Forwarded-For (0: trust none)."
)
QUESTION_MIN_FILL_SECONDS: int = _declare(
    "ESEP_QUESTION_MIN_FILL_SECONDS", int, 3, "A question form sent faster than this is taken for a robot."
)
API_EVALUATE_MAX_BYTES: int = _declare(
    "ESEP_API_EVALUATE_MAX_BYTES", int, 256 * 1024, "Largest body /api/v1/compliance/evaluate reads (bytes)."
)
WEB_CONCURRENCY: int = _declare(
    "ESEP_WEB_CONCURRENCY",
    int,
    1,
    "How many worker processes serve Esep (gunicorn -w). Above 1, ESEP_REDIS_URL is required: limits and "
    "one-use form tokens must be shared between processes (esep check --deploy fails otherwise).",
)
SESSION_IDLE_MINUTES: int = _declare(
    "ESEP_SESSION_IDLE_MINUTES", int, 30, "A signed-in session ends after this many minutes without a request."
)
SESSION_MAX_HOURS: int = _declare(
    "ESEP_SESSION_MAX_HOURS", int, 12, "A signed-in session ends this many hours after login, whatever the activity."
)
UPLOAD_DOCUMENT_MAX_MB: int = _declare(
    "ESEP_UPLOAD_DOCUMENT_MAX_MB", int, 2, "Largest scan or evidence file (PDF, JPEG, PNG), in MB."
)
UPLOAD_VIDEO_MAX_MB: int = _declare(
    "ESEP_UPLOAD_VIDEO_MAX_MB", int, 2048, "Largest meeting video file (MP4, MOV, 3GP, WebM, AVI), in MB."
)
MEDIA_STORAGE: str = _declare(
    "ESEP_MEDIA_STORAGE",
    str,
    "filesystem",
    "Where uploads live: filesystem (ESEP_MEDIA_ROOT) or s3 (a bucket; pip install -r requirements/s3.txt).",
)
S3_BUCKET: str = _declare("ESEP_S3_BUCKET", str, "", "The bucket for uploads when ESEP_MEDIA_STORAGE=s3.")
S3_ENDPOINT_URL: str = _declare("ESEP_S3_ENDPOINT_URL", str, "", "The S3-compatible endpoint (empty: AWS).")
S3_REGION: str = _declare("ESEP_S3_REGION", str, "", "The bucket's region, if the store needs one.")
S3_ACCESS_KEY_ID: str = _declare("ESEP_S3_ACCESS_KEY_ID", str, "", "Access key for the bucket.")
S3_SECRET_ACCESS_KEY: str = _declare("ESEP_S3_SECRET_ACCESS_KEY", str, "", "Secret key for the bucket.")
PUBLIC_CACHE_SECONDS: int = _declare("ESEP_PUBLIC_CACHE_SECONDS", int, 300, "Anonymous page cache lifetime.")
SEAL_KEY: str = _declare(
    "ESEP_SEAL_KEY",
    str,
    "",
    "Key of the minutes seal (HMAC), held outside the database; required in production (check --deploy). "
    "Empty: a key kept in ESEP_VAR_DIR/seal_key on this machine.",
)


def local_seal_key() -> str:
    """Without ESEP_SEAL_KEY, a random key kept in ESEP_VAR_DIR/seal_key on this machine (never committed). Several
    servers must share one key: set ESEP_SEAL_KEY (``esep check --deploy`` refuses to pass without it)."""
    import secrets

    path = Path(VAR_DIR) / "seal_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


QUEUE_FILE: str = _declare(
    "ESEP_QUEUE_FILE",
    str,
    str(Path(VAR_DIR) / "queue.sqlite3"),
    "The worker's queue when no Redis is configured (one machine only).",
)
METRICS_TOKEN: str = _declare(
    "ESEP_METRICS_TOKEN", str, "", "Bearer token for /metrics from other hosts; empty: loopback only."
)
LOG_FORMAT: str = _declare("ESEP_LOG_FORMAT", str, "text", "text or json (one JSON object per line).")
REQUEST_LOG_LEVEL: str = _declare(
    "ESEP_REQUEST_LOG_LEVEL", str, "WARNING", "INFO writes one log line per request (method, path, status, time)."
)


def local_secret_key() -> str:
    """Without ESEP_SECRET_KEY, a random key kept in ESEP_VAR_DIR/secret_key on this machine (never
    committed), so a single-machine install works out of the box and sessions survive restarts. Production
    (ESEP_SECURE=1) refuses this: several servers need one key (settings.py)."""
    import secrets

    path = Path(VAR_DIR) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def database_from_url(url: str) -> dict[str, Any]:
    """Turn DATABASE_URL into a Django DATABASES entry (SQLite in WAL mode or PostgreSQL)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path.startswith("//"):
            path = path[1:]
        name = path[1:] if path.startswith("/") and not path.startswith("//") and parts.netloc else path
        if not name or name == "/:memory:":
            name = ":memory:"
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            # Kept open between requests: opening an SQLite file reads its whole schema (about 1.5 ms with
            # Esep's 300 tables and indexes), more than a small public page costs to render.
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked"
                # when a read transaction later wants to write.
                # mmap: reads come straight from the operating system's page cache instead of being copied
                # into each connection's small page cache.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
                "PRAGMA mmap_size=268435456;",
                "transaction_mode": "IMMEDIATE",
            },
            "TEST": {"NAME": ":memory:"},
        }
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")) or "esep",
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ValueError(f"DATABASE_URL scheme {parts.scheme!r} is not supported (sqlite or postgres)")
