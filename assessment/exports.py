"""The score table as .xlsx (成绩表): one row per unit; for each item 满分 / 自评 / 得分 under
the item's heading; then the unit's 满分, 自评 and 得分 totals, its rank within its kind and
its grade. An item the unit does not answer for is left blank; a score not yet given is
blank too, never 0."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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


def score_workbook(table: ScoreTable) -> bytes:
    """Streamed (openpyxl's write-only mode): a city's 1,000 units × 20 items are 60,000 cells,
    which the ordinary mode holds and styles one object each. Scores are Decimals with at most
    two places, shown as typed by the General format."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(f"{table.scheme.year}年度考核成绩")
    top, sub = 2, 3
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def head(text):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, _HEADER_FILL, centre
        return cell

    first_item = len(LEADING) + 1
    last = first_item + len(table.items) * len(PER_ITEM)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 8
    for column in range(first_item, last + len(TRAILING)):
        sheet.column_dimensions[get_column_letter(column)].width = 9
    sheet.row_dimensions[top].height = 60
    sheet.freeze_panes = f"{get_column_letter(first_item)}{sub + 1}"

    title = WriteOnlyCell(sheet, value=str(table.scheme))
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    upper, lower = [head(text) for text in LEADING], [head(None) for _ in LEADING]
    for item in table.items:
        upper += [head(item_heading(item))] + [head(None) for _ in PER_ITEM[1:]]
        lower += [head(text) for text in PER_ITEM]
    upper += [head(text) for text in TRAILING]
    lower += [head(None) for _ in TRAILING]
    sheet.append(upper)
    sheet.append(lower)

    def merge(first_column, last_column, first_row, last_row):
        sheet.merged_cells.add(f"{get_column_letter(first_column)}{first_row}:{get_column_letter(last_column)}{last_row}")

    for column in range(1, first_item):
        merge(column, column, top, sub)
    for index in range(len(table.items)):
        column = first_item + index * len(PER_ITEM)
        merge(column, column + len(PER_ITEM) - 1, top, top)
    for column in range(last, last + len(TRAILING)):
        merge(column, column, top, sub)

    for number, row in enumerate(table.rows, start=1):
        values = [number, row.unit.name, row.unit.get_kind_display()]
        for item in table.items:
            cell = row.cells.get(item.pk)
            values += [None] * len(PER_ITEM) if cell is None else [item.max_points, cell.self_score, cell.score]
        values += [row.full_marks, row.self_total, row.total, row.rank, row.grade or None]
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def score_filename(table: ScoreTable) -> str:
    return f"{table.scheme.plan.title}-{table.scheme.year}年度考核成绩表.xlsx"

