"""The 工作台账's 协作资金 sheet: planned, disbursed and spent by source with a 合计, then every
project with its rates and milestone lights — the dashboard's `funds.queries.funds_summary`,
so the ledger and the dashboard say the same. Kept apart from ledger.py's task sheets, whose
layout the importer reads back; its first cell marks it a summary the importer passes by."""

from openpyxl.styles import Alignment

from funds.queries import FundsSummary
from intake.readers.xlsx import SUMMARY_SHEET_NOTE
from oversight.ledger import (BODY_FONT, BORDER, HEADER_FILL, HEADER_FONT, LIST_FONT, MONEY_FORMAT_FULL, TITLE_FONT,
                              cell_number)

SHEET = "协作资金"
SOURCE_HEADER = ["资金来源", "计划投资（万元）", "已拨付（万元）", "拨付率", "已支出（万元）", "支出率"]
PROJECT_HEADER = ["项目名称", "报送单位", "计划投资（万元）", "已拨付（万元）", "拨付率", "已支出（万元）", "支出率",
                  "拨付节点", "支出节点"]
WIDTHS = [30, 18, 16, 16, 10, 16, 10, 40, 40]
RATE_FORMAT = "0.0%"


def _row(sheet, line: int, values: list, titles: list[str], *, header: bool = False) -> None:
    """One bordered row; a number under a 率 title formatted as a percent, else every decimal kept."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(line, column, value)
        cell.border, cell.font = BORDER, HEADER_FONT if header else BODY_FONT
        if header:
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif isinstance(value, (int, float)):
            cell.number_format = RATE_FORMAT if titles[column - 1].endswith("率") else MONEY_FORMAT_FULL


def _milestone(status) -> str:
    if status is None:
        return ""
    words = f"{status.milestone.label}：{status.light_text}"
    return f"{words}，{status.warning_text}" if status.warning else words


def _rate(value):
    return None if value is None else float(value)  # a ratio to four places, shown as 40.0%


def add_funds_sheet(book, summary: FundsSummary, label: str) -> None:
    """Append the 协作资金 sheet, its title naming the month (`label`, 2026年10月)."""
    sheet = book.create_sheet(SHEET)
    sheet.cell(1, 1, f"协作资金{SUMMARY_SHEET_NOTE}").font = LIST_FONT
    sheet.cell(2, 1, f"协作资金使用情况（截至{label}）").font = TITLE_FONT
    line = 3
    _row(sheet, line, SOURCE_HEADER, SOURCE_HEADER, header=True)
    totals = summary.totals
    for values in [[s.label, s.planned, s.disbursed, s.disbursed_rate, s.spent, s.spent_rate] for s in summary.sources] + [
            ["合计", totals.planned, totals.disbursed, totals.disbursed_rate, totals.spent, totals.spent_rate]]:
        line += 1
        _row(sheet, line, [values[0], cell_number(values[1]), cell_number(values[2]), _rate(values[3]),
                           cell_number(values[4]), _rate(values[5])], SOURCE_HEADER)
    line += 2
    _row(sheet, line, PROJECT_HEADER, PROJECT_HEADER, header=True)
    for row in summary.rows:
        line += 1
        _row(sheet, line, [row.project.name, row.project.responsible_unit.name, cell_number(row.planned),
                           cell_number(row.disbursed), _rate(row.disbursed_rate), cell_number(row.spent),
                           _rate(row.spent_rate), _milestone(row.lights.get("disbursed")),
                           _milestone(row.lights.get("spent"))], PROJECT_HEADER)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
