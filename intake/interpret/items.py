"""Numbered items in running text, whatever their numbering, proposed as tasks.

Numbering styles (第三章, 一、, （一）, 1., （1）, ①) take outline levels in the order
the document first uses them, as readers do. The deepest numbered items are tasks;
the items above them give the category. A paragraph listing "一是……；二是……" is
split into one task per clause. Units come from the words around each item
(`clauses.py`); what the importer could not find or only guessed is named in the
task's `unsure` list, for the clerk to confirm on the review page.
"""

import re
from dataclasses import dataclass, field

from intake.document import Paragraph
from intake.interpret import clauses, hant, runs
from intake.interpret.deadlines import resolve
from intake.interpret.numbering import CN, MARKERS, marker
from intake.interpret.numbers import chinese_to_int
from intake.interpret.quantities import find_quantities
from intake.interpret.runs import RECORD_LABELS
from intake.interpret.targets import Context
from intake.interpret.tasks import make_task, targets_for
from intake.interpret.text import tidy

# Lines that record who oversees an item or how far it got: no part of the task's wording.
_RECORD_LINE = re.compile(rf"^(?:{RECORD_LABELS})\s*[:：]")
_INLINE = re.compile(rf"([{CN}]{{1,3}})是")
_FIRST_LEADS = re.compile(r"(?:列|排)(?:第一位|首位)(?:的)?(?:单位)?为牵头")
_NOT_TASK = re.compile(r"^(?:指导思想|总体要求|基本原则|总体思路|保障措施|工作要求|组织保障|附件|附表)")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# Deadlines as running text writes them; the latest one counts.
# A policy's term ("实施期限至…", "延长至…") or a span of dates ("2021年5月1日至…").
_TERM = re.compile(r"(?:期限|有效期|实施|执行|延长|\d日)$")
_DEADLINE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?(?:前|之前)|(?:到|至)\d{4}年底?|全年|年内|年底前|年底")


@dataclass
class Node:
    kind: str
    number: str
    head: str
    location: str
    level: int
    body: list[str] = field(default_factory=list)
    units: list[tuple[list[str], list[str]]] = field(default_factory=list)
    deadline: str | None = None
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    printed: str = ""  # the item's line as printed, number and all
    folded: bool = False  # its sub-points were folded into its body: its head is wording, not a heading


def _number_value(number: str) -> int:
    if number.isdigit():
        return int(number)
    if "\u2460" <= number <= "\u2473":
        return ord(number) - 0x2460 + 1
    return chinese_to_int(number) or 0


def build_outline(paragraphs: list[Paragraph], aliases) -> list[Node]:
    """The numbered items as a tree; unnumbered paragraphs belong to the item above them."""
    paragraphs = runs.split_runs(paragraphs)
    roots: list[Node] = []
    ranks = [kind for kind, _ in MARKERS]
    stack: list[Node] = []
    first_leads = False  # "列第一位为牵头单位，下同": from here on the first unit named leads
    for paragraph in paragraphs:
        text = tidy(paragraph.full_text)
        if not text:
            continue
        found = marker(text)
        if found and (found[0] != "cn" or len(found[2]) > 1):
            kind, number, head = found
            level = ranks.index(kind)
            while stack and stack[-1].level >= level:
                stack.pop()
            node = Node(kind, number, head, paragraph.location, level, parent=stack[-1] if stack else None,
                        printed=text)
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            continue
        if not stack:
            continue
        current = stack[-1]
        deadline = clauses.deadline_line(text)
        if deadline is not None:
            current.deadline = deadline
            continue
        if clauses.is_unit_line(text):
            stated = clauses.deadline_in_clause(text)  # "责任单位：X；完成时限：6月底前"
            if stated:
                current.deadline = stated
            if _FIRST_LEADS.search(text):
                first_leads = True
                text = re.sub(r"[（(][^（）()]*(?:列|排)(?:第一位|首位)[^（）()]*[）)]", "", text)
            found_units = clauses.unit_line(text, aliases)
            if found_units:
                lead, partner = found_units
                if first_leads and len(lead) > 1 and not partner and not re.search(r"分别牵头|共同牵头", text):
                    lead, partner = lead[:1], lead[1:]
                current.units.append((lead, partner))
            continue
        if _RECORD_LINE.match(hant.fold(text)):
            continue
        if _DATE_LINE.match(text) or text.startswith(("附件", "附表")):
            stack.clear()  # the signature or an annex ends the list
            continue
        current.body.append(text)
    for node in _all(roots):
        _fold_sub_points(node)
    return roots


