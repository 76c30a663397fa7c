"""How the roster counts toward 选派 targets (`TargetRule`): which people a target counts as of a
day, and the values oversight lays over reported figures (registered with reporting.derived).

A person counts for a target when the plan's office keeps them (and they are not filed under
another plan), their sending unit answers for the target — its assignee, a group's member
units, or any unit for a total given to no unit — they are of the rule's kind and field, and
they arrived by the day and were in post during the target's year (arrived before its end,
not returned before its start); under 服务满N个月, with at least N whole months served by then.
"""

import calendar
import datetime
from decimal import Decimal

from django.urls import reverse

from orgs.services import expand_group
from people.models import Person, TargetRule
from reporting.derived import Shown


def _month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _unit_ids(target) -> set[int] | None:
    if target.assignee_id is None:
        return None
    return {u.pk for u in expand_group(target.assignee)}


def _year(target) -> int:
    return target.year or target.task.plan.year


def matches(rule: TargetRule, person: Person, unit_ids: set[int] | None, year: int, as_of: datetime.date) -> bool:
    plan = rule.target.task.plan
    if person.office_id != plan.office_id or person.plan_id not in (None, plan.pk):
        return False
    if unit_ids is not None and person.sending_unit_id not in unit_ids:
        return False
    if (rule.kind and person.kind != rule.kind) or (rule.field and person.field != rule.field):
        return False
    arrived = person.arrived_on
    if arrived is None or arrived > as_of or arrived.year > year:
        return False
    if person.returned_on and person.returned_on < datetime.date(year, 1, 1):
        return False
    return rule.basis != TargetRule.Basis.SERVED or person.months_served(as_of) >= rule.min_months


def counted_people(rule: TargetRule, as_of: datetime.date) -> list[Person]:
    """The people a target counts as of `as_of`: each counted person, for the target's page."""
    target = rule.target
    people = (Person.objects.filter(office_id=target.task.plan.office_id)
              .select_related("sending_unit").order_by("sending_unit__name", "name"))
    unit_ids, year = _unit_ids(target), _year(target)
    return [p for p in people if matches(rule, p, unit_ids, year, as_of)]


def roster_values(plan_ids, months, today) -> dict[datetime.date, dict[int, Decimal]]:
    """reporting.derived's source: each ruled target's count as of each month's end (or today).
    Two queries, plus one per group assignee: people are read once and matched in Python."""
    rules = list(TargetRule.objects.filter(target__task__plan_id__in=plan_ids)
                 .select_related("target__task__plan", "target__assignee"))
    if not rules or not months:
        return {}
    offices = {r.target.task.plan.office_id for r in rules}
    people = list(Person.objects.filter(office_id__in=offices))
    scopes = [(rule, _unit_ids(rule.target), _year(rule.target)) for rule in rules]
    values = {}
    for month in months:
        as_of = min(today, _month_end(month))
        values[month] = {rule.target_id: Decimal(sum(1 for p in people if matches(rule, p, unit_ids, year, as_of)))
                         for rule, unit_ids, year in scopes}
    return values


def shown_for_report(report, targets, today) -> dict:
    """On a unit's report (reporting.derived's explainer): each target the roster counts, with the
    count as of the report's month end and the unit's roster to check it against."""
    rules = list(TargetRule.objects.filter(target_id__in=[t.pk for t in targets])
                 .select_related("target__task__plan", "target__assignee"))
    until = min(today, report.cycle.period_end)
    shown = {}
    for rule in rules:
        count = len(counted_people(rule, until))
        shown[rule.target_id] = Shown(Decimal(count), f"由选派人员名单计算：截至{until:%-m月%-d日}共{count}人",
                                      reverse("people:roster") + f"?unit={report.unit_id}")
    return shown
