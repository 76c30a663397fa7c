"""The project's own pages: where `/` leads each person, and the error pages.

The project package comes after every app, so it may ask them all where a
person's work is; the apps themselves never decide another app's landing page.
"""

import re

from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.roles import Role

# Only a message written for people is shown on an error page; Django's own
# (“No Plan matches the given query.”, a resolver's dict) are English internals.
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def landing_url(user) -> str:
    """Where a signed-in person's work is: office and leaders oversee, reviewers
    review, reporters report. Several roles: the first of those, in that order."""
    if user.is_superuser or user.has_role(Role.OFFICE_ADMIN) or user.has_role(Role.LEADER):
        return reverse("oversight:overview")
    if user.has_role(Role.REVIEWER):
        return reverse("reporting:review")
    if user.has_role(Role.REPORTER):
        return reverse("reporting:my_work")
    return reverse("plans:list")  # no role yet: the plans, which every signed-in person may read


def home(request):
    if not request.user.is_authenticated:
        return redirect("login")
    return redirect(landing_url(request.user))


def _message(exception) -> str:
    message = exception.args[0] if exception is not None and exception.args else ""
    if not isinstance(message, str) or not CHINESE.search(message):
        return ""
    return message.rstrip("。")  # the page ends the sentence


def page_not_found(request, exception):
    return render(request, "404.html", {"message": _message(exception)}, status=404)


def permission_denied(request, exception):
    return render(request, "403.html", {"message": _message(exception)}, status=403)
