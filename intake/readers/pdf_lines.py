"""Lines and paragraphs rebuilt from a PDF page's positioned characters.

A line belongs to the paragraph above when that line was full (the first
word of the next line could not have fitted on it) and the next line does
not start further right; tagged PDFs name their paragraphs instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

from .textjoin import CJK_CHAR, join_lines

# Leading characters that cannot begin a line in Chinese typesetting; they
# travel with the character before them when a line wraps.
_NO_LINE_START = "，。、；：？！）》」』”’%．,.;:?!)"
# Opening marks that cannot end a line: they travel with the character after them.
_NO_LINE_END = "“‘（《「『〈【〔([{"


@dataclass
class Line:
    chars: list[dict]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    page: int = 0

    def __post_init__(self):
        self.chars.sort(key=_X0)
        # The characters that show, kept for first_token_width.
        self.visible = visible = [c for c in self.chars if not c["text"].isspace()]
        first = visible[0]  # sorted: the leftmost
        x1, top, bottom, size = first["x1"], first["top"], first["bottom"], first["size"]
        for c in visible:  # one pass: a page has thousands of lines to measure
            if c["x1"] > x1:
                x1 = c["x1"]
            if c["top"] < top:
                top = c["top"]
            if c["bottom"] > bottom:
                bottom = c["bottom"]
            if c["size"] > size:
                size = c["size"]
        self.x0, self.x1, self.top, self.bottom, self.size = first["x0"], x1, top, bottom, size
        self.text = line_text(self.chars)

    def first_token_width(self) -> float:
        """Width of what could not be split from the line's start when it wrapped:
        one Chinese character or a Latin word, with any punctuation that may not
        begin a line and a number glued to that punctuation ("元，2024")."""
        visible = self.visible
        end = 1
        while end < len(visible):
            char, before = visible[end]["text"], visible[end - 1]["text"]
            if visible[end]["x0"] - visible[end - 1]["x1"] > 0.2 * self.size:
                break  # a space: the line could have broken here
            latin_run = not CJK_CHAR.match(char) and (not CJK_CHAR.match(before) or before in _NO_LINE_START)
            if char in _NO_LINE_START or latin_run or before in _NO_LINE_END:
                end += 1
                continue
            break
        return visible[end - 1]["x1"] - visible[0]["x0"]

    @property
    def trailing_space(self) -> bool:
        return self.chars[-1]["text"].isspace()

    @property
    def first_paragraph(self):
        """The tagged paragraph the line starts in (tagged PDFs only), else None."""
        if "paragraph" not in self.chars[0]:
            return None  # an untagged page: none of its characters has one
        return next((c.get("paragraph") for c in self.chars if c.get("paragraph") is not None), None)

    @property
    def last_paragraph(self):
        if "paragraph" not in self.chars[0]:
            return None
        return next((c.get("paragraph") for c in reversed(self.chars) if c.get("paragraph") is not None), None)


_X0 = itemgetter("x0")


def line_text(chars: list[dict]) -> str:
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
            if gap > 0.25 * char["size"] and not CJK_CHAR.match(out[-1]) and not CJK_CHAR.match(text[0]):
                pending_space = True
        if pending_space and out:
            out += " "
        out += text
        pending_space = False
        previous = char
    return out.strip()


def build_lines(chars: list[dict]) -> list[Line]:
    """Group characters into visual lines, top to bottom."""
    return lines_at_heights([((c["top"] + c["bottom"]) / 2, c) for c in chars if c.get("text")])


def lines_at_heights(middles: list[tuple[float, dict]]) -> list[Line]:
    """build_lines for characters (with text) given as (middle height, char)
    in page order, when the caller has worked the heights out already."""
    middles.sort(key=itemgetter(0))  # stable: page order within a height
    groups: list[list[dict]] = []
    middle = size = 0.0
    for char_middle, char in middles:
        if groups and abs(char_middle - middle) <= 0.4 * max(size, char["size"]):
            groups[-1].append(char)
            continue
        groups.append([char])
        middle, size = char_middle, char["size"]
    lines = []
    for group in groups:
        for char in group:
            if not char["text"].isspace():
                line = Line(group)
                if line.text:
                    lines.append(line)
                break
    return lines


def is_full(line: Line, following: Line, left: float, right: float) -> bool:
    """Whether `line` ended because `following`'s first word did not fit on it."""
    free_right = right - line.x1
    free_left = line.x0 - left
    free = free_left + free_right if is_centered(line, left, right) else free_right
    return free < following.first_token_width() + 0.25 * line.size


def is_centered(line: Line, left: float, right: float) -> bool:
    free_left, free_right = line.x0 - left, right - line.x1
    return free_left > 0.5 * line.size and abs(free_left - free_right) < line.size


def to_paragraphs(lines: list[Line], left: float, right: float, joiner=None,
                list_cell: bool = False) -> list[list[Line]]:
    """Split lines into paragraphs (see the module docstring). In a
    `list_cell` a full line that ends like a unit name ends its paragraph."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        if paragraphs and paragraphs[-1][-1].last_paragraph is not None and line.first_paragraph is not None:
            # A tagged PDF (Word's default export) says where paragraphs are.
            if paragraphs[-1][-1].last_paragraph == line.first_paragraph:
                paragraphs[-1].append(line)
            else:
                paragraphs.append([line])
            continue
        if paragraphs:
            prev = paragraphs[-1][-1]
            same_page = line.page == prev.page
            # A wrapped line starts where the one above does, or further left
            # when the first line was indented; centred lines start anywhere
            # (but a page does not begin with the centred end of a paragraph).
            aligned = line.x0 <= prev.x0 + 0.15 * line.size or (same_page and is_centered(line, left, right))
            # Space before a heading or between paragraphs of a list.
            spaced = same_page and line.top - prev.bottom > line.size
            continues = (abs(prev.size - line.size) < 0.5 and aligned and not spaced
                         and is_full(prev, line, left, right))
            if continues and list_cell and ends_item(join_line_texts(paragraphs[-1])):
                continues = False
            if joiner is not None and not continues:
                continues = joiner(prev, line)
            if continues:
                paragraphs[-1].append(line)
                continue
        paragraphs.append([line])
    return paragraphs


# A centred cell of unit names one per line ("马尾区区委、政府") whose names
# fill the cell's width looks exactly like one wrapped name; a line ending
# the way unit names and deadlines end is taken as a whole item.
_ITEM_END = re.compile(r"(?:局|委|办|府|部|会|院|所|社|司|站|心|队|处|园|镇|街道|厅|组|门|团|联|室|校|底前|日前)[)）]?$")


def ends_item(paragraph: str) -> bool:
    """Whether the paragraph so far reads as one complete item. Text with
    sentence or list punctuation ("南街街道；鼓东街道…") is running text."""
    opened = paragraph.count("(") + paragraph.count("（") - paragraph.count(")") - paragraph.count("）")
    return opened == 0 and not re.search(r"[；，。;,]", paragraph) and bool(_ITEM_END.search(paragraph))


def join_line_texts(lines: list[Line], keep_break=None) -> str:
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