def _fold_sub_points(node: Node) -> None:
    """"1.推进产业园建设。（1）新建厂房…；（2）引进企业…" followed by 牵头单位/完成时限 lines:
    the lines close the item, not its last sub-point, so the sub-points are the item's
    wording and the item is the task."""
    children = node.children
    if len(children) < 2 or node.units or node.body or any(c.children for c in children):
        return
    last = children[-1]
    if not last.units or any(c.units or c.deadline or c.body for c in children[:-1]):
        return
    node.body = [c.printed for c in children[:-1]] + [last.printed, *last.body]
    node.units, node.deadline = last.units, last.deadline
    node.children, node.folded = [], True


def _title(head: str) -> str:
    return re.split(r"[。：:；;]", head, maxsplit=1)[0].strip()


def _is_heading(head: str) -> bool:
    """A short line with no sentence in it: "强化组织领导", "（一）推进产业合作。"."""
    stripped = head.rstrip("。.")
    return len(stripped) <= 25 and not re.search(r"[，。；：,;:]", stripped)


def _states_figures(head: str) -> bool:
    """A head that goes on past its title with a figure: "重点工作。年内新增奶羊2.5万只…"."""
    parts = re.split(r"[。：:]", head, maxsplit=1)
    return len(parts) == 2 and len(parts[1]) > 10 and bool(find_quantities(parts[1]))


@dataclass
class Item:
    path: list[Node]
    ref_parts: list[str]
    category: str | None
    text: str
    body: list[str]
    units: tuple[list[str], list[str]] | None
    deadline_text: str | None
    location: str
    source: str


def _leaves(nodes: list[Node]) -> list[Node]:
    result = []
    for node in nodes:
        if node.children:
            result += _leaves(node.children)
        else:
            result.append(node)
    return result


def _runs_on(nodes: list[Node], level: int) -> bool:
    """Whether items at this level keep counting across their parents (1.–9. over three sections)."""
    groups: dict[int, list[Node]] = {}
    for node in _all(nodes):
        if node.level == level and node.parent is not None:
            groups.setdefault(id(node.parent), []).append(node)
    if len(groups) < 2:
        return False
    firsts = [_number_value(g[0].number) for g in groups.values()]
    return any(first > 1 for first in firsts[1:])


def _all(nodes: list[Node]):
    for node in nodes:
        yield node
        yield from _all(node.children)


def _path(node: Node) -> list[Node]:
    path = []
    while node is not None:
        path.insert(0, node)
        node = node.parent
    return path


def split_units_of(text: str, aliases) -> tuple[str, tuple[list[str], list[str]] | None]:
    found = clauses.trailing_clause(text, aliases)
    if found:
        return found
    return text, clauses.in_text_units(text, aliases)


def deadline_in(text: str, year: int | None) -> str | None:
    """The latest deadline written in the text ("5月底前开工…9月底前达到80%" → 9月底前)."""
    text = hant.fold(tidy(text))
    found = []
    for match in _DEADLINE.finditer(text):
        phrase = match.group()
        if _TERM.search(text[:match.start()]):
            continue  # "实施期限至2022年12月31日": how long a policy runs, not a deadline
        # "2020年任务：……10月底前完成": a month under a later year named before it is that year's.
        named = re.findall(r"(\d{4})年", text[:match.start()])
        if year and named and int(named[-1]) > year and not re.match(r"\d{4}|到|至", phrase) and "月" in phrase:
            phrase = f"{named[-1]}年{phrase}"
        found.append(phrase)
    if not found or year is None:
        return found[-1] if found else None
    dated = [(resolve(d, year), d) for d in found]
    dated = [(date, d) for date, d in dated if date]
    return max(dated)[1] if dated else found[-1]


def _items_of(leaf: Node, aliases) -> list[tuple[list[str], str | None, str, list[str]]]:
    """(extra ref parts, category, text, body paragraphs) for a leaf: one, or one per 一是/二是 clause."""
    parent_title = _title(leaf.parent.head) if leaf.parent else None
    head = leaf.head
    if _is_heading(head) and leaf.body and not leaf.folded:
        category, paragraphs = _title(head), list(leaf.body)
    else:
        category, paragraphs = parent_title, [head, *leaf.body]
    joined = "".join(paragraphs)
    inline = list(_INLINE.finditer(joined))
    numbers = [_number_value(m.group(1)) for m in inline]
    if len(inline) >= 2 and numbers == list(range(1, len(numbers) + 1)):
        lead_in = joined[:inline[0].start()]
        category = _title(lead_in) or category
        result = []
        for index, match in enumerate(inline):
            end = inline[index + 1].start() if index + 1 < len(inline) else len(joined)
            part = joined[match.end():end].strip().rstrip("；;。，,").strip()
            result.append(([match.group(1)], category, part, [part]))
        return result
    return [([], category, joined, paragraphs)]


