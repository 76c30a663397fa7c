"""Word (.docx) reader: the body in order, heading levels, Word's automatic
numbers, and tables resolved to one cell per grid column.

python-docx opens the package; the body is walked as XML because its API
neither yields paragraphs and tables interleaved nor computes list numbers.
"""

from __future__ import annotations

import io
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.package import Package
from lxml import etree

from ..document import Cell, Document, Paragraph, Row, Table
from ..errors import IntakeError
from .docx_numbering import Numbering
from .textjoin import join_lines
from .wordxml import _WRAPPERS, W, _children, _int, _on, _val

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Word allows 63 columns; a file claiming more is damaged or hostile, and
# repeating merged text into a million grid positions would exhaust memory.
MAX_COLUMNS = 200
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_docx(data: bytes, name: str) -> Document:
    try:
        return _read_docx(data, name)
    except IntakeError:
        raise
    except Exception as exc:  # a damaged zip or XML part
        raise IntakeError("Word 文件已损坏，无法读取。请用 Word 或 WPS 打开后另存为 .docx 再上传。", name) from exc


def _read_docx(data: bytes, name: str) -> Document:
    try:
        main = Package.open(io.BytesIO(data)).main_document_part
    except KeyError as exc:
        raise IntakeError("这个压缩包里没有 Word 正文（word/document.xml），不是有效的 Word 文件。"
                          "请用 Word 打开后另存为 .docx 再上传。", name) from exc
    root = _element(main)
    body = root.find(W + "body")
    if body is None:
        raise IntakeError("Word 文件没有正文，可能已损坏。请用 Word 打开后另存为 .docx 再上传。", name)
    styles = _Styles(_related_element(main, RT.STYLES))
    numbering = Numbering(_related_element(main, RT.NUMBERING), styles.num_pr)
    reader = _BodyReader(styles, numbering, name)
    reader.read_blocks(body)
    return Document(name=name, kind="docx", blocks=reader.blocks)


def _element(part):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, _XML_PARSER)


def _related_element(part, reltype):
    try:
        return _element(part.part_related_by(reltype))
    except KeyError:
        return None


