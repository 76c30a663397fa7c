"""The score table as .xlsx (成绩表): one row per unit; for each item 满分 / 自评 / 得分 under
the item's heading; then the unit's 满分, 自评 and 得分 totals, its rank within its kind and
its grade. An item the unit does not answer for is left blank; a score not yet given is
blank too, never 0."""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assessment.queries import ScoreTable

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
LEADING = ["序号", "单位", "类型"]
TRAILING = ["满分合计", "自评合计", "得分", "排名", "等次"]
PER_ITEM = ["满分", "自评", "得分"]


def item_heading(item) -> str:
    text = item.text if len(item.text) <= 20 else item.text[:20] + "…"
    return f"{item.ref} {text}（{item.unit.name if item.unit_id else item.get_unit_kind_display()}）"


def _number(cell, value):
    cell.value = value
    if isinstance(value, Decimal):
        cell.number_format = "0" if value == value.to_integral() else "0." + "0" * max(
            0, -value.normalize().as_tuple().exponent)


def score_workbook(table: ScoreTable) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{table.scheme.year}年度考核成绩"
    sheet.cell(row=1, column=1, value=str(table.scheme)).font = Font(bold=True, size=13)
    top, sub = 2, 3
    bold = Font(bold=True)

    def head(row, column, text):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.fill = bold, _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for column, text in enumerate(LEADING, start=1):
        head(top, column, text)
        sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
    first_item = len(LEADING) + 1
    for index, item in enumerate(table.items):
        column = first_item + index * len(PER_ITEM)
        head(top, column, item_heading(item))
        sheet.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + len(PER_ITEM) - 1)
        for offset, text in enumerate(PER_ITEM):
            head(sub, column + offset, text)
    last = first_item + len(table.items) * len(PER_ITEM)
    for offset, text in enumerate(TRAILING):
        head(top, last + offset, text)
        sheet.merge_cells(start_row=top, start_column=last + offset, end_row=sub, end_column=last + offset)

    for number, row in enumerate(table.rows, start=1):
        line = sub + number
        sheet.cell(row=line, column=1, value=number)
        sheet.cell(row=line, column=2, value=row.unit.name)
        sheet.cell(row=line, column=3, value=row.unit.get_kind_display())
        for index, item in enumerate(table.items):
            cell = row.cells.get(item.pk)
            if cell is None:
                continue
            column = first_item + index * len(PER_ITEM)
            for offset, value in enumerate((item.max_points, cell.self_score, cell.score)):
                _number(sheet.cell(row=line, column=column + offset), value)
        for offset, value in enumerate((row.full_marks, row.self_total, row.total, row.rank, row.grade or None)):
            _number(sheet.cell(row=line, column=last + offset), value)

    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 8
    for column in range(first_item, last + len(TRAILING)):
        sheet.column_dimensions[get_column_letter(column)].width = 9
    sheet.row_dimensions[top].height = 60
    sheet.freeze_panes = sheet.cell(row=sub + 1, column=first_item)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def score_filename(table: ScoreTable) -> str:
    return f"{table.scheme.plan.title}-{table.scheme.year}年度考核成绩表.xlsx"

