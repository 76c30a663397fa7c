"""The reporting workflow: cycles, reports, save, submit, return, approve, reopen.

Every action is one transaction and leaves a ReportEvent, so the history
shows who changed what, when, from which value to which.
"""

import calendar
import datetime
import logging
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from history.records import acting
from intake.interpret.numbers import printed
from notifications.models import Kind as NoticeKind
from notifications.services import notify
from orgs.models import Unit
from orgs.services import expand_group
from plans.models import QUANTITY_DIGITS, QUANTITY_PLACES, Plan, Target, Task
from reporting.models import (
    EvidenceRule, ProgressReport, ReportedFigure, ReportEvent, ReportingCycle, ReportingSchedule,
)
from reporting.targets import targets_of  # noqa: F401  (callers ask services; the rule lives there)
from reporting.validation import Goal, Month, Thresholds, check_figure

Status = ProgressReport.Status
logger = logging.getLogger(__name__)
Action = ReportEvent.Action


class WorkflowError(Exception):
    """An action that cannot be done now, said in Chinese."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


class EditConflict(WorkflowError):
    pass


# -- cycles and reports --------------------------------------------------------------------------

def schedule_for(plan: Plan) -> ReportingSchedule:
    schedule, _ = ReportingSchedule.objects.get_or_create(
        plan=plan, defaults={"starts_on": datetime.date(plan.year, 1, 1)})
    return schedule


def _months(start: datetime.date, end: datetime.date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def open_cycles(today: datetime.date, plans=None, *, on_error=None) -> list[ReportingCycle]:
    """Open every month's cycle up to this one, and its reports. Safe to run often.

    Each cycle is created together with its reports in one transaction, so a crash leaves a
    month either whole or not opened (and the next run opens it). A cycle found without any
    report — left by a crash before cycles were opened this way — gets its reports, and this
    month's cycle gets those of tasks and units added since it was opened.

    A plan that fails raises, unless `on_error(plan, error)` is given: the daily command
    passes one, so one plan's failure is reported and the other plans still get their month."""
    plans = Plan.objects.live() if plans is None else plans
    opened = []
    for plan in plans:
        if not plan.is_live:  # reference and archived plans get no cycles or reports
            continue
        try:
            opened += _open_plan_cycles(plan, today)
        except Exception as error:
            if on_error is None:
                raise
            on_error(plan, error)
    return opened


def log_open_failure(plan: Plan, error: Exception) -> None:
    """on_error for runs whose own work should go on (reminders, warnings): the plan's
    failure is logged, and the daily open_cycles reports it and opens the rest later."""
    logger.error("opening the cycles of plan %s failed", plan.pk, exc_info=error)


def _open_plan_cycles(plan: Plan, today: datetime.date) -> list[ReportingCycle]:
    schedule = schedule_for(plan)
    if not schedule.active:
        return []
    last_year = plan.end_year or plan.year
    until = min(today, datetime.date(last_year, 12, 31))
    existing = {c.period_start: c for c in plan.cycles.annotate(
        has_reports=Exists(ProgressReport.objects.filter(cycle=OuterRef("pk"))))}
    pairs = None  # the plan's (unit, task) pairs, read once and only when a cycle needs reports
    opened = []
    skipped = set(schedule.skipped_months or ())
    for year, month in _months(schedule.starts_on, until):
        if month in skipped:  # a month without reports (不填报月份)
            continue
        start = datetime.date(year, month, 1)
        cycle = existing.get(start)
        if cycle is None or not cycle.has_reports or (year, month) == (until.year, until.month):
            pairs = _reporting_pairs(plan) if pairs is None else pairs
            if cycle is None or pairs:  # a plan with no reporting unit yet still gets its months
                cycle = open_cycle(plan, schedule, start, pairs)
        opened.append(cycle)
    return opened


@transaction.atomic
def open_cycle(plan: Plan, schedule: ReportingSchedule, start: datetime.date,
               pairs: list[tuple[Unit, Task]] | None = None) -> ReportingCycle:
    """One month's cycle with a report per responsible unit × task, in one transaction:
    creates what is missing of either, and nothing twice."""
    last_day = calendar.monthrange(start.year, start.month)[1]
    cycle, _ = ReportingCycle.objects.get_or_create(
        plan=plan, period_start=start,
        defaults={"label": f"{start.year}年{start.month}月", "period_end": start.replace(day=last_day),
                  "due_on": start.replace(day=min(schedule.due_day, last_day))},
    )
    ensure_reports(cycle, pairs)
    return cycle


