"""Issuing a plan: one `do_*` per action, each in one transaction inside `acting(actor, reason)`,
so every row it saves has its history row naming who and why. Each checks the actor's rights
itself (issuance.access); a page, a command or a test calling it gets the same answer.

- `do_issue_plan`: version 1 (下达) — snapshot, 通知 .docx, 任务分工表 .xlsx, a receipt for every
  unit with work, each told in the app, by e-mail, and the office's robots one digest.
- `do_issue_adjustment`: the next version (调整) with the list of what changed since the last;
  only the units the changes concern get a receipt to sign again and are told.
- `do_sign`: a unit signs for its tasks in a version.
- `do_remind_unsigned`: each unit whose latest receipt is unsigned is reminded, at most once a
  day (a SignReminderSent row claimed under its unique constraint), so a double click never spams.

Errors a person can correct are IssuanceError, in Chinese, naming the form field concerned.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from history.records import acting, bulk_create_audited
from issuance import access
from issuance.diff import changes_for_unit, concerned_units, diff_snapshots, summary
from issuance.division_table import division_table
from issuance.models import PlanVersion, Receipt, SignReminderSent
from issuance.notice import Notice, render_notice
from issuance.snapshot import take_snapshot, tasks_of_unit, units_with_work
from issuance.workbook import division_workbook
from notifications.claims import claim
from notifications.models import Kind
from notifications.services import notify, notify_robots
from orgs.models import Unit
from oversight.officialdoc import format_date
from plans.models import Plan


class IssuanceError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def issuer_of(plan: Plan) -> str:
    office = plan.office
    return (office.full_name or office.name) if office else (plan.issuer or "协作办公室")


def in_book_marks(title: str) -> str:
    """A title cited in 《》, a title it cites turned to 〈〉 as nested book-title marks are written:
    《2026年鼓楼区落实〈2026年…分工方案〉任务分工方案》."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def notice_title(plan: Plan, kind: str) -> str:
    if kind == PlanVersion.Kind.ISSUE:
        return f"关于印发{in_book_marks(plan.title)}的通知"
    return f"关于调整{in_book_marks(plan.title)}有关任务的通知"


def default_body(plan: Plan, kind: str) -> str:
    if kind == PlanVersion.Kind.ISSUE:
        return (f"现将{in_book_marks(plan.title)}印发给你们，请结合实际认真抓好落实。各责任单位请登录协作系统"
                "签收本单位承担的任务，并按月报送工作进展。")
    return (f"根据工作需要，对{in_book_marks(plan.title)}任务分工作如下调整，调整后的任务分工表见附件。请涉及调整的单位"
            "登录协作系统查看调整内容并重新签收，未涉及调整的单位按原分工继续落实。")


def annex_title(plan: Plan) -> str:
    """The 附件's name: …任务分工方案 → …任务分工表; any other title + 任务分工表."""
    title = plan.title
    return title[:-2] + "表" if title.endswith("分工方案") else f"{title}任务分工表"


def latest_version(plan: Plan) -> PlanVersion | None:
    return plan.versions.order_by("-number").first()


def pending_changes(plan: Plan) -> list[dict] | None:
    """What changed in the plan since its latest version (read only); None before the first issue."""
    latest = latest_version(plan)
    return None if latest is None else diff_snapshots(latest.snapshot, take_snapshot(plan))


def _paragraphs(body: str) -> list[str]:
    return [line.strip() for line in body.splitlines() if line.strip()]


