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


def parse_points_text(raw, label: str, maximum: Decimal) -> Decimal:
    """A number as typed: from 0 to `maximum`, at most two decimal places; `label` names it."""
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise AssessmentError(f"{label}“{raw}”不是数字", "score") from None
    if not value.is_finite():
        raise AssessmentError(f"{label}“{raw}”不是数字", "score")
    if value < 0 or value > maximum:
        raise AssessmentError(f"{label}{fmt(value)}超出范围：应在0到{fmt(maximum)}分之间", "score")
    if value != value.quantize(Decimal("0.01")):
        raise AssessmentError(f"{label}{fmt(value)}最多保留两位小数", "score")
    return value


def parse_points(raw, item: Item, label: str) -> Decimal:
    """A score as typed: a number from 0 to the item's 分值, at most two decimal places."""
    return parse_points_text(raw, f"第{item.ref}项{label}", item.max_points)


def parse_veto(raw, item: Item) -> Decimal:
    """一票否决 is yes or no: stored as 1 (triggered) or 0."""
    text = str(raw).strip()
    if text in ("1", "是"):
        return Decimal(1)
    if text in ("0", "否"):
        return Decimal(0)
    raise AssessmentError(f"第{item.ref}项为一票否决，只能选择“是”或“否”", "score")


def needs_reason(item: Item, value: Decimal) -> str:
    """The sentence asking for a reason, or "" when none is needed: below 满分 on an ordinary item,
    any deduction, a veto triggered."""
    if item.kind == Item.Kind.NORMAL and value < item.max_points:
        return f"第{item.ref}项得分{fmt(value)}低于满分{fmt(item.max_points)}分，须写明扣分理由"
    if item.kind == Item.Kind.DEDUCTION and value > 0:
        return f"第{item.ref}项扣{fmt(value)}分，须写明扣分理由"
    if item.kind == Item.Kind.VETO and value:
        return f"第{item.ref}项一票否决，须写明理由"
    return ""


def past_due(scheme: Scheme) -> bool:
    return bool(scheme.self_assess_due) and timezone.localdate() > scheme.self_assess_due


def _refuse_past_due(scheme: Scheme) -> None:
    if past_due(scheme):
        due = scheme.self_assess_due
        raise AssessmentError(f"自评截止日为{due.year}年{due.month}月{due.day}日，已过，不能再自评或提交")


def follow_scores(sheet: ScoreSheet) -> None:
    """A submitted sheet becomes 已评分 once every ordinary item has its 得分 (and back, should one
    be cleared); a sheet not yet submitted or already reviewed keeps its state."""
    if sheet.state not in (ScoreSheet.State.SUBMITTED, ScoreSheet.State.SCORED):
        return
    state = ScoreSheet.State.SCORED if all_scored(sheet) else ScoreSheet.State.SUBMITTED
    if state != sheet.state:
        sheet.state = state
        sheet.save(update_fields=["state"])


def all_scored(sheet: ScoreSheet) -> bool:
    items = [i for i in sheet.scheme.items.filter(kind=Item.Kind.NORMAL) if i.applies_to(sheet.unit)]
    scored = set(sheet.scores.filter(score__isnull=False).values_list("item_id", flat=True))
    return bool(items) and all(i.pk in scored for i in items)


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


def _locked_score(sheet: ScoreSheet, item: Item, *, appeal_by=None) -> tuple[ScoreSheet, ItemScore]:
    """The sheet locked and the item's score row. `appeal_by`: the office answering an appeal may
    change a published sheet's score while the appeal is open."""
    sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
    in_appeal = (appeal_by is not None and sheet.scheme.state == Scheme.State.PUBLISHED and sheet.appeal_open
                 and access.may_manage(appeal_by, sheet.scheme))
    if sheet.scheme.state != Scheme.State.OPEN and not in_appeal:
        raise AssessmentError(f"考核方案当前为“{sheet.scheme.get_state_display()}”，不能自评或评分")
    if sheet.state == ScoreSheet.State.REVIEWED and not in_appeal:
        raise AssessmentError(f"{sheet.unit.name}的评分表已复核，不能再修改")
    if item.scheme_id != sheet.scheme_id or not item.applies_to(sheet.unit):
        raise AssessmentError(f"第{item.ref}项不是{sheet.unit.name}的考核项目")
    score, _ = ItemScore.objects.get_or_create(sheet=sheet, item=item)
    return sheet, score