def open_cycles_of(plan: Plan) -> None:
    """A plan just imported, updated or made live again: its cycles up to today, at once
    (plans.hooks.PLAN_SAVED)."""
    open_cycles(timezone.localdate(), [plan])


def reporting_units(task: Task) -> list[Unit]:
    """The units that report on a task: its lead and partner units and those given
    a target, a group (十街镇) standing for its members."""
    named = [a.unit for a in task.assignments.all()]
    named += [t.assignee for t in task.targets.all() if t.assignee_id]
    units: dict[int, Unit] = {}
    for unit in named:
        for member in expand_group(unit):
            units.setdefault(member.pk, member)
    return list(units.values())


def _reporting_pairs(plan: Plan) -> list[tuple[Unit, Task]]:
    # An archived task (planning.editing.do_archive_task) keeps its reports but gets no new months.
    return [(unit, task) for task in plan.tasks.filter(archived=False)
            .prefetch_related("assignments__unit", "targets__assignee")
            for unit in reporting_units(task)]


def ensure_reports(cycle: ReportingCycle, pairs: list[tuple[Unit, Task]] | None = None) -> None:
    """The cycle's missing reports, one per responsible unit × task of its plan."""
    pairs = _reporting_pairs(cycle.plan) if pairs is None else pairs
    if not pairs:
        return
    existing = set(cycle.reports.values_list("unit_id", "task_id"))
    missing = [ProgressReport(cycle=cycle, unit=unit, task=task)
               for unit, task in pairs if (unit.pk, task.pk) not in existing]
    ProgressReport.objects.bulk_create(missing, ignore_conflicts=True)


def current_cycle(plan: Plan, today: datetime.date) -> ReportingCycle | None:
    return plan.cycles.filter(period_start__lte=today).order_by("-period_start").first()


def previous(report: ProgressReport) -> ProgressReport | None:
    return (ProgressReport.objects.filter(unit=report.unit, task=report.task, cycle__plan=report.cycle.plan,
                                          cycle__period_start__lt=report.cycle.period_start)
            .order_by("-cycle__period_start").prefetch_related("figures").first())


# -- saving --------------------------------------------------------------------------------------

NARRATIVE = {"progress": "进展情况", "problems": "存在问题", "next_steps": "下步计划"}
_LARGEST = Decimal(10) ** (QUANTITY_DIGITS - QUANTITY_PLACES)


def parse_figure(text: str, target: Target) -> Decimal | None:
    """A cumulative figure as typed: every digit kept, never rounded."""
    text = (text or "").strip().replace(",", "").replace("，", "")
    if text == "":
        return None
    label = f"“{target.metric}”"
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise WorkflowError(f"{label}应填写数字（单位：{target.unit}），“{text}”不是数字", field=f"target_{target.pk}") from None
    if not value.is_finite():
        raise WorkflowError(f"{label}应填写数字", field=f"target_{target.pk}")
    if value < 0:
        raise WorkflowError(f"{label}不能为负数（填写的是{text}）", field=f"target_{target.pk}")
    if value != value.quantize(Decimal(10) ** -QUANTITY_PLACES) or value >= _LARGEST:
        raise WorkflowError(f"{label}最多保留{QUANTITY_PLACES}位小数、不超过{_LARGEST - 1}（填写的是{text}）",
                            field=f"target_{target.pk}")
    return value


def _shown(value: Decimal | None) -> str | None:
    """141.832000 → "141.832": the figure as a person typed it."""
    return None if value is None else printed(value)


_LOCKED = "本期报告已审核通过并锁定；如需修改，请联系协作办公室重新开放本单位本期填报。"


def _editable(report: ProgressReport) -> None:
    if report.status == Status.APPROVED:
        raise WorkflowError(_LOCKED)
    if report.status == Status.SUBMITTED:
        raise WorkflowError("报告已提交、正在审核，不能修改；如需修改请等待退回。")


