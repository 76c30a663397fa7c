"""Reference and archived plans leave the live work: no cycles or reports are opened for
them and nobody is reminded; reports already opened stay as they were (the plan's history)."""

import datetime

import pytest
from django.core import mail

from accounts.roles import Role
from plans.models import Plan
from plans.services import do_change_plan_state
from reporting import services
from reporting.models import ProgressReport, ReminderSent, ReportingCycle
from reporting.reminders import send_reminders
from reporting.tests.conftest import person
from reporting.tests.test_reminders import AFTER, BEFORE, cycle, locmem_mail, people, plan, units  # noqa: F401 (fixtures)

State = Plan.State


@pytest.fixture
def office(units):
    return person("office", units["区民政局"], Role.OFFICE_ADMIN)


@pytest.mark.parametrize("state", [State.REFERENCE, State.ARCHIVED])
def test_no_cycles_or_reports_are_opened_for_a_plan_out_of_the_live_work(plan, office, state):
    do_change_plan_state(plan, state, user=office, reason="仅供参考")
    assert services.open_cycles(BEFORE) == []  # every plan, as the daily run does
    assert services.open_cycles(BEFORE, [plan]) == []  # named, as the reporter's page does
    assert services.open_cycles(BEFORE, Plan.objects.filter(pk=plan.pk)) == []
    assert not ReportingCycle.objects.exists() and not ProgressReport.objects.exists()


def test_an_active_plan_still_gets_its_cycles(plan):
    assert [c.label for c in services.open_cycles(BEFORE)] == ["2026年11月"]
    assert ProgressReport.objects.filter(cycle__plan=plan).count() == 4


@pytest.mark.parametrize("state", [State.REFERENCE, State.ARCHIVED])
def test_an_archived_plan_keeps_its_reports_but_opens_no_new_month_and_reminds_nobody(
        plan, cycle, office, state, django_capture_on_commit_callbacks):
    kept = set(ProgressReport.objects.filter(cycle__plan=plan).values_list("pk", "status"))
    do_change_plan_state(plan, state, user=office, reason="年度工作结束")

    with django_capture_on_commit_callbacks(execute=True):
        before = send_reminders(BEFORE, 3)
        overdue = send_reminders(AFTER, 0)
    assert before == [] and overdue == [] and mail.outbox == [] and not ReminderSent.objects.exists()
    # December comes: no new cycle, and November's reports are kept as they were.
    services.open_cycles(datetime.date(2026, 12, 10))
    assert list(plan.cycles.values_list("label", flat=True)) == ["2026年11月"]
    assert set(ProgressReport.objects.filter(cycle__plan=plan).values_list("pk", "status")) == kept


def test_made_live_again_a_plan_is_reminded_again(plan, cycle, office, django_capture_on_commit_callbacks):
    do_change_plan_state(plan, State.ARCHIVED, user=office, reason="误操作")
    do_change_plan_state(plan, State.ACTIVE, user=office, reason="恢复执行")
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_reminders(BEFORE, 3)
    assert sorted(s.unit.name for s in sent) == ["鼓东街道", "鼓西街道"]


def test_my_work_leaves_out_an_archived_plans_open_reports(client, work):
    """我的填报 lists nothing owed for an archived plan; its old reports are not 已逾期 work."""
    from reporting.models import ProgressReport

    report = work["report"]
    reporter = work["people"]["gudong"]
    client.force_login(reporter)
    assert f'data-report="{report.pk}"' in client.get("/reporting/").content.decode()
    Plan.objects.filter(pk=work["plan"].pk).update(state=Plan.State.ARCHIVED)
    assert ProgressReport.objects.get(pk=report.pk).status == ProgressReport.Status.PENDING
    assert f'data-report="{report.pk}"' not in client.get("/reporting/").content.decode()
