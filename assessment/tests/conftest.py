"""A plan kept by 区民政局 whose tasks carry 分值 and 考核要求, and its people."""

from decimal import Decimal

import pytest

from plans.models import Assignment, Task
from reporting.tests.conftest import person, work  # noqa: F401 (the fixture this builds on)


@pytest.fixture
def scored(work):
    """`work`'s plan with 分值: task 1 (区民政局 lead, 三街镇 partner) 60 points, task 2 (鼓东街道) 40."""
    task = work["task"]
    task.score, task.evidence_required, task.category = Decimal(60), "提供资金拨付凭证。", "资金支持"
    task.save()
    second = Task.objects.create(plan=work["plan"], ref="2", position=2, text="开展宣传报道。", score=Decimal(40),
                                 evidence_required="提供宣传报道有效证明材料。", category="宣传")
    Assignment.objects.create(task=second, unit=work["units"]["鼓东街道"], role=Assignment.Role.LEAD)
    Task.objects.create(plan=work["plan"], ref="3", position=3, text="没有分值的任务。")
    return {**work, "second": second}


@pytest.fixture
def scheme(scored):
    """The plan's 2026 scheme built by the office: 4 sheets, 5 items, by (task ref, unit name)."""
    from assessment.services import build_scheme_from_plan

    scheme = build_scheme_from_plan(scored["plan"], 2026, scored["people"]["office"])
    sheets = {s.unit.name: s for s in scheme.sheets.select_related("unit", "scheme")}
    items = {(i.task.ref, i.unit.name): i for i in scheme.items.select_related("task", "unit", "scheme")}
    return {**scored, "scheme": scheme, "sheets": sheets, "items": items}


@pytest.fixture
def publicity(scored):
    """区委宣传部 and its clerk, the 评分部门 of the 宣传 items."""
    from accounts.roles import Role
    from orgs.models import Unit

    unit = Unit.objects.create(name="区委宣传部", kind=Unit.Kind.DEPARTMENT, region=scored["units"]["鼓楼区"].region)
    return unit, person("xuanchuan", unit, Role.REPORTER)
