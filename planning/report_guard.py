"""What a task's reports hold, and moving them to another task so nothing reported is lost.

Every live plan has a report a month for each unit × task, opened empty (reporting.open_cycles).
An empty one — 待填报, no text, no figure, no evidence — holds nothing and goes with its task.
A report with anything in it is "reported": deleting or merging its task must say so, and its
figures are never deleted — they move to another task's targets, or the task is archived.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from plans.models import Target, Task
from reporting.models import Evidence, ProgressReport, ReportedFigure


class GuardError(Exception):
    """A move refused, said in Chinese."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def reported(reports: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    """The reports that hold something: anything but an untouched 待填报."""
    return reports.annotate(
        has_figures=Exists(ReportedFigure.objects.filter(report=OuterRef("pk"))),
        has_evidence=Exists(Evidence.objects.filter(report=OuterRef("pk"))),
    ).filter(~Q(status=ProgressReport.Status.PENDING) | Q(has_figures=True) | Q(has_evidence=True)
             | ~Q(progress="") | ~Q(problems="") | ~Q(next_steps=""))


def placeholders(task: Task) -> QuerySet[ProgressReport]:
    """The task's empty reports (nothing lost when they go)."""
    return task.progress_reports.exclude(pk__in=reported(task.progress_reports.all()).values("pk"))


@dataclass
class ReportSummary:
    """What a task's reports hold, as the delete and merge forms say it."""

    reports: int = 0
    figures: int = 0
    evidence: int = 0
    units: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # targets with figures: "指标 承担单位（N条）"

    def __bool__(self) -> bool:
        return self.reports > 0

    @property
    def text(self) -> str:
        if not self.reports:
            return "本任务没有已填报的内容。"
        parts = [f"{self.reports}份进度报告（{'、'.join(self.units)}；{'、'.join(self.months)}）"]
        if self.figures:
            parts.append(f"{self.figures}个填报数字（{'、'.join(self.targets)}）")
        if self.evidence:
            parts.append(f"{self.evidence}份佐证材料")
        return "本任务已有" + "，".join(parts) + "。"


def summarize(task: Task) -> ReportSummary:
    rows = list(reported(task.progress_reports.all()).select_related("unit", "cycle")
                .order_by("cycle__period_start", "unit__name"))
    if not rows:
        return ReportSummary()
    ids = [r.pk for r in rows]
    figures = list(ReportedFigure.objects.filter(report_id__in=ids).select_related("target__assignee"))
    per_target: dict[int, tuple[Target, int]] = {}
    for figure in figures:
        target, count = per_target.get(figure.target_id, (figure.target, 0))
        per_target[figure.target_id] = (target, count + 1)
    return ReportSummary(
        reports=len(rows), figures=len(figures), evidence=Evidence.objects.filter(report_id__in=ids).count(),
        units=list(dict.fromkeys(r.unit.name for r in rows)),
        months=list(dict.fromkeys(r.cycle.label for r in rows)),
        targets=[f"{target_label(t)}（{n}条）" for t, n in per_target.values()],
    )


def target_label(target: Target) -> str:
    who = target.assignee.name if target.assignee_id else (target.assignee_printed or "合计")
    return f"{target.metric}·{who}"


def targets_with_figures(task: Task) -> list[Target]:
    return list(task.targets.filter(reported_figures__isnull=False).distinct().select_related("assignee"))


def move_reports(source: Task, to: Task, target_map: dict[int, Target], *, keep_targets: bool = False) -> int:
    """Move every report of `source` holding something to `to`, for the same unit and month.

    A figure moves to `target_map[its target]` (a target of `to` with the same 计量单位), or stays
    on its target when `keep_targets` (the targets themselves are moving to `to`, as in a merge).
    An empty report of `to` for the same unit and month gives way; two reports that both hold
    something are refused, naming the month and unit, and nothing moves (the caller's
    transaction). The empty reports of `source` are left to go with it.
    """
    if source.pk == to.pk:
        raise GuardError("不能移到同一项任务", field="to_task")
    moving = list(reported(source.progress_reports.all()).select_related("unit", "cycle"))
    if not moving:
        return 0
    if not keep_targets:
        for target in targets_with_figures(source):
            new = target_map.get(target.pk)
            if new is None:
                raise GuardError(f"指标“{target_label(target)}”已有填报数字，请选择移到哪个指标", field=f"map_{target.pk}")
            if new.task_id != to.pk:
                raise GuardError(f"“{target_label(new)}”不是第{to.ref}项任务的指标", field=f"map_{target.pk}")
            if new.unit != target.unit:
                raise GuardError(f"计量单位不同：“{target_label(target)}”为{target.unit}，“{target_label(new)}”为{new.unit}",
                                 field=f"map_{target.pk}")
        chosen = [target_map[t.pk].pk for t in targets_with_figures(source)]
        if len(chosen) != len(set(chosen)):
            raise GuardError("两个有填报数字的指标不能移到同一个指标，请分别选择", field="targets")
    there = {(r.cycle_id, r.unit_id): r for r in to.progress_reports.all()}
    full = set(reported(to.progress_reports.all()).values_list("cycle_id", "unit_id"))
    clashes = [r for r in moving if (r.cycle_id, r.unit_id) in full]
    if clashes:
        named = "、".join(f"{r.unit.name}{r.cycle.label}" for r in clashes)
        raise GuardError(f"第{to.ref}项任务在同一月份已有这些单位的填报：{named}。两份报告不能合为一份，请改为归档。")
    for report in moving:
        empty = there.get((report.cycle_id, report.unit_id))
        if empty is not None:
            empty.delete()
        report.task = to
        report.save(update_fields=["task"])
        if not keep_targets:
            for figure in report.figures.all():
                figure.target = target_map[figure.target_id]
                figure.save(update_fields=["target"])
    return len(moving)
