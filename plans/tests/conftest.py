import datetime
from decimal import Decimal

import pytest

from orgs.models import Programme
from plans.models import Assignment, Plan, Target, Task


@pytest.fixture
def plan(registry):
    return Plan.objects.create(
        title="2026年鼓楼区闽宁协作任务分工方案", doc_number="鼓委振兴办〔2026〕9号",
        issuer="鼓楼区乡村振兴领导小组办公室", issued_on=datetime.date(2026, 4, 8),
        year=2026, kind=Programme.EAST_WEST,
    )


@pytest.fixture
def funding_task(plan, registry):
    """A task whose 100万元 is split 30 + 45, leaving 25 unassigned."""
    units = registry["units"]
    task = Task.objects.create(
        plan=plan, list_name="附件1", ref="3", position=3, category="资金支持",
        text="落实社会帮扶资金100万元。", deadline=datetime.date(2026, 12, 31), deadline_text="12月底前",
        source_location="附件1 第3行", source_text="落实社会帮扶资金100万元",
    )
    Assignment.objects.create(task=task, unit=units["区民政局"], role=Assignment.Role.LEAD, printed_name="区民政局 (区乡村振兴局)")
    Assignment.objects.create(task=task, unit=units["区教育局"], role=Assignment.Role.PARTNER)
    total = Target.objects.create(
        task=task, metric="社会帮扶资金", quantity=Decimal("100"), unit="万元", assignee=units["鼓楼区"],
        printed_text="100万元", source_location="附件1 第3行",
    )
    Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal("30"), unit="万元",
                          assignee=units["区教育局"], parent=total, position=1)
    Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal("40.5"), unit="万元",
                          carried_over=Decimal("4.5"), assignee=units["鼓东街道"], parent=total, position=2)
    return task
