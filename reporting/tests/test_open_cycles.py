"""Opening cycles: each month's cycle is created with its reports in one transaction, so a
crash leaves a month whole or not opened; the next run opens what is missing and fills a
cycle found without reports. The crash is real: a database trigger refuses the reports of
one month, as a full disk or a killed connection would, after the cycle's row is inserted."""

import datetime
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection

from accounts.roles import Role
from orgs.models import Programme
from plans.models import Assignment, Plan, Task
from plans.services import do_change_plan_state
from reporting import services
from reporting.models import ProgressReport, ReportingCycle, ReportingSchedule
from reporting.tests.conftest import person

TODAY = datetime.date(2026, 11, 20)  # the suite's clock
MARCH = datetime.date(2026, 3, 1)
MONTHS = 11  # January to November 2026


@pytest.fixture
def plan(registry):
    """Two tasks from January: 鼓东街道 leads the first with the group 三街镇 (its three streets)
    as partner, 鼓西街道 the second; so four reports a month."""
    units = registry["units"]
    plan = Plan.objects.create(title="2026年开启周期测试方案", doc_number="测〔2026〕7号", year=2026,
                               kind=Programme.EAST_WEST, office=units["区民政局"])
    ReportingSchedule.objects.create(plan=plan, due_day=25, starts_on=datetime.date(2026, 1, 1))
    first = Task.objects.create(plan=plan, ref="1", position=1, text="召开工作推进会。")
    Assignment.objects.create(task=first, unit=units["鼓东街道"], role=Assignment.Role.LEAD)
    Assignment.objects.create(task=first, unit=units["三街镇"], role=Assignment.Role.PARTNER)
    second = Task.objects.create(plan=plan, ref="2", position=2, text="落实社会帮扶资金。")
    Assignment.objects.create(task=second, unit=units["鼓西街道"], role=Assignment.Role.LEAD)
    return plan


