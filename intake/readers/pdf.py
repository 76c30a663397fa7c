"""PDF reader: tables from ruling lines, text around them as paragraphs,
page furniture dropped.

pdf_page.py reads each page's characters and ruling edges through PDFium;
pdfplumber's table finder turns the edges into cells.

A PDF has no paragraphs or rows, only positioned characters; pdf_lines.py
rebuilds lines and paragraphs from them (a tagged PDF, Word's default
export, names its paragraphs, and then the tags decide).

Tables are found from their ruling lines. A table cut by a page break goes
on in the part at the top of the next page: the repeated header is dropped,
the first row after it is marked after_page_break, a paragraph the break
cut in two is joined back in the row above, and a cell merged down across
the break gives its text to the rows it covers there.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

import pdfplumber
import pypdfium2.raw as raw

from ..document import Cell, Document, Paragraph, Row, Table
from ..errors import IntakeError
from .pdf_lines import (
    Line,
    build_lines,
    is_centered,
    join_line_texts,
    lines_at_heights,
    to_paragraphs,
)
from .pdf_page import PageContent, is_tagged, open_document, read_page
from .pdf_tables import RuledTableFinder
from .textjoin import join_lines

MAX_PAGES = 500
# "— 3 —", "- 3 -", "第 3 页", "第3页 共9页": page numbers, not content.
_PAGE_NUMBER = re.compile(r"^(?:[—\-–－―~]+\s*\d+\s*[—\-–－―~]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")


@dataclass
class _TablePart:
    """The part of a table on one page."""

    page: int
    top: float
    rows: list[list[list[str]]]  # row -> column -> paragraphs
    # row -> column -> the PDF cell drawn there; one cell covering several
    # positions is a merged cell.
    keys: list[list[tuple | None]]
    # cell -> its lines and the left and right edges of its text
    cells: dict[tuple, tuple[list[Line], float, float]] = field(default_factory=dict)


def read_pdf(data: bytes, name: str) -> Document:
    try:
        return _read_pdf(data, name)
    except IntakeError:
        raise
    except Exception as exc:  # pdfminer failing deep inside a damaged file
        raise IntakeError("PDF 文件已损坏，无法读取。请重新导出 PDF，或直接上传原始 Word 文件。", name) from exc


def _read_pdf(data: bytes, name: str) -> Document:
    try:
        document = open_document(data)
    except Exception as exc:
        raise _open_error(exc, name) from exc
    with document:
        count = len(document)
        if not count:
            raise IntakeError("PDF 文件没有页面，可能已损坏。请重新导出 PDF 或提供原始 Word 文件。", name)
        if count > MAX_PAGES:
            raise IntakeError(f"PDF 有 {count} 页，超过 {MAX_PAGES} 页上限。请只上传分工方案本身（正文和附件）。", name)
        tags = _paragraph_tags(data) if is_tagged(document) else {}
        items = []
        for number in range(1, count + 1):
            try:
                page = read_page(document, number - 1, marked=bool(tags))
                items.extend(_read_page(page, number, tags))
            except Exception as exc:  # a damaged content stream
                raise IntakeError("PDF 文件已损坏，这一页无法读取。请重新导出 PDF，或直接上传原始 Word 文件。",
                                  f"{name} 第{number}页") from exc
    return _assemble(items, name)


# Structure elements that are one paragraph of text.
_PARAGRAPH_TYPES = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "Lbl", "LBody", "TOCI", "Caption"}


def _paragraph_tags(data: bytes) -> dict[tuple[int, int], int]:
    """(page, marked-content id) → paragraph, from the structure tree of a
    tagged PDF (read by pdfplumber: it parses the tree, not the pages, so it
    is quick); empty when the tree is unreadable."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            tree = pdf.structure_tree
    except Exception:
        return {}
    tags: dict[tuple[int, int], int] = {}
    counter = 0

    def walk(element, paragraph):
        nonlocal counter
        if element.get("type") in _PARAGRAPH_TYPES:
            counter += 1
            paragraph = counter
        if paragraph is not None:
            for mcid in element.get("mcids") or []:
                tags[(element.get("page_number"), mcid)] = paragraph
        for child in element.get("children") or []:
            walk(child, paragraph)

    for element in tree:
        if isinstance(element, dict):
            walk(element, None)
    return tags


