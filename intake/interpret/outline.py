"""Paragraph documents: 工作要点 whose items end in （牵头单位：…；责任单位：…）,
and 规划 in chapters (第三章) of numbered measures with 专栏 boxes."""

import re

from intake.document import Document, Paragraph, Table
from intake.interpret.deadlines import find_in_text
from intake.interpret.targets import Context
from intake.interpret.tasks import make_task, targets_for
from intake.interpret.text import tidy
from intake.interpret.units import split_units

UNIT_LINE = re.compile(r"^[（(]\s*(?:牵头单位|责任单位)\s*[:：]")
ITEM_HEADING = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")
CHAPTER = re.compile(r"^第([一二三四五六七八九十]+)章\s*(.*)$")
NUMBERED = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.*)$")
BOX = re.compile(r"^专栏\s*\d+")
SECTION = re.compile(r"^[一二三四五六七八九十]+、")
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def flat_paragraphs(document: Document) -> list[Paragraph]:
    """Paragraphs in order, one-column boxes (专栏) read as paragraphs."""
    result = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            result.append(block)
        elif isinstance(block, Table) and all(len(r.cells) <= 1 for r in block.rows):
            for text in block.header:
                if text.strip():
                    result.append(Paragraph(text=text, location=block.location))
            for row in block.rows:
                for cell in row.cells:
                    result.extend(Paragraph(text=p, location=row.location) for p in cell.paragraphs)
    return result


def has_unit_lines(paragraphs: list[Paragraph]) -> bool:
    return any(UNIT_LINE.match(tidy(p.full_text)) for p in paragraphs)


def _units_from_line(line: str, aliases) -> tuple[list[str], list[str]]:
    inner = re.sub(r"^[（(]|[）)]$", "", tidy(line))
    lead, partner = [], []
    for part in re.split(r"[；;]", inner):
        label, _, names = part.partition("：") if "：" in part else part.partition(":")
        units = split_units(names, aliases)
        (lead if "牵头" in label else partner).extend(units)
    if not lead:
        lead, partner = partner, []
    return lead, partner


def tasks_from_unit_lines(paragraphs, *, year, context: Context, aliases) -> list[dict]:
    texts = [tidy(p.full_text) for p in paragraphs]
    tasks = []
    for index, line in enumerate(texts):
        if not UNIT_LINE.match(line):
            continue
        heading = next((h for h in range(index - 1, -1, -1) if ITEM_HEADING.match(texts[h]) or UNIT_LINE.match(texts[h])), None)
        if heading is None or UNIT_LINE.match(texts[heading]):
            continue
        numeral, title = ITEM_HEADING.match(texts[heading]).groups()
        body = texts[heading + 1:index]
        lead, partner = _units_from_line(line, aliases)
        text = "".join(body)
        tasks.append(make_task(
            ref=numeral, list_name=None, category=title.rstrip("。") or None, text=text, measures=None,
            lead=lead, partner=partner, deadline_text=find_in_text(text, year) or "", year=year,
            targets=targets_for([body], context), location=paragraphs[heading].location,
            source_text="\n".join(texts[heading:index + 1]),
        ))
    return tasks


def _ends_item(text: str) -> bool:
    short_plain = len(text) <= 20 and not re.search(r"[，。；：,]", text)
    return bool(CHAPTER.match(text) or SECTION.match(text) or DATE_LINE.match(text) or short_plain)


def tasks_from_chapters(paragraphs, *, year, context: Context) -> list[dict]:
    chapters: list[dict] = []
    for paragraph in paragraphs:
        text = tidy(paragraph.full_text)
        chapter = CHAPTER.match(text)
        if chapter:
            chapters.append({"numeral": chapter.group(1), "title": chapter.group(2), "body": [], "items": []})
            continue
        if not chapters:
            continue
        current = chapters[-1]
        numbered = NUMBERED.match(text)
        if numbered:
            current["items"].append({"body": [numbered.group(2)], "box": [], "location": paragraph.location, "in_box": False})
        elif BOX.match(text):
            if current["items"]:
                current["items"][-1]["in_box"] = True
        elif current["items"]:
            item = current["items"][-1]
            if item["in_box"]:
                item["box"].append(text)
            elif _ends_item(text):
                item["closed"] = True
            elif not item.get("closed"):
                item["body"].append(text)
        elif not SECTION.match(text) and not DATE_LINE.match(text) and len(text) > 20:
            current["body"].append((text, paragraph.location))

    tasks, seen_items = [], False
    for chapter in chapters:
        items = chapter["items"]
        if not items and seen_items and chapter["body"]:
            # A chapter of one paragraph is one measure (第六章 加大资金支持).
            items = [{"body": [t for t, _ in chapter["body"]], "box": [], "location": chapter["body"][0][1]}]
        seen_items = seen_items or bool(chapter["items"])
        for number, item in enumerate(items, start=1):
            text = "".join(item["body"])
            lead_match = re.search(r"由([\u4e00-\u9fff]{2,12}?)牵头", text)
            tasks.append(make_task(
                ref=f"{chapter['numeral']}.{number}", list_name=None, category=chapter["title"] or None,
                text=text, measures=None, lead=[lead_match.group(1)] if lead_match else [], partner=[],
                deadline_text="", year=year, targets=targets_for([item["body"], item["box"]], context),
                location=item["location"], source_text="\n".join(item["body"] + item["box"]),
            ))
    return tasks
