"""gunicorn settings for production and `make serve`:
`gunicorn -c xiezuo/gunicorn.conf.py xiezuo.wsgi` with DJANGO_SETTINGS_MODULE=xiezuo.settings_production.

Each setting can be changed from the environment (GUNICORN_BIND, WEB_CONCURRENCY, GUNICORN_TIMEOUT)
or the command line, which wins over this file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # behind the reverse proxy that ends TLS
# Sync workers: every request is short database work; (2 × CPUs) + 1 is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Generating a bulletin or reading a 300-task document takes seconds, not minutes.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Load the application once before forking: workers share its memory, and xiezuo/wsgi.py's
# gc.freeze() then covers them all.
preload_app = True
# A worker is replaced after this many requests, so slow growth in memory never builds up.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"  # standard output, beside Django's log lines
errorlog = "-"  # standard error: start-up, worker and timeout messages
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 24+ opens a control socket at ~/.gunicorn/gunicorn.ctl, one path for every instance a
# user runs (a second server, the tests); Xiezuo does not use it.
control_socket_disable = True