def save_report(report: ProgressReport, *, user, version: int, figures: dict[int, str],
                progress: str, problems: str, next_steps: str,
                explanations: dict[int, str] | None = None) -> ProgressReport:
    """Save what the reporter typed. `version` is the one the form was shown with:
    if someone saved in between, nothing is written and EditConflict says so.
    `explanations` (说明 per target) left out keeps those already saved."""
    targets = {t.pk: t for t in targets_of(report)}
    values = {pk: parse_figure(figures.get(pk, ""), targets[pk]) for pk in targets}
    explained = None if explanations is None else {
        pk: parse_explanation(explanations.get(pk, ""), targets[pk]) for pk in targets}
    with transaction.atomic(), acting(user):
        current = ProgressReport.objects.select_for_update().get(pk=report.pk)
        _editable(current)
        if current.version != version:
            who = current.events.order_by("-at", "-id").first()
            by = f"（{who.actor}于{timezone.localtime(who.at):%H:%M}）" if who else ""
            raise EditConflict(f"这份报告刚被他人修改{by}，您的修改未保存。请刷新页面，核对最新内容后重新填写。")
        changes = []
        for field, label in NARRATIVE.items():
            new = {"progress": progress, "problems": problems, "next_steps": next_steps}[field].strip()
            if getattr(current, field) != new:
                changes.append({"field": field, "label": label, "old": getattr(current, field), "new": new})
                setattr(current, field, new)
        old_figures = {f.target_id: f for f in current.figures.all()}
        for pk, value in values.items():
            before = old_figures.get(pk)
            old = before.cumulative_value if before else None
            if value == old:
                continue
            label = f"{targets[pk].metric}（{targets[pk].unit}）"
            changes.append({"field": f"target_{pk}", "label": label, "old": _shown(old), "new": _shown(value)})
            if value is None:
                before.delete()
            elif before:
                before.cumulative_value = value
                before.save(update_fields=["cumulative_value"])
            else:
                ReportedFigure.objects.create(report=current, target_id=pk, cumulative_value=value)
        changes += _store_warnings(current, targets, explained)
        current.version = F("version") + 1
        current.save(update_fields=["progress", "problems", "next_steps", "version"])
        current.refresh_from_db(fields=["version"])
        if changes:
            ReportEvent.objects.create(report=current, actor=user, action=Action.SAVED, changes=changes)
    return current


# -- figure warnings (validation.py) -------------------------------------------------------------

# The statuses whose figures count (oversight counts the same two): a draft or a returned
# report's figure is not the unit's figure yet.
COUNTED = (Status.SUBMITTED, Status.APPROVED)
EXPLANATION_MAX = 500


def parse_explanation(text: str, target: Target) -> str:
    text = (text or "").strip()
    if len(text) > EXPLANATION_MAX:
        raise WorkflowError(f"“{target.metric}”的说明最多{EXPLANATION_MAX}字（现有{len(text)}字）", field=f"explain_{target.pk}")
    return text


def figure_history(report: ProgressReport, targets: list[Target]) -> dict[int, list[Month]]:
    """Per target, the plan's months before the report's (within the target's year when it has
    one), each with the figure this unit had counted that month or None. Two queries."""
    cycles = list(report.cycle.plan.cycles.filter(period_start__lt=report.cycle.period_start)
                  .order_by("period_start").values_list("pk", "label", "period_start"))
    counted = dict(((cycle_id, target_id), value) for cycle_id, target_id, value in ReportedFigure.objects.filter(
        report__unit_id=report.unit_id, report__task_id=report.task_id, report__status__in=COUNTED,
        report__cycle_id__in=[pk for pk, _, _ in cycles], target__in=targets,
    ).values_list("report__cycle_id", "target_id", "cumulative_value"))
    return {t.pk: [(label, counted.get((pk, t.pk))) for pk, label, start in cycles if t.year is None or start.year == t.year]
            for t in targets}


def figure_warnings(report: ProgressReport, values: dict[int, Decimal | None], targets: list[Target]) -> dict[int, list[dict]]:
    """The warnings each figure raises, as stored on ReportedFigure.warnings."""
    history, thresholds = figure_history(report, targets), Thresholds.from_settings()
    return {t.pk: [w.as_json() for w in check_figure(values.get(t.pk), history=history[t.pk], goal=Goal.of(t),
                                                     thresholds=thresholds)]
            for t in targets}


