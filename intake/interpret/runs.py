"""Items that extraction ran together in one paragraph, split again before the outline is built:
一、…二、… or 1.…2.… counting on, labelled fields run on after an item, "一是…；二是…" clauses
after a colon, a list a text announces by its count and gives as semicolon parts, and a line
broken mid-clause joined back to its item."""

import re

from intake.document import Paragraph
from intake.interpret import clauses, hant
from intake.interpret.numbering import CN, marker
from intake.interpret.numbers import chinese_to_int
from intake.interpret.text import tidy

# Items run together in one paragraph when extraction lost the line breaks:
# "农林局2024年工作计划 一、完善……。 二、加快……。" — a 一、 after a sentence's end, a gap or a colon
# ("这十件实事是:1.新修…。2.引入…").
_RUN_MARKER = re.compile(rf"(?:^|(?<=[。；;！!？?:：\s]))([{CN}]{{1,3}})、")
# … and "1.轨道交通….。 牵头领导:… 2.新增安装…": arabic items after a sentence's end or a gap.
_RUN_NUMBER = re.compile(r"(?:^|(?<=[。；;！!？?:：\s]))(\d{1,2})[.．、](?!\d)")
# Labelled fields run on after an item ("…试运营。 牵头领导:林静国 责任单位:市轨道…指挥部 项目责任人:尹文德"):
# each label after a gap or a sentence's end starts a line of its own.
RECORD_LABELS = r"牵头领导|分管领导|责任领导|项目责任人|责任人|联系人|联系电话|实际完成情况|完成情况|进展情况|推进情况"
_RUN_LABEL = re.compile(rf"(?<=[。\s])(?:{clauses.LABEL_KEYS}|{RECORD_LABELS})\s*[:：]")

def split_runs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph holding items 一、…二、…三、… (or 1.…2.…) counting on from one another is
    split before each of them (what comes before the first stays a paragraph of its own), and
    before each labelled field run on after them ("责任单位:…", "项目责任人:…")."""
    result = []
    for paragraph in _join_broken_items(paragraphs):
        text = paragraph.full_text
        starts = []
        for pattern in (_RUN_MARKER, _RUN_NUMBER):
            starts = []
            for match in pattern.finditer(text):
                value = chinese_to_int(match.group(1)) if pattern is _RUN_MARKER else int(match.group(1))
                # The first item is 1, or the item the paragraph opens with ("4.…。5.…" after a break).
                if starts and value == starts[-1][1] + 1 or not starts and (value == 1 or match.start() == 0):
                    starts.append((match.start(), value))
            if len(starts) >= 2:
                break
        cuts = [0] + [start for start, _ in starts] if len(starts) >= 2 else [0]
        cuts = sorted(set(cuts + [m.start() for m in _RUN_LABEL.finditer(text) if not in_brackets(text, m.start())]))
        if len(cuts) < 2:
            result.append(paragraph)
            continue
        cuts = cuts + [len(text)]
        for begin, end in zip(cuts, cuts[1:]):
            if text[begin:end].strip():
                result.append(Paragraph(text[begin:end].strip(), location=paragraph.location))
    return result


# "这10件实事分别为:一是实施…;二是加快…;…十是…": clauses 一是 二是 after a colon, a clause's end or a gap.
_RUN_SHI = re.compile(rf"(?:^|(?<=[。；;：:\s]))([{CN}]{{1,3}})是(?=[\u4e00-\u9fff])")


def _shi_starts(text: str) -> list[int]:
    starts: list[tuple[int, int]] = []
    for match in _RUN_SHI.finditer(text):
        value = chinese_to_int(match.group(1))
        if starts and value == starts[-1][1] + 1 or not starts and value == 1:
            starts.append((match.start(), value))
    return [start for start, _ in starts] if len(starts) >= 2 else []


def split_inline_clauses(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A text with no numbered items whose list is one paragraph "…分别为:一是…;二是…;三是…":
    each clause becomes an item of its own. A line broken mid-clause ("五是加大" / "医疗卫生投入,…;
    六是…") is joined to the line it runs on into first."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.full_text.strip()
        last = joined[-1].full_text if joined else ""
        if (joined and _shi_starts(last) and re.search(r"[\u4e00-\u9fff]$", last)
                and not marker(tidy(text))):
            joined[-1] = Paragraph(last + text, location=joined[-1].location)
            continue
        joined.append(Paragraph(text, location=paragraph.location))
    result = []
    for paragraph in joined:
        text = paragraph.full_text
        cuts = _shi_starts(text)
        if not cuts:
            result.append(paragraph)
            continue
        cuts = [0, *cuts, len(text)]
        result += [Paragraph(text[a:b].strip(), location=paragraph.location)
                   for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    return result


def _last_number(text: str) -> int | None:
    """The number of the last arabic item a paragraph opens or runs on to ("4.改造…" → 4)."""
    found = [int(m.group(1)) for m in _RUN_NUMBER.finditer(text)]
    return found[-1] if found else None


def _join_broken_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A line broken mid-clause inside run-together items ("4.改造农村危房,完成计" / "生家庭建房100户。
    5.实施…"): the line goes on the item it breaks, so the items after it count on from it."""
    result: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.full_text.strip()
        if result:
            last = result[-1].full_text
            number = _last_number(last)
            follows = [int(m.group(1)) for m in _RUN_NUMBER.finditer(text) if m.start() > 0]
            if (number is not None and follows and follows[0] == number + 1
                    and re.search(r"[\u4e00-\u9fff]$", last) and not marker(tidy(text))):
                result[-1] = Paragraph(last + text, location=result[-1].location)
                continue
        result.append(paragraph)
    return result


# "…10项民生实事" / "这十件": how many items the text says it lists.
_ANNOUNCED = re.compile(rf"(\d{{1,2}}|[{CN}]{{1,3}})\s*(?:[（(][^）)]{{0,8}}[）)])?\s*[项件]")


def split_counted_list(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A text with no numbering that says how many items it lists ("票决出10项民生实事") and writes
    them as one string after a colon, split by semicolons into exactly that many ("…出:A;B;…;J。"):
    each part becomes an item numbered by its place."""
    counts = set()
    for paragraph in paragraphs:
        for match in _ANNOUNCED.finditer(hant.fold(paragraph.full_text)):
            number = match.group(1)
            counts.add(int(number) if number.isdigit() else chinese_to_int(number) or 0)
    counts.discard(0)
    result = []
    for paragraph in paragraphs:
        text = paragraph.full_text.strip()
        for colon in re.finditer(r"[:：]", text):
            rest = text[colon.end():].split("。")[0]
            parts = [part.strip() for part in re.split(r"[；;]", rest)]
            if len(parts) >= 3 and len(parts) in counts and all(parts):
                if text[:colon.end()].strip():
                    result.append(Paragraph(text[:colon.end()].strip(), location=paragraph.location))
                result += [Paragraph(f"{index}.{part}", location=paragraph.location)
                           for index, part in enumerate(parts, 1)]
                break
        else:
            result.append(paragraph)
    return result


def in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return sum(before.count(c) for c in "（(【〔[") > sum(before.count(c) for c in "）)】〕]")
