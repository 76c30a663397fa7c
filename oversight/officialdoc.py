"""Chinese official documents (公文) as .docx, laid out per GB/T 9704-2012 《党政机关公文格式》.

Plain functions over python-docx, no database: the monthly bulletin and other exports build a
document with these and hand the bytes to a response.

The layout the standard fixes, and how it is met here:
- A4; 版心 156 × 225 mm, 天头 37 mm, 订口 28 mm (so margins 37/35/28/26 mm).
- 正文 3号仿宋, 22 lines of 28 characters: exact line spacing of 225 mm / 22 ≈ 28.95 pt, and
  characters condensed by 0.3 pt so that 28 of 16 pt fit in 156 mm.
- 标题 2号小标宋, 一级标题 3号黑体 "一、", 二级标题 3号楷体 "（一）", headings indented like body.
- 页码 4号半角宋体 "— 1 —", 一字线 7 mm below 版心; odd pages right, even pages left, each one
  character in from the edge of the 版心.

Fonts are the names government machines use (仿宋_GB2312 …). Windows 10 and later ship 仿宋 and
楷体 but not the _GB2312 versions, so the font table names those as the alternates Word falls back to.
Styles carry the formatting (正文 is Normal), so an office can still edit the document in Word.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
# Font table alternates: what Word uses where the named font is not installed.
FONT_FALLBACKS = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "宋体"}

# 字号 in points.
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_SMALL_4 = Pt(12)  # 小四

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 37, 35, 28, 26
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 225
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
# 紧缩 0.3 磅: 28 characters of 15.7 pt fill 439.6 of the 442.2 pt line; at 16 pt only 27 fit.
CHAR_SPACING = Pt(-0.3)
# The footer's bottom edge, chosen so that the 一字线 of a 4号 page number, drawn at the middle of
# its line, sits 7 mm below the 版心 (checked against LibreOffice's PDF in the tests).
FOOTER_DISTANCE_MM = 24.3
RED = RGBColor(0xFF, 0x00, 0x00)

# Style names as Word shows them (ids stay ASCII: GongwenTitle, GongwenHeading1, …).
TITLE_STYLE, TABLE_STYLE = "公文标题", "公文表格"
HEADING_STYLES = ("一级标题", "二级标题")

TWIPS_PER_PT = 20


def new_document() -> Document:
    """An empty A4 公文: page, margins, styles, document grid and odd/even page numbers."""
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    _set_document_grid(section)

    _set_defaults(doc)
    _define_styles(doc)
    _add_font_fallbacks(doc)

    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    return doc


def add_masthead(doc, text: str, size: Pt = Pt(36)):
    """版头: the bulletin's name (e.g. 东西部协作工作通报) in large red 小标宋, centred."""
    paragraph = doc.add_paragraph(style="Normal")
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Pt(0)
    _clear_char_indent(paragraph)
    fmt.line_spacing = Pt(size.pt * 1.3)
    run = paragraph.add_run(text)
    _set_fonts(run._r, XIAOBIAOSONG)
    run.font.size = size
    run.font.color.rgb = RED
    return paragraph


def add_title(doc, text: str):
    """标题: 2号小标宋, centred; a "\\n" in the text breaks the line where the office wants it."""
    paragraph = doc.add_paragraph(style=TITLE_STYLE)
    for number, line in enumerate(text.split("\n")):
        if number:
            paragraph.add_run().add_break()
        paragraph.add_run(line)
    return paragraph


def add_issue_line(doc, text: str, right: str | None = None):
    """期号 ("第11期") centred in 3号仿宋; with `right`, `text` goes left and `right` right on one
    line (编发单位 … 日期, as bulletins print them)."""
    paragraph = doc.add_paragraph(style="Normal")
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    _clear_char_indent(paragraph)
    if right is None:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text)
    else:
        # One character in from each edge of the 版心, as the standard places them.
        fmt.left_indent = fmt.right_indent = SIZE_3
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # Tab positions count from the margin, not the indent.
        fmt.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM) - SIZE_3, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(text)
        paragraph.add_run("\t" + right)
    return paragraph


def add_red_rule(doc):
    """版头分隔线: a red line the width of the 版心 (a paragraph's bottom border)."""
    paragraph = doc.add_paragraph(style="Normal")
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    _clear_char_indent(paragraph)
    fmt.line_spacing = Pt(8)
    fmt.space_after = LINE_PITCH  # the title starts a line below the rule
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "16"), ("space", "1"), ("color", "FF0000")):  # sz: eighths of a point
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    _sort_ppr(paragraph._p.pPr)
    return paragraph


