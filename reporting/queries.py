"""What the reporting pages list, each in a fixed number of queries per plan."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.paginator import Page, Paginator

from accounts.roles import Role
from plans.models import Plan, Task
from reporting import access
from reporting.models import ProgressReport, ReportedFigure, ReportingCycle
from reporting.targets import targets_by_report

Status = ProgressReport.Status


@dataclass
class WorkRow:
    report: ProgressReport
    status: str  # as offices say it: 待填报 / 已逾期 / 已提交 / 已退回 / 已通过
    targets: list  # [(target, this month's figure, last month's figure)]

    @property
    def returned(self) -> bool:
        return self.report.status == Status.RETURNED


@dataclass
class MyWork:
    current: list  # [(cycle, [WorkRow])]: this month, a cycle per plan
    outstanding: list  # [WorkRow]: earlier months still open, 已退回 first, then the oldest
    history: Page  # earlier months' submitted and approved reports, newest month first
    plans: list  # the plans the unit reports on, for the filter
    plan_id: int | None = None
    month: datetime.date | None = None  # the first day of the month filtered on
    errors: list = field(default_factory=list)


HISTORY_PAGE = 30
# What the lists never show of a report's plan and task: JSON and source text read for nothing.
_NOT_SHOWN = ("cycle__plan__references", "cycle__plan__statements", "task__source_text", "task__source_location")
OPEN = (Status.PENDING, Status.RETURNED)


def parse_filters(params) -> tuple[int | None, datetime.date | None, list[str]]:
    """?plan=<id>&month=YYYY-MM as typed; a bad value is ignored and said why, in Chinese."""
    errors = []
    plan_id = month = None
    plan = (params.get("plan") or "").strip()
    if plan:
        if plan.isdigit():
            plan_id = int(plan)
        else:
            errors.append(f"方案筛选“{plan}”无效，已显示全部方案。")
    text = (params.get("month") or "").strip()
    if text:
        try:
            year, number = text.split("-")
            month = datetime.date(int(year), int(number), 1)
        except ValueError:
            errors.append(f"月份“{text}”应写成 YYYY-MM（如 2026-08），已显示全部月份。")
    return plan_id, month, errors


class _Mine(NamedTuple):
    """One of the unit's reports as the lists choose among them (no text, no joins to show)."""
    pk: int
    status: str
    task_id: int
    position: int
    plan_id: int
    live: bool
    start: datetime.date

    def order(self) -> tuple:  # within a month: plan, then the task's place in it
        return self.plan_id, self.position, self.task_id


def _reports_of_unit(visible, today: datetime.date) -> tuple[list[_Mine], dict[int, Plan]]:
    """Every report of a unit up to today, and the plans they belong to. Four small queries by primary key instead of one join: the unit's reports alone
    (an index scan), then their few hundred cycles, tasks and handful of plans. Joined in
    SQL, PostgreSQL hashed every cycle in the country to match a unit's reports."""
    rows = list(visible.select_related(None).order_by().values_list("pk", "status", "task_id", "cycle_id"))
    cycles = dict((pk, (plan_id, start)) for pk, plan_id, start in ReportingCycle.objects.filter(
        pk__in={cycle_id for *_, cycle_id in rows}, period_start__lte=today).order_by()
        .values_list("pk", "plan_id", "period_start"))
    positions = dict(Task.objects.filter(pk__in={task_id for _, _, task_id, cycle_id in rows if cycle_id in cycles})
                     .order_by().values_list("pk", "position"))
    plans = {p.pk: p for p in Plan.objects.filter(pk__in={plan_id for plan_id, _ in cycles.values()})}
    mine = []
    for pk, status, task_id, cycle_id in rows:
        if cycle_id in cycles:
            plan_id, start = cycles[cycle_id]
            live = plans[plan_id].state == Plan.State.ACTIVE
            mine.append(_Mine(pk, status, task_id, positions[task_id], plan_id, live, start))
    return mine, plans