def _store_warnings(report: ProgressReport, targets: dict[int, Target], explained: dict[int, str] | None) -> list[dict]:
    """Recompute and store each saved figure's warnings (last month may have changed since), and
    the explanations typed; returns the explanations' changes for the history."""
    figures = list(report.figures.all())
    warnings = figure_warnings(report, {f.target_id: f.cumulative_value for f in figures},
                               [targets[f.target_id] for f in figures if f.target_id in targets])
    changes = []
    for figure in figures:
        fields = []
        found = warnings.get(figure.target_id, [])
        if figure.warnings != found:
            figure.warnings = found
            fields.append("warnings")
        new = figure.explanation if explained is None else explained.get(figure.target_id, "")
        if new != figure.explanation:
            target = targets[figure.target_id]
            changes.append({"field": f"explain_{figure.target_id}", "label": f"{target.metric}说明",
                            "old": figure.explanation or None, "new": new or None})
            figure.explanation = new
            fields.append("explanation")
        if fields:
            figure.save(update_fields=fields)
    return changes


def _figures_explained(report: ProgressReport) -> str:
    """Before submitting: every warning needs an explanation. Warnings are recomputed, since
    last month's figure may have changed since the save. Returns what the history notes."""
    targets = {t.pk: t for t in targets_of(report)}
    _store_warnings(report, targets, None)
    flagged = [f for f in report.figures.all() if f.warnings and f.target_id in targets]
    missing = [f for f in flagged if not f.explanation.strip()]
    if missing:
        raise WorkflowError("。".join(
            f"第{report.task.ref}项 {targets[f.target_id].metric}：{w['message']}，请更正或填写说明后提交"
            for f in missing for w in f.warnings) + "。", field=f"explain_{missing[0].target_id}")
    return "".join(f"；{targets[f.target_id].metric}：{'；'.join(w['message'] for w in f.warnings)}（说明：{f.explanation}）"
                   for f in flagged)


# -- evidence ------------------------------------------------------------------------------------

def evidence_editable(report: ProgressReport) -> None:
    """Evidence may be added and removed until the report is approved: while a draft, while
    submitted and not yet reviewed (a reporter filling top to bottom attaches it last), and
    once returned."""
    if report.status == Status.APPROVED:
        raise WorkflowError(_LOCKED)


def evidence_required(task: Task, schedule: ReportingSchedule | None) -> bool:
    """Whether a report on this task needs evidence before it is submitted: the task's own
    EvidenceRule if the office set one, else its plan's policy."""
    rule = EvidenceRule.objects.filter(task_id=task.pk).values_list("required", flat=True).first()
    if rule is not None:
        return rule
    policy = schedule.evidence_policy if schedule is not None else ReportingSchedule.EvidencePolicy.NONE
    if policy == ReportingSchedule.EvidencePolicy.ALL:
        return True
    return policy == ReportingSchedule.EvidencePolicy.ASSESSED and bool(task.evidence_required.strip())


def _task_named(task: Task) -> str:
    text = (task.text or task.measures or "").strip().replace("\n", " ")
    return f"第{task.ref}项任务" + (f"“{text[:30]}{'…' if len(text) > 30 else ''}”" if text else "")


# -- review --------------------------------------------------------------------------------------

def submit_report(report: ProgressReport, *, user, today: datetime.date) -> ProgressReport:
    with transaction.atomic(), acting(user, "提交审核"):
        current = (ProgressReport.objects.select_for_update(of=("self",))
                   .select_related("cycle__plan__reporting_schedule", "task").get(pk=report.pk))
        _editable(current)
        if not current.progress.strip():
            raise WorkflowError("请先填写“进展情况”并保存，再提交。", field="progress")
        schedule = getattr(current.cycle.plan, "reporting_schedule", None)
        if evidence_required(current.task, schedule) and not current.evidence.exists():
            raise WorkflowError(f"{_task_named(current.task)}要求上传佐证材料，请先在“佐证材料”中上传照片、文件或链接，再提交。",
                                field="evidence")
        explained = _figures_explained(current)
        current.status, current.submitted_at, current.submitted_by = Status.SUBMITTED, timezone.now(), user
        current.submitted_late = today > current.cycle.due_on
        # The earlier return's reviewer, time and comment stay in the history (its 退回 event);
        # on the report they would read as if the new submission had been reviewed already.
        current.reviewed_by, current.reviewed_at, current.review_comment = None, None, ""
        current.version = F("version") + 1
        current.save(update_fields=["status", "submitted_at", "submitted_by", "submitted_late",
                                    "reviewed_by", "reviewed_at", "review_comment", "version"])
        late = f"（逾期{(today - current.cycle.due_on).days}天）" if current.submitted_late else ""
        ReportEvent.objects.create(report=current, actor=user, action=Action.SUBMITTED, comment=f"提交审核{late}{explained}")
    current.refresh_from_db()
    return current


