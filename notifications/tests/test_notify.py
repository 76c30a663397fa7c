"""notify(): in the app for the active people, e-mail and robot posts only once the action commits."""

import pytest
from django.core import mail
from django.db import transaction

from notifications.models import GroupRobot, Kind, Notification, RobotDelivery
from notifications.services import notify, notify_robots, recipients_of
from notifications.tests.conftest import make_robot
from notifications.tests.robot_server import refused_url

Platform = GroupRobot.Platform


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_units_and_users_mixed_each_active_person_once(people, registry):
    units = registry["units"]
    got = recipients_of([units["鼓东街道"], people["gudong"], people["guxi"], people["gone"]])
    assert [u.username for u in got] == ["gudong", "gudong2", "guxi"]
    assert recipients_of(units["洪山镇"]) == [] and recipients_of([]) == []
    with pytest.raises(TypeError):
        recipients_of(["鼓东街道"])


def test_in_app_email_and_the_offices_robots(server, office, people, registry, django_capture_on_commit_callbacks):
    make_robot(office, server.webhook(), platform=Platform.WECOM, kinds=[Kind.RETURN])
    make_robot(office, server.webhook("/only-reminders"), platform=Platform.WECOM, name="只收提醒")
    make_robot(office, server.webhook("/off"), platform=Platform.WECOM, name="停用", kinds=[Kind.RETURN], enabled=False)
    make_robot(registry["units"]["区教育局"], server.webhook("/other"), platform=Platform.WECOM, kinds=[Kind.RETURN])

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            notify(registry["units"]["鼓东街道"], "报告被退回：请补充凭证", url="/reporting/reports/1/",
                   kind=Kind.RETURN, office=office)
            assert not server.received and not mail.outbox  # nothing leaves before the commit

    assert sorted(Notification.objects.values_list("user__username", "message", "url")) == [
        ("gudong", "报告被退回：请补充凭证", "/reporting/reports/1/"),
        ("gudong2", "报告被退回：请补充凭证", "/reporting/reports/1/")]
    [email] = mail.outbox
    assert email.to == ["gudong@example.cn"] and email.subject == "【协作】报告被退回：请补充凭证"
    assert "/reporting/reports/1/" in email.body
    [got] = server.received  # only the office's enabled robot that takes returns
    assert got.path == "/cgi-bin/webhook/send"
    assert got.body == {"msgtype": "markdown", "markdown": {"content": "### 退回与重新开放\n报告被退回：请补充凭证"}}


def test_without_an_office_no_robot_is_posted_to(server, office, people, registry, django_capture_on_commit_callbacks):
    make_robot(office, server.webhook(), platform=Platform.WECOM, kinds=list(Kind.values))
    with django_capture_on_commit_callbacks(execute=True):
        notify(people["guxi"], "一条消息")
    assert Notification.objects.get().user == people["guxi"] and len(mail.outbox) == 1
    assert server.received == []


def test_a_robot_that_is_down_does_not_stop_in_app_or_email(office, people, registry, django_capture_on_commit_callbacks):
    make_robot(office, refused_url(), platform=Platform.WECOM, kinds=[Kind.RETURN])

    with django_capture_on_commit_callbacks(execute=True):
        notify(registry["units"]["鼓东街道"], "报告被退回", kind=Kind.RETURN, office=office)

    assert Notification.objects.count() == 2 and [m.to for m in mail.outbox] == [["gudong@example.cn"]]
    failed = RobotDelivery.objects.get()
    assert not failed.ok and failed.error


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_action_sends_nothing_and_a_committed_one_posts(server, office, people, registry):
    """Real transactions: what was notified inside a rolled-back block never leaves the server."""
    make_robot(office, server.webhook(), platform=Platform.WECOM, kinds=[Kind.RETURN])
    street = registry["units"]["鼓东街道"]

    with pytest.raises(RuntimeError):
        with transaction.atomic():
            notify(street, "不会发出", kind=Kind.RETURN, office=office)
            notify_robots(office, Kind.RETURN, "汇总", ["- 也不会发出"])
            raise RuntimeError("the action failed after notifying")

    assert server.received == [] and mail.outbox == [] and not Notification.objects.exists()
    assert not RobotDelivery.objects.exists()

    with transaction.atomic():
        notify(street, "已发出", kind=Kind.RETURN, office=office)
    assert [r.body["markdown"]["content"] for r in server.received] == ["### 退回与重新开放\n已发出"]
    assert len(mail.outbox) == 1 and Notification.objects.count() == 2
    assert RobotDelivery.objects.get().ok
