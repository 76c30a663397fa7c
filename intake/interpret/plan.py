"""From a neutral Document to Plan JSON (see PLAN_JSON.md)."""

import re
from dataclasses import dataclass, field

from intake.document import Document, Paragraph, Table
from intake.errors import IntakeError
from intake.interpret import annex as breakdowns, flat_tables, items, news, outline, runs
from intake.interpret.facts import extract_facts
from intake.interpret.table_tasks import join_sections, tasks_from_table
from intake.interpret.headings import category_totals
from intake.interpret.tables import UNIT_ROLES, assign_roles, header_roles, is_task_table, merge_two_row_header
from intake.interpret.targets import Context, extract_targets
from intake.interpret.text import forget_document, tidy
from intake.interpret.units import learn_aliases, split_units

_ANNEX = re.compile(r"^附件\s*([0-9一二三四五六七八九十]*)$")
# The district named after a city, a year or at the start: 福州市鼓楼区, 2024年鼓楼区.
_HOME = re.compile(r"(?:^|[市省年])([\u4e00-\u9fff]{2,3}?[区县])")


@dataclass
class Registry:
    """What the registry knows, as plain data: intake itself has no database."""

    unit_names: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> unit name
    groups: dict[str, list[str]] = field(default_factory=dict)  # group -> member names in order


def _home(facts: dict) -> str | None:
    """The issuing district, whose own measures follow the upper level's text."""
    for text in (facts.get("title") or "", facts.get("issuer") or ""):
        names = _HOME.findall(re.sub(r"\d{4}\s*年", "年", text))
        if names:
            return names[-1]
    return None


def _paired_sides(document: Document) -> list[str]:
    """The two places a collaboration document is about: its most-named counties."""
    counts: dict[str, int] = {}
    for paragraph in document.paragraphs:
        for name in re.findall(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2}[区县]|(?<=[市省])[\u4e00-\u9fff]{2}[区县]", tidy(paragraph.text)):
            counts[name] = counts.get(name, 0) + 1
    return [name for name, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:2]]


def _unit_cells(document: Document) -> list[str]:
    cells = []
    for table in document.tables:
        if not is_task_table(table):
            continue
        roles = header_roles(table.header)
        for row in table.rows:
            raw = assign_roles(row, roles)
            cells += ["\n".join(raw.cells.get(role, [])) for role in UNIT_ROLES]
    cells += [p.text for p in document.paragraphs if outline.UNIT_LINE.match(tidy(p.text))]
    return cells


def interpret(document: Document, registry: Registry | None = None) -> dict:
    registry = registry or Registry()
    forget_document()
    facts = extract_facts(document)
    document.blocks = join_sections(document.blocks)
    for table in document.tables:
        merge_two_row_header(table)
    if not any(is_task_table(t) for t in document.tables):
        flat_tables.unflatten(document)  # a web page's table flattened to one cell per line
    year = facts["year"]
    unit_cells = _unit_cells(document)
    aliases = {**registry.aliases, **learn_aliases(unit_cells)}
    printed_units = {u for text in unit_cells for u in split_units(text, aliases)}
    if not unit_cells:
        printed_units |= items.printed_units(document.paragraphs, aliases)
    context = Context(
        known_units=registry.unit_names | set(registry.groups) | set(aliases) | printed_units,
        groups=registry.groups,
        parties=_paired_sides(document),
    )
    tasks: list[dict] = []
    annex = None
    task_tables = [b for b in document.blocks if isinstance(b, Table) and is_task_table(b)]
    lists: list[tuple[str | None, list[dict]]] = []  # each task table's own name and its tasks
    since_table: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            since_table.append(block)
            match = _ANNEX.match(tidy(block.full_text))
            if match:
                annex = f"附件{_arabic(match.group(1))}" if match.group(1) else "附件"
        elif block in task_tables:
            # An Excel ledger names the list in its sheet: 工作表“附件1 闽宁协作任务分工表”.
            sheet = re.search(r"附件\s*([0-9一二三四五六七八九十]+)", block.location)
            list_name = f"附件{_arabic(sheet.group(1))}" if sheet else annex
            stated = []
            found = tasks_from_table(block, list_name=list_name, year=year, context=context, aliases=aliases,
                                     home=_home(facts), stated_totals=stated)
            tasks += found
            lists.append((_own_name(block, since_table), found))
            since_table = []
            stated += _stated_totals(block, list_name)
            if stated:
                facts.setdefault("stated_totals", []).extend(stated)
    _name_lists(lists)
    if not task_tables:
        paragraphs = outline.flat_paragraphs(document)
        if outline.has_unit_lines(paragraphs):
            tasks = outline.tasks_from_unit_lines(paragraphs, year=year, context=context, aliases=aliases)
        else:
            tasks = outline.tasks_from_chapters(paragraphs, year=year, context=context)
        if not tasks:
            # Any other numbering: the items are proposed as tasks, what is unsure marked.
            tasks = items.tasks_from_items(paragraphs, year=year, context=context, aliases=aliases)
        if not tasks and not document.tables:
            # "分别为:一是…;二是…" in one paragraph, no other numbering: each clause an item.
            tasks = items.tasks_from_items(runs.split_inline_clauses(paragraphs), year=year, context=context,
                                           aliases=aliases)
        if not tasks and not document.tables:
            # "票决出10项…:A;B;…" — as many parts between semicolons as the text announces: one item each.
            tasks = items.tasks_from_items(runs.split_counted_list(paragraphs), year=year, context=context,
                                           aliases=aliases)
        if not tasks and not document.tables:
            # No numbering at all (a news item on an agreement): paragraphs that commit someone.
            tasks = news.tasks_from_paragraphs(paragraphs, year=year, context=context, aliases=aliases)
        breakdowns.attach_breakdowns(document.tables, tasks)  # 附表 breaking the body's figures down per town
    if not tasks:
        raise IntakeError(
            "没有找到任务：文件中没有任务表（表头含“序号”“任务/内容”“责任单位/时限”等列），"
            "也没有编号的条目（“一、”“（一）”“1.”“（1）”“①”“第×章”或段内“一是……二是……”）。"
            "请确认上传的是任务分工文件；若任务没有编号，请在每项任务前加上序号再上传。",
            document.name,
        )
    if headed := category_totals(tasks):  # "一、产业协作（20分）" over its items
        facts.setdefault("stated_totals", []).extend(headed)
    if task_tables:
        facts["statements"] = _statements(document, context)
    plan_json = {"format": "plan/1", "plan": facts, "tasks": tasks}
    if document.warnings:
        plan_json["warnings"] = list(document.warnings)
    return plan_json


