"""`/healthz`: whether this server can answer, for a load balancer, a monitor or `make serve`.

Open to anyone (it says nothing but ok or why not), never writes, and is exempt from the
HTTPS redirect so a probe over plain HTTP inside the network gets the answer, not a 301.
"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_problem(using: str = "default") -> str:
    """"" when the database answers SELECT 1; otherwise why not, in Chinese."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("health check: database unavailable: %s", error)
        return f"数据库无法连接：{str(error).strip() or type(error).__name__}"
    return ""


@never_cache
@require_safe
def healthz(request):
    problem = database_problem()
    if problem:
        return JsonResponse({"status": "error", "reason": problem}, status=503,
                            json_dumps_params={"ensure_ascii": False})
    return JsonResponse({"status": "ok"})