@contextmanager
def reports_refused_for(month: datetime.date):
    """A trigger in the database that refuses to insert any report of `month`'s cycles."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"""
                CREATE FUNCTION xz_refuse_reports() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT period_start FROM reporting_reportingcycle WHERE id = NEW.cycle_id) = DATE '{month}' THEN
                        RAISE EXCEPTION 'simulated crash while inserting reports';
                    END IF;
                    RETURN NEW;
                END $$""")
            cursor.execute("CREATE TRIGGER xz_refuse_reports BEFORE INSERT ON reporting_progressreport "
                           "FOR EACH ROW EXECUTE FUNCTION xz_refuse_reports()")
        else:
            cursor.execute(f"""
                CREATE TRIGGER xz_refuse_reports BEFORE INSERT ON reporting_progressreport
                WHEN (SELECT period_start FROM reporting_reportingcycle WHERE id = NEW.cycle_id) = '{month}'
                BEGIN SELECT RAISE(ABORT, 'simulated crash while inserting reports'); END""")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER xz_refuse_reports ON reporting_progressreport")
                cursor.execute("DROP FUNCTION xz_refuse_reports()")
            else:
                cursor.execute("DROP TRIGGER xz_refuse_reports")


def reports_by_month(plan) -> dict[int, int]:
    counts = {c.period_start.month: 0 for c in plan.cycles.all()}
    for start in ProgressReport.objects.filter(cycle__plan=plan).values_list("cycle__period_start", flat=True):
        counts[start.month] += 1
    return counts


def whole(months) -> dict[int, int]:
    return {month: 4 for month in months}


@pytest.mark.django_db(transaction=True)  # real commits and rollbacks, not savepoints inside a test's transaction
def test_a_crash_while_inserting_a_months_reports_leaves_that_month_unopened_and_the_next_run_opens_it(plan):
    with reports_refused_for(MARCH), pytest.raises(DatabaseError, match="simulated crash"):
        services.open_cycles(TODAY)
    # January and February were opened whole; March's cycle row went with its refused reports.
    assert reports_by_month(plan) == whole([1, 2])
    assert not ReportingCycle.objects.filter(plan=plan, period_start=MARCH).exists()

    out = StringIO()
    call_command("open_cycles", "--today", str(TODAY), stdout=out)  # the next daily run
    assert reports_by_month(plan) == whole(range(1, MONTHS + 1))
    assert "共11期" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_daily_command_opens_the_other_plans_months_when_one_plan_fails_and_says_which(plan, registry):
    units = registry["units"]
    other = Plan.objects.create(title="2026年另一方案", doc_number="测〔2026〕8号", year=2026,
                                kind=Programme.EAST_WEST, office=units["区民政局"])
    ReportingSchedule.objects.create(plan=other, due_day=25, starts_on=datetime.date(2026, 4, 1))  # no March
    task = Task.objects.create(plan=other, ref="1", position=1, text="开展消费帮扶。")
    Assignment.objects.create(task=task, unit=units["洪山镇"], role=Assignment.Role.LEAD)

    out, err = StringIO(), StringIO()
    with reports_refused_for(MARCH), pytest.raises(CommandError, match="1个方案的填报周期未能全部开启"):
        call_command("open_cycles", "--today", str(TODAY), stdout=out, stderr=err)
    assert "2026年开启周期测试方案" in err.getvalue() and "simulated crash" in err.getvalue()
    assert reports_by_month(plan) == whole([1, 2])
    assert reports_by_month(other) == {month: 1 for month in range(4, MONTHS + 1)}

    call_command("open_cycles", "--today", str(TODAY), stdout=StringIO())
    assert reports_by_month(plan) == whole(range(1, MONTHS + 1))


@pytest.mark.django_db(transaction=True)
def test_a_plan_made_live_again_gets_its_months_after_the_commit_and_a_crash_there_does_not_undo_the_change(plan, registry):
    office = person("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)
    do_change_plan_state(plan, Plan.State.ARCHIVED, user=office, reason="暂停")
    assert not ReportingCycle.objects.exists()

    # The PLAN_SAVED hook (open_cycles_of) fails on March's reports after the change committed:
    # the plan stays live, no month is half made, and the daily run finishes the rest.
    with reports_refused_for(MARCH):
        do_change_plan_state(plan, Plan.State.ACTIVE, user=office, reason="恢复执行")
    assert Plan.objects.get(pk=plan.pk).state == Plan.State.ACTIVE
    assert reports_by_month(plan) == whole([1, 2])

    call_command("open_cycles", stdout=StringIO())
    assert reports_by_month(plan) == whole(range(1, MONTHS + 1))


def test_made_live_again_a_plan_gets_its_missing_months_at_once(plan, registry, django_capture_on_commit_callbacks):
    office = person("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)
    services.open_cycles(datetime.date(2026, 9, 10), [plan])  # reported up to September
    do_change_plan_state(plan, Plan.State.ARCHIVED, user=office, reason="暂停")
    services.open_cycles(TODAY)  # the daily runs pass it by while archived
    assert sorted(reports_by_month(plan)) == list(range(1, 10))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        do_change_plan_state(plan, Plan.State.ACTIVE, user=office, reason="恢复执行")
    assert len(callbacks) == 1
    assert reports_by_month(plan) == whole(range(1, MONTHS + 1))  # October and November, without waiting for the night


def test_taking_a_plan_out_of_the_live_work_opens_nothing(plan, registry, django_capture_on_commit_callbacks):
    office = person("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        do_change_plan_state(plan, Plan.State.REFERENCE, user=office, reason="仅供参考")
    assert callbacks == [] and not ReportingCycle.objects.exists()


def test_a_cycle_found_without_reports_gets_them_on_the_next_run(plan):
    """What a crash left before cycles and reports shared a transaction: a past month's cycle
    and no report. The next run fills it, and only it."""
    services.open_cycles(datetime.date(2026, 2, 10), [plan])
    ReportingCycle.objects.create(plan=plan, period_start=MARCH, period_end=datetime.date(2026, 3, 31),
                                  due_on=datetime.date(2026, 3, 25), label="2026年3月")
    services.open_cycles(TODAY)
    assert reports_by_month(plan) == whole(range(1, MONTHS + 1))


def test_a_past_month_is_not_given_reports_for_a_task_added_later_but_this_month_is(plan, registry):
    services.open_cycles(TODAY, [plan])
    task = Task.objects.create(plan=plan, ref="3", position=3, text="新增任务。")
    Assignment.objects.create(task=task, unit=registry["units"]["洪山镇"], role=Assignment.Role.LEAD)
    services.open_cycles(TODAY)
    assert reports_by_month(plan) == {**whole(range(1, MONTHS)), MONTHS: 5}


def test_a_second_run_writes_nothing_and_reads_the_plans_tasks_once(plan, django_assert_max_num_queries):
    services.open_cycles(TODAY)
    before = set(ProgressReport.objects.values_list("pk", flat=True))
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        services.open_cycles(TODAY)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == [] and set(ProgressReport.objects.values_list("pk", flat=True)) == before
    # The live plans, the schedule, the cycles with whether each has reports, then this month's
    # cycle alone: its tasks and their units, its reports, in a savepoint. Not a query per month.
    assert len(queries) < 20


def test_months_without_reports_get_no_cycle_and_running_again_adds_none(plan):
    """不填报月份: February (春节) and August are skipped; the other months open as usual."""
    ReportingSchedule.objects.filter(plan=plan).update(skipped_months=[2, 8])
    services.open_cycles(TODAY, [plan])
    months = sorted(c.period_start.month for c in plan.cycles.all())
    assert months == [1, 3, 4, 5, 6, 7, 9, 10, 11]
    assert ProgressReport.objects.filter(cycle__plan=plan).count() == 4 * (MONTHS - 2)
    services.open_cycles(TODAY, [plan])
    assert plan.cycles.count() == MONTHS - 2


@pytest.mark.django_db(transaction=True)
def test_reminders_go_on_when_opening_a_plans_months_fails(plan, caplog):
    from reporting.reminders import send_reminders

    with reports_refused_for(MARCH):
        send_reminders(TODAY, 3)  # opens the cycles first; March's failure is logged, not raised
    assert "opening the cycles of plan" in caplog.text and "simulated crash" in caplog.text
    assert reports_by_month(plan) == whole([1, 2])
