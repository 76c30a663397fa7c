"""Changing projects and filing their monthly funds reports. One `do_*` per change, each one
transaction inside `acting(actor, reason)`, so every row saved leaves a history row naming who
and why; each checks the actor's rights itself (funds.access), so a page, a command and a test
get the same answer. Bad input raises FundsError in Chinese naming the field.
"""

import datetime
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from funds import access
from funds.models import FundsEvidence, FundsFigure, FundsReport, Milestone, Project, ProjectFund, Source
from history.records import acting
from orgs.access import pickable_units
from plans.models import QUANTITY_DIGITS, QUANTITY_PLACES, Plan
from reporting.evidence import EvidenceError, clean_name, inspect_upload
from reporting.models import ReportingCycle

_LARGEST = Decimal(10) ** (QUANTITY_DIGITS - QUANTITY_PLACES)
PROJECT_FIELDS = ("name", "county", "town", "village", "kind", "year", "responsible_unit", "note")


class FundsError(Exception):
    """A change that cannot be made, said in Chinese; `field` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def parse_amount(text, label: str, field: str) -> Decimal | None:
    """万元 as typed: a number ≥ 0 with at most six decimal places, never rounded; "" is None."""
    text = str(text if text is not None else "").strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FundsError(f"{label}应为数字（万元），“{text}”不是数字", field) from None
    if not value.is_finite() or value < 0:
        raise FundsError(f"{label}不能为负数", field)
    if value.as_tuple().exponent < -QUANTITY_PLACES:
        raise FundsError(f"{label}最多保留{QUANTITY_PLACES}位小数（万元精确到元以下），请勿多填", field)
    if value >= _LARGEST:
        raise FundsError(f"{label}过大（{text}万元），请检查单位是否为万元", field)
    return value


def _clean(obj, exclude=()) -> None:
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise FundsError("；".join(messages), field=None if field == "__all__" else field) from None


# -- projects ------------------------------------------------------------------------------------

def _set_funds(project: Project, planned: dict[str, str]) -> None:
    values = {s: parse_amount(planned.get(s), f"{Source(s).label}计划投资", f"planned_{s}") for s in Source.values}
    if not any(values.values()):
        raise FundsError("请至少填写一种资金来源的计划投资（万元）", "planned_fiscal")
    existing = {f.source: f for f in project.funds.all()}
    for source, value in values.items():
        row = existing.get(source)
        if not value:
            if row is not None:
                row.delete()
        elif row is None:
            ProjectFund.objects.create(project=project, source=source, planned=value)
        elif row.planned != value:
            row.planned = value
            row.save(update_fields=["planned"])


def _check_unit(actor, plan: Plan, project: Project) -> None:
    if not access.may_manage(actor, plan):
        raise PermissionDenied("只有方案所属协作办公室的管理员可以管理其项目")
    if project.year and not (plan.year <= project.year <= (plan.end_year or plan.year)):
        raise FundsError(f"项目年度{project.year}不在方案年度（{plan.year}—{plan.end_year or plan.year}）内", "year")
    unit_id = project.responsible_unit_id
    if unit_id and not pickable_units(actor).filter(pk=unit_id, is_group=False).exists():
        raise FundsError("责任单位应为本办公室或其结对方的单位", "responsible_unit")


def do_create_project(actor, *, plan: Plan, planned: dict[str, str], reason: str = "", **fields) -> Project:
    """A project of the office's plan with its planned funds per source (万元)."""
    project = Project(plan=plan, **{k: v for k, v in fields.items() if k in PROJECT_FIELDS})
    _check_unit(actor, plan, project)
    _clean(project)
    with transaction.atomic(), acting(actor, (reason or "").strip() or "新增项目"):
        project.save()
        _set_funds(project, planned)
    return project


