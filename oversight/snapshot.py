"""Where everything stands for a set of plans, as of one reporting month.

`build_snapshot` reads plans, tasks, targets, figures and reports with a
fixed number of `values()` queries however many plans there are, then
computes everything with `oversight.status`. The dashboard, the bulletin,
the ledger and the API all take their numbers from one Snapshot, so they
cannot disagree.

Which figures count: those of reports a unit has submitted (已提交) or the
office has approved (已通过); a draft or a returned report does not, and the
unit's last counted figure stands until it reports again. Each report holds a
cumulative figure to date, so a target's value in a month is, per unit, the
latest counted figure up to that month, summed over the units that report it
(the streets of a group unit each report their own share). A target another app
computes from its rows (reporting.derived: the roster of dispatched people) takes
that value instead.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from django.db.models import Count, Q

from plans.models import Assignment, Plan, Target, Task
from reporting import derived
from reporting.models import ProgressReport, ReportedFigure, ReportingCycle
from oversight import status as st

COUNTED = (ProgressReport.Status.SUBMITTED, ProgressReport.Status.APPROVED)
UNCATEGORISED = "未分类"


@dataclass(frozen=True)
class TaskInfo:
    id: int
    plan_id: int
    list_name: str
    ref: str
    category: str
    text: str
    deadline: datetime.date | None
    deadline_text: str
    leads: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.list_name} 第{self.ref}项" if self.list_name else f"第{self.ref}项"


@dataclass
class UnitStatus:
    unit_id: int
    name: str
    summary: st.Summary
    targets: list[st.TargetStatus]
    rank: int = 0


@dataclass
class GroupStatus:
    key: str
    summary: st.Summary


@dataclass
class ReportingRate:
    """Reports expected, received and received on time: for a cycle, a unit or a plan."""

    label: str
    expected: int = 0
    received: int = 0
    on_time: int = 0
    approved: int = 0
    key: object = None

    @property
    def rate(self) -> Decimal | None:
        return st.ratio(Decimal(self.received), Decimal(self.expected))

    @property
    def on_time_rate(self) -> Decimal | None:
        return st.ratio(Decimal(self.on_time), Decimal(self.expected))

    @property
    def missing(self) -> int:
        return self.expected - self.received


@dataclass
class TrendSeries:
    metric: str
    measure: str
    target: Decimal  # the sum of the root targets' totals
    points: list[tuple[datetime.date, Decimal]]  # month start → cumulative value


@dataclass
class Snapshot:
    plans: list[Plan]
    month: datetime.date  # first day of the reporting month shown
    as_of: datetime.date  # the day time progress and overdue are measured on
    tasks: dict[int, TaskInfo]
    statuses: dict[int, st.TargetStatus]
    overall: st.Summary
    by_task: dict[int, st.Summary]
    by_unit: list[UnitStatus]  # ranked, best first
    by_category: list[GroupStatus]
    by_plan: dict[int, st.Summary]
    reporting: ReportingRate  # this month
    reporting_by_unit: list[ReportingRate]  # this month, key = unit id
    reporting_by_plan: dict[int, ReportingRate]
    reporting_by_month: list[ReportingRate]  # key = month start
    unreported: list[ReportingRate]  # units with reports still missing this month
    trend: list[TrendSeries]
    months: list[datetime.date] = field(default_factory=list)
    monthly_values: dict[int, dict[datetime.date, Decimal]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return month_label(self.month)

    @cached_property
    def roots(self) -> list[st.TargetStatus]:
        return [s for s in self.statuses.values() if s.target.parent_id is None]

    @cached_property
    def overdue(self) -> list[st.TargetStatus]:
        rows = [s for s in self.statuses.values() if s.warning == st.WARN_RED]
        return sorted(rows, key=lambda s: (s.target.deadline, s.completion or 0, s.target.id))

    @cached_property
    def lagging(self) -> list[st.TargetStatus]:
        """Behind time progress, not yet overdue: the furthest behind first."""
        rows = [s for s in self.statuses.values() if s.warning == st.WARN_YELLOW]
        return sorted(rows, key=lambda s: (-(s.time_progress - (s.completion or 0)), s.target.id))

    @cached_property
    def mismatched(self) -> list[st.TargetStatus]:
        """Totals whose own unit reported a figure its parts do not add up to: the figure
        counted is the unit's own, and every output shows the parts' sum beside it."""
        rows = [s for s in self.statuses.values() if s.difference is not None]
        return sorted(rows, key=lambda s: (self.tasks[s.target.task_id].plan_id, s.target.task_id, s.target.id))

    @cached_property
    def near_deadline(self) -> list[st.TargetStatus]:
        rows = [s for s in self.statuses.values() if s.warning == st.WARN_BLUE]
        return sorted(rows, key=lambda s: (s.target.deadline, s.target.id))


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_text(month: datetime.date) -> str:
    """2026-11-01 → "2026-11": a month in URLs and the API (parse_month reads it back)."""
    return f"{month.year:04d}-{month.month:02d}"


def month_label(month: datetime.date) -> str:
    """2026-11-01 → "2026年11月", as cycles, pages and bulletins name a month."""
    return f"{month.year}年{month.month}月"


def parse_month(text: str | None) -> datetime.date | None:
    """"2026-11" → 2026-11-01; empty → None; anything else a ValueError said in Chinese."""
    if not text:
        return None
    try:
        year, month = (int(part) for part in text.split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        raise ValueError(f"月份“{text}”格式不对，应为YYYY-MM，如2026-11") from None


class FutureMonth(ValueError):
    pass


def refuse_future_month(month: datetime.date | None, today: datetime.date) -> None:
    """A month that has not begun has no reports to show, and each month up to it would
    cost the snapshot a pass: the pages, the API and the bulletin all refuse it."""
    if month is not None and month_start(month) > month_start(today):
        raise FutureMonth(f"月份不能晚于本月：{month_label(month)}还没有到")


def default_month(plans, today: datetime.date) -> datetime.date:
    """The latest month with a reporting cycle that has begun, else this month."""
    cycle = (ReportingCycle.objects.filter(plan__in=plans, period_start__lte=today)
             .order_by("-period_start").values_list("period_start", flat=True).first())
    return cycle or month_start(today)


def _month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _load_targets(plan_ids, tasks: dict[int, TaskInfo], plan_years: dict[int, tuple[int, int]]) -> list[st.TargetInfo]:
    rows = Target.objects.filter(task__plan_id__in=plan_ids).order_by("task_id", "position", "id").values_list(
        "id", "task_id", "parent_id", "metric", "unit", "quantity", "carried_over", "assignee_id",
        "assignee__name", "year")
    targets = []
    for pk, task_id, parent_id, metric, measure, quantity, carried, assignee_id, assignee_name, year in rows:
        task = tasks[task_id]
        first_year, last_year = plan_years[task.plan_id]
        # Without a deadline a target is due at the end of its own year, or of the plan's last year.
        deadline = task.deadline or datetime.date(year or last_year, 12, 31)
        year = year or first_year
        targets.append(st.TargetInfo(
            id=pk, task_id=task_id, parent_id=parent_id, metric=metric, measure=measure,
            total=quantity + (carried or Decimal(0)), assignee_id=assignee_id,
            assignee_name=assignee_name or "、".join(task.leads) or "（未定）",
            start=datetime.date(year, 1, 1), deadline=deadline,
        ))
    return targets


def _load_tasks(plan_ids) -> tuple[dict[int, TaskInfo], dict[int, list[tuple[int, str]]]]:
    """The tasks, and each task's lead units as (unit id, name) in printed order."""
    leads = defaultdict(list)
    for task_id, unit_id, name in (Assignment.objects.filter(task__plan_id__in=plan_ids, role=Assignment.Role.LEAD)
                                   .order_by("task_id", "position", "id").values_list("task_id", "unit_id", "unit__name")):
        leads[task_id].append((unit_id, name))
    rows = Task.objects.filter(plan_id__in=plan_ids).order_by("plan_id", "position", "id").values_list(
        "id", "plan_id", "list_name", "ref", "category", "text", "deadline", "deadline_text")
    tasks = {pk: TaskInfo(pk, plan_id, list_name, ref, category, text, deadline, deadline_text,
                          tuple(name for _, name in leads[pk]))
             for pk, plan_id, list_name, ref, category, text, deadline, deadline_text in rows}
    return tasks, leads


