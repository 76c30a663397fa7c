"""The signed-in person's notifications: the list, and marking them all read.

Access: any signed-in person, and only ever their own rows (there is no way to
ask for anyone else's); anonymous people are sent to log in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from notifications.models import Notification

PER_PAGE = 50


def _own(user):
    return Notification.objects.filter(user=user)


@login_required
def notification_list(request):
    notifications = _own(request.user)
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {
        "page": page,
        "unread_count": notifications.filter(read_at=None).count(),
    })


@login_required
@require_POST
def mark_all_read(request):
    count = _own(request.user).filter(read_at=None).update(read_at=timezone.now())
    if count:
        messages.success(request, f"已将{count}条通知标为已读。")
    return redirect("notifications:list")
