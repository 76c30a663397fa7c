"""Monthly warnings: who gets them, what they say, and never twice."""

import datetime

from django.core import mail
from django.core.management import call_command

from oversight.models import WarningSent
from oversight.warnings import send_warnings
from reporting.models import Notification

NOV26 = datetime.date(2026, 11, 26)  # the day after November's due date


def test_units_behind_are_warned_the_day_after_the_due_date(reported, django_capture_on_commit_callbacks):
    assert send_warnings(datetime.date(2026, 11, 25)) == []  # not before the figures are in
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_warnings(NOV26)
    warned = {s.unit_name: s.counts for s in sent}
    # 鼓东 has 30 of 33.3 (90.1%), behind 时序进度 on 26 November (330/365 = 90.4%): yellow.
    assert warned["鼓东街道"] == {"red": 0, "yellow": 1, "blue": 0}
    assert set(warned) == {"鼓东街道", "鼓西街道", "洪山镇", "区民政局"}
    [note] = Notification.objects.filter(user=reported["people"]["gudong"])
    assert "【进度预警】" in note.message and "落后时序进度1项" in note.message and "90.1%" in note.message
    assert [m.to for m in mail.outbox if "进度预警" in m.subject and "gudong@example.gov.cn" in m.to]


def test_a_second_run_warns_nobody_again(reported):
    first = send_warnings(NOV26)
    assert first and send_warnings(NOV26) == []
    assert WarningSent.objects.count() == len(first)


def test_a_unit_on_track_is_not_warned(reported):
    from oversight.tests.conftest import report_figure

    report_figure(reported, "鼓西街道", "2026年11月", "33.3")  # its draft, now complete and submitted
    names = {s.unit_name for s in send_warnings(NOV26)}
    assert "鼓西街道" not in names


def test_the_command_says_what_it_sent(reported, capsys):
    call_command("send_warnings", "--today", "2026-11-26")
    out = capsys.readouterr().out
    assert "已向4个单位发送进度预警" in out and "鼓东街道" in out
    call_command("send_warnings", "--today", "2026-11-26")
    assert "没有需要发送的预警" in capsys.readouterr().out


def test_a_bad_date_is_refused_in_chinese(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_warnings", "--today", "26/11/2026")


def test_the_office_robot_gets_one_digest_of_the_units_warned(reported, django_capture_on_commit_callbacks):
    from notifications.models import GroupRobot
    from notifications.tests.robot_server import robot_server

    office = reported["plan"].office  # 区民政局
    with robot_server() as server:
        GroupRobot.objects.create(office=office, name="协作群", platform=GroupRobot.Platform.DINGTALK,
                                  message_format=GroupRobot.Format.TEXT, webhook_url=server.webhook("/robot/send"))
        GroupRobot.objects.create(office=office, name="只收提醒", platform=GroupRobot.Platform.WECOM,
                                  webhook_url=server.webhook("/reminders-only"), kinds=["reminder"])
        with django_capture_on_commit_callbacks(execute=True):
            sent = send_warnings(NOV26)
        assert send_warnings(NOV26) == []  # the second run posts nothing either

    [got] = server.received
    assert got.path == "/robot/send"
    lines = got.body["text"]["content"].splitlines()
    assert lines[:2] == ["【进度预警（11月26日）】", f"《{reported['plan'].title}》截至2026年11月，{len(sent)}个单位有预警："]
    assert "- 鼓东街道：落后时序进度1项" in lines and len(lines) == 2 + len(sent)
