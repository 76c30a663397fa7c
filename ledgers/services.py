"""Setting up ledgers and recording their rows. One `do_*` per change, each one transaction
inside `acting(actor, reason)`, rights checked by the action (ledgers.access); bad input raises
LedgerError in Chinese naming the field (and the row, for an import).
"""

import datetime
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction

from history.records import acting
from ledgers import access
from ledgers.models import Ledger, LedgerRow
from plans.models import QUANTITY_DIGITS, QUANTITY_PLACES, Plan, Task
from reporting.evidence import EvidenceError, clean_name, inspect_upload

_LARGEST = Decimal(10) ** (QUANTITY_DIGITS - QUANTITY_PLACES)


class LedgerError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def metrics_of(plan: Plan) -> list[tuple[Task, str, str]]:
    """What a ledger may be kept for: each task's metrics (with their 计量单位) as its targets name them."""
    found = {}
    for task in plan.tasks.prefetch_related("targets").order_by("position"):
        for target in task.targets.all():
            found.setdefault((task.pk, target.metric), (task, target.metric, target.unit))
    return list(found.values())


def do_create_ledger(actor, *, task: Task, metric: str) -> Ledger:
    """A ledger for one metric of a task: from now on that metric's figures are the rows' sums."""
    plan = task.plan
    _require(access.may_manage(actor, plan), "只有方案所属协作办公室的管理员可以设立明细台账")
    measures = {t.unit for t in task.targets.filter(metric=metric)}
    if not measures:
        raise LedgerError(f"第{task.ref}项任务没有“{metric}”指标", "metric")
    if len(measures) > 1:
        raise LedgerError(f"第{task.ref}项任务的“{metric}”有不同计量单位（{'、'.join(sorted(measures))}），请先统一", "metric")
    if Ledger.objects.filter(task=task, metric=metric).exists():
        raise LedgerError(f"第{task.ref}项任务的“{metric}”已设立明细台账", "metric")
    with transaction.atomic(), acting(actor, "设立明细台账"):
        return Ledger.objects.create(plan=plan, task=task, metric=metric, measure=measures.pop(), created_by=actor)


def parse_amount(text, label: str = "金额或数量") -> Decimal:
    raw = str(text if text is not None else "").strip().replace(",", "").replace("，", "")
    if not raw:
        raise LedgerError(f"请填写{label}", "amount")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise LedgerError(f"{label}应为数字，“{raw}”不是数字", "amount") from None
    if not value.is_finite() or value <= 0:
        raise LedgerError(f"{label}应大于0", "amount")
    if value.as_tuple().exponent < -QUANTITY_PLACES:
        raise LedgerError(f"{label}最多保留{QUANTITY_PLACES}位小数", "amount")
    if value >= _LARGEST:
        raise LedgerError(f"{label}过大（{raw}），请检查计量单位", "amount")
    return value


def check_row(ledger: Ledger, *, date, counterpart: str, today: datetime.date) -> None:
    plan = ledger.plan
    if not isinstance(date, datetime.date):
        raise LedgerError("请填写日期（如2026-11-03）", "date")
    if date > today:
        raise LedgerError(f"日期{date:%Y-%m-%d}晚于今天，不能登记", "date")
    if not plan.year <= date.year <= (plan.end_year or plan.year):
        raise LedgerError(f"日期{date:%Y-%m-%d}不在方案年度（{plan.year}—{plan.end_year or plan.year}）内", "date")
    if not (counterpart or "").strip():
        raise LedgerError("请填写对方单位（个人）", "counterpart")
    if len(counterpart.strip()) > 200:
        raise LedgerError("对方单位（个人）最多200字", "counterpart")


def _store_receipt(row: LedgerRow, receipt: tuple[str, bytes]):
    """Check the receipt's bytes (as report evidence is) and put it on the row, unsaved: returns
    the stored name, to remove should the transaction fail."""
    try:
        upload = inspect_upload(*receipt)
    except EvidenceError as error:
        raise LedgerError(error.message, "receipt") from None
    row.receipt_name, row.receipt_type, row.receipt_sha256 = clean_name(receipt[0]), upload.content_type, upload.sha256
    row.receipt.save(f"{uuid.uuid4().hex}{upload.extension}", ContentFile(upload.data), save=False)
    return row.receipt.name


def do_attach_receipt(actor, row: LedgerRow, *, receipt: tuple[str, bytes]) -> LedgerRow:
    """The stamped receipt of a row recorded (or imported) without one: its unit's reporters."""
    _require(access.may_record(actor, row.ledger) and row.unit_id == actor.unit_id, "只能为本单位登记的台账明细上传凭证")
    stored = None
    try:
        with transaction.atomic(), acting(actor, "上传盖章凭证"):
            current = LedgerRow.objects.select_for_update().get(pk=row.pk)
            if current.receipt:
                raise LedgerError("该明细已有凭证；如凭证有误，请删除该明细后重新登记", "receipt")
            stored = _store_receipt(current, receipt)
            current.save(update_fields=["receipt", "receipt_name", "receipt_type", "receipt_sha256"])
    except BaseException:
        if stored:
            current.receipt.storage.delete(stored)
        raise
    return current


def do_add_row(actor, ledger: Ledger, *, date, counterpart: str, amount, goods: str = "", note: str = "",
               receipt: tuple[str, bytes] | None = None, today: datetime.date) -> LedgerRow:
    """One row of the actor's unit, with its stamped receipt (a photo or a scan, checked by its
    bytes as report evidence is, stored under a random name)."""
    _require(access.may_record(actor, ledger), "只有承担该任务的单位的填报员可以登记台账")
    check_row(ledger, date=date, counterpart=counterpart, today=today)
    value = parse_amount(amount)
    row = LedgerRow(ledger=ledger, unit_id=actor.unit_id, date=date, counterpart=counterpart.strip(), amount=value,
                    goods=(goods or "").strip()[:500], note=(note or "").strip()[:500], created_by=actor)
    stored = None
    try:
        with transaction.atomic(), acting(actor, "登记台账"):
            if receipt is not None:
                stored = _store_receipt(row, receipt)
            row.save()
    except BaseException:
        if stored:
            row.receipt.storage.delete(stored)
        raise
    return row


def do_delete_row(actor, row: LedgerRow, *, reason: str) -> None:
    """Take a row back (a mistake, a duplicate): its unit's reporters, with a reason the history keeps."""
    _require(access.may_record(actor, row.ledger) and row.unit_id == actor.unit_id, "只能删除本单位登记的台账明细")
    reason = (reason or "").strip()
    if not reason:
        raise LedgerError("删除台账明细请填写原因", "reason")
    with transaction.atomic(), acting(actor, f"删除台账明细：{reason}"):
        row.delete()
