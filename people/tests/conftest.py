"""區民政局's plan (reporting's `work`) with a 选派专技人才 task: 鼓东街道 and 鼓西街道 each to send
2 professionals, and a name list builder."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from plans.models import Assignment, Target, Task
from reporting.tests.conftest import person, work  # noqa: F401 (fixtures)

HEADERS = ["序号", "姓名", "性别", "类别", "专业领域", "原单位", "原职务", "联系电话", "挂职单位", "挂职职务", "批次",
           "到岗日期", "计划返回日期", "返回日期", "状态"]


def name_list(rows, headers=HEADERS) -> bytes:
    """An .xlsx the way a unit fills it: a title line, the header, the rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(["鼓东街道选派专业技术人才名单"])
    sheet.append(headers)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def talent(name, phone="13805910001", arrived=datetime.date(2026, 3, 1), planned=datetime.date(2026, 12, 31),
           returned=None, status="在岗", field="医疗", batch="2026年第一批"):
    return [name, "女", "专业技术人才", field, "鼓楼区医院", "主治医师", phone, "隆德县人民医院", "副院长", batch,
            arrived, planned, returned, status]


@pytest.fixture
def dispatch(work):  # noqa: F811
    plan, units = work["plan"], work["units"]
    task = Task.objects.create(plan=plan, ref="2", position=2, text="选派专业技术人才到结对县帮扶，帮扶时限6个月以上。")
    Assignment.objects.create(task=task, unit=units["区民政局"], role=Assignment.Role.LEAD)
    total = Target.objects.create(task=task, metric="选派专技人才", quantity=Decimal(4), unit="人")
    parts = {street: Target.objects.create(task=task, metric="选派专技人才", quantity=Decimal(2), unit="人",
                                           assignee=units[street], parent=total)
             for street in ("鼓东街道", "鼓西街道")}
    return {"task": task, "total": total, "parts": parts}
