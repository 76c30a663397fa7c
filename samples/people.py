"""Sample roster for `make run` (load_sample_data, after the issued plan): the professionals 区教育局 and 区卫健局
dispatched to 原州区 under 鼓楼区's sample plan, one cadre, allowances paid by 区财政局, and the
plan's 选派专技人才 parts counted from the roster. Names, phones and dates are made up.
Safe to run again: rows are matched by their keys and left alone when present."""

import datetime
from decimal import Decimal

from django.db import transaction

from history.records import acting
from orgs.models import Unit
from people.models import AllowancePayment, Person, TargetRule
from plans.models import Target

D = datetime.date
# (sending unit, name, gender, kind, field, home unit, home post, phone, host unit, host post, arrived, planned, returned, status)
PEOPLE = [
    ("区教育局", "林雪梅", "female", "talent", "education", "鼓楼实验小学", "语文教师", "13805910101", "原州区第一小学", "副校长",
     D(2026, 3, 1), D(2026, 12, 31), None, "in_post"),
    ("区教育局", "陈建华", "male", "talent", "education", "鼓楼第一中学", "数学教师", "13805910102", "原州区第二中学", "教研组长",
     D(2026, 3, 1), D(2026, 12, 31), None, "in_post"),
    ("区教育局", "黄静", "female", "talent", "education", "鼓楼区实验幼儿园", "教师", "13805910103", "原州区第一幼儿园", "教师",
     D(2026, 3, 1), D(2026, 6, 30), D(2026, 6, 30), "early"),
    ("区卫健局", "王志明", "male", "talent", "medical", "鼓楼区医院", "主治医师", "13805910201", "原州区人民医院", "副院长",
     D(2026, 4, 1), D(2026, 12, 31), None, "in_post"),
    ("区卫健局", "郑丽", "female", "talent", "medical", "鼓楼区医院", "护士长", "13805910202", "原州区人民医院", "护理部副主任",
     D(2026, 4, 1), D(2026, 12, 31), None, "in_post"),
    ("区卫健局", "刘洋", "male", "talent", "medical", "鼓东街道社区卫生服务中心", "医师", "13805910203", "开城镇卫生院", "副院长",
     D(2026, 9, 1), D(2027, 2, 28), None, "in_post"),
    ("区委组织部", "张伟", "male", "cadre", "", "区发改局", "副局长", "13805910301", "原州区发改局", "副局长（挂职）",
     D(2025, 9, 1), D(2027, 8, 31), None, "in_post"),
]


def load_sample_people(today: datetime.date) -> dict:
    counts = {"people": 0, "rules": 0, "allowances": 0}
    units = {u.name: u for u in Unit.objects.filter(region__name="鼓楼区")}
    parts = Target.objects.filter(metric="选派专技人才", task__plan__office__name="区民政局",
                                  task__plan__office__region__name="鼓楼区").select_related("task__plan", "assignee")
    plan = next((t.task.plan for t in parts), None)
    if plan is None or "区财政局" not in units:
        return counts
    with transaction.atomic(), acting(None, "样例数据"):
        for unit, name, gender, kind, field, home, home_post, phone, host, host_post, arrived, planned, returned, status in PEOPLE:
            if unit not in units or arrived > today:
                continue
            person, created = Person.objects.get_or_create(
                office=plan.office, sending_unit=units[unit], batch="2026年" if arrived.year == 2026 else "2025年", name=name,
                defaults=dict(plan=plan, gender=gender, kind=kind, field=field, home_unit=home, home_post=home_post, phone=phone,
                              host_unit=host, host_post=host_post, arrived_on=arrived, planned_return_on=planned,
                              returned_on=returned if returned and returned <= today else None,
                              status=status if returned and returned <= today else "in_post",
                              allowance_unit=units["区财政局"] if kind == "talent" else None))
            counts["people"] += created
            if kind != "talent":
                continue
            month = arrived.replace(day=1)
            last = (person.returned_on or today).replace(day=1)
            while month <= last and month < today.replace(day=1):
                _, made = AllowancePayment.objects.get_or_create(
                    person=person, month=month,
                    defaults={"amount": Decimal("3000.00"), "paying_unit": units["区财政局"], "paid_on": month.replace(day=10)})
                counts["allowances"] += made
                month = (month + datetime.timedelta(days=32)).replace(day=1)
        for target in parts:
            if target.parent_id:  # the parts; 鼓楼区's total rolls up from them
                _, made = TargetRule.objects.get_or_create(target=target, defaults={"kind": Person.Kind.TALENT})
                counts["rules"] += made
    return counts
