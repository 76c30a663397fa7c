"""The 任务分工表 as .xlsx: the same rows as the 通知's 附件, and the figures one a row.

Sheet 任务分工表 is the Word table cell for cell; sheet 指标分解 lists every target with its
numbers as numbers (Decimal, every place kept), so a unit can sum and filter its quotas.
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from issuance.division_table import DivisionTable
from issuance.snapshot import COMPARATORS, PERIODS, target_owner

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TABLE_SHEET, TARGET_SHEET = "任务分工表", "指标分解"
TARGET_HEADER = ["序号", "指标", "承担单位", "比较", "数量", "上年缺口结转", "合计", "计量单位", "周期"]


def _number_format(value: Decimal) -> str:
    places = max(0, -value.normalize().as_tuple().exponent)
    return "0" if places == 0 else "0." + "0" * places


def _sheet(sheet, title: str, header: list[str], widths: list[float], rows) -> None:
    sheet.title = title
    for column, (name, width) in enumerate(zip(header, widths), start=1):
        cell = sheet.cell(row=1, column=column, value=name)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    last = 1
    for last, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=last, column=column, value=None if value == "" else value)
            if isinstance(value, Decimal):
                cell.number_format = _number_format(value)
            elif column == 1:
                cell.number_format = "@"  # 3 stays "3", 1.10 stays "1.10"
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # the header repeats on every printed page, as in Word
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"


def _targets(snapshot: dict):
    for task in snapshot["tasks"]:
        ref = f"{task['list_name']} {task['ref']}".strip() if task["list_name"] else task["ref"]
        for target in task["targets"]:
            quantity = Decimal(target["quantity"])
            carried = Decimal(target["carried_over"]) if target["carried_over"] else None
            yield [ref, target["metric"], target_owner(snapshot, target),
                   COMPARATORS.get(target["comparator"]) or "等于", quantity, carried,
                   quantity + (carried or Decimal(0)), target["unit"], PERIODS.get(target["per"], "")]


def division_workbook(snapshot: dict, table: DivisionTable) -> bytes:
    book = Workbook()
    main = book.active
    _sheet(main, TABLE_SHEET, table.header, [max(8, w / 2.2) for w in table.widths_mm], table.rows)
    main.page_setup.orientation = "landscape"
    main.page_setup.paperSize = main.PAPERSIZE_A4
    _sheet(book.create_sheet(TARGET_SHEET), TARGET_SHEET, TARGET_HEADER, [8, 22, 18, 8, 12, 14, 12, 10, 8],
           _targets(snapshot))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
