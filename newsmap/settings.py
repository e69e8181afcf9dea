"""Settings for newsmap, read from environment variables.

Every setting that differs between a laptop and a deployment comes from the
environment through the small typed helpers below; a bad value stops start-up
with ImproperlyConfigured naming the variable.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}")
    return value


def env_float(name: str, default: float, above: float | None = None) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a finite number")
    if above is not None and value <= above:
        raise ImproperlyConfigured(f"{name}={raw!r} must be more than {above:g}")
    return value


def env_url(name: str, default: str) -> str:
    """An http(s) address, or empty."""
    raw = os.environ.get(name, default).strip()
    if raw and not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", raw):
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not an http(s) URL (use https://newsmap.example.org/)"
        )
    return raw


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}")
    return value


_ORIGIN = re.compile(r"^https?://(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?$")


def env_origins(name: str) -> list[str]:
    """Comma-separated origins (scheme://host[:port]), as CSRF_TRUSTED_ORIGINS wants them."""
    origins = env_list(name, [])
    bad = [origin for origin in origins if not _ORIGIN.match(origin)]
    if bad:
        raise ImproperlyConfigured(
            f"{name} has entries that are not origins: {', '.join(map(repr, bad))} "
            "(use https://news.example.com or https://*.example.com)"
        )
    return origins


def env_proxy_header(name: str) -> tuple[str, str] | None:
    """The header a reverse proxy sets to 'https' for requests it took over TLS.

    Given as the header's name (X-Forwarded-Proto); Django wants its WSGI key.
    Only set it behind a proxy that always sets or strips that header: otherwise
    a client could claim its plain request was secure.
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", raw):
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a header name (use X-Forwarded-Proto, which the proxy "
            "sets to https)"
        )
    return f"HTTP_{raw.upper().replace('-', '_')}", "https"


DEBUG = env_bool("DEBUG", False)
# The default key is only for a laptop: `manage.py check --deploy` flags it.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-newsmap-development-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
# Sites whose forms may post here (the admin's login behind a proxy on another
# host or port than the one Django sees).
CSRF_TRUSTED_ORIGINS = env_origins("CSRF_TRUSTED_ORIGINS")

# HTTPS (README.md, Deploying). All off by default, so that make serve works over
# plain HTTP on 127.0.0.1; a public site behind TLS turns them on.
SECURE_PROXY_SSL_HEADER = env_proxy_header("SECURE_PROXY_SSL_HEADER")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Cookies go over HTTPS only wherever plain HTTP is redirected to it.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE_SSL_REDIRECT)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE_SSL_REDIRECT)
# Browsers that saw it refuse plain HTTP for this long: start small (3600), then a year.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

# Where newsmap keeps what it builds and stores: the SQLite database and the
# gazetteer index. Both are made on first use.
VAR_DIR = Path(env_str("NEWSMAP_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    # SimpleAdminConfig, not "django.contrib.admin": the default admin config
    # autodiscovers every app's admin module, and django-leaflet's imports
    # GeoDjango, which crashes start-up on machines without GDAL. Our own admin
    # modules are imported explicitly in newsmap/urls.py instead.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Kept for its Leaflet static files and template tags only (see above).
    "leaflet",
    # Editors' history of places, aliases, mentions and events (see README, Editors).
    "simple_history",
    # For its Swagger UI files: /api/docs then works offline and runs no inline script.
    "ninja",
    # Login rate limiting (events/logins.py).
    "axes",
    "events",
]

MIDDLEWARE = [
    # CSP frame-ancestors: 'none' everywhere, EMBED_FRAME_ANCESTORS on the embeds.
    # First, so that it also covers answers the other middleware make themselves.
    "events.framing.FramingMiddleware",
    # Every page's policy (script only from newsmap's files); framing adds to it.
    "events.csp.ContentSecurityPolicyMiddleware",
    # gzip for /api/ answers only (not the HTML pages: BREACH); after everything
    # below has written the body.
    "events.api_compression.ApiGZipMiddleware",
    # A NUL in a query string is a 400 on the admin and the pages too.
    "events.params.NulQueryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves /static/ from STATIC_ROOT under gunicorn (make serve): compressed
    # files, and forever-cacheable hashed names. Right after SecurityMiddleware,
    # so that its redirects and headers also cover static files.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Lets history records name the editor who made each change.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a refused login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login rate limiting (events/logins.py, README.md, Deploying): a username that
# fails LOGIN_FAILURE_LIMIT times from one address is refused there for
# LOGIN_COOLOFF_MINUTES. The check is a backend of its own, before Django's.
AUTHENTICATION_BACKENDS = [
    "events.logins.LoginRateLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "events.logins.locked_out"
AXES_CLIENT_IP_CALLABLE = "events.logins.client_address"
# Reverse proxies in front of newsmap that append the client's address to
# X-Forwarded-For (nginx's $proxy_add_x_forwarded_for): one for README's nginx.
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)

# No page of newsmap may be framed, except the embeds (events/framing.py), which
# these origins may frame: "*" is any site, an empty value none.
X_FRAME_OPTIONS = "DENY"
EMBED_FRAME_ANCESTORS = env_list("EMBED_FRAME_ANCESTORS", ["*"])

ROOT_URLCONF = "newsmap.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "newsmap.wsgi.application"


def _database() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'newsmap.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
    if config["ENGINE"] not in {
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    }:
        raise ImproperlyConfigured("DATABASE_URL must be sqlite:// or postgres://")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Long ingests write while the map reads: WAL lets both go on. Writers
        # take turns: a transaction that begins as a reader and then writes cannot
        # wait for the lock (SQLite answers "database is locked" at once, whatever
        # the timeout), so every transaction takes the write lock when it begins
        # (IMMEDIATE) and waits up to `timeout` seconds for it: an editor's save
        # waits for an ingest's batch (well under a second) instead of failing.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
        }
    else:
        # PostgreSQL compiles a query to machine code once its estimated cost
        # passes jit_above_cost, which a few thousand rows' correlated subquery
        # does: 6-12 ms of compiling for a 2 ms query (/api/events/compact for a
        # week among 100,000 events). Nothing here runs long enough to repay it.
        # First, so that options given in DATABASE_URL can still turn it on.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"-c jit=off {options.get('options', '')}".strip()
    return config


DATABASES = {"default": _database()}


def on_postgresql(config: dict) -> bool:
    return config["ENGINE"] == "django.db.backends.postgresql"


# The job queue for ingests on many machines (README.md, Scaling out): procrastinate
# keeps its jobs in PostgreSQL, and its migrations are PostgreSQL's own SQL, so it is
# installed only there. On SQLite, the default, nothing of it is migrated or loaded,
# and `ingest --queue` says that it needs PostgreSQL.
QUEUE_AVAILABLE = on_postgresql(DATABASES["default"])
if QUEUE_AVAILABLE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("events"), "procrastinate.contrib.django")
# The module whose tasks the workers run (`manage.py procrastinate worker`).
PROCRASTINATE_IMPORT_PATHS = ["events.queue"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The offline basemap, from npm (package.json): Natural Earth outlines and their reader.
    ("vendor/world-atlas", BASE_DIR / "node_modules" / "world-atlas"),
    ("vendor/topojson-client", BASE_DIR / "node_modules" / "topojson-client" / "dist"),
]
# Where `manage.py collectstatic` (make serve runs it) gathers the files
# whitenoise serves.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Names carry a hash of the content (map.3f2a….js), so browsers may keep a
    # file forever and a new release is never mixed with an old cached script;
    # gzip copies are made once, at collectstatic. A template naming
    # a file that is not collected fails loudly rather than linking a 404.
    "staticfiles": {"BACKEND": "newsmap.storage.StaticFilesStorage"},
}

# Geocoding. "gazetteer" is newsmap's offline index; "nominatim" asks
# OpenStreetMap's service through geopy and needs network access, with the
# gazetteer as fallback.
GAZETTEER_PATH = Path(env_str("GAZETTEER_PATH", str(VAR_DIR / "gazetteer.sqlite3")))
GEOCODER = env_choice("GEOCODER", "gazetteer", ("gazetteer", "nominatim"))
NOMINATIM_USER_AGENT = env_str("NOMINATIM_USER_AGENT", "newsmap")

# The largest article file ingest reads (bytes): a file is read whole into
# memory (a single article needs about 20 times its size while it is annotated
# and stored), and anything larger is refused with a line saying so.
INGEST_MAX_FILE_BYTES = env_int("INGEST_MAX_FILE_BYTES", 64 * 1024 * 1024, minimum=1)

# Feeds and article pages fetched over HTTP (events/fetch.py). A feed URL is untrusted
# input, so only public addresses are asked unless this is true (a newsroom's own
# intranet feeds, or the tests' server on 127.0.0.1).
FETCH_ALLOW_PRIVATE_ADDRESSES = env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
# The whole request, from connecting to the last byte.
FETCH_TIMEOUT_SECONDS = env_float("FETCH_TIMEOUT_SECONDS", 20.0, above=0)
# A feed or page larger than this is refused (a page is parsed whole in memory).
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5, minimum=0)
# Per host: a site's feed and its articles' pages are asked one at a time, this often.
FETCH_REQUESTS_PER_SECOND = env_float("FETCH_REQUESTS_PER_SECOND", 1.0, above=0)
# Where the people running this newsmap can be found: named in the User-Agent, so that
# a site's owner who sees newsmap's requests knows whom to ask.
NEWSMAP_URL = env_url("NEWSMAP_URL", "")

# The read API pages its lists; a client may ask for at most this many.
API_MAX_LIMIT = env_int("API_MAX_LIMIT", 5000, minimum=1)

LEAFLET_CONFIG = {
    # Leaflet finds its marker images from its stylesheet's URL for them, which
    # fails once collectstatic has hashed the name (marker-icon.2273e3d8ad92.png):
    # the place form's marker asked for a page-relative marker-icon.png instead.
    # Told the folder (the leaflet_js tag hands it to Leaflet as is), it loads the
    # unhashed copy whitenoise also serves.
    "FORCE_IMAGE_PATH": f"/{STATIC_URL}leaflet/images/",
    "DEFAULT_CENTER": (30.0, 15.0),
    "DEFAULT_ZOOM": 3,
    "TILES": [
        (
            "OpenStreetMap",
            env_str("TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            {
                "attribution": env_str(
                    "TILE_ATTRIBUTION",
                    '&copy; <a href="https://www.openstreetmap.org/copyright">'
                    "OpenStreetMap</a> contributors",
                )
            },
        )
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # A queue worker says what each job stored (events/queue.py).
    "loggers": {"events.queue": {"level": "INFO"}},
}
