"""From a task table to Plan JSON tasks."""

import re

from intake.document import Cell, Paragraph, Row, Table
from intake.interpret.deadlines import find_in_text
from intake.interpret.ledger import is_ledger, targets_from_rows
from intake.interpret.numbers import to_decimal
from intake.interpret.tables import RawTask, assign_roles, header_roles
from intake.interpret.targets import Context
from intake.interpret.tasks import clean_category, make_task, plain_number, targets_for, units_of
from intake.interpret.text import tidy

_LABEL_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,10})\s+(?=\S)")


_TOTAL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|总\s*分)$")


def is_total_row(row) -> bool:
    """A 合计/小计 row: its label stands in one of the first cells."""
    return any(_TOTAL.match(tidy(text)) for text in row.texts[:3])


# A section heading printed across a table's row: "一、组织领导（15分）", "（二）产业协作".
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部分章节项])\s*(?P<title>\S.*)$")
SUBTOTAL = re.compile(r"[（(]\s*(?P<value>\d+(?:\.\d+)?)\s*分\s*[)）]$")


def is_heading(text: str) -> bool:
    text = tidy(text)
    return len(text) <= 30 and bool(_HEADING.match(text)) and not re.search(r"[，。；,;]", text)


def join_sections(blocks: list) -> list:
    """A table a spreadsheet reader split at its section rows ("一、组织领导（15分）" merged
    across the sheet, read as a paragraph between two tables of one header) joined again,
    each section a heading row, so the rows are numbered and grouped as one list."""
    out: list = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Paragraph) and is_heading(block.full_text) and isinstance(following, Table) and following.rows:
            earlier = out[-1] if out and isinstance(out[-1], Table) else None
            # The first section, above the first part: only when a second section and part follow.
            later = blocks[index + 2:index + 4]
            opens = (len(later) == 2 and isinstance(later[0], Paragraph) and is_heading(later[0].full_text)
                     and isinstance(later[1], Table) and later[1].header == following.header)
            if earlier is not None and earlier.header == following.header or earlier is None and opens:
                table = earlier if earlier is not None else Table(header=list(following.header), location=following.location)
                width = len(following.header)
                table.rows.append(Row([Cell.of(tidy(block.full_text)) for _ in range(width)], location=block.location))
                table.rows.extend(following.rows)
                if earlier is None:
                    out.append(table)
                index += 2
                continue
        out.append(block)
        index += 1
    return out


def spanning_heading(row) -> str | None:
    """The heading a row carries across the table (one merged cell, or only its first cell
    filled), None for any other row. Its stated subtotal "（15分）" stays in the text."""
    texts = [tidy(t) for t in row.texts]
    filled = [t for t in texts if t]
    if not filled or len(set(filled)) != 1 or len(texts) < 2:
        return None
    text = filled[0]
    if len(text) > 30 or re.search(r"[，。；,;]", text):
        return None
    numbered = bool(_HEADING.match(text) or SUBTOTAL.search(text))
    # One text in several cells is a merged cell; one cell alone may be a row's first cell
    # continued after a page break, so it must be numbered or state a subtotal.
    return text if numbered or (len(filled) >= 2 and len(filled) == len(texts)) else None


def heading_title(text: str) -> str:
    """"一、组织领导（15分）" → "组织领导"."""
    match = _HEADING.match(text)
    title = match.group("title") if match else text
    return SUBTOTAL.sub("", title).strip()


def _split_category(raw: RawTask):
    """"结对帮扶 持续推进…": extraction joined the row label to the task text."""
    paragraphs = raw.cells.get("text") or []
    if raw.cells.get("category") or not paragraphs:
        return
    match = _LABEL_PREFIX.match(paragraphs[0].strip())
    rest = paragraphs[0].strip()[match.end():] if match else ""
    if match and len(tidy(rest)) > 12:
        raw.cells["category"] = [match.group(1)]
        paragraphs[0] = rest


def _split_measures(raw: RawTask, home: str | None):
    """One cell holding the city's task and then the district's own measures.

    The district's part starts with its own name ("鼓楼区2024年…") or 我区.
    """
    paragraphs = raw.cells.get("text") or []
    if raw.cells.get("measures") or len(paragraphs) < 2:
        return
    starts = tuple(s for s in (home, "我区", "本区") if s)
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        if tidy(paragraph).startswith(starts):
            raw.cells["text"], raw.cells["measures"] = paragraphs[:index], paragraphs[index:]
            return


