"""Tables a web page or text extraction flattened to one cell per line, put back together.

Recognised by a run of short header lines naming table columns (序号, 工作任务, 牵头单位,
配合单位, 完成时限…) followed by rows that each start with the next number: 1, 2, 3…
A row with more lines than the header has columns (several units each on a line of
its own) has its consecutive unit lines joined into one cell.
"""

import re

from intake.document import Cell, Document, Paragraph, Row, Table
from intake.interpret.tables import UNIT_ROLES, header_roles, is_task_table
from intake.interpret.text import tidy
from intake.interpret.units import looks_like_unit, split_units

_NUMBER = re.compile(r"^\d{1,3}$")


def _is_units(text: str) -> bool:
    units = split_units(text)
    return bool(units) and all(looks_like_unit(u) for u in units) and not re.search(r"[。：:]", text)


def _header_at(paragraphs: list[Paragraph], start: int) -> list[str] | None:
    header = []
    for paragraph in paragraphs[start:start + 12]:
        text = tidy(paragraph.text)
        if len(text) > 12 or _NUMBER.match(text) or re.search(r"[，。；：,;:]", text):
            break
        header.append(text)
    # The header must open with the number column and name a task column besides it.
    while len(header) >= 3:
        roles = header_roles(header)
        if roles[0] == "ref" and None not in roles and is_task_table(Table(header=header)):
            return header
        header.pop()
    return None


def _lower_row_in_place(header: list[str]) -> list[str]:
    """A two-row header flattened in HTML order — "…、责任单位、完成时限、牵头单位、配合单位":
    the upper row, then the lower row's names under "责任单位" at the end. They take the
    upper name's place, which is where their cells stand in each row."""
    roles = header_roles(header)
    tail = len(header)
    while tail > 0 and roles[tail - 1] in UNIT_ROLES:
        tail -= 1
    lower = header[tail:]
    # The upper name: the last unit column before the others, with columns of its own after it.
    upper = next((i for i in range(tail - 2, -1, -1) if roles[i] in UNIT_ROLES), None)
    if len(lower) < 2 or upper is None:
        return header
    return header[:upper] + lower + header[upper + 1:tail]


def _row_cells(lines: list[str], width: int) -> list[Cell]:
    lines = list(lines)
    # Too many lines: units listed one a line. Join them from the right, where the
    # longer lists (配合单位) stand; the first unit column is usually one unit.
    while len(lines) > width:
        pairs = [j for j in range(1, len(lines) - 1) if _is_units(lines[j]) and _is_units(lines[j + 1])]
        if not pairs:
            break
        j = pairs[-1]
        lines[j:j + 2] = [lines[j] + "、" + lines[j + 1]]
    return [Cell.of(line) for line in lines]


def unflatten(document: Document) -> Document:
    """The document with each recognisable flattened table rebuilt as a Table."""
    blocks = document.blocks
    result: list = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        run_end = index
        while run_end < len(blocks) and isinstance(blocks[run_end], Paragraph):
            run_end += 1
        if run_end == index:
            result.append(block)
            index += 1
            continue
        paragraphs = blocks[index:run_end]
        result += _rebuild(paragraphs)
        index = run_end
    document.blocks = result
    return document


def _rebuild(paragraphs: list[Paragraph]) -> list:
    out: list = []
    position = 0
    while position < len(paragraphs):
        header = _header_at(paragraphs, position)
        if not header:
            out.append(paragraphs[position])
            position += 1
            continue
        printed = len(header)
        header = _lower_row_in_place(header)
        table = Table(header=header, location=f"{paragraphs[position].location}起的表格")
        cursor = position + printed
        expected = 1
        while cursor < len(paragraphs) and tidy(paragraphs[cursor].text) == str(expected):
            end = cursor + 1
            while end < len(paragraphs) and tidy(paragraphs[end].text) != str(expected + 1) and end - cursor <= len(header) * 3:
                end += 1
            lines = [tidy(p.text) for p in paragraphs[cursor:end]]
            if end >= len(paragraphs) or tidy(paragraphs[end].text) != str(expected + 1):
                lines = lines[:len(header)]  # the last row: what follows is no longer the table
                end = cursor + len(lines)
            cells = _row_cells(lines, len(header))
            table.rows.append(Row(cells, location=paragraphs[cursor].location, in_place=len(cells) == len(header)))
            cursor, expected = end, expected + 1
        if len(table.rows) < 2:
            out.append(paragraphs[position])
            position += 1
            continue
        out.append(table)
        position = cursor
    return out
