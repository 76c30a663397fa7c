"""What a locked-out person sees (django-axes' AXES_LOCKOUT_CALLABLE).

django-axes counts failed logins (settings: AXES_*) and, once a username at one address has
failed too often, refuses it — even with the right password — until the cool-off has passed or
a superuser unlocks it. Axes' own answer is a line of English; this gives the login page back
with a Chinese message, and the API a Chinese JSON error, both with status 429.
"""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import JsonResponse
from django.shortcuts import render

from accounts.redirects import local_next


def lockout_minutes() -> int:
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def lockout_message() -> str:
    return f"登录失败次数过多，账户已暂时锁定，请 {lockout_minutes()} 分钟后再试或联系管理员解锁"


def lockout_response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    message = lockout_message()
    # The API (HTTP Basic) answers in JSON; so does its lockout, in the API's error shape.
    if original_response is not None and original_response.get("Content-Type", "").startswith("application/json"):
        return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "lockout_message": message, "next": local_next(request)}
    return render(request, "registration/login.html", context, status=status)
