"""Excel (.xlsx) reader: one table per sheet under the header row, the title
rows above it as paragraphs, merged cells repeated into every position.

An office ledger puts a merged title row above the header and groups rows
with merged cells (序号, 责任单位, 类别); the header is found by its words.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from decimal import Decimal

import openpyxl
from openpyxl.utils import range_boundaries

from ..document import Cell, Document, Paragraph, Row, Table
from ..errors import IntakeError
from .textjoin import join_lines

# Words that mark a header row of a task list. A row with at least two cells
# containing one of them is the header.
HEADER_WORDS = (
    "序号", "编号", "任务", "工作", "内容", "措施", "事项", "单位", "部门", "时限", "时间", "类别",
    "分值", "分数", "列项", "牵头", "责任", "配合", "协办", "要求", "目标", "备注", "指标",
)
MIN_HEADER_CELLS = 2
# Refuse a workbook with more filled cells than any ledger has: reading it
# would take minutes and the result could not be checked by a person anyway.
MAX_CELLS = 500_000
MAX_COLUMNS = 200


def read_xlsx(data: bytes, name: str) -> Document:
    try:
        return _read_xlsx(data, name)
    except IntakeError:
        raise
    except Exception as exc:  # a damaged zip, XML part or cell value
        raise IntakeError("Excel 文件已损坏或不是 .xlsx 格式，无法读取。"
                          "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传。", name) from exc


# A sheet whose first cell ends so is a summary written beside a plan's tables (the 工作台账's
# 协作资金 sheet): people read it, the importer passes it by, so a ledger re-imports unchanged.
SUMMARY_SHEET_NOTE = "（汇总表，导入时不读取）"


def _is_summary(ws) -> bool:
    first = ws.cell(1, 1).value
    return isinstance(first, str) and first.endswith(SUMMARY_SHEET_NOTE)


def _read_xlsx(data: bytes, name: str) -> Document:
    _check_size(data, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    blocks: list[Paragraph | Table] = []
    for ws in book.worksheets:
        if ws.sheet_state == "visible" and not _is_summary(ws):
            blocks.extend(_read_sheet(ws, name))
    if not blocks:
        raise IntakeError("Excel 文件里没有内容（所有可见工作表都是空的）。请检查是否上传了正确的文件。", name)
    return Document(name=name, kind="xlsx", blocks=blocks)


_CELL = re.compile(rb"<(?:\w+:)?c[ >/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


def _check_size(data: bytes, name: str) -> None:
    """Count cells and merged areas in the sheet XML before openpyxl loads
    it: openpyxl builds an object for every cell of a merged range, so one
    merge over whole columns, a few bytes in the file, would never finish."""
    cells = merged = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
                continue
            xml = archive.read(member)
            cells += len(_CELL.findall(xml))
            for first, last in _MERGE.findall(xml):
                min_col, min_row, max_col, max_row = range_boundaries(f"{first.decode()}:{last.decode()}")
                merged += (max_row - min_row + 1) * (max_col - min_col + 1)
    if cells > MAX_CELLS or merged > MAX_CELLS:
        raise IntakeError(f"Excel 文件的单元格（含合并单元格）超过 {MAX_CELLS} 个，不像一份任务清单。"
                          "请只保留任务清单所在的工作表、取消整行或整列的合并后重新上传。", name)


class _Sheet:
    """A sheet's cell texts by (row, column), with and without merged ranges filled."""

    def __init__(self, ws):
        self.title = ws.title
        self.raw: dict[tuple[int, int], list[str]] = {}
        self._by_row: dict[int, list[tuple[int, list[str]]]] = {}
        # ws._cells holds only the cells the file defines; the public iterators
        # would create every empty cell up to the last used row and column.
        for (r, c), cell in sorted(ws._cells.items()):
            paragraphs = render(cell.value, cell.number_format)
            if paragraphs:
                self.raw[(r, c)] = paragraphs
                self._by_row.setdefault(r, []).append((c, paragraphs))
        self.filled = dict(self.raw)
        self.merges = list(ws.merged_cells.ranges)  # their area is bounded by _check_size
        for merged in self.merges:
            value = self.raw.get((merged.min_row, merged.min_col))
            if not value:
                continue
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    self.filled[(r, c)] = value

    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.filled})

    def raw_row(self, r: int) -> list[list[str]]:
        """The values the file gives in row r (a merged range counts once)."""
        return [v for _, v in self._by_row.get(r, [])]

    def width_from(self, first_row: int) -> int:
        return max((c for (r, c) in self.filled if r >= first_row), default=0)

    def where(self, r: int) -> str:
        return f"工作表“{self.title}”第{r}行"


