"""The monthly 资金使用进度 is chased like monthly reports: a reminder before the due day and one
after it to the units whose projects' month is not filed (manage.py send_reminders), and a
warning the day after the due day for a project behind its 拨付率 milestone (manage.py
send_warnings) — each sent once, whatever the number of runs."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from funds.models import FundsReminderSent, FundsWarningSent
from funds.tests.conftest import file_month
from notifications.models import Notification

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def settings_for_runs(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_DAYS_BEFORE = 3


def run(command, day: datetime.date) -> str:
    out = StringIO()
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 8, 0, tzinfo=SHANGHAI), tick=False):
        call_command(command, stdout=out, stderr=StringIO())
    return out.getvalue()


def funds_notices(user, word="资金"):
    return list(Notification.objects.filter(user=user, message__contains=word).order_by("pk")
                .values_list("message", flat=True))


def test_units_with_a_project_month_not_filed_are_reminded_before_and_after_the_due_day_once(work, projects):
    people = work["people"]
    out = run("send_reminders", datetime.date(2026, 10, 22))  # three days before 10月25日
    assert "资金月报提醒：已提醒2个单位，共2条" in out
    assert funds_notices(people["gudong"]) == [
        "《2026年测试方案》2026年10月资金使用进度尚有1个项目未报送（单家集村肉牛养殖基地），请于10月25日前填报。"]
    assert funds_notices(people["guxi"]) == [
        "《2026年测试方案》2026年10月资金使用进度尚有1个项目未报送（兴隆镇冷链仓储），请于10月25日前填报。"]
    assert "资金月报提醒" not in run("send_reminders", datetime.date(2026, 10, 22))  # a second run sends nothing
    assert FundsReminderSent.objects.filter(kind="before_due").count() == 2

    file_month(people["gudong"], projects["own"], 10, {"fiscal": "40"}, today=datetime.date(2026, 10, 24))
    run("send_reminders", datetime.date(2026, 10, 26))  # the day after: only the month not filed
    assert len(funds_notices(people["gudong"])) == 1
    assert funds_notices(people["guxi"])[-1] == ("《2026年测试方案》2026年10月资金使用进度尚有1个项目未报送（兴隆镇冷链仓储），"
                                                 "已逾期1天（报送截止日为10月25日），请尽快填报。")
    assert FundsReminderSent.objects.filter(kind="overdue").get().project == projects["other_unit"]
    run("send_reminders", datetime.date(2026, 10, 26))
    assert len(funds_notices(people["guxi"])) == 2


def test_a_project_behind_its_milestone_is_warned_the_day_after_the_due_day_once(work, projects):
    people = work["people"]
    file_month(people["gudong"], projects["own"], 8, {"fiscal": "70"}, today=datetime.date(2026, 8, 20))
    run("send_warnings", datetime.date(2026, 8, 26))  # 70% of 80% by late August: on time, no warning
    assert funds_notices(people["gudong"], "资金进度预警") == []

    file_month(people["gudong"], projects["own"], 9, {"fiscal": "40"}, {"fiscal": "10"}, today=datetime.date(2026, 9, 20))
    out = run("send_warnings", datetime.date(2026, 10, 26))  # 9月30日 passed at 40%: 逾期未完成
    assert "资金进度预警 鼓东街道：《2026年测试方案》2026年10月，1个项目" in out
    [notice] = funds_notices(people["gudong"], "资金进度预警")
    assert notice == ("【资金进度预警】《2026年测试方案》截至2026年10月，您单位1个项目资金进度未达节点要求："
                      "单家集村肉牛养殖基地拨付率40.0%（9月30日前拨付率达到80%，红色预警·逾期未完成）。"
                      "请加快拨付和支出，并在下月资金月报中说明。")
    assert FundsWarningSent.objects.get().warnings == {"disbursed": "red"}
    run("send_warnings", datetime.date(2026, 10, 26))  # once a month
    assert len(funds_notices(people["gudong"], "资金进度预警")) == 1
    assert funds_notices(people["guxi"], "资金进度预警") == []  # no milestone, no warning