class _Styles:
    """Paragraph styles: heading level and list numbering, following basedOn."""

    def __init__(self, root):
        self._by_id: dict[str, etree._Element] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for style in root.iter(W + "style"):
            if style.get(W + "type") != "paragraph":
                continue
            sid = style.get(W + "styleId")
            self._by_id[sid] = style
            if style.get(W + "default") in ("1", "true"):
                self.default_id = sid

    def _chain(self, style_id):
        seen = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            style_id = _val(style.find(W + "basedOn"))

    def level(self, style_id) -> int | None:
        for style in self._chain(style_id or self.default_id):
            match = _HEADING_NAME.match(_val(style.find(W + "name"), "").strip())
            if match:
                return int(match.group(1))
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return _outline_level(outline)
        return None

    def num_pr(self, style_id) -> tuple[str | None, int | None]:
        """numId and ilvl a style gives its paragraphs (the nearest that says)."""
        num_id = ilvl = None
        for style in self._chain(style_id or self.default_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = _val(num_pr.find(W + "numId"))
            if ilvl is None and num_pr.find(W + "ilvl") is not None:
                ilvl = _int(_val(num_pr.find(W + "ilvl")), 0)
        return num_id, ilvl


def _outline_level(el) -> int | None:
    value = _int(_val(el), 9)
    return value + 1 if 0 <= value < 9 else None  # 9 means body text


class _BodyReader:
    def __init__(self, styles: _Styles, numbering: Numbering, name: str):
        self.name = name
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Paragraph | Table] = []
        self.paragraph_count = 0
        self.table_count = 0

    # -- blocks ----------------------------------------------------------

    def read_blocks(self, container) -> None:
        for child in container:
            if child.tag == W + "p":
                self.read_paragraph(child)
            elif child.tag == W + "tbl":
                self.read_table(child)
            elif child.tag in _WRAPPERS:
                self.read_blocks(child)

    def read_paragraph(self, p) -> None:
        text, number = self.paragraph_text(p)
        if text.strip():
            self.paragraph_count += 1
            self.blocks.append(Paragraph(
                text=text.strip(), level=self.paragraph_level(p), number=number,
                location=f"第{self.paragraph_count}段",
            ))
        # Text boxes anchored in the paragraph follow it. mc:Fallback holds a
        # legacy copy of the same box, so it is skipped.
        for box in p.iter(W + "txbxContent"):
            if not _inside(box, f"{{{MC_NS}}}Fallback", p) and not _inside(box, W + "txbxContent", p):
                self.read_blocks(box)

    def paragraph_level(self, p) -> int | None:
        ppr = p.find(W + "pPr")
        if ppr is not None and ppr.find(W + "outlineLvl") is not None:
            return _outline_level(ppr.find(W + "outlineLvl"))
        return self.styles.level(self.style_id(p))

    def style_id(self, p):
        return _val(p.find(f"{W}pPr/{W}pStyle"))

    def paragraph_text(self, p) -> tuple[str, str | None]:
        """The paragraph's visible text and the number Word draws before it."""
        text = "".join(_run_text(r) for r in _runs(p))
        return text, self.paragraph_number(p) if text.strip() else None

    def paragraph_number(self, p) -> str | None:
        style_num, style_ilvl = self.styles.num_pr(self.style_id(p))
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = style_num, style_ilvl
        if num_pr is not None:
            if num_pr.find(W + "numId") is not None:
                num_id = _val(num_pr.find(W + "numId"))
            if num_pr.find(W + "ilvl") is not None:
                ilvl = _int(_val(num_pr.find(W + "ilvl")), 0)
        if not num_id or num_id == "0":
            return None
        return self.numbering.next_label(num_id, ilvl or 0)

    # -- tables ----------------------------------------------------------

    def read_table(self, tbl) -> None:
        self.table_count += 1
        number = self.table_count
        nested: list = []
        grid_width = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        rows: list[list[list[str]]] = []  # row -> grid column -> paragraphs
        header_rows = 0
        in_header = True
        for tr in _children(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            cells = self.read_row(tr, rows[-1] if rows else None, nested)
            rows.append(cells)
            if in_header and trpr is not None and _on(trpr.find(W + "tblHeader")):
                header_rows += 1
            else:
                in_header = False
        width = max([grid_width] + [len(r) for r in rows])
        if width > MAX_COLUMNS:
            raise IntakeError(f"Word 文件中表{number}有 {width} 列，超过 {MAX_COLUMNS} 列上限，文件可能已损坏。"
                              "请用 Word 打开后另存为 .docx 再上传。", f"{self.name} 表{number}")
        for r in rows:
            r.extend([] for _ in range(width - len(r)))
        header = _header_texts(rows[:header_rows], width)
        table = Table(header=header, location=f"表{number}")
        for index, cells in enumerate(rows[header_rows:], start=header_rows + 1):
            if header and [join_lines(c) for c in cells] == header:
                continue  # a header row typed again by hand
            table.rows.append(Row(cells=[Cell(list(c)) for c in cells], location=f"表{number} 第{index}行"))
        self.blocks.append(table)
        # Tables nested in a cell come out after the table that holds them.
        for inner in nested:
            self.read_table(inner)

    def read_row(self, tr, above, nested) -> list[list[str]]:
        trpr = tr.find(W + "trPr")
        before = min(max(0, _int(_val(_find(trpr, "gridBefore")), 0)), MAX_COLUMNS + 1)
        cells: list[list[str]] = [[] for _ in range(before)]
        for tc in _children(tr, W + "tc"):
            if len(cells) > MAX_COLUMNS:
                break  # read_table refuses the table
            tcpr = tc.find(W + "tcPr")
            span = min(max(1, _int(_val(_find(tcpr, "gridSpan")), 1)), MAX_COLUMNS + 1)
            vmerge = _find(tcpr, "vMerge")
            hmerge = _find(tcpr, "hMerge")
            col = len(cells)
            if vmerge is not None and _val(vmerge, "continue") == "continue":
                # Continuation of a cell merged downwards: repeat the text above.
                paragraphs = list(above[col]) if above is not None and col < len(above) else []
            elif hmerge is not None and _val(hmerge, "continue") == "continue" and cells:
                paragraphs = list(cells[-1])
            else:
                paragraphs = self.cell_paragraphs(tc, nested)
            cells.extend(list(paragraphs) for _ in range(span))
        return cells

    def cell_paragraphs(self, tc, nested) -> list[str]:
        out: list[str] = []
        for child in _block_children(tc):
            if child.tag == W + "tbl":
                nested.append(child)
                continue
            text, number = self.paragraph_text(child)
            full = f"{number}{text}" if number else text
            # A manual line break inside a cell separates items as a new paragraph would.
            out.extend(line.strip() for line in full.split("\n") if line.strip())
        return out


def _find(parent, tag):
    return None if parent is None else parent.find(W + tag)


def _block_children(container):
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _block_children(child)


def _header_texts(rows: list[list[list[str]]], width: int) -> list[str]:
    """One text per grid column; several header rows are joined with "/"."""
    if not rows:
        return []
    header = []
    for col in range(width):
        parts: list[str] = []
        for row in rows:
            text = join_lines(row[col])
            if text and text not in parts:
                parts.append(text)
        header.append("/".join(parts))
    return header


def _inside(el, tag, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _runs(p):
    for child in p:
        if child.tag == W + "r":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _runs(child)


def _run_text(r) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag == W + "br":
            if child.get(W + "type") not in ("page", "column"):
                out.append("\n")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)