def _read_sheet(ws, name: str) -> list[Paragraph | Table]:
    sheet = _Sheet(ws)
    rows = sheet.rows()
    if not rows:
        return []
    header_row = next((r for r in rows if _is_header(sheet.raw_row(r))), None)
    if header_row is None:
        if any(len(sheet.raw_row(r)) >= 2 for r in rows):
            raise IntakeError(
                f"工作表“{sheet.title}”中找不到表头（应包含“序号”“任务”“单位”等列）。"
                "请在任务清单上方保留一行列名，例如“序号、工作任务、责任单位、完成时限”，再重新上传。",
                f"{name} 工作表“{sheet.title}”")
        # A sheet of loose notes, no table: its texts are paragraphs.
        return [Paragraph(text=_row_text(sheet, r), location=sheet.where(r)) for r in rows if _row_text(sheet, r)]

    blocks: list[Paragraph | Table] = [
        Paragraph(text=_row_text(sheet, r), location=sheet.where(r))
        for r in rows if r < header_row and _row_text(sheet, r)
    ]
    # A header cell merged downwards makes the rows it covers header rows too.
    header_end = max([m.max_row for m in sheet.merges if m.min_row == header_row] + [header_row])
    width = sheet.width_from(header_row)
    if width > MAX_COLUMNS:
        raise IntakeError(f"工作表“{sheet.title}”用到了第 {width} 列，超过 {MAX_COLUMNS} 列上限。"
                          "请删除表格右侧多余的内容后重新上传。", f"{name} 工作表“{sheet.title}”")
    header = []
    for c in range(1, width + 1):
        parts: list[str] = []
        for r in range(header_row, header_end + 1):
            text = join_lines(sheet.filled.get((r, c), []))
            if text and text not in parts:
                parts.append(text)
        header.append("/".join(parts))

    table = None
    for r in rows:
        if r <= header_end:
            continue
        if _spans_row(sheet, r, width):
            # A merged row across the whole table is a note or a section
            # title, not a task: it becomes a paragraph between two tables.
            if _row_text(sheet, r):  # (its lower rows, if it spans several, are empty)
                blocks.append(Paragraph(text=_row_text(sheet, r), location=sheet.where(r)))
            table = None
            continue
        cells = [Cell(list(sheet.filled.get((r, c), []))) for c in range(1, width + 1)]
        if [join_lines(c.paragraphs) for c in cells] == header:
            continue  # the header repeated further down (a ledger pasted from pages)
        if table is None:
            table = Table(header=list(header), location=f"工作表“{sheet.title}”")
            blocks.append(table)
        table.rows.append(Row(cells=cells, location=sheet.where(r)))
    return blocks


def _is_header(raw_cells: list[list[str]]) -> bool:
    labelled = [c for c in raw_cells if any(word in join_lines(c) for word in HEADER_WORDS)]
    # A long sentence mentioning 任务 is data; header labels are short.
    return len([c for c in labelled if len(join_lines(c)) <= 30]) >= MIN_HEADER_CELLS


def _spans_row(sheet: _Sheet, r: int, width: int) -> bool:
    return width > 1 and any(
        m.min_row <= r <= m.max_row and m.min_col == 1 and m.max_col >= width for m in sheet.merges
    )


def _row_text(sheet: _Sheet, r: int) -> str:
    return " ".join(join_lines(v) for v in sheet.raw_row(r))


def render(value, number_format: str = "General") -> list[str]:
    """A cell value as the paragraphs a person sees in the cell."""
    if value is None:
        return []
    if isinstance(value, str):
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return [line.strip() for line in lines if line.strip()]
    if isinstance(value, bool):
        return ["是" if value else "否"]
    if isinstance(value, dt.datetime):
        text = f"{value.year}年{value.month}月{value.day}日"
        return [text + (f" {value:%H:%M}" if value.time() != dt.time() else "")]
    if isinstance(value, dt.date):
        return [f"{value.year}年{value.month}月{value.day}日"]
    if isinstance(value, dt.time):
        return [f"{value:%H:%M}"]
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return [format_number(value * 100) + "%"]
        return [format_number(value)]
    return [str(value).strip()] if str(value).strip() else []


def format_number(value: int | float) -> str:
    """25.499999999999996 → "25.5", 3.0 → "3", 1e-05 → "0.00001"."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer():
        return str(int(value))
    # 15 significant digits is what Excel itself shows; it drops binary noise.
    text = format(value, ".15g")
    if "e" in text:
        text = format(Decimal(text), "f")
    return text