def _open_error(exc: Exception, name: str) -> IntakeError:
    if getattr(exc, "err_code", None) in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
        return IntakeError("PDF 已加密（设置了打开密码或使用了不支持的加密方式），无法读取。"
                           "请去除密码后重新导出 PDF，或直接上传原始 Word 文件。", name)
    return IntakeError("PDF 文件已损坏，无法读取。请重新导出 PDF，或直接上传原始 Word 文件。", name)


@dataclass
class _Grid:
    """A ruled table on one page, as pdfplumber found it."""

    bbox: tuple
    rows: list[tuple[tuple, tuple]]  # (row bbox, cell bbox or None per column)
    columns: list[tuple]


def _find_grids(page: PageContent) -> list[_Grid]:
    finder = RuledTableFinder(page)
    grids = [_Grid(t.bbox, [(r.bbox, tuple(r.cells)) for r in t.rows], [c.bbox for c in t.columns])
             for t in finder.tables if t.rows]
    # pdfplumber drops tables of a single cell, but a boxed paragraph (专栏)
    # is one; a box around most of the page is a page border, not a table.
    in_tables = {cell for t in finder.tables for cell in t.cells}
    lone = [c for c in finder.cells if c not in in_tables
            and (c[2] - c[0]) * (c[3] - c[1]) < 0.7 * page.width * page.height]
    for cell in lone:
        inside_other = any(o != cell and _contains(o, cell[:2]) and _contains(o, cell[2:]) for o in lone)
        inside_table = any(_contains(g.bbox, cell[:2]) and _contains(g.bbox, cell[2:]) for g in grids)
        if not inside_other and not inside_table:
            grids.append(_Grid(cell, [(cell, (cell,))], [cell]))
    return grids


