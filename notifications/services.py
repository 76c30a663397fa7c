"""One way to tell people something: `notify(...)` — in the app, by e-mail, and to the office's group robots.

Everything that leaves the server (e-mail, robot posts) goes on commit: a
rolled-back action sends nothing. Robot posts never raise (see robots.py);
an e-mail failure still raises after the commit, as before, so the reminder
and warning runs can report which e-mails failed.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q

from accounts.models import User
from orgs.models import Unit
from notifications import robots
from notifications.models import GroupRobot, Kind, Notification


def recipients_of(units_or_users) -> list[User]:
    """The active users behind a unit, a user, or any mix of them, each once, in a stable order."""
    if isinstance(units_or_users, (Unit, User)):
        units_or_users = [units_or_users]
    unit_ids, user_ids = set(), set()
    for item in units_or_users or []:
        if isinstance(item, Unit):
            unit_ids.add(item.pk)
        elif isinstance(item, User):
            user_ids.add(item.pk)
        else:
            raise TypeError(f"notify() takes units or users, not {type(item).__name__}")
    if not unit_ids and not user_ids:
        return []
    return list(User.objects.filter(is_active=True).filter(
        Q(unit_id__in=unit_ids) | Q(pk__in=user_ids)).order_by("pk"))


def notify(units_or_users, message: str, *, url: str = "", kind: str = Kind.GENERAL, office: Unit | None = None,
           title: str = "") -> list[Notification]:
    """Tell the units' (and users') active people in the app, e-mail those with an address, and post
    the message to `office`'s group robots that take this kind (titled `title`, else the kind's name).

    A run that tells many units (reminders, warnings) leaves `office` out here and posts one digest
    per office with `notify_robots` instead: robots accept 20 posts a minute.
    """
    users = recipients_of(units_or_users)
    created = Notification.objects.bulk_create([Notification(user=u, message=message, url=url) for u in users])
    if office is not None:
        notify_robots(office, kind, title or Kind(kind).label, [message])
    addresses = [u.email for u in users if u.email]
    if addresses:
        # Sent once the transaction commits: a rolled-back action sends nothing.
        transaction.on_commit(lambda: send_mail("【协作】" + message[:40], f"{message}\n\n{url}",
                                                settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=False))
    return created


def robots_for(office: Unit, kind: str) -> list[GroupRobot]:
    # An office has a handful of robots: the kind is checked here rather than in a JSON query,
    # which SQLite cannot do.
    return [r for r in GroupRobot.objects.filter(office=office, enabled=True).select_related("office") if r.wants(kind)]


def notify_robots(office: Unit, kind: str, title: str, lines: list[str]) -> None:
    """Post to each of the office's robots that take `kind`, after the commit (robust: never raises)."""
    chosen = robots_for(office, kind)
    if not chosen or not lines:
        return

    def post_all():
        for robot in chosen:
            robots.post(robot, kind, title, lines)

    transaction.on_commit(post_all, robust=True)