def withdraw_report(report: ProgressReport, *, user, version: int) -> ProgressReport:
    """Take a submitted report back before anyone reviews it: it is a draft (待填报) again.
    `version` is the one the page was shown with, as for a save."""
    with transaction.atomic(), acting(user, "审核前撤回"):
        current = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if current.status == Status.APPROVED:
            raise WorkflowError("报告已审核通过，不能撤回；如需修改，请联系协作办公室重新开放本单位本期填报。")
        if current.status == Status.RETURNED:
            raise WorkflowError("报告已被审核退回，可直接修改后重新提交，无需撤回。")
        if current.status != Status.SUBMITTED:
            raise WorkflowError("报告尚未提交，无需撤回。")
        if current.version != version:
            raise EditConflict("这份报告在您打开页面后有了变化（可能已被审核），未撤回。请刷新页面查看最新状态。")
        changes = [{"field": "status", "label": "状态", "old": Status.SUBMITTED.label, "new": Status.PENDING.label}]
        current.status, current.submitted_at, current.submitted_by, current.submitted_late = Status.PENDING, None, None, False
        current.version = F("version") + 1
        current.save(update_fields=["status", "submitted_at", "submitted_by", "submitted_late", "version"])
        ReportEvent.objects.create(report=current, actor=user, action=Action.WITHDRAWN, changes=changes,
                                   comment="审核前撤回，改为待填报")
    current.refresh_from_db()
    return current


def return_report(report: ProgressReport, *, reviewer, comment: str) -> ProgressReport:
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError("退回时请写明原因，填报单位会立即收到。", field="comment")
    with transaction.atomic(), acting(reviewer, f"退回：{comment}"):
        current = ProgressReport.objects.select_for_update().select_related("cycle__plan", "task", "unit").get(pk=report.pk)
        if current.status != Status.SUBMITTED:
            raise WorkflowError(f"只有已提交的报告可以退回（当前：{current.get_status_display()}）。")
        current.status, current.reviewed_by, current.reviewed_at = Status.RETURNED, reviewer, timezone.now()
        current.review_comment = comment
        current.version = F("version") + 1
        current.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "version"])
        ReportEvent.objects.create(report=current, actor=reviewer, action=Action.RETURNED, comment=comment)
        notify(current.unit, f"您单位的《{current.cycle.plan.title}》{current.cycle.label}第{current.task.ref}项报告被退回：{comment}",
               url=f"/reporting/reports/{current.pk}/", kind=NoticeKind.RETURN, office=current.cycle.plan.office)
    current.refresh_from_db()
    return current


def approve_reports(reports, *, reviewer) -> int:
    """Approve many reports in one action: all of them or, if any cannot be, none."""
    with transaction.atomic(), acting(reviewer, "审核通过"):
        locked = list(ProgressReport.objects.select_for_update().filter(pk__in=[r.pk for r in reports]))
        wrong = [r for r in locked if r.status != Status.SUBMITTED]
        if wrong:
            raise WorkflowError(f"有{len(wrong)}份报告不是“已提交”状态，未做任何审核，请刷新后重选。")
        now = timezone.now()
        for report in locked:
            report.status, report.reviewed_by, report.reviewed_at, report.review_comment = Status.APPROVED, reviewer, now, ""
            report.version = F("version") + 1
            report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "version"])
        ReportEvent.objects.bulk_create([ReportEvent(report=r, actor=reviewer, action=Action.APPROVED) for r in locked])
    return len(locked)


def reopen_period(unit: Unit, cycle: ReportingCycle, *, admin, reason: str) -> int:
    """Unlock one unit's approved reports of one cycle so it can correct them."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("重新开放时请写明原因。", field="reason")
    with transaction.atomic(), acting(admin, f"重新开放：{reason}"):
        reports = list(ProgressReport.objects.select_for_update().filter(cycle=cycle, unit=unit, status=Status.APPROVED))
        for report in reports:
            report.status, report.review_comment = Status.RETURNED, f"办公室重新开放：{reason}"
            report.version = F("version") + 1
            report.save(update_fields=["status", "review_comment", "version"])
        ReportEvent.objects.bulk_create([ReportEvent(report=r, actor=admin, action=Action.REOPENED, comment=reason) for r in reports])
        if reports:
            notify(unit, f"协作办公室已重新开放您单位《{cycle.plan.title}》{cycle.label}的填报：{reason}", url="/reporting/",
                   kind=NoticeKind.RETURN, office=cycle.plan.office)
    return len(reports)

