"""Rows of a ledger from a unit's Excel: columns found by their header, every row checked, all
errors collected with the file, row and column named; nothing written on a dry run, and an
import writes all rows in one transaction or none.

Headers (in the first five rows): 日期; 对方单位（个人） (or 对方单位, 捐赠单位, 捐赠方, 购买单位, 单位名称,
姓名); 金额 or 数量 (金额或数量, 金额（万元）, 人数 …); optional 款物明细 (物资明细, 款物) and 备注.
An imported row has no receipt yet: its unit uploads one on the row (do_attach_receipt).
"""

import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from openpyxl import load_workbook

from history.records import acting
from ledgers import access
from ledgers.models import Ledger, LedgerRow
from ledgers.services import LedgerError, _require, check_row, parse_amount

COLUMNS = {
    "date": ("日期", "时间", "捐赠日期", "销售日期", "培训日期"),
    "counterpart": ("对方单位（个人）", "对方单位", "对方单位(个人)", "捐赠单位", "捐赠方", "购买单位", "单位名称", "姓名"),
    "amount": ("金额或数量", "金额", "数量", "人数", "人次", "销售额"),
    "goods": ("款物明细", "物资明细", "款物"),
    "note": ("备注",),
}
LABELS = {"date": "日期", "counterpart": "对方单位（个人）", "amount": "金额或数量", "goods": "款物明细", "note": "备注"}
MAX_ROWS = 5000
MAX_ERRORS = 20


@dataclass(frozen=True)
class ParsedRow:
    line: int
    date: datetime.date
    counterpart: str
    amount: Decimal
    goods: str
    note: str


class LedgerImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("；".join(errors))
        self.errors = errors


def _header_key(text: str) -> str | None:
    text = str(text or "").strip().replace(" ", "")
    for key, names in COLUMNS.items():
        if any(text == n or text.startswith(n + "（") or text.startswith(n + "(") for n in names):
            return key
    return None


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip().replace("年", "-").replace("月", "-").replace("日", "").replace(".", "-").replace("/", "-")
    try:
        return datetime.date(*(int(p) for p in text.split("-")))
    except (TypeError, ValueError):
        return None


def read_rows(ledger: Ledger, name: str, data: bytes, today: datetime.date) -> list[ParsedRow]:
    """Every row of the file's first sheet, checked; LedgerImportError lists what is wrong."""
    where = f"文件“{name}”"
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise LedgerImportError([f"{where}不是Excel（.xlsx）文件，请用Excel另存为.xlsx后再导入"]) from None
    lines = sheet.iter_rows(values_only=True)
    header, number = None, 0
    for number, cells in enumerate(lines, start=1):
        keys = {i: _header_key(c) for i, c in enumerate(cells or ())}
        if {"date", "counterpart", "amount"} <= set(keys.values()):
            header = {k: i for i, k in keys.items() if k}
            break
        if number >= 5:
            break
    if header is None:
        raise LedgerImportError([f"{where}前5行中没有找到表头：需要“日期”“对方单位（个人）”“金额或数量”三列"])
    rows, errors = [], []
    for line, cells in enumerate(lines, start=number + 1):
        cells = list(cells or ())
        values = {k: (cells[i] if i < len(cells) else None) for k, i in header.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(f"{where}超过{MAX_ROWS}行，请分批导入")
            break
        try:
            date = _date(values["date"])
            if date is None:
                raise LedgerError(f"“{values['date']}”不是日期（如2026-11-03）", "date")
            counterpart = str(values["counterpart"] or "").strip()
            check_row(ledger, date=date, counterpart=counterpart, today=today)
            amount = parse_amount(values["amount"])
        except LedgerError as error:
            errors.append(f"{where}第{line}行“{LABELS.get(error.field, error.field)}”列：{error.message}")
            if len(errors) >= MAX_ERRORS:
                errors.append(f"错误较多，仅列出前{MAX_ERRORS}处")
                break
            continue
        rows.append(ParsedRow(line, date, counterpart, amount, str(values.get("goods") or "").strip()[:500],
                              str(values.get("note") or "").strip()[:500]))
    if errors:
        raise LedgerImportError(errors)
    if not rows:
        raise LedgerImportError([f"{where}表头下没有数据行"])
    return rows


def do_import_rows(actor, ledger: Ledger, *, name: str, data: bytes, today: datetime.date,
                   dry_run: bool) -> list[ParsedRow]:
    """Check the file's rows (dry run: nothing written) or add them all, in one transaction,
    as the actor's unit's rows."""
    _require(access.may_record(actor, ledger), "只有承担该任务的单位的填报员可以导入台账")
    rows = read_rows(ledger, name, data, today)
    if dry_run:
        return rows
    with transaction.atomic(), acting(actor, f"导入台账：{name}"):
        for row in rows:
            LedgerRow.objects.create(ledger=ledger, unit_id=actor.unit_id, date=row.date, counterpart=row.counterpart,
                                     amount=row.amount, goods=row.goods, note=row.note, created_by=actor)
    return rows