def tasks_from_items(paragraphs: list[Paragraph], *, year, context: Context, aliases) -> list[dict]:
    roots = build_outline(paragraphs, aliases)
    leaves = [leaf for leaf in _leaves(roots) if leaf.head or leaf.body]
    # A leaf beside items that have sub-items is a preamble (一、总体要求), not a task.
    deepest = max((len(_path(leaf)) for leaf in leaves), default=0)
    kept = []
    for leaf in leaves:
        siblings = leaf.parent.children if leaf.parent else roots
        if len(_path(leaf)) < deepest and any(s.children for s in siblings):
            continue
        if any(_NOT_TASK.match(node.head) for node in _path(leaf)):
            continue
        kept.append(leaf)
    # An item over sub-items that also sets figures of its own ("（二）重点工作。年内新增奶羊2.5万只…"
    # over "1.新建养殖户…") is a task besides them.
    chosen = {id(node) for node in kept} | {
        id(node) for node in _all(roots)
        if node.children and _states_figures(node.head) and not any(_NOT_TASK.match(n.head) for n in _path(node))}
    kept = [node for node in _all(roots) if id(node) in chosen]
    if not kept:
        return []
    # Levels every task shares one number of (二、重点任务 over all, beside 一、总体要求) and levels numbered
    # on across their parents start the ref lower down.
    paths = [_path(leaf) for leaf in kept]
    skip = 0
    while (all(len(p) > skip + 1 for p in paths) and len({id(p[skip]) for p in paths}) == 1
           and len(paths[0][skip].parent.children if paths[0][skip].parent else roots) > 1):
        skip += 1
    tasks = []
    for leaf, path in zip(kept, paths):
        start = skip
        for depth in range(len(path) - 1, skip - 1, -1):
            if depth > 0 and _runs_on(roots, path[depth].level):
                start = max(start, depth)
        ref_parts = [node.number for node in path[start:]]
        for extra, category, text, body in _items_of(leaf, aliases):
            stated_deadline = clauses.deadline_in_clause(text)
            text, units = split_units_of(text, aliases)
            if leaf.units:
                lead = [u for found in leaf.units for u in found[0]]
                partner = [u for found in leaf.units for u in found[1]]
                if not lead:
                    lead, partner = partner, []
                units = (lead, partner)
            deadline_text = (stated_deadline or (leaf.deadline if leaf.deadline is not None and not extra else None)
                             or deadline_in(text, year))
            unsure = []
            if not units:
                unsure.append("units")
            if not deadline_text:
                unsure.append("deadline")
            body = [_without_units(p, aliases) for p in body]
            sources = [body]
            if not extra and leaf.body and find_quantities(leaf.head):
                # A head summing up its body ("2.财政收入增长12%。" over "全市财政收入623亿元，增长12%"):
                # what the body restates counts once, what only the head says still counts.
                sources = [[_without_units(p, aliases) for p in leaf.body], [_without_units(leaf.head, aliases)]]
            task = make_task(
                ref=".".join(ref_parts + extra), list_name=None, category=category, text=text, measures=None,
                lead=units[0] if units else [], partner=units[1] if units else [],
                deadline_text=deadline_text or "", year=year, targets=targets_for(sources, context),
                location=leaf.location, source_text="\n".join([leaf.head, *leaf.body]),
            )
            task["unsure"] = unsure
            tasks.append(task)
    return tasks


def _without_units(paragraph: str, aliases) -> str:
    found = clauses.trailing_clause(paragraph, aliases)
    return found[0] if found else paragraph


def has_numbered_items(paragraphs: list[Paragraph]) -> bool:
    return any(marker(tidy(p.full_text)) for p in paragraphs)


def printed_units(paragraphs: list[Paragraph], aliases) -> set[str]:
    """Every unit the text's unit clauses name, so a figure set for one of them
    ("各乡镇（街道）负责380万元") is known to be that unit's."""
    found: set[str] = set()
    for paragraph in paragraphs:
        text = tidy(paragraph.full_text)
        for units in (clauses.unit_line(text, aliases) if clauses.is_unit_line(text) else None,
                      (clauses.trailing_clause(text, aliases) or (None, None))[1],
                      clauses.in_text_units(text, aliases)):
            if units:
                found.update(u for u in units[0] + units[1] if len(u) >= 3)
    return found
