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
from .textjoin import join_lines

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"

# Elements that only wrap content (content controls, custom XML, tracked
# insertions, links): their children count as if they stood in the parent.
# Tracked deletions (w:del) are not among them: Word no longer shows them.
_WRAPPERS = {W + t for t in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo",
                             "hyperlink", "fldSimple", "bdo", "dir")}
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


def _val(el, default=None):
    if el is None:
        return default
    return el.get(W + "val", default)


def _on(el) -> bool:
    """A w:ST_OnOff toggle such as <w:tblHeader/>: present and not switched off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


def _children(el, tag: str):
    """Children named `tag`, looking through wrapper elements."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


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


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


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


# -- automatic numbering ------------------------------------------------------


class Numbering:
    """The labels Word draws for list paragraphs ("1.", "（一）", "①").

    Counters belong to the abstract list, as in Word: two w:num that share an
    abstractNum continue one sequence unless a w:num restarts a level with
    startOverride, which takes effect at its first paragraph.
    """

    def __init__(self, root, style_num_pr):
        self._abstract: dict[str, dict[int, dict]] = {}
        self._nums: dict[str, tuple[str, dict[int, dict]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._style_num_pr = style_num_pr
        self._links: dict[str, str] = {}  # numStyleLink -> the style's abstract
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            self._abstract[aid] = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            link = _val(abstract.find(W + "numStyleLink"))
            if link:
                self._links[aid] = link
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                lvl = override.find(W + "lvl")
                start = override.find(W + "startOverride")
                overrides[ilvl] = {
                    "level": _level(lvl) if lvl is not None else None,
                    "start": _int(_val(start), 1) if start is not None else None,
                }
            self._nums[num.get(W + "numId")] = (_val(num.find(W + "abstractNumId")), overrides)

    def _abstract_id(self, num_id: str, depth: int = 0) -> str | None:
        if num_id not in self._nums or depth > 3:
            return None
        aid = self._nums[num_id][0]
        link = self._links.get(aid)
        if link:  # the list is defined by a numbering style: follow it
            linked_num, _ = self._style_num_pr(link)
            if linked_num and linked_num != num_id:
                return self._abstract_id(linked_num, depth + 1) or aid
        return aid

    def _level_def(self, num_id: str, aid: str, ilvl: int) -> dict | None:
        override = self._nums[num_id][1].get(ilvl, {})
        base = self._abstract.get(aid, {}).get(ilvl)
        level = override.get("level") or base
        if level is None:
            return None
        if override.get("start") is not None:
            level = dict(level, start=override["start"])
        return level

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        aid = self._abstract_id(num_id)
        if aid is None or not 0 <= ilvl < 9:
            return None
        counters = self._counters.setdefault(aid, [None] * 9)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, override in self._nums[num_id][1].items():
                if override.get("start") is not None and 0 <= lvl < 9:
                    counters[lvl] = None
        level = self._level_def(num_id, aid, ilvl)
        if level is None:
            return None
        counters[ilvl] = level["start"] if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level["fmt"] in ("bullet", "none") or not level["text"]:
            return None

        def render(match):
            ref = int(match.group(1)) - 1
            ref_level = self._level_def(num_id, aid, ref) or {"start": 1, "fmt": "decimal"}
            value = counters[ref] if counters[ref] is not None else ref_level["start"]
            fmt = "decimal" if level["legal"] and ref < ilvl else ref_level["fmt"]
            return format_number(value, fmt)

        label = re.sub(r"%([1-9])", render, level["text"])
        return label or None


def _level(lvl) -> dict:
    return {
        "start": _int(_val(lvl.find(W + "start")), 1),
        "fmt": _val(lvl.find(W + "numFmt"), "decimal"),
        "text": _val(lvl.find(W + "lvlText"), ""),
        "legal": _on(lvl.find(W + "isLgl")),
    }


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """A counter value as Word draws it for one w:numFmt."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ①..⑳
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴..⒇
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈..⒛
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_number(n, _CN_DIGITS, "十百千")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_number(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _STEMS[n - 1]  # 甲乙丙: Word's "ideographTraditional" is the heavenly stems
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _BRANCHES[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 780:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word repeats: Y, Z, AA, BB
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def chinese_number(n: int, digits: str, units: str) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百〇五 (Word's Chinese counting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (power == 10 and digit == 1 and not parts):  # 十一, not 一十一
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out
