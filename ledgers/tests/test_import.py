"""Rows from a unit's Excel: a dry run writes nothing, errors name the file, row and column, and
an import is all rows or none."""

import datetime
import io
from decimal import Decimal as D

import pytest
from openpyxl import Workbook

from ledgers.importing import LedgerImportError, do_import_rows
from ledgers.models import LedgerRow

TODAY = datetime.date(2026, 11, 20)


def workbook(rows, header=("序号", "日期", "捐赠单位", "金额（万元）", "款物明细", "备注")) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["鼓东街道社会帮扶资金明细台账"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = [(1, datetime.datetime(2026, 10, 3), "福州某公司", 5, "冬衣200件", ""),
        (2, "2026年11月2日", "鼓楼区商会", "2.345678", "", "现金"),
        (None, None, None, None, None, None)]


def test_a_dry_run_shows_the_rows_and_writes_nothing(work, ledger):
    rows = do_import_rows(work["people"]["gudong"], ledger, name="台账.xlsx", data=workbook(GOOD), today=TODAY,
                          dry_run=True)
    assert [(r.line, r.date, r.counterpart, r.amount, r.goods, r.note) for r in rows] == [
        (3, datetime.date(2026, 10, 3), "福州某公司", D(5), "冬衣200件", ""),
        (4, datetime.date(2026, 11, 2), "鼓楼区商会", D("2.345678"), "", "现金")]
    assert not LedgerRow.objects.exists() and not LedgerRow.history.exists()


def test_an_import_adds_every_row_as_the_units_in_one_audited_transaction(work, ledger):
    gudong = work["people"]["gudong"]
    do_import_rows(gudong, ledger, name="台账.xlsx", data=workbook(GOOD), today=TODAY, dry_run=False)
    rows = list(LedgerRow.objects.order_by("date"))
    assert [(r.unit.name, r.amount) for r in rows] == [("鼓东街道", D(5)), ("鼓东街道", D("2.345678"))]
    assert {h.history_change_reason for h in LedgerRow.history.all()} == {"导入台账：台账.xlsx"}


def test_any_bad_row_refuses_the_whole_file_naming_row_and_column(work, ledger):
    bad = GOOD[:2] + [(3, "十一月", "某公司", 1, "", ""), (4, "2026-11-05", "", 1, "", ""),
                      (5, "2026-11-06", "某公司", "-2", "", ""), (6, "2026-12-01", "某公司", 1, "", "")]
    with pytest.raises(LedgerImportError) as error:
        do_import_rows(work["people"]["gudong"], ledger, name="台账.xlsx", data=workbook(bad), today=TODAY, dry_run=False)
    assert error.value.errors == [
        "文件“台账.xlsx”第5行“日期”列：“十一月”不是日期（如2026-11-03）",
        "文件“台账.xlsx”第6行“对方单位（个人）”列：请填写对方单位（个人）",
        "文件“台账.xlsx”第7行“金额或数量”列：金额或数量应大于0",
        "文件“台账.xlsx”第8行“日期”列：日期2026-12-01晚于今天，不能登记"]
    assert not LedgerRow.objects.exists()


def test_a_file_without_the_header_or_not_excel_is_refused(work, ledger):
    gudong = work["people"]["gudong"]
    with pytest.raises(LedgerImportError, match="没有找到表头"):
        do_import_rows(gudong, ledger, name="a.xlsx", data=workbook(GOOD, header=("序号", "时间点", "单位")), today=TODAY,
                       dry_run=True)
    with pytest.raises(LedgerImportError, match="不是Excel"):
        do_import_rows(gudong, ledger, name="a.xlsx", data=b"not a workbook", today=TODAY, dry_run=True)
