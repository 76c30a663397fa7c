"""From a task table to Plan JSON tasks."""

import re

from intake.document import Table
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


def _same_task(raw: RawTask, first: RawTask, has_item: bool) -> bool:
    """A ledger row carrying the same task number as the row above: another of that task's targets."""
    ref = tidy(raw.text("ref"))
    return bool(ref) and ref == tidy(first.text("ref")) and (not has_item or tidy(raw.text("item")) == tidy(first.text("item")))


def tasks_from_table(table: Table, *, list_name, year, context: Context, aliases, home) -> list[dict]:
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
        if ledger and raws and _same_task(raw, raws[-1], has_item):
            rows_of[-1].append(raw)  # the task's cells merged or repeated over its targets
            continue
        continues = (
            has_ref and row.after_page_break and raws
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
    section, section_title = None, None
    for position, (raw, rows) in enumerate(zip(raws, rows_of), start=1):
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
        lead_role = "lead" if "lead" in roles else "responsible"
        lead = units_of(raw.cells.get(lead_role, []), aliases)
        if not lead and has_item and not tidy(raw.text("ref")):
            lead = previous.get("lead", [])  # a merged 责任单位 cell covers the unit's later items
        partner = units_of(raw.cells.get("partner", []), aliases)
        if lead_role == "lead":
            partner += units_of(raw.cells.get("responsible", []), aliases)
        text, measures = raw.text("text"), raw.text("measures")
        text = "" if tidy(text) in {"/", "—", "-"} else text
        deadline_text = raw.text("deadline") if "deadline" in roles else (find_in_text(text) or "")
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
            targets=(targets_from_rows([{role: r.text(role) for role in r.cells} for r in rows]) if ledger
                     else targets_for([raw.cells.get("text", []) if text else [], raw.cells.get("measures", [])], context)),
            location=location, source_text=source_text,
        ))
        previous = {"number": number, "category": category, "lead": lead}
    return tasks