def _cycles(plan_ids, month: datetime.date) -> dict[int, datetime.date]:
    """Cycle id → its month, for the months up to this one. Later queries filter on these
    ids instead of joining the cycles (and parsing a date per figure)."""
    return dict(ReportingCycle.objects.filter(plan_id__in=plan_ids, period_start__lte=month)
                .values_list("id", "period_start"))


def _monthly_reported(plan_ids, cycles: dict[int, datetime.date],
                      months: list[datetime.date]) -> dict[datetime.date, dict[int, Decimal]]:
    """Directly reported values per month: per (target, unit) the latest counted
    cumulative figure up to that month, summed over units."""
    figures: dict[datetime.date, list] = defaultdict(list)
    # Filtered through the cycles' plan and month, not a list of cycle ids: given a city's
    # hundred ids PostgreSQL hashed all 24 million figures (2.9 s) instead of probing by report.
    rows = (ReportedFigure.objects
            .filter(report__cycle__plan_id__in=plan_ids, report__status__in=COUNTED,
                    report__cycle__period_start__lte=months[-1])
            .values_list("report__cycle_id", "target_id", "report__unit_id", "cumulative_value"))
    for cycle_id, target_id, unit_id, value in rows:
        figures[cycles[cycle_id]].append((target_id, unit_id, value))
    latest: dict[tuple[int, int], Decimal] = {}
    totals: dict[int, Decimal] = {}
    by_month: dict[datetime.date, dict[int, Decimal]] = {}
    for month in months:
        for target_id, unit_id, value in figures.get(month, ()):
            before = latest.get((target_id, unit_id), Decimal(0))
            latest[(target_id, unit_id)] = value
            totals[target_id] = totals.get(target_id, Decimal(0)) - before + value
        by_month[month] = dict(totals)
    return by_month


