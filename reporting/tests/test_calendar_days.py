"""The sample year run on the days that catch calendars out: the 1st, the due day (25th),
the day after it, 31 December and 1 January. Each test travels to its day; none reads the
real calendar."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import User
from plans.models import Plan
from reporting.models import ProgressReport, ReminderSent, ReportingCycle
from reporting.reminders import send_reminders
from samples.reports import load_sample_reports
from samples.steps import BASE

Status = ProgressReport.Status
NOT_IN = (Status.PENDING, Status.RETURNED)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def run_day(day: datetime.date):
    """What a server does on `day`: the sample plans, their reports up to that day, the reminders."""
    call_command("load_sample_data", "--only", *BASE, stdout=StringIO())
    load_sample_reports(day)
    return send_reminders(day, 3)


@pytest.mark.parametrize(("day", "open_month", "overdue_reminders"), [
    (datetime.date(2026, 11, 1), datetime.date(2026, 11, 1), False),   # a new month opens, nothing late in it
    (datetime.date(2026, 11, 25), datetime.date(2026, 11, 1), False),  # the due day itself is still on time
    (datetime.date(2026, 11, 26), datetime.date(2026, 11, 1), True),   # the day after: late, reminded
    (datetime.date(2026, 12, 31), datetime.date(2026, 12, 1), False),
    (datetime.date(2027, 1, 1), datetime.date(2026, 12, 1), False),    # the 2026 plans open no 2027 month
])
def test_sample_month_on_calendar_edges(db, media, client, day, open_month, overdue_reminders):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9), ZoneInfo("Asia/Shanghai")), tick=False):
        sent = run_day(day)

        plans = list(Plan.objects.filter(cycles__isnull=False).distinct())
        assert plans, "the sample plans have reporting cycles"
        for plan in plans:
            latest = plan.cycles.order_by("-period_start").first()
            assert latest.period_start == open_month, (plan.title, latest.label)
            assert latest.due_on == open_month.replace(day=25)
        assert not ReportingCycle.objects.filter(period_start__gt=day).exists()

        # A report not in is 已逾期 exactly when its month's due day has passed.
        for report in ProgressReport.objects.filter(status__in=NOT_IN).select_related("cycle")[:400]:
            assert (report.status_label(day) == "已逾期") == (day > report.cycle.due_on), (report.cycle.label, day)
        current = ProgressReport.objects.filter(cycle__period_start=open_month, status__in=NOT_IN)
        labels = {r.status_label(day) for r in current.select_related("cycle")}
        if day <= open_month.replace(day=25):
            assert "已逾期" not in labels  # the 1st and the 25th: nothing of the open month is late yet
        elif day.month == open_month.month:
            assert labels == {"已逾期"}  # the 26th: every report of the month still owed is late

        # The day after the due day, and only then, units still owing this month are reminded of it.
        overdue = [s for s in sent if s.kind == ReminderSent.Kind.OVERDUE]
        assert bool(overdue) == overdue_reminders
        assert all(s.cycle.period_start == open_month for s in overdue)
        assert send_reminders(day, 3) == []  # a second run the same day sends nothing

        # The reporter's page opens on that day and shows the month still open.
        reporter = User.objects.get(username="gudong_reporter")
        client.force_login(reporter)
        page = client.get("/reporting/")
        assert page.status_code == 200
        assert f"{open_month.year}年{open_month.month}月" in page.content.decode()
