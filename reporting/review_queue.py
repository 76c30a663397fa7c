"""The review queue: the reports an office may review, each with its figures, so a bulk
approval is informed — this month's figure, the unit's counted figure before it, the target,
completion, and the warnings the reporter explained. The page and its Excel download are
built from the same rows, in a fixed number of queries however many reports are listed.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils import timezone

from intake.interpret.numbers import printed
from plans.models import Target
from reporting import access
from reporting.targets import targets_by_report
from reporting.models import ProgressReport, ReportedFigure
from reporting.services import COUNTED

LIMIT = 500  # rows on one page; narrower filters show the rest


@dataclass
class FigureLine:
    target: Target
    value: Decimal | None  # this month's cumulative figure, None if not filled
    last: Decimal | None  # the unit's latest counted figure before this month
    warnings: list  # [{code, message}] as stored when saved or submitted
    explanation: str

    @property
    def completion(self) -> Decimal | None:
        """Percent of the target (quantity + carried over), one decimal; None without a figure or a target."""
        total = self.target.total
        if self.value is None or total <= 0:
            return None
        return (self.value * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def warning_text(self) -> str:
        return "；".join(w["message"] for w in self.warnings)


@dataclass
class ReviewRow:
    report: ProgressReport
    figures: list[FigureLine]

    @property
    def flagged(self) -> bool:
        return any(f.warnings for f in self.figures)


@dataclass(frozen=True)
class Filters:
    status: str | None = ProgressReport.Status.SUBMITTED
    cycle_id: int | None = None
    unit_id: int | None = None
    month: datetime.date | None = None  # the first day of the month

    @classmethod
    def from_query(cls, params) -> "Filters":
        """The page's and the download's filters from the same query string; malformed values are ignored."""
        status = params.get("status", ProgressReport.Status.SUBMITTED)
        cycle, unit, text = params.get("cycle") or "", params.get("unit") or "", params.get("month") or ""
        month = None
        if len(text) == 7 and text[:4].isdigit() and text[4] == "-" and text[5:].isdigit() and 1 <= int(text[5:]) <= 12:
            month = datetime.date(int(text[:4]), int(text[5:]), 1)
        return cls(status or None, int(cycle) if cycle.isdigit() else None, int(unit) if unit.isdigit() else None, month)


def queue(user, filters: Filters) -> QuerySet[ProgressReport]:
    # Whatever the plan's state: a report submitted before its plan was archived still awaits a
    # decision, and leaving it out would leave it 已提交 for good.
    reports = access.reports_visible_to(user).select_related("submitted_by", "reviewed_by").order_by(
        "-cycle__period_start", "cycle__plan_id", "unit__name", "task__position")
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.cycle_id is not None:
        reports = reports.filter(cycle_id=filters.cycle_id)
    if filters.unit_id is not None:
        reports = reports.filter(unit_id=filters.unit_id)
    if filters.month is not None:
        # The oversight pages link here for one month across all of a region's plans.
        reports = reports.filter(cycle__period_start=filters.month)
    return reports


def review_rows(user, filters: Filters = Filters()) -> list[ReviewRow]:
    reports = list(queue(user, filters)[:LIMIT])
    targets = targets_by_report(reports)
    now = _figures_of(reports)
    last = _last_counted(reports)
    rows = []
    for report in reports:
        lines = []
        for target in targets[report.pk]:
            figure = now.get((report.pk, target.pk))
            lines.append(FigureLine(
                target, figure["cumulative_value"] if figure else None, last.get((report.pk, target.pk)),
                figure["warnings"] if figure else [], figure["explanation"] if figure else "",
            ))
        rows.append(ReviewRow(report, lines))
    return rows


def _figures_of(reports) -> dict[tuple[int, int], dict]:
    return {(f["report_id"], f["target_id"]): f for f in ReportedFigure.objects.filter(report__in=[r.pk for r in reports])
            .values("report_id", "target_id", "cumulative_value", "warnings", "explanation")}


def _last_counted(reports) -> dict[tuple[int, int], Decimal]:
    """Per (report, target): the unit's latest counted figure in an earlier month of the same plan.
    One query over the listed units and tasks."""
    if not reports:
        return {}
    latest = max(r.cycle.period_start for r in reports)
    earlier: dict[tuple[int, int, int], list[tuple[datetime.date, int, Decimal]]] = {}
    for unit_id, task_id, plan_id, start, target_id, value in ReportedFigure.objects.filter(
            report__unit_id__in={r.unit_id for r in reports}, report__task_id__in={r.task_id for r in reports},
            report__status__in=COUNTED, report__cycle__period_start__lt=latest,
    ).values_list("report__unit_id", "report__task_id", "report__cycle__plan_id", "report__cycle__period_start",
                  "target_id", "cumulative_value"):
        earlier.setdefault((unit_id, task_id, plan_id), []).append((start, target_id, value))
    result = {}
    for report in reports:
        for start, target_id, value in sorted(earlier.get((report.unit_id, report.task_id, report.cycle.plan_id), [])):
            if start < report.cycle.period_start:
                result[(report.pk, target_id)] = value  # sorted by month: the last one written is the latest
    return result


# -- the download ------------------------------------------------------------------------------

HEADERS = ["方案", "期次", "单位", "任务", "状态", "逾期提交", "指标", "计量单位", "目标值", "本月累计",
           "上月累计（已计入）", "完成率（%）", "数字提示", "说明", "提交人", "提交时间", "审核人", "审核时间"]


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def sheet_rows(rows: list[ReviewRow]):
    """One line per report and figure (a report without figures gets one line), in page order."""
    for row in rows:
        report = row.report
        common = [report.cycle.plan.title, report.cycle.label, report.unit.name, f"第{report.task.ref}项",
                  report.get_status_display(), "是" if report.submitted_late else ""]
        people = [str(report.submitted_by or ""), _when(report.submitted_at),
                  str(report.reviewed_by or ""), _when(report.reviewed_at)]
        for line in row.figures or [None]:
            if line is None:
                yield common + [None] * 8 + people
                continue
            yield common + [line.target.metric, line.target.unit, _number(line.target.total), _number(line.value),
                            _number(line.last), line.completion, line.warning_text, line.explanation] + people


def _number(value: Decimal | None) -> Decimal | None:
    # Stored with six places; the sheet shows the digits the figure has (141.832, not 141.832000).
    return None if value is None else Decimal(printed(value))


def filename(filters: Filters, today: datetime.date) -> str:
    when = f"{filters.month.year}年{filters.month.month}月" if filters.month else today.isoformat()
    return f"审核列表-{when}.xlsx"