def _merge(previous: RawTask, continuation: RawTask):
    """The rest of a row split by a page break, appended cell by cell."""
    for role, paragraphs in continuation.cells.items():
        previous.cells.setdefault(role, []).extend(paragraphs)
    previous.source = [a + ("\n" + b if b else "") for a, b in zip(previous.source, continuation.source)] or previous.source


def _source_text(cells: list[str]) -> str:
    """The row as printed; a merged cell repeated across grid columns shown once."""
    shown = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
    return "\t".join(shown)


def _is_section_row(raw: RawTask, number: str) -> bool:
    """A row numbered 一、二、… with a short heading and no units, deadline or measures."""
    if not re.fullmatch(r"[一二三四五六七八九十]{1,3}", number):
        return False
    if any(tidy(raw.text(role)) for role in ("lead", "partner", "responsible", "deadline", "measures", "score")):
        return False
    heading = tidy(raw.text("text") or raw.text("category"))
    return 0 < len(heading) <= 25 and not re.search(r"[，。；,;]", heading.rstrip("。"))


def _is_part_row(raw: RawTask) -> bool:
    """An unnumbered ledger row whose task cell opens with 其中 and carries its own figure."""
    return (not tidy(raw.text("ref")) and tidy(raw.text("text")).startswith("其中")
            and bool(tidy(raw.text("target_value"))))


def _same_task(raw: RawTask, first: RawTask, has_item: bool) -> bool:
    """A ledger row carrying the same task number as the row above: another of that task's targets."""
    ref = tidy(raw.text("ref"))
    return bool(ref) and ref == tidy(first.text("ref")) and (not has_item or tidy(raw.text("item")) == tidy(first.text("item")))


def _groups_rows(raws: list[RawTask], roles: list[str | None]) -> bool:
    """A 类别/考核项目 cell merged over several rows (repeated in each, or left empty below)."""
    if "category" not in roles:
        return False
    labels = [tidy(raw.text("category")) for raw in raws if "heading" not in raw.cells]
    return len(labels) > 1 and bool(labels[0]) and any(
        not label or label == before for before, label in zip(labels, labels[1:]))


def _ledger_targets(rows: list[RawTask]) -> list[dict]:
    """A ledger task's targets, its 其中 rows parts of the task's own (first) target."""
    targets = targets_from_rows([{role: r.text(role) for role in r.cells if role != "part"} for r in rows])
    whole = next((r for r in rows if "part" not in r.cells), None)
    if whole is not None and targets and len(targets) == len(rows):
        for target, row in zip(targets, rows):
            if "part" in row.cells:
                target["part_of"] = 0
    return targets