def _rate_counts():
    received = Q(submitted_at__isnull=False)
    return {"expected": Count("id"), "received": Count("id", filter=received),
            "on_time": Count("id", filter=received & Q(submitted_late=False)),
            "approved": Count("id", filter=Q(status=ProgressReport.Status.APPROVED))}


def _rate(label: str, key, row: dict) -> ReportingRate:
    return ReportingRate(label, row["expected"], row["received"], row["on_time"], row["approved"], key=key)


def _reporting_rates(cycles: dict[int, datetime.date], month: datetime.date):
    """Counted in the database (a county has thousands of reports a month), per cycle, then
    added up per month here: a region's plans each have their own cycle for a month."""
    reports = ProgressReport.objects.filter(cycle_id__in=list(cycles))
    counts = _rate_counts()
    by_month: dict[datetime.date, ReportingRate] = {}
    for row in reports.values("cycle_id").annotate(**counts).order_by():
        start = cycles[row["cycle_id"]]
        rate = by_month.setdefault(start, ReportingRate(month_label(start), key=start))
        for name in counts:
            setattr(rate, name, getattr(rate, name) + row[name])
    current = reports.filter(cycle_id__in=[pk for pk, start in cycles.items() if start == month])
    units = [_rate(row["unit__name"], row["unit_id"], row)
             for row in current.values("unit_id", "unit__name").annotate(**counts).order_by()]
    by_plan = {row["cycle__plan_id"]: _rate("", row["cycle__plan_id"], row)
               for row in current.values("cycle__plan_id").annotate(**counts).order_by()}
    this_month = by_month.get(month, ReportingRate(month_label(month), key=month))
    units.sort(key=lambda r: (-(r.rate or 0), r.label))
    unreported = sorted((r for r in units if r.missing), key=lambda r: (-r.missing, r.label))
    return this_month, units, by_plan, [by_month[m] for m in sorted(by_month)], unreported


