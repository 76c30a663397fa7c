"""A plan kept by 区民政局 with a task for 三街镇 (its three streets report),
and the people who work on it."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Programme
from plans.models import Assignment, Plan, Target, Task
from reporting import services


def person(username, unit, *roles):
    user = User.objects.create_user(username=username, password="Xiezuo-2026-pass", unit=unit, name=username,
                                    email=f"{username}@example.gov.cn")
    user.groups.add(*[Group.objects.get(name=group_name(role)) for role in roles])
    return user


@pytest.fixture
def work(registry):
    units = registry["units"]
    plan = Plan.objects.create(title="2026年测试方案", doc_number="测〔2026〕1号", year=2026,
                               kind=Programme.EAST_WEST, office=units["区民政局"])
    task = Task.objects.create(plan=plan, ref="1", position=1, text="落实社会帮扶资金100万元。")
    Assignment.objects.create(task=task, unit=units["区民政局"], role=Assignment.Role.LEAD)
    Assignment.objects.create(task=task, unit=units["三街镇"], role=Assignment.Role.PARTNER)
    total = Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal(100), unit="万元")
    for street in ("鼓东街道", "鼓西街道", "洪山镇"):
        Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal("33.3"), unit="万元",
                              assignee=units[street], parent=total)
    services.open_cycles(datetime.date(2026, 11, 10), [plan])
    people = {
        "gudong": person("gudong", units["鼓东街道"], Role.REPORTER),
        "guxi": person("guxi", units["鼓西街道"], Role.REPORTER),
        "reviewer": person("reviewer", units["区民政局"], Role.REVIEWER),
        "office": person("office", units["区民政局"], Role.OFFICE_ADMIN),
        "leader": person("leader", units["鼓楼区"], Role.LEADER),
    }
    cycle = plan.cycles.get(label="2026年11月")
    return {"plan": plan, "task": task, "cycle": cycle, "units": units, "people": people,
            "report": cycle.reports.get(unit=units["鼓东街道"])}