def do_self_assess(user, sheet: ScoreSheet, item: Item, self_score, note: str = "") -> ItemScore:
    """The unit's 自评分 and a short explanation for one item of its own sheet."""
    _refuse(access.may_self_assess(user, sheet), "只能为本单位的评分表自评")
    value = parse_veto(self_score, item) if item.kind == Item.Kind.VETO else parse_points(self_score, item, "自评分")
    with transaction.atomic(), acting(user, "自评"):
        sheet, score = _locked_score(sheet, item)
        _refuse_past_due(sheet.scheme)
        if sheet.state != ScoreSheet.State.PENDING:
            raise AssessmentError(f"{sheet.unit.name}已提交自评，不能再修改自评分")
        score.self_score, score.self_note = value, (note or "").strip()
        score.save(update_fields=["self_score", "self_note"])
    return score


def do_score(user, sheet: ScoreSheet, item: Item, points, reason: str = "") -> ItemScore:
    """得分 for one item of a unit's sheet, by the item's 评分部门 or the office; below 满分 a
    reason is required (it is also the history's reason)."""
    scheme = Scheme.objects.get(pk=sheet.scheme_id)  # its state now, not as the caller loaded it
    in_appeal = scheme.state == Scheme.State.PUBLISHED and access.may_manage(user, scheme)
    _refuse(in_appeal or access.may_score(user, item), f"第{item.ref}项由" + (
        f"{item.scoring_unit.name}评分" if item.scoring_unit_id else "组织考核的协作办公室评分"))
    value = parse_veto(points, item) if item.kind == Item.Kind.VETO else parse_points(points, item, "得分")
    reason = (reason or "").strip()
    asked = needs_reason(item, value)
    if asked and not reason:
        raise AssessmentError(asked, "reason")
    with transaction.atomic(), acting(user, reason or "评分"):
        sheet, score = _locked_score(sheet, item, appeal_by=user if in_appeal else None)
        if in_appeal and not reason:
            raise AssessmentError("申诉期间改分须写明理由", "reason")
        score.score, score.reason = value, reason
        score.scored_by, score.scored_at = user, timezone.now()
        score.save(update_fields=["score", "reason", "scored_by", "scored_at"])
        follow_scores(sheet)
    return score


def do_submit(user, sheet: ScoreSheet) -> ScoreSheet:
    """待自评 → 已提交自评, before the scheme's deadline, once every item has its 自评分 (a
    veto or deduction item the unit leaves empty claims none)."""
    _refuse(access.may_self_assess(user, sheet), "只能提交本单位的评分表")
    with transaction.atomic(), acting(user, "提交自评"):
        sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
        if sheet.scheme.state != Scheme.State.OPEN:
            raise AssessmentError(f"考核方案当前为“{sheet.scheme.get_state_display()}”，不能提交自评")
        _refuse_past_due(sheet.scheme)
        if sheet.state != ScoreSheet.State.PENDING:
            raise AssessmentError(f"{sheet.unit.name}的自评已经提交")
        items = [i for i in sheet.scheme.items.filter(kind=Item.Kind.NORMAL) if i.applies_to(sheet.unit)]
        given = set(sheet.scores.filter(self_score__isnull=False).values_list("item_id", flat=True))
        missing = [i.ref for i in items if i.pk not in given]
        if missing:
            raise AssessmentError("以下项目尚未自评：第" + "、".join(missing) + "项")
        sheet.state, sheet.submitted_at = ScoreSheet.State.SUBMITTED, timezone.now()
        sheet.save(update_fields=["state", "submitted_at"])
        follow_scores(sheet)
    return sheet