def _rank_units(statuses: dict[int, st.TargetStatus], tasks: dict[int, TaskInfo], lead_ids) -> list[UnitStatus]:
    """A unit answers for the targets given to it and, as a lead unit, for its tasks' totals."""
    per_unit: dict[int, list[st.TargetStatus]] = defaultdict(list)
    names: dict[int, str] = {}
    for status in statuses.values():
        target = status.target
        if target.assignee_id:
            per_unit[target.assignee_id].append(status)
            names[target.assignee_id] = target.assignee_name
        elif target.parent_id is None:
            for unit_id, name in lead_ids.get(target.task_id, ()):
                per_unit[unit_id].append(status)
                names[unit_id] = name
    units = [UnitStatus(unit_id, names[unit_id], st.summarize(rows), rows) for unit_id, rows in per_unit.items()]
    units = [u for u in units if u.summary.targets]
    units.sort(key=lambda u: (-(u.summary.completion or 0), u.summary.overdue, u.name))
    for rank, unit in enumerate(units, start=1):
        unit.rank = rank
    return units


def build_snapshot(plans, month: datetime.date | None, today: datetime.date) -> Snapshot:
    """Everything the oversight pages show for these plans in this reporting month."""
    plans = list(plans)
    plan_ids = [p.pk for p in plans]
    month = month_start(month or default_month(plans, today))
    as_of = min(today, _month_end(month))
    tasks, lead_ids = _load_tasks(plan_ids)
    plan_years = {p.pk: (p.year, p.end_year or p.year) for p in plans}
    targets = _load_targets(plan_ids, tasks, plan_years)

    first = min([datetime.date(p.year, 1, 1) for p in plans] or [month])
    months = [m for m in _months_between(first, month)]
    cycles = _cycles(plan_ids, month)
    reported = _monthly_reported(plan_ids, cycles, months) if months else {}
    derived.overlay(reported, plan_ids, months, today)  # targets computed from rows (the roster …)
    breakdowns = st.Breakdowns(targets)
    statuses = st.target_statuses(targets, reported.get(month, {}), as_of, breakdowns)
    monthly_values = defaultdict(dict)
    trend = _trend(targets, breakdowns, reported, months, monthly_values)

    roots = [s for s in statuses.values() if s.target.parent_id is None]
    by_task_rows, by_category_rows, by_plan_rows = defaultdict(list), defaultdict(list), defaultdict(list)
    for status in roots:
        task = tasks[status.target.task_id]
        by_task_rows[task.id].append(status)
        by_category_rows[task.category or UNCATEGORISED].append(status)
        by_plan_rows[task.plan_id].append(status)
    categories = [GroupStatus(key, st.summarize(rows)) for key, rows in by_category_rows.items()]
    categories.sort(key=lambda g: (-(g.summary.completion or 0), g.key))

    this_month, by_unit_rates, by_plan_rates, by_month_rates, unreported = _reporting_rates(cycles, month)
    return Snapshot(
        plans=plans, month=month, as_of=as_of, tasks=tasks, statuses=statuses,
        overall=st.summarize(roots),
        by_task={pk: st.summarize(rows) for pk, rows in by_task_rows.items()},
        by_unit=_rank_units(statuses, tasks, lead_ids),
        by_category=categories,
        by_plan={pk: st.summarize(by_plan_rows.get(pk, [])) for pk in plan_ids},
        reporting=this_month, reporting_by_unit=by_unit_rates, reporting_by_plan=by_plan_rates,
        reporting_by_month=by_month_rates, unreported=unreported, trend=trend,
        months=months, monthly_values=dict(monthly_values),
    )


def _months_between(first: datetime.date, last: datetime.date):
    month = month_start(first)
    while month <= last:
        yield month
        month = _month_end(month) + datetime.timedelta(days=1)


def _trend(targets, breakdowns: st.Breakdowns, reported, months, monthly_values) -> list[TrendSeries]:
    """Per metric, the sum of the root targets' values at each month's end."""
    roots = [t for t in targets if t.parent_id is None]
    series: dict[tuple[str, str], TrendSeries] = {}
    for target in roots:
        key = (target.metric, target.measure)
        if key not in series:
            series[key] = TrendSeries(target.metric, target.measure, Decimal(0), [])
        series[key].target += target.total
    for month in months:
        values = breakdowns.rollup(reported.get(month, {}))
        for pk, value in values.items():
            monthly_values[pk][month] = value
        sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for target in roots:
            sums[(target.metric, target.measure)] += values.get(target.id, Decimal(0))
        for key, line in series.items():
            line.points.append((month, sums[key]))
    return sorted(series.values(), key=lambda s: (-len([v for _, v in s.points if v]), s.metric))
