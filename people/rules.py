"""The roster's rule “帮扶时限6个月以上”: a finding for each person short of it.

- returned (期满 or 提前) after fewer than 6 whole months in post: 错误;
- in post with a planned return giving fewer than 6 months: 警告 (the plan can still change);
- in post without an arrival date: 提示 (nothing can be counted for them).
"""

import datetime
from dataclasses import dataclass

from people.models import MIN_SERVICE_MONTHS, Person, months_between


@dataclass(frozen=True)
class Finding:
    person: Person
    severity: str  # 错误 / 警告 / 提示
    code: str
    message: str


def service_findings(people, today: datetime.date) -> list[Finding]:
    findings = []
    for person in people:
        if person.arrived_on is None:
            if person.status == Person.Status.IN_POST:
                findings.append(Finding(person, "提示", "no_arrival", f"{person.name}未填写到岗日期"))
            continue
        if person.status != Person.Status.IN_POST:
            served = person.months_served(today)
            if served < MIN_SERVICE_MONTHS:
                findings.append(Finding(person, "错误", "service_short", (
                    f"{person.name}{person.arrived_on:%Y-%m-%d}到岗，{person.returned_on:%Y-%m-%d}返回，"
                    f"实际服务{served}个月，不足{MIN_SERVICE_MONTHS}个月")))
        elif person.planned_return_on:
            planned = months_between(person.arrived_on, person.planned_return_on)
            if planned < MIN_SERVICE_MONTHS:
                findings.append(Finding(person, "警告", "plan_short", (
                    f"{person.name}计划服务{planned}个月（{person.arrived_on:%Y-%m-%d}至"
                    f"{person.planned_return_on:%Y-%m-%d}），不足{MIN_SERVICE_MONTHS}个月")))
    return findings