def my_work_rows(user, today: datetime.date, *, plan_id: int | None = None, month: datetime.date | None = None,
                 page: str | int = 1) -> MyWork:
    """The reporter's unit's work: this month's reports, earlier months' still open ones, and a
    paged history, in a fixed number of queries however many reports and months there are.
    Reads only: opening cycles is the daily command's job (and an import's), never a page's.

    Every report of the unit is read once, narrow (a unit of five years has a few thousand),
    and the three lists, the plan filter and each report's previous month are chosen from
    those in Python; only the rows shown are then read whole. Joining and sorting the unit's
    reports once per list took most of the page's time at national scale."""
    if not (user.has_role(Role.REPORTER) and user.unit_id):
        return MyWork([], [], Paginator([], HISTORY_PAGE).get_page(1), [])
    unit_id = user.unit_id
    this_month = today.replace(day=1)
    visible = access.reports_visible_to(user).filter(unit_id=unit_id)
    mine, plans = _reports_of_unit(visible, today)
    chosen = [r for r in mine if (plan_id is None or r.plan_id == plan_id) and (month is None or r.start == month)]
    # A reference or archived plan owes nothing: its reports stay in the history only.
    current = sorted((r for r in chosen if r.live and r.start == this_month), key=_Mine.order)
    outstanding = sorted((r for r in chosen if r.live and r.start < this_month and r.status in OPEN), key=_Mine.order)
    history = sorted((r for r in chosen if r.start < this_month and r.status not in OPEN),
                     key=lambda r: (-r.start.toordinal(), *r.order()))
    history_page = Paginator([r.pk for r in history], HISTORY_PAGE).get_page(page)

    shown = [r.pk for r in current] + [r.pk for r in outstanding] + list(history_page.object_list)
    full = {r.pk: r for r in visible.filter(pk__in=shown).select_related(None).select_related("cycle__plan", "task")
            .order_by().defer(*_NOT_SHOWN)}
    for report in full.values():
        report.unit = user.unit  # one unit for all, not a copy joined to each row
    current_reports = [full[r.pk] for r in current]
    outstanding_reports = [full[r.pk] for r in outstanding]
    # Most urgent first: a report the office sent back, then the longest overdue.
    outstanding_reports.sort(key=lambda r: (r.status != Status.RETURNED, r.cycle.due_on))
    history_page.object_list = [full[pk] for pk in history_page.object_list]
    figures = _figures(current_reports + outstanding_reports, mine)

    cycles: dict[int, tuple] = {}
    for report in current_reports:
        cycles.setdefault(report.cycle_id, (report.cycle, []))[1].append(
            WorkRow(report, report.status_label(today), figures[report.pk]))
    return MyWork(
        current=list(cycles.values()),
        outstanding=[WorkRow(r, r.status_label(today), figures[r.pk]) for r in outstanding_reports],
        history=history_page,
        plans=sorted(plans.values(), key=lambda p: (-p.year, p.title)), plan_id=plan_id, month=month,
    )


def _figures(reports: list[ProgressReport], mine: list[_Mine]) -> dict[int, list]:
    """Each report's [(target, this month's figure, last month's figure)], the targets chosen as
    reporting.targets chooses them, for all the reports in three queries (plus one per level of
    groups); `mine` is every report of the unit, to find each one's previous month."""
    if not reports:
        return {}
    targets = targets_by_report(reports)
    earlier: dict[tuple[int, int], list[tuple[datetime.date, int]]] = {}
    for r in mine:
        earlier.setdefault((r.plan_id, r.task_id), []).append((r.start, r.pk))
    last_report = {}
    for report in reports:
        before = [(start, pk) for start, pk in earlier.get((report.cycle.plan_id, report.task_id), [])
                  if start < report.cycle.period_start]
        last_report[report.pk] = max(before)[1] if before else None
    # The figures of these reports and of the month before each, not of every month.
    wanted = {r.pk for r in reports} | {pk for pk in last_report.values() if pk}
    values: dict[int, dict[int, object]] = {}
    for report_id, target_id, value in (ReportedFigure.objects.filter(report_id__in=wanted).order_by()
                                        .values_list("report_id", "target_id", "cumulative_value")):
        values.setdefault(report_id, {})[target_id] = value
    result = {}
    for report in reports:
        last = values.get(last_report[report.pk], {})
        now = values.get(report.pk, {})
        result[report.pk] = [(t, now.get(t.pk), last.get(t.pk)) for t in targets[report.pk]]
    return result

