"""Reminders: who gets one, when, exactly once (the notifications page is tested in notifications/tests)."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone

from accounts.models import User
from notifications import services as notification_services
from notifications.models import Notification
from orgs.models import Programme
from plans.models import Assignment, Plan, Task
from reporting import services
from reporting.models import ProgressReport, ReminderSent, ReportingSchedule
from reporting.reminders import Kind, reminder_message, send_reminders

Status = ProgressReport.Status
TITLE = "2026年鼓楼区闽宁协作任务分工方案"
BEFORE = datetime.date(2026, 11, 22)  # 3 days before the 25th
DUE = datetime.date(2026, 11, 25)
AFTER = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_DAYS_BEFORE = 3


@pytest.fixture
def units(registry):
    return registry["units"]


@pytest.fixture
def plan(units):
    """Task 1: 鼓东街道 leads, the group 三街镇 (all three streets) partners; task 2: 鼓西街道 alone.
    So 鼓东街道 and 洪山镇 report on task 1, 鼓西街道 on both."""
    plan = Plan.objects.create(title=TITLE, doc_number="鼓委振兴办〔2026〕9号", year=2026, kind=Programme.EAST_WEST,
                               office=units["区民政局"])
    ReportingSchedule.objects.create(plan=plan, due_day=25, starts_on=datetime.date(2026, 11, 1))
    first = Task.objects.create(plan=plan, list_name="附件1", ref="1", position=1, text="召开工作推进会。")
    Assignment.objects.create(task=first, unit=units["鼓东街道"], role=Assignment.Role.LEAD)
    Assignment.objects.create(task=first, unit=units["三街镇"], role=Assignment.Role.PARTNER)
    second = Task.objects.create(plan=plan, list_name="附件1", ref="2", position=2, text="落实社会帮扶资金。")
    Assignment.objects.create(task=second, unit=units["鼓西街道"], role=Assignment.Role.LEAD)
    return plan


@pytest.fixture
def people(units):
    return {
        "鼓东街道": User.objects.create_user(username="gudong", email="gudong@example.cn", unit=units["鼓东街道"]),
        "鼓西街道": User.objects.create_user(username="guxi", email="guxi@example.cn", unit=units["鼓西街道"]),
        "鼓西街道2": User.objects.create_user(username="guxi2", email="", unit=units["鼓西街道"]),  # no e-mail
        "洪山镇": User.objects.create_user(username="hongshan", email="hongshan@example.cn", unit=units["洪山镇"]),
    }


@pytest.fixture
def cycle(plan, people, units):
    """November open; 洪山镇 has submitted everything, the others nothing yet."""
    (cycle,) = services.open_cycles(BEFORE, plans=[plan])
    set_status(cycle, units["洪山镇"], Status.SUBMITTED)
    return cycle


def set_status(cycle, unit, status, **where):
    ProgressReport.objects.filter(cycle=cycle, unit=unit, **where).update(status=status)


def run(capture, today, days_before=3):
    with capture(execute=True):
        return send_reminders(today, days_before)


def command(capture, *args):
    out = StringIO()
    with capture(execute=True):
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_before_due_only_units_with_outstanding_reports_are_reminded(cycle, people, units,
                                                                      django_capture_on_commit_callbacks):
    sent = run(django_capture_on_commit_callbacks, BEFORE)

    assert sorted((s.unit.name, s.kind, s.outstanding) for s in sent) == [
        ("鼓东街道", Kind.BEFORE_DUE, 1), ("鼓西街道", Kind.BEFORE_DUE, 2)]
    assert all(s.cycle == cycle for s in sent)
    assert sorted(to for m in mail.outbox for to in m.to) == ["gudong@example.cn", "guxi@example.cn"]
    assert not Notification.objects.filter(user=people["洪山镇"]).exists()
    guxi = Notification.objects.get(user=people["鼓西街道"])
    assert guxi.message == f"《{TITLE}》2026年11月进度尚有2项未报送，请于11月25日前填报。"
    assert guxi.url == "/reporting/"
    assert Notification.objects.get(user=people["鼓西街道2"]).message == guxi.message  # in-app even without e-mail
    (guxi_mail,) = [m for m in mail.outbox if m.to == ["guxi@example.cn"]]
    assert guxi.message in guxi_mail.body
    assert set(ReminderSent.objects.values_list("unit__name", "kind", "sent_on")) == {
        ("鼓东街道", Kind.BEFORE_DUE, BEFORE), ("鼓西街道", Kind.BEFORE_DUE, BEFORE)}


def test_approved_counts_as_in_and_returned_as_outstanding(cycle, people, units, django_capture_on_commit_callbacks):
    set_status(cycle, units["鼓东街道"], Status.APPROVED)
    set_status(cycle, units["鼓西街道"], Status.RETURNED, task__ref="1")

    sent = run(django_capture_on_commit_callbacks, BEFORE)

    assert [(s.unit.name, s.outstanding) for s in sent] == [("鼓西街道", 2)]
    assert Notification.objects.get(user=people["鼓西街道"]).message == (
        f"《{TITLE}》2026年11月进度尚有2项未报送（其中退回待修改1项），请于11月25日前填报。")


def test_two_runs_the_same_day_send_nothing_the_second_time(cycle, django_capture_on_commit_callbacks):
    assert len(run(django_capture_on_commit_callbacks, BEFORE)) == 2
    emails, notifications = len(mail.outbox), Notification.objects.count()
    assert (emails, notifications) == (2, 3)

    assert run(django_capture_on_commit_callbacks, BEFORE) == []
    assert "没有需要发送的提醒" in command(django_capture_on_commit_callbacks, "--today", "2026-11-22")
    assert (len(mail.outbox), Notification.objects.count()) == (emails, notifications)


def test_a_reminder_claimed_by_a_parallel_run_is_skipped(cycle, units, django_capture_on_commit_callbacks):
    ReminderSent.objects.create(cycle=cycle, unit=units["鼓东街道"], kind=Kind.BEFORE_DUE, sent_on=BEFORE)

    sent = run(django_capture_on_commit_callbacks, BEFORE)

    assert [s.unit.name for s in sent] == ["鼓西街道"]
    assert [m.to for m in mail.outbox] == [["guxi@example.cn"]]


def test_overdue_the_day_after_goes_only_to_units_still_not_in(cycle, people, units, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks, BEFORE)
    set_status(cycle, units["鼓东街道"], Status.SUBMITTED)
    set_status(cycle, units["鼓西街道"], Status.SUBMITTED, task__ref="1")
    mail.outbox.clear()

    sent = run(django_capture_on_commit_callbacks, AFTER)

    assert [(s.unit.name, s.kind, s.outstanding) for s in sent] == [("鼓西街道", Kind.OVERDUE, 1)]
    assert [m.to for m in mail.outbox] == [["guxi@example.cn"]]
    latest = Notification.objects.filter(user=people["鼓西街道"]).first()
    assert latest.message == f"《{TITLE}》2026年11月进度尚有1项未报送，已逾期1天（报送截止日为11月25日），请尽快填报。"
    assert not Notification.objects.filter(user=people["鼓东街道"], message__contains="逾期").exists()
    assert run(django_capture_on_commit_callbacks, AFTER) == []


@pytest.mark.parametrize("day", [20, 21, 23, 24, 25, 27, 28])
def test_other_days_send_nothing(cycle, day, django_capture_on_commit_callbacks):
    assert run(django_capture_on_commit_callbacks, datetime.date(2026, 11, day)) == []
    assert mail.outbox == [] and not Notification.objects.exists() and not ReminderSent.objects.exists()


def test_nothing_for_a_plan_whose_reporting_is_switched_off(cycle, plan, django_capture_on_commit_callbacks):
    ReportingSchedule.objects.filter(plan=plan).update(active=False)
    assert run(django_capture_on_commit_callbacks, BEFORE) == []
    assert run(django_capture_on_commit_callbacks, AFTER) == []


def test_first_call_opens_the_cycle_and_its_reports(plan, people, django_capture_on_commit_callbacks):
    """No cycle yet: the run opens November and reminds every unit (all pending)."""
    sent = run(django_capture_on_commit_callbacks, BEFORE)
    assert sorted(s.unit.name for s in sent) == ["洪山镇", "鼓东街道", "鼓西街道"]
    assert plan.cycles.get().reports.count() == 4


def test_due_day_early_in_next_month_is_reminded_this_month(plan, people, django_capture_on_commit_callbacks):
    ReportingSchedule.objects.filter(plan=plan).update(due_day=2)
    sent = run(django_capture_on_commit_callbacks, datetime.date(2026, 11, 29))  # 3 days before December 2nd
    assert {s.cycle.label for s in sent} == {"2026年12月"}
    assert "请于12月2日前填报" in Notification.objects.filter(user=people["鼓东街道"]).get().message


def test_command_options_and_summary(cycle, django_capture_on_commit_callbacks):
    out = command(django_capture_on_commit_callbacks, "--today", "2026-11-22", "--days-before", "5")
    assert out.strip() == "2026-11-22：没有需要发送的提醒（截止日前5天提醒、逾期次日提醒均无待发）。"
    assert mail.outbox == []

    out = command(django_capture_on_commit_callbacks, "--today", "2026-11-20", "--days-before", "5")
    assert out.strip() == "2026-11-20：已提醒2个单位，共2条：截止日前提醒2条，逾期提醒0条。"
    assert len(mail.outbox) == 2

    out = command(django_capture_on_commit_callbacks, "--today", "2026-11-26", "--verbosity", "2")
    assert "已提醒2个单位，共2条：截止日前提醒0条，逾期提醒2条。" in out
    assert f"鼓西街道（逾期提醒）：《{TITLE}》2026年11月，2项未报送" in out


def test_command_defaults_to_today_and_the_setting(cycle, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.REMINDER_DAYS_BEFORE = 4
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 11, 21))
    out = command(django_capture_on_commit_callbacks)
    assert out.startswith("2026-11-21：已提醒2个单位")
    del settings.REMINDER_DAYS_BEFORE
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: BEFORE)
    # 3 days by default: the 22nd's reminder for the 25th was already sent on the 21st.
    assert command(django_capture_on_commit_callbacks).startswith("2026-11-22：没有需要发送的提醒（截止日前3天")


def test_command_refuses_a_bad_date_or_a_negative_number(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "2026/11/22")
    with pytest.raises(CommandError, match="不能为负数"):
        call_command("send_reminders", "--today", "2026-11-22", "--days-before", "-1")


@pytest.mark.django_db(transaction=True)
def test_two_committed_runs_send_once(registry, plan, people):
    """Outside a test transaction: claims really commit and the e-mail really goes on commit."""
    out = StringIO()
    call_command("send_reminders", "--today", "2026-11-22", stdout=out)
    call_command("send_reminders", "--today", "2026-11-22", stdout=out)
    assert len(mail.outbox) == 3  # 鼓东街道, 鼓西街道, 洪山镇 (nothing submitted yet), once each
    assert Notification.objects.count() == 4
    assert "已提醒3个单位" in out.getvalue() and "没有需要发送的提醒" in out.getvalue()



@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_once(registry, plan, people):
    """Two cron runs started together, over two real connections: each reminder goes out once."""
    if connection.vendor != "postgresql":
        pytest.skip("两个真实连接同时运行的测试在 PostgreSQL 上运行；SQLite 上由上面的顺序版本覆盖")
    services.open_cycles(BEFORE, plans=[plan])
    barrier = threading.Barrier(2)
    results = []

    def run_once():
        try:
            barrier.wait()
            results.append(send_reminders(BEFORE, 3))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 2
    assert sorted(s.unit.name for sent in results for s in sent) == ["洪山镇", "鼓东街道", "鼓西街道"]
    assert len(mail.outbox) == 3 and Notification.objects.count() == 4 and ReminderSent.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_failed_email_does_not_stop_the_run(registry, plan, people, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("邮件服务器拒绝连接")

    monkeypatch.setattr(notification_services, "send_mail", refuse)
    out, err = StringIO(), StringIO()
    call_command("send_reminders", "--today", "2026-11-22", stdout=out, stderr=err)
    assert "已提醒3个单位" in out.getvalue()
    assert err.getvalue().count("邮件发送失败（站内通知已发出）") == 3
    assert Notification.objects.count() == 4 and ReminderSent.objects.count() == 3

def test_message_wording():
    class Cycle:
        plan = type("P", (), {"title": TITLE})
        label, due_on = "2026年11月", DUE
    assert reminder_message(Cycle, Kind.BEFORE_DUE, BEFORE, 3) == f"《{TITLE}》2026年11月进度尚有3项未报送，请于11月25日前填报。"
    assert reminder_message(Cycle, Kind.OVERDUE, AFTER, 3) == (
        f"《{TITLE}》2026年11月进度尚有3项未报送，已逾期1天（报送截止日为11月25日），请尽快填报。")


# -- the office's group robots: one digest per run --------------------------------------------

@pytest.fixture
def server():
    from notifications.tests.robot_server import robot_server

    with robot_server() as running:
        yield running


def robot(office, url, **fields):
    from notifications.models import GroupRobot

    return GroupRobot.objects.create(office=office, name="鼓楼区协作工作群", platform=GroupRobot.Platform.WECOM,
                                     webhook_url=url, **fields)


def test_the_office_robot_gets_one_digest_per_run(cycle, units, server, django_capture_on_commit_callbacks):
    set_status(cycle, units["鼓西街道"], Status.RETURNED, task__ref="1")
    robot(units["区民政局"], server.webhook())
    robot(units["区民政局"], server.webhook("/warnings-only"), kinds=["warning"])
    robot(units["区教育局"], server.webhook("/another-office"))

    run(django_capture_on_commit_callbacks, BEFORE)

    [got] = server.received  # one post for two units, none to robots not asked for reminders
    assert got.path == "/cgi-bin/webhook/send"
    assert got.body["markdown"]["content"] == (
        "### 填报提醒（11月22日）\n"
        f"《{TITLE}》2026年11月（截止11月25日）尚有2个单位未报送完毕：\n"
        "- 鼓东街道：1项未报送\n"
        "- 鼓西街道：2项未报送（其中退回待修改1项）")

    assert run(django_capture_on_commit_callbacks, BEFORE) == []
    assert len(server.received) == 1  # a second run the same day posts nothing either

    run(django_capture_on_commit_callbacks, AFTER)
    assert server.received[1].body["markdown"]["content"].startswith(
        f"### 填报提醒（11月26日）\n《{TITLE}》2026年11月（截止11月25日，已逾期1天）尚有2个单位未报送完毕：")


def test_a_robot_that_is_down_does_not_stop_the_reminders(cycle, units, django_capture_on_commit_callbacks):
    from notifications.models import RobotDelivery
    from notifications.tests.robot_server import refused_url

    robot(units["区民政局"], refused_url())

    sent = run(django_capture_on_commit_callbacks, BEFORE)

    assert len(sent) == 2 and len(mail.outbox) == 2 and Notification.objects.count() == 3
    assert not RobotDelivery.objects.get().ok


def test_a_return_is_posted_only_to_robots_that_take_returns(cycle, units, people, server,
                                                             django_capture_on_commit_callbacks):
    robot(units["区民政局"], server.webhook("/returns"), kinds=["return"])
    robot(units["区民政局"], server.webhook("/reminders"))
    reporter = people["鼓东街道"]
    report = ProgressReport.objects.get(cycle=cycle, unit=units["鼓东街道"])
    ProgressReport.objects.filter(pk=report.pk).update(status=Status.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=True):
        services.return_report(report, reviewer=reporter, comment="请补充收款凭证")

    assert [r.path for r in server.received] == ["/returns"]
    assert server.received[0].body["markdown"]["content"] == (
        f"### 退回与重新开放\n您单位的《{TITLE}》2026年11月第1项报告被退回：请补充收款凭证")
