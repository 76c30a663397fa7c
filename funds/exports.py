"""The monthly 资金使用进度 table as offices send it up: a title, the office and month, a header,
one row per project and a 合计 row. Amounts in 万元 keep every decimal typed (never a float);
rates are numbers shown as percents, so the receiving office can add them up again.
"""

import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from funds.queries import ProjectRow, totals

HEADERS = ["序号", "项目名称", "实施地点", "资金来源", "计划投资", "已拨付", "拨付率", "已支出", "支出率", "进度",
           "带动人数", "备注"]
WIDTHS = [6, 30, 24, 22, 12, 12, 10, 12, 10, 8, 10, 36]
HEADER_ROW = 4
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _amount_format(value: Decimal) -> str:
    places = max(0, -value.normalize().as_tuple().exponent)
    return "0" if places == 0 else "0." + "0" * places


def remarks(row: ProjectRow) -> str:
    """备注: 联农带农 and the unit's note, then a milestone not kept (its light and warning)."""
    parts = []
    if row.report and row.report.farmers_linked:
        parts.append(f"联农带农{row.report.farmers_linked}户")
    if row.report and row.report.note:
        parts.append(row.report.note)
    for status in row.lights.values():
        if status is not None and status.warning:
            parts.append(f"{status.milestone.label}：{status.light_text}，{status.warning_text}")
    return "；".join(parts)


def progress_workbook(*, office: str, title: str, month: datetime.date, rows: list[ProjectRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "资金使用进度"
    last = get_column_letter(len(HEADERS))
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = f"{title}资金使用进度表"
    sheet["A1"].font = Font(name="方正小标宋简体", size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"] = f"填报单位：{office}        截至：{month.year}年{month.month}月        单位：万元、人"
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font, cell.alignment, cell.border = Font(bold=True), Alignment(horizontal="center", wrap_text=True), _BOX
        sheet.column_dimensions[get_column_letter(column)].width = width
    line = HEADER_ROW
    for number, row in enumerate(rows, start=1):
        line += 1
        people = row.report.poor_people if row.report else 0
        _write(sheet, line, [number, row.project.name, row.project.place, row.source_text, row.planned,
                             row.disbursed, row.disbursed_rate, row.spent, row.spent_rate, row.progress_label,
                             people, remarks(row)])
    total = totals(rows)
    _write(sheet, line + 1, ["合计", "", "", "", total.planned, total.disbursed, total.disbursed_rate, total.spent,
                             total.spent_rate, "", total.poor_people, f"联农带农{total.farmers_linked}户" if total.farmers_linked else ""])
    sheet.merge_cells(start_row=line + 1, start_column=1, end_row=line + 1, end_column=4)
    for cell in sheet[line + 1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(sheet, line: int, values: list) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=line, column=column, value=value)
        cell.border = _BOX
        if HEADERS[column - 1] in ("拨付率", "支出率"):
            cell.number_format = "0.00%"
        elif isinstance(value, Decimal):
            cell.number_format = _amount_format(value)
        if column == len(HEADERS) or column == 2:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