# "…任务清单（产业协作）": the list's own name in the title above it.
_BRACKETED_NAME = re.compile(r"[（(]([\u4e00-\u9fff]{2,10})[)）]$")


def _own_name(table: Table, paragraphs: list[Paragraph]) -> str | None:
    """What a table calls itself: its sheet's name, or the word bracketed at the end of the
    title above it ("…任务清单（产业协作）")."""
    sheet = re.match(r"工作表“(.+?)”", table.location)
    if sheet and not re.fullmatch(r"(?i)sheet\d*|表\d*", sheet.group(1)):
        return sheet.group(1)
    for paragraph in reversed(paragraphs):
        match = _BRACKETED_NAME.search(tidy(paragraph.full_text))
        if match:
            return match.group(1)
    return None


def _name_lists(lists: list[tuple[str | None, list[dict]]]) -> None:
    """Several tables each numbered from 1, none named 附件N: each list takes its own name
    (产业协作, 劳务协作…), so that "1" of one is not taken for "1" of another."""
    if len(lists) < 2 or any(task.get("list") for _, found in lists for task in found):
        return
    names = [name for name, _ in lists]
    refs = [{task["ref"] for task in found} for _, found in lists]
    restarts = any(refs[i] & refs[j] for i in range(len(refs)) for j in range(i + 1, len(refs)))
    if not restarts or None in names or len(set(names)) != len(names):
        return
    for name, found in lists:
        for task in found:
            task["list"] = name
            task["category"] = task.get("category") or name


def _statements(document: Document, context: Context) -> list[dict]:
    """Figures the body text states outside the task tables ("乳山市级财政…不低于350万元"),
    so the checks can hold the list to what the text says."""
    from intake.interpret.tasks import _target_json

    found = []
    for paragraph in document.paragraphs:
        for target in extract_targets(paragraph.full_text, context):
            found.append({**_target_json(target), "location": paragraph.location, "text": tidy(paragraph.full_text)})
    return found


def _stated_totals(table: Table, list_name) -> list[dict]:
    """A task table's 合计 row, for the checks to hold the items to (分值 so far)."""
    from intake.interpret.numbers import to_decimal
    from intake.interpret.table_tasks import is_total_row
    from intake.interpret.tasks import plain_number

    roles = header_roles(table.header)
    found = []
    for row in table.rows:
        if not is_total_row(row) or "score" not in roles:
            continue
        texts = row.texts
        index = roles.index("score")
        value = to_decimal(tidy(texts[index])) if index < len(texts) and tidy(texts[index]) else None
        if value is not None:
            found.append({"field": "score", "value": plain_number(value), "list": list_name, "location": row.location})
    return found


def _arabic(numeral: str) -> str:
    from intake.interpret.numbers import chinese_to_int

    return numeral if numeral.isdigit() else str(chinese_to_int(numeral))
