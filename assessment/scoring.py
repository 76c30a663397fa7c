"""Opening a scheme, self-assessing and scoring: one action each, one transaction, audited.

Each writes through `acting(user, reason)`, so the history row of the ItemScore says who
changed what (old → new 自评分 or 得分) and why; the reason of a score below 满分 is required
and is the history's reason too.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from assessment import access
from assessment.errors import AssessmentError
from assessment.models import Item, ItemScore, Scheme, ScoreSheet
from assessment.rules import fmt
from history.records import acting


def _refuse(allowed: bool, message: str) -> None:
    if not allowed:
        raise AssessmentError(message)


def parse_points(raw, item: Item, label: str) -> Decimal:
    """A score as typed: a number from 0 to the item's 分值, at most two decimal places."""
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise AssessmentError(f"第{item.ref}项{label}“{raw}”不是数字", "score") from None
    if not value.is_finite():
        raise AssessmentError(f"第{item.ref}项{label}“{raw}”不是数字", "score")
    if value < 0 or value > item.max_points:
        raise AssessmentError(f"第{item.ref}项{label}{fmt(value)}超出范围：应在0到{fmt(item.max_points)}分之间", "score")
    if value != value.quantize(Decimal("0.01")):
        raise AssessmentError(f"第{item.ref}项{label}{fmt(value)}最多保留两位小数", "score")
    return value


def do_open_scheme(user, scheme: Scheme) -> Scheme:
    """编制中 → 自评评分中: units may self-assess and scorers score."""
    _refuse(access.may_manage(user, scheme), "只有组织考核的协作办公室管理员可以开始考核")
    with transaction.atomic(), acting(user, "开始自评和评分"):
        scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
        if scheme.state != Scheme.State.DRAFT:
            raise AssessmentError(f"考核方案当前为“{scheme.get_state_display()}”，不能再开始")
        scheme.state = Scheme.State.OPEN
        scheme.save(update_fields=["state"])
    return scheme


def _locked_score(sheet: ScoreSheet, item: Item) -> tuple[ScoreSheet, ItemScore]:
    sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
    if sheet.scheme.state != Scheme.State.OPEN:
        raise AssessmentError(f"考核方案当前为“{sheet.scheme.get_state_display()}”，不能自评或评分")
    if sheet.state == ScoreSheet.State.REVIEWED:
        raise AssessmentError(f"{sheet.unit.name}的评分表已复核，不能再修改")
    if item.scheme_id != sheet.scheme_id or not item.applies_to(sheet.unit):
        raise AssessmentError(f"第{item.ref}项不是{sheet.unit.name}的考核项目")
    score, _ = ItemScore.objects.get_or_create(sheet=sheet, item=item)
    return sheet, score


def do_self_assess(user, sheet: ScoreSheet, item: Item, self_score, note: str = "") -> ItemScore:
    """The unit's 自评分 and a short explanation for one item of its own sheet."""
    _refuse(access.may_self_assess(user, sheet), "只能为本单位的评分表自评")
    value = parse_points(self_score, item, "自评分")
    with transaction.atomic(), acting(user, "自评"):
        sheet, score = _locked_score(sheet, item)
        if sheet.state != ScoreSheet.State.PENDING:
            raise AssessmentError(f"{sheet.unit.name}已提交自评，不能再修改自评分")
        score.self_score, score.self_note = value, (note or "").strip()
        score.save(update_fields=["self_score", "self_note"])
    return score


def do_score(user, sheet: ScoreSheet, item: Item, points, reason: str = "") -> ItemScore:
    """得分 for one item of a unit's sheet, by the item's 评分部门 or the office; below 满分 a
    reason is required (it is also the history's reason)."""
    _refuse(access.may_score(user, item), f"第{item.ref}项由" + (
        f"{item.scoring_unit.name}评分" if item.scoring_unit_id else "组织考核的协作办公室评分"))
    value = parse_points(points, item, "得分")
    reason = (reason or "").strip()
    if value < item.max_points and not reason:
        raise AssessmentError(f"第{item.ref}项得分{fmt(value)}低于满分{fmt(item.max_points)}分，须写明扣分理由", "reason")
    with transaction.atomic(), acting(user, reason or "评分"):
        sheet, score = _locked_score(sheet, item)
        score.score, score.reason = value, reason
        score.scored_by, score.scored_at = user, timezone.now()
        score.save(update_fields=["score", "reason", "scored_by", "scored_at"])
    return score