def _new_version(actor, plan: Plan, *, kind: str, number: int, snapshot: dict, changes: list[dict],
                 doc_number: str, body: str, reason: str, stored: list[str]) -> PlanVersion:
    table = division_table(snapshot)
    issued_on = timezone.localdate()
    body = (body or "").strip() or default_body(plan, kind)
    paragraphs = _paragraphs(body)
    version = PlanVersion(plan=plan, number=number, kind=kind, title=notice_title(plan, kind),
                          doc_number=(doc_number or "").strip(), issuer=issuer_of(plan), issued_on=issued_on,
                          body=body, reason=reason, snapshot=snapshot, changes=changes, issued_by=actor)
    if len(version.doc_number) > 64:
        raise IssuanceError("通知文号不能超过64个字", field="doc_number")
    notice = Notice(title=version.title, doc_number=version.doc_number, issuer=version.issuer, issued_on=issued_on,
                    paragraphs=paragraphs, annex_title=annex_title(plan), table=table,
                    changes=[summary(change) for change in changes], reason=reason)
    stem = f"plan-{plan.pk}-v{number}"
    version.notice.save(f"{stem}.docx", ContentFile(render_notice(notice)), save=False)
    stored.append(version.notice.name)
    version.table.save(f"{stem}.xlsx", ContentFile(division_workbook(snapshot, table)), save=False)
    stored.append(version.table.name)
    version.save()
    return version


def _with_files_removed_on_failure(action):
    """Run `action(stored)`; if it fails, the files it stored are removed (the rows rolled back)."""
    stored: list[str] = []
    storage = PlanVersion._meta.get_field("notice").storage
    try:
        return action(stored)
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise


def _receipts(version: PlanVersion, unit_ids: list[int], actor, reason: str) -> list[Receipt]:
    return bulk_create_audited([Receipt(version=version, unit_id=pk) for pk in unit_ids], Receipt,
                               user=actor, reason=reason)


def do_issue_plan(actor, plan: Plan, *, doc_number: str = "", body: str = "") -> PlanVersion:
    """Issue the plan as it stands: version 1, to every unit with work in it."""
    access.require_issuer(actor, plan)
    reason = "下达方案"

    def issue(stored):
        with transaction.atomic(), acting(actor, reason):
            Plan.objects.select_for_update().filter(pk=plan.pk).first()  # two clicks: one version
            latest = latest_version(plan)
            if latest is not None:
                raise IssuanceError(f"该方案已于{format_date(latest.issued_on)}下达（{latest.label}），"
                                    "此后的修改请用“调整下达”")
            snapshot = take_snapshot(plan)
            units = _units_to_sign(plan, snapshot)
            version = _new_version(actor, plan, kind=PlanVersion.Kind.ISSUE, number=1, snapshot=snapshot, changes=[],
                                   doc_number=doc_number, body=body, reason="", stored=stored)
            _receipts(version, units, actor, reason)
            _tell(version, units, lambda pk: f"{version.issuer}下达《{plan.title}》，本单位承担"
                                              f"{len(tasks_of_unit(snapshot, pk))}项任务，请查看并签收。")
            return version

    return _with_files_removed_on_failure(issue)


def _units_to_sign(plan: Plan, snapshot: dict) -> list[int]:
    if not plan.is_live:
        raise IssuanceError(f"方案状态为“{plan.get_state_display()}”，不在执行中，不能下达或调整")
    if not snapshot["tasks"]:
        raise IssuanceError("方案还没有任务，不能下达")
    units = units_with_work(snapshot, exclude=plan.office_id)
    if not units:
        raise IssuanceError("方案的任务还没有责任单位（牵头、配合或承担指标的单位），不能下达")
    return units


def _tell(version: PlanVersion, unit_ids: list[int], message_for) -> None:
    url = reverse("issuance:version", args=[version.pk])
    units = Unit.objects.in_bulk(unit_ids)
    lines = []
    for pk in unit_ids:
        message = message_for(pk)
        notify(units[pk], message, url=url, kind=Kind.GENERAL)
        lines.append(f"{units[pk].name}：{message}")
    if version.plan.office_id:  # one digest for the office's group chats, not one post a unit
        notify_robots(version.plan.office, Kind.GENERAL, f"{version.title}（{version.label}）", lines)


