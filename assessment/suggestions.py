"""Suggested scores for items with targets: the item's 评分标准 (rules.suggest) applied to the
unit's year figure, the latest *approved* cumulative value reported in that year's cycles.

Only approved figures count here (a submitted one may still be returned); the page shows the
suggestion with its arithmetic beside the score box and the scorer takes it or not.
"""

from dataclasses import dataclass

from assessment.models import Item, ScoreSheet
from assessment.rules import RuleError, Suggestion, fmt, suggest
from plans.models import Assignment, Target
from reporting.models import ProgressReport, ReportedFigure


@dataclass(frozen=True)
class Offer:
    suggestion: Suggestion | None
    note: str  # why there is none, or which target it reads ("社会帮扶资金 目标33.3万元")


def offers(items: list[Item], sheets: list[ScoreSheet]) -> dict[tuple[int, int], Offer]:
    """(sheet id, item id) → Offer for every item with a rule other than 人工评分 and a task, in
    three queries whatever the number of units."""
    ruled = [i for i in items if i.rule != Item.Rule.MANUAL and i.task_id]
    if not ruled or not sheets:
        return {}
    task_ids = {i.task_id for i in ruled}
    unit_ids = {s.unit_id for s in sheets}
    targets: dict[tuple[int, int | None], Target] = {}
    for target in Target.objects.filter(task_id__in=task_ids).order_by("position", "pk"):
        key = (target.task_id, target.assignee_id if target.assignee_id in unit_ids else None)
        if target.parent_id is None or key[1] is not None:
            targets.setdefault(key, target)
    leads = set(Assignment.objects.filter(task_id__in=task_ids, role=Assignment.Role.LEAD)
                .values_list("task_id", "unit_id"))
    year = sheets[0].scheme.year
    latest: dict[tuple[int, int], tuple] = {}
    rows = (ReportedFigure.objects.filter(target__task_id__in=task_ids, report__unit_id__in=unit_ids,
                                          report__status=ProgressReport.Status.APPROVED,
                                          report__cycle__period_start__year=year)
            .values_list("target_id", "report__unit_id", "report__cycle__period_start", "cumulative_value"))
    for target_id, unit_id, month, value in rows:
        if (target_id, unit_id) not in latest or latest[(target_id, unit_id)][0] < month:
            latest[(target_id, unit_id)] = (month, value)

    result = {}
    for sheet in sheets:
        for item in ruled:
            if not item.applies_to(sheet.unit):
                continue
            target = targets.get((item.task_id, sheet.unit_id))
            if target is None and (item.task_id, sheet.unit_id) in leads:
                target = targets.get((item.task_id, None))
            result[(sheet.pk, item.pk)] = _offer(item, target, latest, sheet.unit_id)
    return result


def _offer(item: Item, target: Target | None, latest, unit_id: int) -> Offer:
    if target is None:
        return Offer(None, "该单位在此任务下没有指标，无法计算建议分")
    found = latest.get((target.pk, unit_id))
    label = f"{target.metric} 目标{fmt(target.total)}{target.unit}"
    if found is None:
        return Offer(None, f"{label}：本年度没有审核通过的填报数，无法计算建议分")
    month, actual = found
    try:
        suggestion = suggest(item, target.total, actual)
    except RuleError as problem:
        return Offer(None, str(problem))
    return Offer(suggestion, f"{label}，{month.year}年{month.month}月累计完成{fmt(actual)}{target.unit}")