def add_heading(doc, text: str, level: int = 1):
    """一级标题 (3号黑体, "一、…") or 二级标题 (3号楷体, "（一）…"), indented like the body."""
    if level not in (1, 2):
        raise ValueError(f"公文标题层级只有 1（黑体）和 2（楷体），不是 {level}")
    return doc.add_paragraph(text, style=HEADING_STYLES[level - 1])


def add_paragraph(doc, text: str):
    """正文: 3号仿宋, first line indented two characters, justified."""
    return doc.add_paragraph(text, style="Normal")


def add_table(
    doc,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float] | None = None,
    numeric_columns: Sequence[int] = (),
    size: Pt = SIZE_SMALL_4,
):
    """A ruled table: header row bold and repeated on every page, numeric columns right-aligned,
    cells centred vertically. Widths default to equal shares of the 版心 (156 mm)."""
    columns = len(header)
    if widths_mm is None:
        widths_mm = [TEXT_WIDTH_MM / columns] * columns
    if len(widths_mm) != columns:
        raise ValueError(f"表格有 {columns} 列，却给了 {len(widths_mm)} 个列宽")
    for row in rows:
        if len(row) != columns:
            raise ValueError(f"表格有 {columns} 列，这一行有 {len(row)} 个单元格：{list(row)}")
    numeric = set(numeric_columns)

    table = doc.add_table(rows=1 + len(rows), cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_table_borders(table)
    _set_fixed_layout(table, widths_mm)

    for number, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))  # a row stays on one page
        if number == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
        values = header if number == 0 else rows[number - 1]
        for column, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = Mm(widths_mm[column])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles[TABLE_STYLE]
            paragraph.paragraph_format.line_spacing = Pt(size.pt * 1.5)
            if number == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif column in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run("" if value is None else str(value))
            run.font.size = size
            run.bold = number == 0
    return table


def add_signature(doc, issuer: str, date: datetime.date | str):
    """发文机关署名 and 成文日期 for a document without a seal (GB/T 9704 7.3.5.3): one line below
    the text, the issuer two characters in from the right; the date on the next line starting two
    characters to the right of the issuer's first character — unless the date is the longer, when
    the date keeps the two-character margin and the issuer moves right."""
    date_text = format_date(date) if isinstance(date, datetime.date) else date
    issuer_width, date_width = _width_in_chars(issuer), _width_in_chars(date_text)
    if issuer_width <= date_width + 2:
        date_right, issuer_right = 2, 4 + date_width - issuer_width
    else:
        issuer_right, date_right = 2, issuer_width - date_width

    doc.add_paragraph(style="Normal")  # 空一行
    paragraphs = []
    for text, right_chars in ((issuer, issuer_right), (date_text, date_right)):
        paragraph = doc.add_paragraph(text, style="Normal")
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.first_line_indent = Pt(0)
        _clear_char_indent(paragraph)
        fmt.right_indent = Pt(SIZE_3.pt * right_chars)
        # No extra space between Chinese and digits here, or the widths counted above would be off.
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.append(_element("w:autoSpaceDE", val="0"))
        p_pr.append(_element("w:autoSpaceDN", val="0"))
        _sort_ppr(p_pr)
        paragraphs.append(paragraph)
    return paragraphs


def format_date(date: datetime.date) -> str:
    """成文日期 in Arabic numerals, year in full, no leading zeros: 2026年1月5日."""
    return f"{date.year}年{date.month}月{date.day}日"


def to_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- internals ----------------------------------------------------------------------------


def _set_fonts(r_pr_owner, name: str):
    """Set one font for every script slot, dropping theme fonts (which would win over ours)."""
    r_pr = r_pr_owner.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)


def _set_defaults(doc):
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = r_pr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FANGSONG)
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")  # Chinese line breaking (no 。at a line start)
    # Drop the template's 10 pt after and 1.15 spacing; Normal sets ours.
    p_pr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(p_pr):
        p_pr.remove(child)


def _style(doc, style_id: str, name: str, font: str, size: Pt, base: str | None = "Normal"):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    _set_fonts(style.element, font)
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    return style


