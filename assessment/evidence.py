"""Evidence on a score sheet: per 考核要求 of an item, picked from the unit's monthly reports
of the plan and year (the same file, not a copy) or uploaded here (checked as report evidence
is: reporting.evidence.inspect_upload tells the type by the bytes and strips a photo's place).
"""

import re
import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from assessment import access
from assessment.errors import AssessmentError
from assessment.models import Item, Scheme, ScoreSheet, SheetEvidence
from assessment.scoring import past_due
from history.records import acting
from reporting.evidence import EvidenceError, check_size, clean_name, inspect_upload
from reporting.models import Evidence

_SPLIT = re.compile(r"[；;。\n]+")
ANY = "佐证材料"  # the one requirement of an item whose 考核要求 is empty


def requirements(item: Item) -> list[str]:
    """The 考核要求 as a checklist: one line per sentence or clause (“；”, “。”)."""
    parts = [p.strip(" ，,、") for p in _SPLIT.split(item.requirement or "")]
    return [p[:255] for p in parts if p] or [ANY]


def report_evidence(sheet: ScoreSheet, item: Item | None = None):
    """The unit's evidence in its monthly reports of this plan and year (the item's task's only,
    when the item came from a task)."""
    found = Evidence.objects.filter(report__unit_id=sheet.unit_id, report__cycle__plan_id=sheet.scheme.plan_id,
                                    report__cycle__period_start__year=sheet.scheme.year)
    if item is not None and item.task_id:
        found = found.filter(report__task_id=item.task_id)
    return found.select_related("report__cycle").order_by("report__cycle__period_start", "uploaded_at", "pk")


def _check(user, sheet: ScoreSheet, item: Item, requirement: str) -> ScoreSheet:
    if not access.may_self_assess(user, sheet):
        raise AssessmentError("只能为本单位的评分表添加佐证")
    sheet = ScoreSheet.objects.select_for_update().select_related("scheme", "unit").get(pk=sheet.pk)
    if sheet.scheme.state != Scheme.State.OPEN or sheet.state != ScoreSheet.State.PENDING or past_due(sheet.scheme):
        raise AssessmentError("自评已提交、已过自评截止日或考核未在进行中，不能再改佐证")
    if item.scheme_id != sheet.scheme_id or not item.applies_to(sheet.unit):
        raise AssessmentError(f"第{item.ref}项不是{sheet.unit.name}的考核项目")
    if requirement not in requirements(item):
        raise AssessmentError(f"第{item.ref}项没有“{requirement[:30]}”这条考核要求", "requirement")
    return sheet


def do_pick_evidence(user, sheet: ScoreSheet, item: Item, requirement: str, evidence_id) -> SheetEvidence:
    """Attach a file or link already in the unit's monthly reports."""
    with transaction.atomic(), acting(user, "选用月报佐证"):
        sheet = _check(user, sheet, item, requirement)
        picked = report_evidence(sheet, item).filter(pk=evidence_id).first() if str(evidence_id).isdigit() else None
        if picked is None:
            raise AssessmentError("所选佐证不在本单位本年度的月报中", "evidence")
        if sheet.evidence.filter(item=item, requirement=requirement, report_evidence=picked).exists():
            raise AssessmentError(f"“{picked}”已附在这条考核要求下")
        return SheetEvidence.objects.create(sheet=sheet, item=item, requirement=requirement, report_evidence=picked,
                                            uploaded_by=user)


def do_upload_evidence(user, sheet: ScoreSheet, item: Item, requirement: str, name: str, data: bytes,
                       caption: str = "") -> SheetEvidence:
    """Attach a new file; nothing is left on disk when it is refused."""
    try:
        check_size(len(data))
        upload = inspect_upload(name, data)
    except EvidenceError as problem:
        raise AssessmentError(problem.message, "file") from None
    stored = None
    try:
        with transaction.atomic(), acting(user, "上传考核佐证"):
            sheet = _check(user, sheet, item, requirement)
            evidence = SheetEvidence(sheet=sheet, item=item, requirement=requirement, uploaded_by=user,
                                     original_name=clean_name(name), content_type=upload.content_type,
                                     caption=(caption or "").strip()[:255])
            evidence.file.save(f"{uuid.uuid4().hex}{upload.extension}", ContentFile(upload.data), save=False)
            stored = evidence.file.name
            evidence.save()
    except BaseException:
        if stored:
            evidence.file.storage.delete(stored)
        raise
    return evidence


def do_remove_evidence(user, evidence: SheetEvidence) -> None:
    with transaction.atomic(), acting(user, "删除考核佐证"):
        _check(user, evidence.sheet, evidence.item, evidence.requirement)
        name = evidence.file.name if evidence.file else ""
        evidence.delete()
        if name:
            transaction.on_commit(lambda: evidence.file.storage.delete(name))
