"""Adding and removing a report's evidence: one transaction each, each leaving a ReportEvent.

Who may do it is checked by the views (access.may_edit); whether the report
still takes evidence is checked here, with the report locked, by the workflow's
own rule (services.evidence_editable: until it is approved, so also while it is
submitted and awaiting review), so a report approved a moment ago is not changed.
"""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from history.records import acting
from reporting.evidence import EvidenceError, Upload, check_link, clean_name, inspect_upload
from reporting.models import Evidence, ProgressReport, ReportEvent
from reporting.services import evidence_editable

Action = ReportEvent.Action


def _locked(report: ProgressReport) -> ProgressReport:
    current = ProgressReport.objects.select_for_update().get(pk=report.pk)
    evidence_editable(current)  # WorkflowError once approved
    return current


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%Y年%m月%d日 %H:%M}"


def _used_elsewhere(report: ProgressReport, upload: Upload) -> str:
    """A note when this unit already used the same file on another of its reports."""
    other = (Evidence.objects.filter(sha256=upload.sha256, report__unit_id=report.unit_id).exclude(report=report)
             .select_related("report__cycle__plan", "report__task").order_by("uploaded_at", "pk").first())
    if other is None:
        return ""
    used = other.report
    return (f"同一文件已用于本单位《{used.cycle.plan.title}》{used.cycle.label}第{used.task.ref}项的报告"
            f"（“{other.original_name}”，上传于{_when(other.uploaded_at)}）。已上传，请确认它确实也是本项工作的佐证。")


def add_file(report: ProgressReport, *, user, name: str, data: bytes, caption: str = "") -> tuple[Evidence, str]:
    """Store a file as evidence. Returns the evidence and a note for the user ("" when none).

    The same file twice on one report is refused; the same file on another report
    of the same unit is accepted with a note. Nothing is left behind when it fails.
    """
    upload = inspect_upload(name, data)  # before any lock: the photo is re-encoded here
    original_name = clean_name(name)
    caption = (caption or "").strip()[:255]
    stored = None
    try:
        with transaction.atomic(), acting(user):
            current = _locked(report)
            same = current.evidence.filter(sha256=upload.sha256).order_by("uploaded_at", "pk").first()
            if same is not None:
                raise EvidenceError(f"该文件已上传过（“{same.original_name}”，上传于{_when(same.uploaded_at)}），无需重复上传。")
            note = _used_elsewhere(current, upload)
            evidence = Evidence(
                report=current, caption=caption, original_name=original_name, content_type=upload.content_type,
                size=upload.size, sha256=upload.sha256, uploaded_by=user,
            )
            # A random name on disk, in the field's evidence/%Y/%m/ folder; never the user's file name.
            evidence.file.save(f"{uuid.uuid4().hex}{upload.extension}", ContentFile(upload.data), save=False)
            stored = evidence.file.name
            evidence.save()
            ReportEvent.objects.create(report=current, actor=user, action=Action.EVIDENCE_ADDED,
                                       comment=_describe(evidence))
    except BaseException:
        if stored:
            evidence.file.storage.delete(stored)
        raise
    return evidence, note


def add_link(report: ProgressReport, *, user, url: str, caption: str = "") -> Evidence:
    url = check_link(url)
    caption = (caption or "").strip()[:255]
    with transaction.atomic(), acting(user):
        current = _locked(report)
        same = current.evidence.filter(url=url).order_by("uploaded_at", "pk").first()
        if same is not None:
            raise EvidenceError(f"该链接已添加过（上传于{_when(same.uploaded_at)}），无需重复添加。")
        evidence = Evidence.objects.create(report=current, url=url, caption=caption, uploaded_by=user)
        ReportEvent.objects.create(report=current, actor=user, action=Action.EVIDENCE_ADDED, comment=_describe(evidence))
    return evidence


def remove(evidence: Evidence, *, user) -> None:
    """Delete evidence from a report that can still change; its file goes once the deletion is committed."""
    with transaction.atomic(), acting(user):
        _locked(evidence.report)
        row = Evidence.objects.select_for_update().filter(pk=evidence.pk).first()
        if row is None:
            raise EvidenceError("该佐证材料已被删除。")
        ReportEvent.objects.create(report_id=row.report_id, actor=user, action=Action.EVIDENCE_REMOVED,
                                   comment=_describe(row))
        stored, storage = row.file.name, row.file.storage
        row.delete()
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))


def _describe(evidence: Evidence) -> str:
    what = f"链接：{evidence.url}" if evidence.url else f"文件：{evidence.original_name}"
    return f"{what}（{evidence.caption}）" if evidence.caption else what
