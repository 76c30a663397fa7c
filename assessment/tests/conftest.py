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
