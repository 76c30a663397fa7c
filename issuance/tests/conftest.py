"""The reporting fixtures (区民政局's plan: a task led by 区民政局 with 三街镇 as partner, 100万元
broken down to its three streets) plus a second task for 区教育局 alone, and the people."""

from decimal import Decimal

import pytest

from accounts.roles import Role
from plans.models import Assignment, Target, Task
from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)


@pytest.fixture
def issued_work(work):
    units = work["units"]
    second = Task.objects.create(plan=work["plan"], ref="2", position=2, text="组织教育系统开展消费帮扶。",
                                 deadline_text="12月底前", category="消费帮扶")
    Assignment.objects.create(task=second, unit=units["区教育局"], role=Assignment.Role.LEAD)
    Target.objects.create(task=second, metric="消费帮扶金额", quantity=Decimal(20), unit="万元",
                          comparator=Target.Comparator.AT_LEAST, assignee=units["区教育局"])
    work["people"]["education"] = person("education", units["区教育局"], Role.REPORTER)
    work["people"]["foreign_admin"] = person("cangshan_admin", units["仓山区民政局"], Role.OFFICE_ADMIN)
    work["second"] = second
    return work