def do_update_project(actor, project: Project, *, planned: dict[str, str], reason: str = "", **fields) -> Project:
    """Change a project's facts and planned funds. Changing a planned amount needs a reason,
    since every rate the office has sent up was computed against it."""
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        _check_unit(actor, current.plan, current)
        before = {f.source: f.planned for f in current.funds.all()}
        for key, value in fields.items():
            if key in PROJECT_FIELDS:
                setattr(current, key, value)
        _clean(current)
        changed = any(parse_amount(planned.get(s), Source(s).label, f"planned_{s}") != before.get(s)
                      for s in Source.values)
        reason = (reason or "").strip()
        if changed and not reason:
            raise FundsError("调整计划投资请填写修改原因", "reason")
        with acting(actor, reason or "修改项目信息"):
            current.save()
            _set_funds(current, planned)
    return current


def do_add_milestone(actor, project: Project, *, measure: str, due_on: datetime.date, percent) -> Milestone:
    """“9月底前拨付率达到80%”."""
    _require(access.may_manage(actor, project.plan), "只有方案所属协作办公室的管理员可以设定资金进度节点")
    value = parse_amount(percent, "应达到的比例", "percent")
    if value is None or not 0 < value <= 100:
        raise FundsError("应达到的比例应在0—100（%）之间", "percent")
    milestone = Milestone(project=project, measure=measure, due_on=due_on, percent=value)
    _clean(milestone)
    with transaction.atomic(), acting(actor, "设定资金进度节点"):
        milestone.save()
    return milestone


def do_remove_milestone(actor, milestone: Milestone, *, reason: str) -> None:
    _require(access.may_manage(actor, milestone.project.plan), "只有方案所属协作办公室的管理员可以删除资金进度节点")
    reason = (reason or "").strip()
    if not reason:
        raise FundsError("删除节点请填写原因", "reason")
    with transaction.atomic(), acting(actor, reason):
        milestone.delete()


# -- monthly funds reports -----------------------------------------------------------------------

def cycles_of(project: Project, today: datetime.date):
    """The months a project reports for: its plan's cycles (reporting's months and due days)
    within the project's year, up to this month."""
    return (ReportingCycle.objects.filter(plan_id=project.plan_id, period_start__year=project.year,
                                          period_start__lte=today).order_by("-period_start"))


def _editable(report: FundsReport | None) -> None:
    if report is not None and report.status == FundsReport.Status.SUBMITTED:
        raise FundsError("本月资金月报已提交，不能修改；如需更正，请联系协作办公室退回。")


def _planned(project: Project) -> dict[str, Decimal]:
    return {f.source: f.planned for f in project.funds.all()}


def do_save_funds_report(actor, project: Project, cycle: ReportingCycle, *, figures: dict[str, tuple[str, str]],
                         progress: str, poor_people, farmers_linked, note: str = "") -> FundsReport:
    """Save the month's figures: per source of the project, 累计拨付 and 累计支出 (万元, to date).
    A source's 支出 never exceeds its 拨付, nor 拨付 its planned amount."""
    _require(access.may_report(actor, project), "只有项目责任单位的填报员可以填报资金使用进度")
    if cycle.plan_id != project.plan_id or cycle.period_start.year != project.year:
        raise FundsError("该月份不属于本项目所在方案、本项目年度的填报周期")
    planned = _planned(project)
    values = {}
    for source, amount in planned.items():
        label = Source(source).label
        disbursed_text, spent_text = figures.get(source, ("", ""))
        disbursed = parse_amount(disbursed_text, f"{label}累计拨付", f"disbursed_{source}") or Decimal(0)
        spent = parse_amount(spent_text, f"{label}累计支出", f"spent_{source}") or Decimal(0)
        if disbursed > amount:
            raise FundsError(f"{label}累计拨付{disbursed.normalize():f}万元，超过计划投资{amount.normalize():f}万元",
                             f"disbursed_{source}")
        if spent > disbursed:
            raise FundsError(f"{label}累计支出{spent.normalize():f}万元，超过累计拨付{disbursed.normalize():f}万元",
                             f"spent_{source}")
        values[source] = (disbursed, spent)
    if progress not in FundsReport.Progress.values:
        raise FundsError("请选择建设进度（未开工/在建/完工）", "progress")
    people = {}
    for field, label, value in (("poor_people", "带动脱贫人口", poor_people), ("farmers_linked", "联农带农户数", farmers_linked)):
        text = str(value if value is not None else "").strip() or "0"
        if not text.isdigit():
            raise FundsError(f"{label}应为不小于0的整数", field)
        people[field] = int(text)
    with transaction.atomic(), acting(actor, "保存资金月报"):
        Project.objects.select_for_update().get(pk=project.pk)  # two savers of one month wait, never duplicate
        report = FundsReport.objects.filter(project=project, cycle=cycle).first()
        _editable(report)
        if report is None:
            report = FundsReport(project=project, cycle=cycle)
        report.progress, report.note = progress, (note or "").strip()
        report.poor_people, report.farmers_linked = people["poor_people"], people["farmers_linked"]
        report.save()
        existing = {f.source: f for f in report.figures.all()}
        for source, (disbursed, spent) in values.items():
            row = existing.pop(source, None)
            if row is None:
                FundsFigure.objects.create(report=report, source=source, disbursed=disbursed, spent=spent)
            elif (row.disbursed, row.spent) != (disbursed, spent):
                row.disbursed, row.spent = disbursed, spent
                row.save(update_fields=["disbursed", "spent"])
        for row in existing.values():  # a source no longer planned
            row.delete()
    return report


