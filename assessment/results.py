"""The office's side of the year's close: settings, review (复核), publishing, appeals (申诉),
answers and locking. One action each, one transaction inside `acting(user, reason)`.

Publishing needs every sheet reviewed and the grade thresholds set; units are told through
notifications.notify. An appeal is open for `appeal_days` from publishing; while it is open the
office may change that sheet's scores (scoring.do_score, a reason required) and answers it;
the scheme locks once every appeal is answered and the appeal period is over.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from assessment import access
from assessment.errors import AssessmentError
from assessment.models import Scheme, ScoreSheet
from assessment.rules import fmt
from assessment.scoring import all_scored, parse_points_text
from history.records import acting
from notifications.services import notify


def _manage(user, scheme: Scheme) -> None:
    if not access.may_manage(user, scheme):
        raise AssessmentError("只有组织考核的协作办公室管理员可以操作")


def _locked_scheme(scheme: Scheme) -> Scheme:
    return Scheme.objects.select_for_update().get(pk=scheme.pk)


def _date(raw, label: str) -> datetime.date | None:
    text = (raw or "").strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise AssessmentError(f"{label}“{text}”不是日期（应为 2026-12-31 这样的格式）", "self_assess_due") from None


def do_configure(user, scheme: Scheme, *, self_assess_due="", appeal_days="5", grade_scale=Scheme.Scale.EXCELLENT,
                 thresholds=("", "", ""), reason: str = "设置考核安排") -> Scheme:
    """自评截止日, 申诉期限, the grade names and their three thresholds (each lower than the one
    before, none above the scheme's 满分). Refused once results are published."""
    _manage(user, scheme)
    due = _date(self_assess_due, "自评截止日")
    days = str(appeal_days).strip()
    if not days.isdigit() or not 1 <= int(days) <= 60:
        raise AssessmentError(f"申诉期限“{appeal_days}”应为1到60之间的天数", "appeal_days")
    if grade_scale not in Scheme.Scale.values:
        raise AssessmentError("请选择等次", "grade_scale")
    names = Scheme.GRADES[Scheme.Scale(grade_scale)]
    values = []
    for name, raw in zip(names, thresholds):
        values.append(parse_points_text(raw, f"“{name}”的最低分", scheme.total) if str(raw).strip() else None)
    if any(v is None for v in values) and any(v is not None for v in values):
        raise AssessmentError(f"请写全“{names[0]}”“{names[1]}”“{names[2]}”三个等次的最低分，或都不写", "thresholds")
    if all(v is not None for v in values) and not values[0] > values[1] > values[2]:
        raise AssessmentError(f"等次最低分应从高到低：{names[0]} {fmt(values[0])} > {names[1]} {fmt(values[1])} > "
                              f"{names[2]} {fmt(values[2])}", "thresholds")
    with transaction.atomic(), acting(user, reason):
        scheme = _locked_scheme(scheme)
        if scheme.state in (Scheme.State.PUBLISHED, Scheme.State.LOCKED):
            raise AssessmentError(f"考核结果{scheme.get_state_display()}，不能再改考核安排")
        scheme.self_assess_due, scheme.appeal_days, scheme.grade_scale = due, int(days), grade_scale
        scheme.grade_first, scheme.grade_second, scheme.grade_third = values
        scheme.save(update_fields=["self_assess_due", "appeal_days", "grade_scale", "grade_first", "grade_second",
                                   "grade_third"])
    return scheme


def do_review(user, sheet: ScoreSheet, note: str = "") -> ScoreSheet:
    """复核: the office confirms a sheet whose ordinary items are all scored; it is then closed
    to scoring (a self-assessment never submitted stays as it is)."""
    _manage(user, sheet.scheme)
    with transaction.atomic(), acting(user, (note or "").strip() or "复核"):
        sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
        if sheet.scheme.state != Scheme.State.OPEN:
            raise AssessmentError(f"考核方案当前为“{sheet.scheme.get_state_display()}”，不能复核")
        if sheet.state == ScoreSheet.State.REVIEWED:
            raise AssessmentError(f"{sheet.unit.name}的评分表已复核")
        if not all_scored(sheet):
            raise AssessmentError(f"{sheet.unit.name}尚有考核项目未评分，不能复核")
        sheet.state, sheet.reviewed_at = ScoreSheet.State.REVIEWED, timezone.now()
        sheet.save(update_fields=["state", "reviewed_at"])
    return sheet


def do_publish(user, scheme: Scheme) -> Scheme:
    """自评评分中 → 已公布: every sheet reviewed and the thresholds set; each unit is told."""
    _manage(user, scheme)
    with transaction.atomic(), acting(user, "公布考核结果"):
        scheme = _locked_scheme(scheme)
        if scheme.state != Scheme.State.OPEN:
            raise AssessmentError(f"考核方案当前为“{scheme.get_state_display()}”，不能公布")
        if scheme.thresholds is None:
            raise AssessmentError("请先设置各等次的最低分，再公布")
        waiting = list(scheme.sheets.exclude(state=ScoreSheet.State.REVIEWED).select_related("unit")
                       .values_list("unit__name", flat=True))
        if waiting:
            raise AssessmentError(f"尚有{len(waiting)}个单位的评分表未复核：" + "、".join(waiting[:10])
                                  + ("等" if len(waiting) > 10 else ""))
        scheme.state, scheme.published_at = Scheme.State.PUBLISHED, timezone.now()
        scheme.save(update_fields=["state", "published_at"])
        until = timezone.localtime(scheme.appeal_until())
        for sheet in scheme.sheets.select_related("unit"):
            notify([sheet.unit], f"《{scheme}》结果已公布，如有异议请于{until.month}月{until.day}日前申诉。",
                   url=f"/assessment/sheets/{sheet.pk}/")
    return scheme


def do_appeal(user, sheet: ScoreSheet, text: str) -> ScoreSheet:
    """申诉: the unit's own people, once, within the appeal period after publishing."""
    if not access.may_self_assess(user, sheet):
        raise AssessmentError("只能为本单位的评分表申诉")
    text = (text or "").strip()
    if not text:
        raise AssessmentError("请写明申诉理由", "appeal")
    with transaction.atomic(), acting(user, "申诉"):
        sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
        scheme = sheet.scheme
        if scheme.state != Scheme.State.PUBLISHED:
            raise AssessmentError(f"考核方案当前为“{scheme.get_state_display()}”，不能申诉")
        if timezone.now() > scheme.appeal_until():
            until = timezone.localtime(scheme.appeal_until())
            raise AssessmentError(f"申诉期限已过（截至{until.year}年{until.month}月{until.day}日）")
        if sheet.appealed_at:
            raise AssessmentError(f"{sheet.unit.name}已经申诉过")
        sheet.appeal, sheet.appealed_at = text, timezone.now()
        sheet.save(update_fields=["appeal", "appealed_at"])
        if scheme.office_id:
            notify([scheme.office], f"{sheet.unit.name}对《{scheme}》结果提出申诉，请答复。",
                   url=f"/assessment/sheets/{sheet.pk}/")
    return sheet


def do_answer_appeal(user, sheet: ScoreSheet, answer: str) -> ScoreSheet:
    """The office's answer to an open appeal (scores changed first through do_score)."""
    _manage(user, sheet.scheme)
    answer = (answer or "").strip()
    if not answer:
        raise AssessmentError("请写明答复意见", "answer")
    with transaction.atomic(), acting(user, "答复申诉"):
        sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
        if not sheet.appeal_open:
            raise AssessmentError(f"{sheet.unit.name}没有待答复的申诉")
        sheet.appeal_answer, sheet.answered_at = answer, timezone.now()
        sheet.save(update_fields=["appeal_answer", "answered_at"])
        notify([sheet.unit], f"《{sheet.scheme}》的申诉已答复：{answer[:60]}", url=f"/assessment/sheets/{sheet.pk}/")
    return sheet


def do_lock(user, scheme: Scheme) -> Scheme:
    """已公布 → 已锁定: the appeal period over and every appeal answered; nothing changes after."""
    _manage(user, scheme)
    with transaction.atomic(), acting(user, "锁定考核结果"):
        scheme = _locked_scheme(scheme)
        if scheme.state != Scheme.State.PUBLISHED:
            raise AssessmentError(f"考核方案当前为“{scheme.get_state_display()}”，不能锁定")
        if timezone.now() <= scheme.appeal_until():
            until = timezone.localtime(scheme.appeal_until())
            raise AssessmentError(f"申诉期至{until.year}年{until.month}月{until.day}日，期满后才能锁定")
        open_appeals = list(scheme.sheets.filter(appealed_at__isnull=False, answered_at__isnull=True)
                            .values_list("unit__name", flat=True))
        if open_appeals:
            raise AssessmentError("尚有申诉未答复：" + "、".join(open_appeals))
        scheme.state = Scheme.State.LOCKED
        scheme.save(update_fields=["state"])
    return scheme

