"""PDF reader (pdfplumber): tables from ruling lines, text around them as
paragraphs, page furniture dropped.

A PDF has no paragraphs or rows, only positioned characters. Lines are
rebuilt from characters; a line belongs to the paragraph above when that
line was full (the first word of the line could not have fitted on it) and
it does not start further right. Tables are found from their ruling lines;
a table cut by a page break continues on the next page, usually with its
header repeated, which is dropped.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException

from ..document import Cell, Document, Paragraph, Row, Table
from ..errors import IntakeError
from .textjoin import _CJK, join_lines

MAX_PAGES = 500
# "— 3 —", "- 3 -", "第 3 页", "第3页 共9页": page numbers, not content.
_PAGE_NUMBER = re.compile(r"^(?:[—\-–－―~]+\s*\d+\s*[—\-–－―~]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
# Leading characters that cannot begin a line in Chinese typesetting; they
# travel with the character before them when a line wraps.
_NO_LINE_START = "，。、；：？！）》」』”’%．,.;:?!)"


@dataclass
class _Line:
    chars: list[dict]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    page: int = 0

    def __post_init__(self):
        self.chars.sort(key=lambda c: c["x0"])
        visible = [c for c in self.chars if not c["text"].isspace()]
        self.x0 = min(c["x0"] for c in visible)
        self.x1 = max(c["x1"] for c in visible)
        self.top = min(c["top"] for c in visible)
        self.bottom = max(c["bottom"] for c in visible)
        self.size = max(c["size"] for c in visible)
        self.text = _line_text(self.chars)

    def first_token_width(self) -> float:
        """Width of what could not be split from the line's start when it wrapped:
        one Chinese character or a Latin word, with any punctuation that may not
        begin a line and a number glued to that punctuation ("元，2024")."""
        visible = [c for c in self.chars if not c["text"].isspace()]
        end = 1
        while end < len(visible):
            char, before = visible[end]["text"], visible[end - 1]["text"]
            if visible[end]["x0"] - visible[end - 1]["x1"] > 0.2 * self.size:
                break  # a space: the line could have broken here
            latin_run = not _CJK.match(char) and (not _CJK.match(before) or before in _NO_LINE_START)
            if char in _NO_LINE_START or latin_run:
                end += 1
                continue
            break
        return visible[end - 1]["x1"] - visible[0]["x0"]

    @property
    def trailing_space(self) -> bool:
        return self.chars[-1]["text"].isspace()


def _line_text(chars: list[dict]) -> str:
    out = ""
    pending_space = False
    previous = None
    for char in chars:
        text = char["text"]
        if text.isspace():
            pending_space = True
            continue
        if previous is not None and out and not pending_space:
            # PDFs that position words instead of writing spaces: a wide gap
            # between two Latin characters stood for a space.
            gap = char["x0"] - previous["x1"]
            if gap > 0.25 * char["size"] and not _CJK.match(out[-1]) and not _CJK.match(text[0]):
                pending_space = True
        if pending_space and out:
            out += " "
        out += text
        pending_space = False
        previous = char
    return out.strip()


def _build_lines(chars: list[dict]) -> list[_Line]:
    """Group characters into visual lines, top to bottom."""
    chars = [c for c in chars if c.get("text")]
    chars.sort(key=lambda c: (c["top"] + c["bottom"]) / 2)
    groups: list[list[dict]] = []
    middle = size = 0.0
    for char in chars:
        char_middle = (char["top"] + char["bottom"]) / 2
        if groups and abs(char_middle - middle) <= 0.4 * max(size, char["size"]):
            groups[-1].append(char)
            continue
        groups.append([char])
        middle, size = char_middle, char["size"]
    lines = [_Line(g) for g in groups if any(not c["text"].isspace() for c in g)]
    return [line for line in lines if line.text]


def _is_full(line: _Line, following: _Line, left: float, right: float) -> bool:
    """Whether `line` ended because `following`'s first word did not fit on it."""
    free_right = right - line.x1
    free_left = line.x0 - left
    free = free_left + free_right if _is_centered(line, left, right) else free_right
    return free < following.first_token_width() + 0.25 * line.size


def _is_centered(line: _Line, left: float, right: float) -> bool:
    free_left, free_right = line.x0 - left, right - line.x1
    return free_left > 0.5 * line.size and abs(free_left - free_right) < line.size


