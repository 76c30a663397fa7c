import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, the apps, the URL and template machinery) lives as long
# as the process: move it out of the collector's reach, so the full collections a dashboard's
# hundred thousand short-lived objects trigger do not rescan it. On the national-scale data this
# cut a county dashboard's p95 by ~50 ms (docs/benchmarks.md). Forked workers share the pages too.
gc.freeze()
