"""The sample registry and the sample city plan (榕委振兴组〔2026〕3号) without the 鼓楼区 plan
that implements it, 区民政局's admin who will, and 区民政局's 2025 plan whose approved December
figures are last year's results (the sample streets' 2025 results: shortfalls 20.7, 14.5, …)."""

import datetime
from decimal import Decimal

import pytest

from accounts.roles import Role
from orgs.models import Programme, Region, Unit
from samples.registry import load_registry
from plans.models import Assignment, Plan, Target, Task
from samples.plans import DISTRICT_DOC, STREET_FUNDS, UPPER_DOC, load_plans
from reporting.models import ProgressReport, ReportedFigure, ReportingCycle
from reporting.tests.conftest import person

PASSWORD = "Xiezuo-2026-pass"
STREET_QUOTA = Decimal("25.5")


def last_year_result(carried: str | None) -> Decimal:
    """A street's 2025 result: its quota less the shortfall the sample prints (洪山镇 met it)."""
    return STREET_QUOTA - Decimal(carried or 0)


@pytest.fixture
def city(db):
    load_registry()
    load_plans()
    Plan.objects.get(doc_number=DISTRICT_DOC).delete()
    gulou = Region.objects.get(name="鼓楼区")
    units = {u.name: u for u in Unit.objects.filter(region__parent=gulou)}
    units.update({u.name: u for u in Unit.objects.filter(region=gulou)})
    cangshan_office = Unit.objects.create(name="区民政局", kind=Unit.Kind.DEPARTMENT,
                                          region=Region.objects.get(name="仓山区"))
    people = {
        "office": person("gulou_admin", units["区民政局"], Role.OFFICE_ADMIN),
        "reviewer": person("gulou_reviewer", units["区民政局"], Role.REVIEWER),
        "street": person("gudong", units["鼓东街道"], Role.REPORTER),
        "cangshan": person("cangshan_admin", cangshan_office, Role.OFFICE_ADMIN),
    }
    return {"upper": Plan.objects.get(doc_number=UPPER_DOC), "units": units, "people": people}


@pytest.fixture
def last_year(city):
    """区民政局's 2025 plan: 社会帮扶资金 25.5万元 for each street, the December report approved."""
    units, office = city["units"], city["people"]["office"]
    plan = Plan.objects.create(title="2025年鼓楼区闽宁协作任务分工方案", year=2025, kind=Programme.EAST_WEST,
                               office=units["区民政局"])
    task = Task.objects.create(plan=plan, ref="3", position=1, text="落实社会帮扶资金。")
    Assignment.objects.create(task=task, unit=units["十街镇"], role=Assignment.Role.PARTNER)
    total = Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal(300), unit="万元",
                                  assignee=units["鼓楼区"])
    cycle = ReportingCycle.objects.create(plan=plan, label="2025年12月", period_start=datetime.date(2025, 12, 1),
                                          period_end=datetime.date(2025, 12, 31), due_on=datetime.date(2026, 1, 25))
    november = ReportingCycle.objects.create(plan=plan, label="2025年11月", period_start=datetime.date(2025, 11, 1),
                                             period_end=datetime.date(2025, 11, 30), due_on=datetime.date(2025, 12, 25))
    for position, (street, carried, _) in enumerate(STREET_FUNDS, start=1):
        part = Target.objects.create(task=task, parent=total, position=position, metric="社会帮扶资金",
                                     quantity=STREET_QUOTA, unit="万元", assignee=units[street])
        for month, value, status in ((november, Decimal(1), ProgressReport.Status.APPROVED),
                                     (cycle, last_year_result(carried), ProgressReport.Status.APPROVED)):
            report = ProgressReport.objects.create(cycle=month, unit=units[street], task=task, status=status,
                                                   reviewed_by=office)
            ReportedFigure.objects.create(report=report, target=part, cumulative_value=value)
    # A figure still awaiting review is not last year's result.
    pending = ProgressReport.objects.create(cycle=cycle, unit=units["区发改局"], task=task,
                                            status=ProgressReport.Status.SUBMITTED)
    dept = Target.objects.create(task=task, parent=total, position=20, metric="社会帮扶资金", quantity=Decimal(4),
                                 unit="万元", assignee=units["区发改局"])
    ReportedFigure.objects.create(report=pending, target=dept, cumulative_value=Decimal(4))
    return plan
