"""The 通知 that issues (or adjusts) a plan, as a GB/T 9704 .docx with the 任务分工表 as 附件.

Laid out with oversight.officialdoc (A4, 版心 156 × 225 mm, 仿宋 三号, 小标宋 title, "— 1 —" page
numbers): 版头 (the issuer in red) and 发文字号, the red rule, 标题, 主送机关, 正文 (an adjustment
lists what changed), 附件说明, 署名 and 成文日期; then the 附件 on a page of its own — "附件" in
黑体 at the top left, its title, the 任务分工表 whose header row repeats on every page. When the
table's columns need more than the portrait 版心's 156 mm, the 附件 is a landscape section (版心
225 × 156 mm), as a wide table is printed.
"""

from __future__ import annotations

import copy
import datetime
import unicodedata
from dataclasses import dataclass, field

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from issuance.division_table import DivisionTable
from oversight import officialdoc

ADDRESSEE = "各责任单位："
# A landscape page: the portrait 版心 turned, the footer's page number kept clear of the text.
LANDSCAPE_MARGINS_MM = {"top": 28, "bottom": 30, "left": 37, "right": 35}
LANDSCAPE_TEXT_WIDTH_MM = 297 - LANDSCAPE_MARGINS_MM["left"] - LANDSCAPE_MARGINS_MM["right"]  # 225
LANDSCAPE_FOOTER_MM = 16
MASTHEAD_MAX_PT, MASTHEAD_MIN_PT = 36, 22


@dataclass
class Notice:
    title: str
    doc_number: str
    issuer: str
    issued_on: datetime.date
    paragraphs: list[str]
    annex_title: str
    table: DivisionTable
    changes: list[str] = field(default_factory=list)  # an adjustment's list, one sentence a change
    reason: str = ""  # an adjustment's 调整原因


def is_landscape(table: DivisionTable) -> bool:
    return table.preferred_width_mm > officialdoc.TEXT_WIDTH_MM


def render_notice(notice: Notice) -> bytes:
    doc = officialdoc.new_document()
    masthead = notice.issuer + "文件"
    officialdoc.add_masthead(doc, masthead, size=Pt(_masthead_size(masthead)))
    if notice.doc_number:
        officialdoc.add_issue_line(doc, notice.doc_number)
    officialdoc.add_red_rule(doc)
    officialdoc.add_title(doc, title_lines(notice.title))
    addressee = officialdoc.add_paragraph(doc, ADDRESSEE)
    _flush_left(addressee)  # 主送机关 顶格
    for text in notice.paragraphs:
        officialdoc.add_paragraph(doc, text)
    if notice.changes:
        officialdoc.add_heading(doc, "一、调整原因", 1)
        officialdoc.add_paragraph(doc, notice.reason)
        officialdoc.add_heading(doc, "二、调整内容", 1)
        for number, text in enumerate(notice.changes, start=1):
            officialdoc.add_paragraph(doc, f"{number}. {text}")
    last_body = len(doc.paragraphs) - 1
    officialdoc.add_paragraph(doc, "")  # 附件说明: 正文下空一行
    _annex_note(officialdoc.add_paragraph(doc, f"附件：{notice.annex_title}"))
    officialdoc.add_signature(doc, notice.issuer, notice.issued_on)
    # The signature never stands on a page alone: the last lines of the text go over with it.
    for paragraph in doc.paragraphs[last_body:-1]:
        paragraph.paragraph_format.keep_with_next = True
    _annex(doc, notice)
    return officialdoc.to_bytes(doc)


TITLE_CHARS = 20  # 2号 characters on a line of the 版心
# Where a title may break, best first: after 》 or before 的通知 / before 《 / after a place or year.
BREAK_AFTER = {"》": 0, "年": 2, "省": 2, "市": 2, "区": 2, "县": 2, "镇": 2}
BREAK_BEFORE = {"《": 1}


def _width(text: str) -> float:
    """Width in characters: Chinese and full-width one, digits and Latin half."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def title_lines(title: str) -> str:
    """A title wider than a line broken once, between words (after 》, before 《, after 2026年 or
    鼓楼区), both lines fitting and as even as can be (GB/T 9704: 回行时词意完整，长短适宜). A title
    no break fits is left to wrap."""
    if _width(title) <= TITLE_CHARS:
        return title
    best = None
    for at in range(1, len(title)):
        first, second = title[:at], title[at:]
        if _width(first) > TITLE_CHARS or _width(second) > TITLE_CHARS:
            continue
        rank = min(BREAK_AFTER.get(first[-1], 9), BREAK_BEFORE.get(second[0], 9))
        if rank == 9:
            continue
        score = (abs(_width(first) - _width(second)), rank)
        if best is None or score < best[0]:
            best = (score, at)
    return title if best is None else f"{title[:best[1]]}\n{title[best[1]:]}"


def _flush_left(paragraph) -> None:
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")


def _annex_note(paragraph) -> None:
    """附件说明: 左空二字; a name running onto a second line aligns with its first character."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = officialdoc.SIZE_3 * 5  # 2 characters + “附件：”
    fmt.first_line_indent = -officialdoc.SIZE_3 * 3
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.attrib.pop(qn("w:firstLineChars"), None)
    ind.set(qn("w:hangingChars"), "300")  # Word prefers the style's firstLineChars over twips otherwise
    ind.set(qn("w:leftChars"), "500")


def _masthead_size(text: str) -> float:
    # 发文机关标志 on one line within the 版心 (156 mm ≈ 442 pt), as large as the standard's 36 pt allows.
    return max(MASTHEAD_MIN_PT, min(MASTHEAD_MAX_PT, int(Mm(officialdoc.TEXT_WIDTH_MM).pt / max(len(text), 1))))


def _annex(doc, notice: Notice) -> None:
    landscape = is_landscape(notice.table)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _same_footers_on_later_sections(doc)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(LANDSCAPE_MARGINS_MM["top"]), Mm(LANDSCAPE_MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(LANDSCAPE_MARGINS_MM["left"]), Mm(LANDSCAPE_MARGINS_MM["right"])
        section.footer_distance = Mm(LANDSCAPE_FOOTER_MM)
    width = LANDSCAPE_TEXT_WIDTH_MM if landscape else officialdoc.TEXT_WIDTH_MM
    label = officialdoc.add_heading(doc, "附件", 1)  # 黑体, 顶格
    _flush_left(label)
    officialdoc.add_title(doc, notice.annex_title)
    table = notice.table
    officialdoc.add_table(doc, table.header, table.rows or [[""] * len(table.header)], widths_mm=table.fitted(width),
                          size=Pt(10.5))


def _same_footers_on_later_sections(doc) -> None:
    """python-docx leaves the page-number footers with the first section and none on the new one;
    the later sections point at the same footers, so every page is numbered in any program."""
    kinds = (qn("w:headerReference"), qn("w:footerReference"))
    sections = list(doc.sections)
    references = [el for el in sections[0]._sectPr if el.tag in kinds]
    for section in sections[1:]:
        sect_pr = section._sectPr
        if any(el.tag in kinds for el in sect_pr):
            continue
        for position, reference in enumerate(references):
            sect_pr.insert(position, copy.deepcopy(reference))