def tasks_from_table(table: Table, *, list_name, year, context: Context, aliases, home,
                     stated_totals: list | None = None) -> list[dict]:
    """The table's tasks; a section heading's stated subtotal "（15分）" is added to
    stated_totals with the refs of the section's items, for the checks."""
    roles = header_roles(table.header)
    has_ref, has_item = "ref" in roles, "item" in roles
    ledger = is_ledger(roles)
    raws: list[RawTask] = []
    rows_of: list[list[RawTask]] = []  # a ledger's rows under each task, one a target
    for row in table.rows:
        raw = assign_roles(row, roles)
        if not any(tidy(t) for t in raw.source):
            continue
        if is_total_row(row):
            continue  # 合计 / 小计: the items' sum, for the checks, not a task
        heading = spanning_heading(row)
        if heading:
            # A section over the rows below: not a task; its title their category if they have none.
            raws.append(RawTask(cells={"heading": [heading]}, location=row.location))
            rows_of.append([])
            continue
        if ledger and raws and _same_task(raw, raws[-1], has_item):
            rows_of[-1].append(raw)  # the task's cells merged or repeated over its targets
            continue
        if ledger and raws and rows_of[-1] and _is_part_row(raw):
            # "其中：到白沙区就业 1200 人", unnumbered under a task: a part of its target.
            raw.cells["metric"] = [re.sub(r"^其中[：:]?", "", tidy(raw.text("text")))]
            raw.cells["part"] = ["1"]
            rows_of[-1].append(raw)
            continue
        continues = (
            has_ref and row.after_page_break and raws and "heading" not in raws[-1].cells
            and not tidy(raw.text("ref")) and not (has_item and tidy(raw.text("item")))
        )
        _split_category(raw)
        if "measures" in roles:
            _split_measures(raw, home)
        if continues:
            _merge(raws[-1], raw)
        else:
            raws.append(raw)
            rows_of.append([raw])

    tasks, previous = [], {}
    section, section_title, section_total = None, None, None
    position, group, within = 0, 0, 0
    grouped = not has_ref and not ledger and "score" in roles and _groups_rows(raws, roles)
    for raw, rows in zip(raws, rows_of):
        if "heading" in raw.cells:
            section_title = clean_category(heading_title(raw.text("heading")))
            subtotal = SUBTOTAL.search(raw.text("heading"))
            section_total = {"field": "score", "value": plain_number(to_decimal(subtotal.group("value"))),
                             "list": list_name, "location": raw.location, "section": section_title,
                             "refs": []} if subtotal else None
            if section_total and stated_totals is not None:
                stated_totals.append(section_total)
            previous = {**previous, "category": None}  # a merged 类别 cell ends at the section
            continue
        position += 1
        number = re.sub(r"[.．、]$", "", tidy(raw.text("ref")))
        if has_ref and not ledger and _is_section_row(raw, number):
            # "一、 主要目标" over rows numbered 1., 2.: a section, its items numbered within it.
            section, section_title = number, clean_category(raw.text("text") or raw.text("category"))
            continue
        if section and re.fullmatch(r"\d+", number):
            number = f"{section}.{number}"
        if has_item:
            number = number or previous.get("number", "")
            ref = f"{number}.{tidy(raw.text('item'))}"
        else:
            ref = number if has_ref and number else str(position)
        # A ledger merges or repeats every task cell: an empty 类别 there is empty, not "as above".
        inherit = "category" in roles and not ledger
        category = clean_category(raw.text("category")) or (previous.get("category") if inherit else None) or section_title
        if grouped and not (has_ref and number):
            # 考核项目 merged over several 考核内容 rows: the items are numbered within their group.
            group, within = (group + 1, 1) if category != previous.get("category") or not previous else (group, within + 1)
            ref = f"{group}.{within}"
        lead_role = "lead" if "lead" in roles else "responsible"
        lead = units_of(raw.cells.get(lead_role, []), aliases)
        if not lead and has_item and not tidy(raw.text("ref")):
            lead = previous.get("lead", [])  # a merged 责任单位 cell covers the unit's later items
        partner = units_of(raw.cells.get("partner", []), aliases)
        if lead_role == "lead":
            partner += units_of(raw.cells.get("responsible", []), aliases)
        text, measures = raw.text("text"), raw.text("measures")
        text = "" if tidy(text) in {"/", "—", "-"} else text
        deadline_text = raw.text("deadline") if "deadline" in roles else (find_in_text(f"{text}\n{measures}", year) or "")
        score = to_decimal(tidy(raw.text("score"))) if tidy(raw.text("score")) else None
        if ledger:
            # A ledger is a copy: the task's source is the document its 原文位置 names, in that
            # document's wording, so neither comes from the ledger's own row.
            location = raw.text("source_location").strip() if "source_location" in roles else None
            source_text = None
        else:
            location, source_text = f"{list_name or ''} {raw.location}".strip(), _source_text(raw.source)
        tasks.append(make_task(
            ref=ref, list_name=list_name, category=category, text=text, measures=measures,
            lead=lead, partner=partner, deadline_text=deadline_text, year=year,
            score=plain_number(score) if score is not None else None,
            evidence=raw.text("evidence"), optional="自选" in (category or ""),
            targets=(_ledger_targets(rows) if ledger
                     else targets_for([raw.cells.get("text", []) if text else [], raw.cells.get("measures", [])], context)),
            location=location, source_text=source_text,
        ))
        previous = {"number": number, "category": category, "lead": lead}
        if section_total is not None:
            section_total["refs"].append(ref)
    return tasks