def _define_styles(doc):
    body = _style(doc, "Normal", "Normal", FANGSONG, SIZE_3, base=None)
    fmt = body.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = SIZE_3 * 2
    fmt.widow_control = False  # 公文 fill every one of the 22 lines
    _condense(body.element, CHAR_SPACING)
    # Word measures the indent in characters when firstLineChars is present; the twips stay for others.
    body.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")

    title = _style(doc, "GongwenTitle", TITLE_STYLE, XIAOBIAOSONG, SIZE_2)
    fmt = title.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Pt(0)
    fmt.space_after = LINE_PITCH  # 标题下空一行
    fmt.keep_with_next = True
    _clear_char_indent(title)
    _outline_level(title, 0)

    for level, font in ((1, HEITI), (2, KAITI)):
        heading = _style(doc, f"GongwenHeading{level}", HEADING_STYLES[level - 1], font, SIZE_3)
        heading.paragraph_format.keep_with_next = True
        _outline_level(heading, level)

    table = _style(doc, "GongwenTable", TABLE_STYLE, FANGSONG, SIZE_SMALL_4)
    fmt = table.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing = Pt(18)
    _clear_char_indent(table)
    _no_grid_snap(table.element.get_or_add_pPr())

    footer = doc.styles["Footer"]
    _set_fonts(footer.element, SONGTI)
    footer.font.size = SIZE_4
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.paragraph_format.line_spacing = Pt(18)
    _clear_char_indent(footer)
    _no_grid_snap(footer.element.get_or_add_pPr())


def _condense(element, spacing):
    r_pr = element.get_or_add_rPr()
    r_pr.append(_element("w:spacing", val=str(_twips(spacing))))
    # rPr children are ordered: fonts … color, spacing, w, kern, position, sz …
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
             "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
             "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
             "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
             "specVanish", "oMath"]
    rank = {qn(f"w:{name}"): position for position, name in enumerate(order)}
    for child in sorted(r_pr, key=lambda child: rank.get(child.tag, len(order))):
        r_pr.append(child)


def _clear_char_indent(owner):
    """A zero first-line indent must also zero the inherited firstLineChars, which Word prefers."""
    element = owner._p if hasattr(owner, "_p") else owner.element
    ind = element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "0")


def _outline_level(style, level: int):
    # Shows the headings in Word's navigation pane; the body is level 9 (text) by default.
    p_pr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    p_pr.append(outline)
    _sort_ppr(p_pr)


def _no_grid_snap(p_pr):
    # Smaller type in tables and footers keeps its own line height instead of the 28.95 pt grid.
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    p_pr.append(snap)
    _sort_ppr(p_pr)


def _sort_ppr(p_pr):
    # pPr children have a fixed order in the schema; Word refuses documents that break it.
    order = [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
        "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
        "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    ]
    rank = {qn(f"w:{name}"): position for position, name in enumerate(order)}
    children = sorted(p_pr, key=lambda child: rank.get(child.tag, len(order)))
    for child in children:
        p_pr.append(child)


def _set_document_grid(section):
    # Line pitch only. A character grid (type="linesAndChars") is how Word templates fit 28
    # characters, but LibreOffice spreads such text far wider; the condensed spacing of the body
    # style (CHAR_SPACING) fits 28 characters in every program instead.
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.attrib.pop(qn("w:type"), None)
    grid.set(qn("w:linePitch"), str(_twips(LINE_PITCH)))


def _add_font_fallbacks(doc):
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    table = etree.fromstring(part.blob)
    for name, alternate in FONT_FALLBACKS.items():
        font = etree.SubElement(table, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternate)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "fixed")
    # python-docx keeps the font table as an opaque part; replacing its bytes is the only way in.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(paragraph, odd: bool):
    """"— 1 —": a PAGE field between 一字线, one character in from the outer edge."""
    paragraph.style = "Footer"
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = SIZE_4
    else:
        fmt.left_indent = SIZE_4
    paragraph.add_run("— ")
    begin = paragraph.add_run()._r
    begin.append(_element("w:fldChar", fldCharType="begin"))
    instruction = _element("w:instrText", text=" PAGE ")
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraph.add_run()._r.append(instruction)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run("1")  # shown until the field is updated
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))
    paragraph.add_run(" —")


def _element(tag: str, text: str | None = None, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    if text is not None:
        element.text = text
    return element


def _set_table_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
    table._tbl.tblPr.append(borders)


def _set_fixed_layout(table, widths_mm: Sequence[float]):
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(_element("w:tblW", w=str(_twips(Mm(sum(widths_mm)))), type="dxa"))
    tbl_pr.append(_element("w:tblLayout", type="fixed"))
    # tblPr children are ordered too: tblStyle, …, tblW, jc, …, tblBorders, …, tblLayout, …
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
             "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
    rank = {qn(f"w:{name}"): position for position, name in enumerate(order)}
    for child in sorted(tbl_pr, key=lambda child: rank.get(child.tag, len(order))):
        tbl_pr.append(child)
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(_twips(Mm(width))))


def _twips(length) -> int:
    return round(length.pt * TWIPS_PER_PT)


def _width_in_chars(text: str) -> float:
    """Width in 3号 characters: Chinese and full-width count one, Arabic digits and Latin half."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)