def do_issue_adjustment(actor, plan: Plan, *, reason: str, doc_number: str = "", body: str = "") -> PlanVersion:
    """Issue the plan's changes since its latest version as the next version (调整)."""
    access.require_issuer(actor, plan)
    reason = (reason or "").strip()
    if not reason:
        raise IssuanceError("请填写调整说明（为什么调整）", field="reason")

    def adjust(stored):
        with transaction.atomic(), acting(actor, f"调整下达：{reason}"):
            Plan.objects.select_for_update().filter(pk=plan.pk).first()
            latest = latest_version(plan)
            if latest is None:
                raise IssuanceError("该方案尚未下达，请先下达")
            snapshot = take_snapshot(plan)
            changes = diff_snapshots(latest.snapshot, snapshot)
            if not changes:
                raise IssuanceError(f"自{latest.label}以来方案的任务、单位和指标没有修改，无需调整")
            _units_to_sign(plan, snapshot)
            units = concerned_units(changes, exclude=plan.office_id)
            version = _new_version(actor, plan, kind=PlanVersion.Kind.ADJUSTMENT, number=latest.number + 1,
                                   snapshot=snapshot, changes=changes, doc_number=doc_number, body=body,
                                   reason=reason, stored=stored)
            _receipts(version, units, actor, f"调整下达：{reason}")
            _tell(version, units, lambda pk: f"{version.issuer}调整了《{plan.title}》的任务分工（{version.label}），"
                                              f"涉及本单位{len(changes_for_unit(changes, pk))}项，请查看调整内容并重新签收。")
            return version

    return _with_files_removed_on_failure(adjust)


def do_sign(actor, receipt: Receipt) -> Receipt:
    """The unit signs for its tasks in the version (签收)."""
    if not access.may_sign(actor, receipt):
        raise PermissionDenied("只能由本单位的填报员或管理员签收本单位的任务")
    with transaction.atomic(), acting(actor, "签收"):
        receipt = Receipt.objects.select_for_update().select_related("version").get(pk=receipt.pk)
        if receipt.signed_at is not None:
            signed = timezone.localtime(receipt.signed_at)
            raise IssuanceError(f"本单位已于{format_date(signed.date())} {signed:%H:%M}签收"
                                f"{receipt.version.label}")
        receipt.signed_at, receipt.signed_by = timezone.now(), actor
        receipt.save(update_fields=["signed_at", "signed_by"])
    return receipt


def sign_status(plan: Plan) -> list[Receipt]:
    """Each unit's latest receipt of the plan (the version it must sign now), in order of first asking."""
    latest: dict[int, Receipt] = {}
    for receipt in (Receipt.objects.filter(version__plan=plan).select_related("unit", "version", "signed_by")
                    .order_by("version__number", "id")):
        if receipt.unit_id in latest:
            latest.pop(receipt.unit_id)  # re-inserted: the order follows the first asking, the value the latest
        latest[receipt.unit_id] = receipt
    return sorted(latest.values(), key=lambda r: (r.signed_at is not None, r.version.number, r.pk))


def unsigned(plan: Plan) -> list[Receipt]:
    return [receipt for receipt in sign_status(plan) if receipt.signed_at is None]


def do_remind_unsigned(actor, plan: Plan, today: datetime.date | None = None) -> tuple[list[Unit], int]:
    """Remind every unit that has not signed its latest receipt; a unit already reminded today is
    skipped. Returns the units reminded and how many were skipped."""
    access.require_issuer(actor, plan)
    today = today or timezone.localdate()
    reminded, skipped = [], 0
    with transaction.atomic(), acting(actor, "催办签收"):
        for receipt in unsigned(plan):
            if not claim(SignReminderSent, version=receipt.version, unit=receipt.unit, sent_on=today, sent_by=actor):
                skipped += 1  # a second click today finds the claim and skips
                continue
            version = receipt.version
            notify(receipt.unit, f"请签收《{plan.title}》{version.label}中本单位的任务（{version.issuer}催办）。",
                   url=reverse("issuance:version", args=[version.pk]), kind=Kind.REMINDER)
            reminded.append(receipt.unit)
        if reminded and plan.office_id:
            notify_robots(plan.office, Kind.REMINDER, f"《{plan.title}》签收催办",
                          [f"{unit.name}：尚未签收，已提醒" for unit in reminded])
    return reminded, skipped