def do_submit_funds_report(actor, report: FundsReport, *, today: datetime.date) -> FundsReport:
    """Submit the month's report: from now on it counts (lights, the 资金使用进度 table).
    Late after the cycle's due day (marked, never refused)."""
    _require(access.may_report(actor, report.project), "只有项目责任单位的填报员可以提交资金月报")
    with transaction.atomic(), acting(actor, "提交资金月报"):
        current = FundsReport.objects.select_for_update().select_related("cycle").get(pk=report.pk)
        _editable(current)
        if not current.figures.exists():
            raise FundsError("请先填写并保存本月拨付、支出数字，再提交。")
        current.status = FundsReport.Status.SUBMITTED
        current.submitted_at, current.submitted_by = timezone.now(), actor
        current.submitted_late = today > current.cycle.due_on
        current.save(update_fields=["status", "submitted_at", "submitted_by", "submitted_late"])
    return current


def do_return_funds_report(actor, report: FundsReport, *, reason: str) -> FundsReport:
    """The office sends a submitted month back for correction (退回), with a reason the history
    keeps; until resubmitted the month counts no more and the last submitted one stands."""
    _require(access.may_manage(actor, report.project.plan) or access.may_review(actor, report.project.plan),
             "只有方案所属协作办公室可以退回资金月报")
    reason = (reason or "").strip()
    if not reason:
        raise FundsError("请填写退回原因", "reason")
    with transaction.atomic(), acting(actor, f"退回：{reason}"):
        current = FundsReport.objects.select_for_update().get(pk=report.pk)
        if current.status != FundsReport.Status.SUBMITTED:
            raise FundsError("该月资金月报尚未提交，无需退回")
        current.status, current.submitted_at, current.submitted_by = FundsReport.Status.DRAFT, None, None
        current.submitted_late = False
        current.save(update_fields=["status", "submitted_at", "submitted_by", "submitted_late"])
    return current


def do_add_funds_evidence(actor, report: FundsReport, *, name: str, data: bytes) -> FundsEvidence:
    """A file backing the report (凭证, photos), checked as report evidence is (type from the
    bytes, size cap, photo location removed), stored under a random name."""
    _require(access.may_report(actor, report.project), "只有项目责任单位的填报员可以上传佐证")
    try:
        upload = inspect_upload(name, data)
    except EvidenceError as error:
        raise FundsError(error.message, "file") from None
    stored = None
    try:
        with transaction.atomic(), acting(actor, "上传资金佐证"):
            current = FundsReport.objects.select_for_update().get(pk=report.pk)
            _editable(current)
            if current.evidence.filter(sha256=upload.sha256).exists():
                raise FundsError("该文件已上传过，无需重复上传。", "file")
            evidence = FundsEvidence(report=current, original_name=clean_name(name), content_type=upload.content_type,
                                     size=upload.size, sha256=upload.sha256, uploaded_by=actor)
            evidence.file.save(f"{uuid.uuid4().hex}{upload.extension}", ContentFile(upload.data), save=False)
            stored = evidence.file.name
            evidence.save()
    except BaseException:
        if stored:
            evidence.file.storage.delete(stored)
        raise
    return evidence