def _read_page(page: PageContent, number: int, tags: dict) -> list:
    """The page's text lines and table parts, top to bottom."""
    chars = [c for c in page.chars if c.get("text")]
    if tags:
        for char in chars:
            char["paragraph"] = tags.get((number, char.get("mcid")))
    grids = _find_grids(page)
    if grids:
        # Each character's centre, worked out once: (y, x, order, char).
        centres = [((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, n, c) for n, c in enumerate(chars)]
        lines = lines_at_heights(_outside(centres, [g.bbox for g in grids]))
        centred = sorted(centres)
    else:
        lines = build_lines(chars)
    items: list = []
    for line in lines:
        if _is_page_furniture(line, page):
            continue
        line.page = number
        items.append((number, line.top, line))
    for grid in grids:
        rows, keys, layout = _table_rows(grid, centred)
        if any(p for row in rows for cell in row for p in cell):
            items.append((number, grid.bbox[1], _TablePart(number, grid.bbox[1], rows, keys, layout)))
    items.sort(key=lambda item: item[1])
    return [(number, obj) for number, _, obj in items]


def _outside(centres: list[tuple], boxes: list[tuple]) -> list[tuple]:
    """The characters whose centre lies in none of the boxes, in order, as
    (centre height, char)."""
    out = []
    for y, x, _, char in centres:
        for box in boxes:
            if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                break
        else:
            out.append((y, char))
    return out


def _contains(box, point) -> bool:
    x, y = point
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _is_page_furniture(line: Line, page) -> bool:
    if _PAGE_NUMBER.match(line.text):
        return True
    in_margin = line.top > page.height * 0.9 or line.bottom < page.height * 0.08
    return in_margin and line.text.isdigit()


def _table_rows(table: _Grid, centred: list[tuple]) -> tuple[list, list, dict]:
    """Cell paragraphs for every grid position, a merged cell's text repeated
    into each position it covers; the cell drawn at each position; and each
    cell's lines. `centred`: the page's characters as (centre y, centre x,
    order on the page, char), sorted."""
    cells = {cell for _, row_cells in table.rows for cell in row_cells if cell}
    texts = {}
    lines_by_cell = {}
    # Each cell looks only at the characters whose centre lies in its rows
    # (the cell's range of heights bisected), sorted across once for all the
    # cells of those rows, and then in its range of widths (bisected too).
    heights = [y for y, _, _, _ in centred]
    bands: dict[tuple, tuple[list, list]] = {}
    for cell in cells:
        band = bands.get((cell[1], cell[3]))
        if band is None:
            start, end = bisect_left(heights, cell[1]), bisect_right(heights, cell[3])
            across = sorted(centred[start:end], key=itemgetter(1))
            band = bands[(cell[1], cell[3])] = (across, [x for _, x, _, _ in across])
        across, xs = band
        found = across[bisect_left(xs, cell[0]):bisect_right(xs, cell[2])]
        found.sort(key=itemgetter(2))  # back in page order
        lines_by_cell[cell] = lines_at_heights([(y, c) for y, _, _, c in found])
    # The cell padding: the smallest distance any text keeps from its cell's edges.
    # Word and LibreOffice use the same margin on both sides of a cell.
    pad = max(0.0, min([line.x0 - cell[0] for cell, ls in lines_by_cell.items() for line in ls] or [0]))
    # A column whose short lines are centred holds units or dates, one per
    # paragraph; judged over the whole column, since a cell of names that
    # all fill its width shows no alignment of its own.
    # The first row is left out: headers are centred whatever the column holds.
    body_cells = {cell for _, row_cells in table.rows[1:] for cell in row_cells if cell}
    centred_columns = set()
    for cell, lines in lines_by_cell.items():
        if cell not in body_cells:
            continue
        left, right = cell[0] + pad, cell[2] - pad
        if any(line.x0 - left > 0.25 * line.size and abs((line.x0 - left) - (right - line.x1)) < 0.5 * line.size
               for line in lines):
            centred_columns.add((round(cell[0]), round(cell[2])))
    layout = {}
    for cell, lines in lines_by_cell.items():
        left, right = cell[0] + pad, cell[2] - pad
        list_cell = (round(cell[0]), round(cell[2])) in centred_columns
        texts[cell] = [join_line_texts(p) for p in to_paragraphs(lines, left, right, list_cell=list_cell)]
        layout[cell] = (lines, left, right)
    columns = table.columns
    grid, keys = [], []
    for row_box, row_cells in table.rows:
        out, row_keys = [], []
        for index, cell in enumerate(row_cells):
            if cell is None and index < len(columns):
                # A position covered by a merged cell: the cell holding its centre.
                point = ((columns[index][0] + columns[index][2]) / 2, (row_box[1] + row_box[3]) / 2)
                cell = next((c for c in cells if _contains(c, point)), None)
            out.append(list(texts.get(cell, [])) if cell else [])
            row_keys.append(cell)
        grid.append(out)
        keys.append(row_keys)
    return grid, keys, layout


def _continue_merges(part: _TablePart, skip: int, above: Row) -> None:
    """A cell merged down across the page break is drawn again, empty, at the
    top of the next page: give the rows it covers the text it had above.
    The first row is left as it is: when it continues a split row, its empty
    leading cells are what tells the interpreter so."""
    rows, keys = part.rows[skip:], part.keys[skip:]
    for col in range(min(len(above.cells), len(rows[0]) if rows else 0)):
        key = keys[0][col]
        if key is None or rows[0][col]:
            continue
        r = 1
        while r < len(rows) and keys[r][col] == key:
            rows[r][col] = list(above.cells[col].paragraphs)
            r += 1


def _rejoin_split_paragraphs(above_part: _TablePart, above: Row, part: _TablePart, skip: int) -> None:
    """A paragraph the page break cut in two is one paragraph again, in the
    row above: the piece on the new page leaves the continuation row, which
    keeps the rest of its cells."""
    if not part.rows[skip:] or not above_part.keys:
        return
    first, first_keys, above_keys = part.rows[skip], part.keys[skip], above_part.keys[-1]
    if len(first) > 1 and first[0]:
        return  # a row of its own (序号 given), not the rest of the row above
    for col in range(min(len(first), len(above.cells), len(above_keys))):
        key, above_key = first_keys[col], above_keys[col]
        if key is None or above_key is None or not first[col] or not above.cells[col].paragraphs:
            continue
        above_lines, _, _ = above_part.cells[above_key]
        lines, left, right = part.cells[key]
        if not above_lines or not lines:
            continue
        last, head = above_lines[-1], lines[0]
        if len(to_paragraphs([last, head], left, right)) == 1:
            paragraphs = above.cells[col].paragraphs
            paragraphs[-1] = _join_texts(paragraphs[-1], first[col][0], last.trailing_space)
            first[col] = first[col][1:]


def _join_texts(before: str, after: str, space: bool) -> str:
    return f"{before} {after}" if space else join_lines([before, after])


def _looks_like_header(row: list[list[str]]) -> bool:
    """A first row of short labels (序号, 工作任务, 完成时限) rather than data."""
    texts = [join_lines(c) for c in row]
    filled = [t for t in texts if t]
    return len(row) >= 2 and len(filled) >= 2 and all(len(t) <= 20 and not t.isdigit() for t in filled)


def _assemble(items: list, name: str) -> Document:
    text_lines = [obj for _, obj in items if isinstance(obj, Line)]
    if not text_lines and not any(isinstance(obj, _TablePart) for _, obj in items):
        raise IntakeError("PDF 没有文字层（可能是扫描件），无法读取文字。"
                          "请提供由 Word 导出的 PDF 或原始 Word 文件。", name)
    if sum("(cid:" in line.text for line in text_lines) > len(text_lines) / 2:
        raise IntakeError("PDF 的文字无法提取（字体没有文字编码），读出来是乱码。"
                          "请提供原始 Word 文件，或用 Word 重新导出 PDF。", name)
    assembler = _Assembler(text_lines)
    for page, obj in items:
        if isinstance(obj, Line):
            assembler.add_line(obj)
        else:
            assembler.add_table_part(obj)
    assembler.flush()
    return Document(name=name, kind="pdf", blocks=assembler.blocks)


class _Assembler:
    """Lines and table parts, page by page, into paragraphs and tables."""

    def __init__(self, text_lines: list[Line]):
        self.body_size = _most_common([round(line.size) for line in text_lines]) if text_lines else 0
        # The text area, from the body text: where lines start and end.
        self.left = min((l.x0 for l in text_lines if round(l.size) == self.body_size), default=0)
        self.right = max((l.x1 for l in text_lines), default=0)
        self.blocks: list[Paragraph | Table] = []
        self.pending: list[Line] = []
        self.table: Table | None = None  # the table a part on the next page may continue
        self.part: _TablePart | None = None  # its last part
        self.page = 0  # the page of the last line or table part

    def title_joiner(self, prev: Line, line: Line) -> bool:
        # A title set in large type over several centred lines is one paragraph.
        return (prev.page == line.page and round(prev.size) == round(line.size) > self.body_size
                and is_centered(prev, self.left, self.right) and is_centered(line, self.left, self.right)
                and line.top - prev.bottom < prev.size)

    def add_line(self, line: Line) -> None:
        self.pending.append(line)
        self.table = None
        self.page = line.page

    def flush(self) -> None:
        for paragraph in to_paragraphs(self.pending, self.left, self.right, self.title_joiner):
            text = join_line_texts(paragraph, self.title_joiner)
            self.blocks.append(Paragraph(text=text, location=f"第{paragraph[0].page}页"))
        self.pending.clear()

    def add_table_part(self, part: _TablePart) -> None:
        # A table continues when its part opens the next page, nothing in between.
        continuing = (self.table is not None and self.part is not None and part.page == self.part.page + 1
                      and self.page == self.part.page and len(part.rows[0]) == _width(self.table))
        if continuing:
            table, rows = self.table, self._continued_rows(part)
        else:
            self.flush()
            number = len(self.tables) + 1
            header = [join_lines(c) for c in part.rows[0]] if _looks_like_header(part.rows[0]) else []
            table = Table(header=header, location=f"表{number}")
            self.blocks.append(table)
            rows = list(enumerate(part.rows, start=1))[1 if header else 0:]
        number = table.location[1:]
        for index, (row_number, cells) in enumerate(rows):
            table.rows.append(Row(
                cells=[Cell(list(c)) for c in cells],
                location=f"第{part.page}页 表{number} 第{row_number}行",
                after_page_break=continuing and index == 0,
            ))
        self.table, self.part, self.page = table, part, part.page

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def _continued_rows(self, part: _TablePart) -> list[tuple[int, list]]:
        """The rows of a part that continues the table, numbered as on the page:
        the repeated header dropped, merges and cut paragraphs carried over."""
        table = self.table
        skip = 1 if table.header and [join_lines(c) for c in part.rows[0]] == table.header else 0
        if table.rows:
            _continue_merges(part, skip, table.rows[-1])
            _rejoin_split_paragraphs(self.part, table.rows[-1], part, skip)
        rows = list(enumerate(part.rows, start=1))[skip:]
        if rows and not any(rows[0][1]):
            rows = rows[1:]  # the row held only the end of a paragraph above
        if rows and table.rows and _is_box(self.part) and _is_box(part):
            # A one-cell box (专栏) has one row: what the next page holds is more of it.
            table.rows[-1].cells[0].paragraphs.extend(rows[0][1][0])
            return []
        return rows


def _is_box(part: _TablePart) -> bool:
    return len(part.rows) == 1 and len(part.rows[0]) == 1


def _width(table: Table) -> int:
    return len(table.rows[-1].cells) if table.rows else len(table.header)


def _most_common(values: list[int]) -> int:
    return max(set(values), key=values.count)
