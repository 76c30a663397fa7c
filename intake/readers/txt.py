"""Plain text as extracted from Word or PDF: tab-separated tables, one row a line.

A page break inside a table shows as a blank line and the header line again;
the row after it may be the rest of the row above. We drop the repeated
header and mark that row, leaving the decision to the interpreter.
"""

import re

from intake.document import Cell, Document, Paragraph, Row, Table

_ARTIFACTS = re.compile(r"\[bookmark: [^\]]*\]|\*\*")
_P_SPLIT = re.compile(r"</p>\s*<p>")
_P_TAGS = re.compile(r"</?p>")


def _cell(raw: str) -> Cell:
    # "<p>a</p> <p>b</p>" is how extraction kept several paragraphs of one cell.
    parts = _P_SPLIT.split(raw) if "<p>" in raw else [raw]
    return Cell([p for p in (_P_TAGS.sub("", part).strip() for part in parts) if p])


def _same_header(cells: list[str], header: list[str]) -> bool:
    squash = lambda items: [re.sub(r"\s+", "", c) for c in items if c.strip()]  # noqa: E731
    return squash(cells) == squash(header)


def read_txt(text: str, name: str) -> Document:
    document = Document(name=name, kind="txt")
    table: Table | None = None
    after_break = False
    for number, raw in enumerate(_ARTIFACTS.sub("", text).splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if "\t" in raw.strip(" \r\n") and "\t" not in line and table is not None:
            # Only the first cell filled, the rest tabs: a heading or note across the table's row.
            line = raw.strip(" \r\n")
        if "\t" not in line:
            table = None
            document.blocks.append(Paragraph(text=line.strip(), location=f"第{number}行"))
            continue
        cells = line.split("\t")
        if table is not None and _same_header(cells, table.header):
            after_break = True
            continue
        if table is None:
            table = Table(header=[c.strip() for c in cells], location=f"第{number}行起的表格")
            document.blocks.append(table)
            after_break = False
            continue
        table.rows.append(Row([_cell(c) for c in cells], location=f"第{number}行", after_page_break=after_break))
        after_break = False
    return document
