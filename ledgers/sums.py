"""A ledger's rows summed into targets' figures: reporting.derived's source (the dashboard, the
bulletin, the ledger export and the API) and what the report page shows in place of an input.

Which rows a target counts: those of its unit (a group's: its members'), dated in the month's
year up to the month's end (today, within the month) — reports are cumulative to date. A total
nobody is given counts every unit's rows, unless it is broken down: then its parts are computed
and oversight rolls them up, so a total never counts a row twice.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from ledgers.models import Ledger, LedgerRow
from orgs.services import expand_group
from plans.models import Target
from reporting.derived import Shown

ZERO = Decimal(0)


@dataclass(frozen=True)
class Counted:
    target: Target
    ledger: Ledger
    units: frozenset[int] | None  # None: every unit's rows


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _counted(ledgers: list[Ledger], *, computed_only: bool) -> list[Counted]:
    """The targets each ledger computes. `computed_only`: leave out broken-down totals (their
    parts are computed, and rolled up by oversight)."""
    by_task = {(l.task_id, l.metric): l for l in ledgers}
    targets = list(Target.objects.filter(task_id__in={l.task_id for l in ledgers}).select_related("assignee"))
    parents = {t.parent_id for t in targets if t.parent_id}
    found = []
    for target in targets:
        ledger = by_task.get((target.task_id, target.metric))
        if ledger is None or (computed_only and target.pk in parents):
            continue
        if target.assignee_id is None or target.pk in parents:
            units = None
        elif target.assignee.is_group:
            units = frozenset(u.pk for u in expand_group(target.assignee))
        else:
            units = frozenset({target.assignee_id})
        found.append(Counted(target, ledger, units))
    return found


def _sum(rows, counted: Counted, year: int, until: datetime.date) -> tuple[Decimal, int]:
    total, count = ZERO, 0
    for ledger_id, unit_id, date, amount in rows:
        if (ledger_id == counted.ledger.pk and date.year == (counted.target.year or year) and date <= until
                and (counted.units is None or unit_id in counted.units)):
            total += amount
            count += 1
    return total, count


def ledger_values(plan_ids, months, today) -> dict[datetime.date, dict[int, Decimal]]:
    """reporting.derived's source: each computed target's sum as of each month's end (or today).
    Three queries, plus one per group target; rows are read once and summed in Python."""
    ledgers = list(Ledger.objects.filter(plan_id__in=plan_ids))
    if not ledgers or not months:
        return {}
    counted = _counted(ledgers, computed_only=True)
    rows = list(LedgerRow.objects.filter(ledger__in=ledgers).values_list("ledger_id", "unit_id", "date", "amount"))
    values = {}
    for month in months:
        until = min(today, month_end(month))
        values[month] = {c.target.pk: _sum(rows, c, month.year, until)[0] for c in counted}
    return values


def shown_for_report(report, targets, today) -> dict[int, Shown]:
    """On a unit's report: each of its targets a ledger computes, with the sum to the month's end,
    how many rows and where they are listed."""
    task_ledgers = list(Ledger.objects.filter(task_id=report.task_id, metric__in={t.metric for t in targets}))
    if not task_ledgers:
        return {}
    by_target = {c.target.pk: c for c in _counted(task_ledgers, computed_only=False)}
    until = min(today, report.cycle.period_end)
    rows = list(LedgerRow.objects.filter(ledger__in=task_ledgers).values_list("ledger_id", "unit_id", "date", "amount"))
    shown = {}
    for target in targets:
        counted = by_target.get(target.pk)
        if counted is None:
            continue
        total, count = _sum(rows, counted, report.cycle.period_start.year, until)
        query = f"?until={until:%Y-%m-%d}" + (f"&unit={report.unit_id}" if counted.units is not None else "")
        shown[target.pk] = Shown(total, f"由明细台账计算：截至{until.month}月{until.day}日共{count}条",
                                 reverse("ledgers:ledger", args=[counted.ledger.pk]) + query)
    return shown
