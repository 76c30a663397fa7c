"""Settings for development, tests and `make run`.

Everything that differs between machines comes from the environment:
DATABASE_URL, SECRET_KEY, XIEZUO_DEBUG, ALLOWED_HOSTS, MEDIA_ROOT. Production
overrides live in xiezuo.settings_production.
"""

import datetime
from pathlib import Path

import dj_database_url

from xiezuo.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("XIEZUO_VAR_DIR", str(BASE_DIR / "var")))

# Only for local use; production refuses to start without its own key.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# Off unless asked for: with it on, a mistyped address shows Django's English
# debug page (and the settings) instead of Xiezuo's own 404. The name is
# prefixed because a bare DEBUG is set by many other tools' environments.
DEBUG = env_bool("XIEZUO_DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # the API docs' Swagger UI from its own static files, not a CDN (closed networks)
    "simple_history",  # one history of every domain model: who, when, from where, old → new, why
    "axes",  # failed logins counted and locked out (login page and the API's HTTP Basic)
    "history",  # the history's common base (IP address, acting user and reason); first, imported by all
    # Domain apps, in layer order: each imports only from those above it.
    "intake",
    "orgs",
    "accounts",
    "notifications",
    "plans",
    "checks",
    "reporting",
    "people",  # 选派人员: the roster of dispatched people and their allowances
    "funds",  # 协作资金项目: projects and their monthly funds reports
    "ledgers",  # 明细台账: detail rows whose sum is a unit's monthly figure
    "exchanges",  # 结对与互访: pairings at every level and exchanges between paired sides
    "oversight",
    "assessment",  # the year-end assessment: schemes, score sheets, scores (after oversight, before registry)
    "planning",  # the office's plan workbench: edit, 预分解, 承接, units' 自选动作
    "issuance",  # 交办/下达: versions, 通知 .docx/.xlsx, 签收, 调整
    "registry",  # the office's registry pages: units, accounts, pairings, reporting schedules
    "audit",  # the history per object and the office's log; reads every app's history
    "samples",  # the sample data `make run` loads; imports from every product app, none imports it
    "xiezuo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Any save of a historied model during a request (the admin included) records who made it.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login or Basic request into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "xiezuo.urls"
WSGI_APPLICATION = "xiezuo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

_default_sqlite = VAR_DIR / "xiezuo.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{_default_sqlite}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Several people saving at once must wait for each other, not fail.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["timeout"] = 20

# The import review page posts every field of every task; a 300-task plan
# is about 3,000 fields, well past Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Above that, uploads go to a temporary file with no name on disk (xiezuo/uploads.py), so a
# worker killed mid-upload leaves nothing behind in /tmp; in FILE_UPLOAD_TEMP_DIR when set.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "xiezuo.uploads.AnonymousTemporaryFileUploadHandler",
]
FILE_UPLOAD_TEMP_DIR = env_str("FILE_UPLOAD_TEMP_DIR", None)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out username + address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # `/` sends each role on to its own work (xiezuo.views.home)
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes), for the login page and HTTP Basic on /api/v1/ alike.
# Counted per username *and* address together: a guesser at one address locks only the name it
# guesses, and never the colleagues sharing an office's NAT address, nor that user elsewhere.
# The price: a guesser spread over many addresses gets 5 tries per address, which the password
# validators make hopeless. A failure while locked out restarts the cool-off; a successful login
# clears the count. Superusers unlock in the admin (访问尝试) or with `axes_reset_username`.
AXES_FAILURE_LIMIT = int(env_str("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env_str("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"  # Chinese page / JSON, not axes' English text
AXES_VERBOSE = False  # no "AXES: BEGIN …" banner on every manage.py command; lockouts are still logged as warnings
# Reverse proxies in front of Django that append the client's address to X-Forwarded-For
# (nginx: proxy_add_x_forwarded_for). 0 = none: the header is ignored, and behind an undeclared
# proxy every client shares its address, so failures count per username alone.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "history.client.client_address"  # the same address the audit history records

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Reminders and returned reports go out by e-mail through Django's mail backends:
# printed to the console here (a development machine has no mail server),
# SMTP in production (settings_production).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "协作系统 <noreply@localhost>")
REMINDER_DAYS_BEFORE = int(env_str("REMINDER_DAYS_BEFORE", "3"))
# A group robot (企业微信/钉钉) post waits at most this long: it runs after the action commits,
# in the request or the cron run, and a slow chat server must not hold either up for long.
ROBOT_TIMEOUT_SECONDS = float(env_str("ROBOT_TIMEOUT_SECONDS", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Warnings on a reported figure (reporting/validation.py): a month's increase beyond this many
# times the average monthly increase so far, and a cumulative figure beyond this percentage of
# its target (numbers, read as Decimal by validation.Thresholds). Warnings do not refuse the
# figure; the reporter explains it before submitting.
FIGURE_WARN_JUMP_TIMES = env_str("FIGURE_WARN_JUMP_TIMES", "3")
FIGURE_WARN_OVER_TARGET_PERCENT = env_str("FIGURE_WARN_OVER_TARGET_PERCENT", "150")