def _paragraphs(lines: list[_Line], left: float, right: float, joiner=None) -> list[list[_Line]]:
    """Split lines into paragraphs (see the module docstring)."""
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if paragraphs:
            prev = paragraphs[-1][-1]
            same_page = line.page == prev.page
            # A wrapped line starts where the one above does, or further left
            # when the first line was indented; centred lines start anywhere
            # (but a page does not begin with the centred end of a paragraph).
            aligned = line.x0 <= prev.x0 + 0.15 * line.size or (same_page and _is_centered(line, left, right))
            # Space before a heading or between paragraphs of a list.
            spaced = same_page and line.top - prev.bottom > line.size
            continues = (abs(prev.size - line.size) < 0.5 and aligned and not spaced
                         and _is_full(prev, line, left, right))
            if joiner is not None and not continues:
                continues = joiner(prev, line)
            if continues:
                paragraphs[-1].append(line)
                continue
        paragraphs.append([line])
    return paragraphs


def _join(lines: list[_Line], keep_break=None) -> str:
    """One paragraph's lines as text. A space the line ended with is kept
    ("资金 / 2700 万元"); `keep_break` says where a line break stays."""
    out = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        if keep_break is not None and keep_break(prev, line):
            out += "\n" + line.text
        elif prev.trailing_space:
            out += " " + line.text
        else:
            out = join_lines([out, line.text])
    return out


@dataclass
class _TablePart:
    """The part of a table on one page."""

    page: int
    top: float
    rows: list[list[list[str]]]  # row -> column -> paragraphs
    # row -> column -> the PDF cell drawn there; one cell covering several
    # positions is a merged cell.
    keys: list[list[tuple | None]]


@dataclass
class _PageText:
    page: int
    lines: list[_Line] = field(default_factory=list)


def read_pdf(data: bytes, name: str) -> Document:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps every pdfminer error
        raise _open_error(exc, name) from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _open_error(exc, name) from exc
        if not pages:
            raise IntakeError("PDF 文件没有页面，可能已损坏。请重新导出 PDF 或提供原始 Word 文件。", name)
        if len(pages) > MAX_PAGES:
            raise IntakeError(f"PDF 有 {len(pages)} 页，超过 {MAX_PAGES} 页上限。请只上传分工方案本身（正文和附件）。", name)
        items = []
        for number, page in enumerate(pages, start=1):
            items.extend(_read_page(page, number))
    return _assemble(items, name)


def _open_error(exc: Exception, name: str) -> IntakeError:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return IntakeError("PDF 已加密（设置了打开密码或使用了不支持的加密方式），无法读取。"
                           "请去除密码后重新导出 PDF，或直接上传原始 Word 文件。", name)
    return IntakeError("PDF 文件已损坏，无法读取。请重新导出 PDF，或直接上传原始 Word 文件。", name)


@dataclass
class _Grid:
    """A ruled table on one page, as pdfplumber found it."""

    bbox: tuple
    rows: list[tuple[tuple, tuple]]  # (row bbox, cell bbox or None per column)
    columns: list[tuple]


def _find_grids(page) -> list[_Grid]:
    finder = page.debug_tablefinder()
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


def _read_page(page, number: int) -> list:
    """The page's text lines and table parts, top to bottom."""
    page = page.dedupe_chars()
    chars = [c for c in page.chars if c.get("text")]
    grids = _find_grids(page)
    outside = [c for c in chars if not any(_contains(g.bbox, _center(c)) for g in grids)]
    items: list = []
    for line in _build_lines(outside):
        if _is_page_furniture(line, page):
            continue
        line.page = number
        items.append((number, line.top, line))
    for grid in grids:
        rows, keys = _table_rows(grid, chars)
        if any(p for row in rows for cell in row for p in cell):
            items.append((number, grid.bbox[1], _TablePart(number, grid.bbox[1], rows, keys)))
    items.sort(key=lambda item: item[1])
    return [(number, obj) for number, _, obj in items]


