"""What the reporting pages list, each in a fixed number of queries per plan."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from accounts.roles import Role
from plans.models import Plan
from reporting import access
from reporting.models import ProgressReport, ReportedFigure
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


def my_work_rows(user, today: datetime.date, *, plan_id: int | None = None, month: datetime.date | None = None,
                 page: str | int = 1) -> MyWork:
    """The reporter's unit's work: this month's reports, earlier months' still open ones, and a
    paged history, in a fixed number of queries however many reports and months there are.
    Reads only: opening cycles is the daily command's job (and an import's), never a page's."""
    if not (user.has_role(Role.REPORTER) and user.unit_id):
        return MyWork([], [], Paginator([], HISTORY_PAGE).get_page(1), [])
    unit_id = user.unit_id
    this_month = today.replace(day=1)
    reports = access.reports_visible_to(user).filter(unit_id=unit_id, cycle__period_start__lte=today)
    if plan_id is not None:
        reports = reports.filter(cycle__plan_id=plan_id)
    if month is not None:
        reports = reports.filter(cycle__period_start=month)
    order = ("cycle__plan_id", "task__position", "task_id")
    # A reference or archived plan owes nothing: its reports stay in the history only.
    live = reports.filter(cycle__plan__state=Plan.State.ACTIVE)
    current = list(live.filter(cycle__period_start=this_month).order_by(*order))
    outstanding = list(live.filter(cycle__period_start__lt=this_month, status__in=OPEN).order_by(*order))
    # Most urgent first: a report the office sent back, then the longest overdue.
    outstanding.sort(key=lambda r: (r.status != Status.RETURNED, r.cycle.due_on))
    figures = _figures(current + outstanding, unit_id)

    cycles: dict[int, tuple] = {}
    for report in current:
        cycles.setdefault(report.cycle_id, (report.cycle, []))[1].append(
            WorkRow(report, report.status_label(today), figures[report.pk]))
    history = (reports.filter(cycle__period_start__lt=this_month).exclude(status__in=OPEN)
               .select_related("submitted_by").order_by("-cycle__period_start", *order))
    plans = list(Plan.objects.filter(cycles__reports__unit_id=unit_id).distinct().order_by("-year", "title"))
    return MyWork(
        current=list(cycles.values()),
        outstanding=[WorkRow(r, r.status_label(today), figures[r.pk]) for r in outstanding],
        history=Paginator(history, HISTORY_PAGE).get_page(page),
        plans=plans, plan_id=plan_id, month=month,
    )


def _figures(reports: list[ProgressReport], unit_id: int) -> dict[int, list]:
    """Each report's [(target, this month's figure, last month's figure)], the targets chosen as
    reporting.targets chooses them, for all the reports in five queries (plus one per level of groups)."""
    if not reports:
        return {}
    task_ids = {r.task_id for r in reports}
    targets = targets_by_report(reports)
    # Every report of the unit on these tasks, to find each one's previous month, and their figures.
    earlier: dict[tuple[int, int], list[tuple[datetime.date, int]]] = {}
    for pk, task_id, plan_id, start in (ProgressReport.objects.filter(unit_id=unit_id, task_id__in=task_ids)
                                        .values_list("pk", "task_id", "cycle__plan_id", "cycle__period_start")):
        earlier.setdefault((plan_id, task_id), []).append((start, pk))
    values: dict[int, dict[int, object]] = {}
    for report_id, target_id, value in ReportedFigure.objects.filter(
            report__unit_id=unit_id, report__task_id__in=task_ids).values_list("report_id", "target_id", "cumulative_value"):
        values.setdefault(report_id, {})[target_id] = value
    result = {}
    for report in reports:
        chosen = targets[report.pk]
        before = [(start, pk) for start, pk in earlier.get((report.cycle.plan_id, report.task_id), [])
                  if start < report.cycle.period_start]
        last = values.get(max(before)[1], {}) if before else {}
        now = values.get(report.pk, {})
        result[report.pk] = [(t, now.get(t.pk), last.get(t.pk)) for t in chosen]
    return result

