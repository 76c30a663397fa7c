"""Issuing tells the units in the app and by e-mail, and the office's group chat once per action."""

import pytest
from django.core import mail

from issuance import services
from notifications.models import GroupRobot, Kind
from notifications.tests.conftest import make_robot
from notifications.tests.robot_server import robot_server


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def server():
    with robot_server() as running:
        yield running


def test_issuing_emails_each_unit_and_posts_one_digest(issued_work, server, django_capture_on_commit_callbacks):
    people, plan = issued_work["people"], issued_work["plan"]
    make_robot(plan.office, server.webhook(), platform=GroupRobot.Platform.WECOM, kinds=[Kind.GENERAL, Kind.REMINDER])
    with django_capture_on_commit_callbacks(execute=True):
        version = services.do_issue_plan(people["office"], plan)
    # Every unit's people with an address (鼓东街道, 鼓西街道, 区教育局; 洪山镇 has nobody), never the office.
    assert sorted(address for email in mail.outbox for address in email.to) == [
        "education@example.gov.cn", "gudong@example.gov.cn", "guxi@example.gov.cn"]
    assert all(f"/issuance/versions/{version.pk}/" in email.body for email in mail.outbox)
    [post] = server.received  # one digest, not one post a unit
    content = post.body["markdown"]["content"]
    assert content.startswith("### 关于印发《2026年测试方案》的通知（第1版·下达）")
    assert all(name in content for name in ("鼓东街道", "鼓西街道", "洪山镇", "区教育局"))

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.do_remind_unsigned(people["office"], plan)
    assert len(mail.outbox) == 3 and len(server.received) == 2
    assert "尚未签收，已提醒" in server.received[1].body["markdown"]["content"]
    # The same day again: nothing leaves.
    with django_capture_on_commit_callbacks(execute=True):
        services.do_remind_unsigned(people["office"], plan)
    assert len(mail.outbox) == 3 and len(server.received) == 2
