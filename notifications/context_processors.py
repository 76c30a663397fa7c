"""Template context for every page: the unread count shown in the top bar."""

from notifications.models import Notification


def unread_notifications(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    # One count per page, on the (user, read_at) index.
    return {"unread_notifications": Notification.objects.filter(user=user, read_at=None).count()}