def _center(char) -> tuple[float, float]:
    return (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2


def _contains(box, point) -> bool:
    x, y = point
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _is_page_furniture(line: _Line, page) -> bool:
    if _PAGE_NUMBER.match(line.text):
        return True
    in_margin = line.top > page.height * 0.9 or line.bottom < page.height * 0.08
    return in_margin and line.text.isdigit()


def _table_rows(table: _Grid, chars: list[dict]) -> tuple[list, list]:
    """Cell paragraphs for every grid position, a merged cell's text repeated
    into each position it covers; and the cell drawn at each position."""
    inside = [c for c in chars if _contains(table.bbox, _center(c))]
    cells = {cell for _, row_cells in table.rows for cell in row_cells if cell}
    texts = {}
    lines_by_cell = {}
    for cell in cells:
        lines_by_cell[cell] = _build_lines([c for c in inside if _contains(cell, _center(c))])
    # The cell padding: the smallest distance any text keeps from its cell's edges.
    # Word and LibreOffice use the same margin on both sides of a cell.
    pad = max(0.0, min([line.x0 - cell[0] for cell, ls in lines_by_cell.items() for line in ls] or [0]))
    for cell, lines in lines_by_cell.items():
        left, right = cell[0] + pad, cell[2] - pad
        texts[cell] = [_join(p) for p in _paragraphs(lines, left, right)]
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
    return grid, keys


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


def _looks_like_header(row: list[list[str]]) -> bool:
    """A first row of short labels (序号, 工作任务, 完成时限) rather than data."""
    texts = [join_lines(c) for c in row]
    filled = [t for t in texts if t]
    return len(row) >= 2 and len(filled) >= 2 and all(len(t) <= 20 and not t.isdigit() for t in filled)


def _assemble(items: list, name: str) -> Document:
    text_lines = [obj for _, obj in items if isinstance(obj, _Line)]
    if not text_lines and not any(isinstance(obj, _TablePart) for _, obj in items):
        raise IntakeError("PDF 没有文字层（可能是扫描件），无法读取文字。"
                          "请提供由 Word 导出的 PDF 或原始 Word 文件。", name)
    if sum("(cid:" in line.text for line in text_lines) > len(text_lines) / 2:
        raise IntakeError("PDF 的文字无法提取（字体没有文字编码），读出来是乱码。"
                          "请提供原始 Word 文件，或用 Word 重新导出 PDF。", name)
    body_size = _most_common([round(line.size) for line in text_lines]) if text_lines else 0
    left = min((l.x0 for l in text_lines if round(l.size) == body_size), default=0)
    right = max((l.x1 for l in text_lines), default=0)

    def title_joiner(prev: _Line, line: _Line) -> bool:
        # A title set in large type over several centred lines is one paragraph.
        return (round(prev.size) == round(line.size) > body_size and _is_centered(prev, left, right)
                and _is_centered(line, left, right) and line.top - prev.bottom < prev.size)

    blocks: list[Paragraph | Table] = []
    pending: list[tuple[int, _Line]] = []
    last_table: Table | None = None
    last_page_of_table = 0
    table_count = 0

    def flush():
        pages_of = {}
        lines = [line for _, line in pending]
        for page, line in pending:
            pages_of[id(line)] = page
        for paragraph in _paragraphs(lines, left, right, title_joiner):
            page = pages_of[id(paragraph[0])]
            joined = _join(paragraph, title_joiner)
            blocks.append(Paragraph(text=joined, location=f"第{page}页"))
        pending.clear()

    previous_kind = None
    previous_page = 0
    for page, obj in items:
        first_on_page = page != previous_page
        if isinstance(obj, _Line):
            pending.append((page, obj))
            last_table = None
        else:
            rows = obj.rows
            continuing = (last_table is not None and previous_kind == "table" and first_on_page
                          and page == last_page_of_table + 1 and len(rows[0]) == _width(last_table))
            if continuing:
                table = last_table
                number = int(table.location[1:])
                start = 1
                if table.header and [join_lines(c) for c in rows[0]] == table.header:
                    start = 2
                if table.rows:
                    _continue_merges(obj, start - 1, table.rows[-1])
                rows = obj.rows[start - 1:]
            else:
                flush()
                table_count += 1
                number = table_count
                header = [join_lines(c) for c in rows[0]] if _looks_like_header(rows[0]) else []
                table = Table(header=header, location=f"表{number}")
                blocks.append(table)
                start = 2 if header else 1
                rows = rows[1:] if header else rows
            for offset, cells in enumerate(rows):
                table.rows.append(Row(
                    cells=[Cell(list(c)) for c in cells],
                    location=f"第{page}页 表{number} 第{start + offset}行",
                    after_page_break=continuing and offset == 0,
                ))
            last_table, last_page_of_table = table, page
        previous_kind = "line" if isinstance(obj, _Line) else "table"
        previous_page = page
    flush()
    return Document(name=name, kind="pdf", blocks=blocks)


def _width(table: Table) -> int:
    return len(table.rows[-1].cells) if table.rows else len(table.header)


def _most_common(values: list[int]) -> int:
    return max(set(values), key=values.count)
