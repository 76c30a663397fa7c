"""Task tables: one row a task (or, in a scored list, one row an item).

Columns are recognised from the header. Where extraction joined or dropped
cells, each cell's role is found from its content instead: a number is the
task number, a short label the category, a list of units the units, a time
limit the deadline, long text the task and then the measures.
"""

import re
from dataclasses import dataclass, field

from intake.document import Cell, Row, Table
from intake.interpret.deadlines import looks_like_deadline
from intake.interpret.ledger import LEDGER_ROLES, is_ledger, ledger_roles
from intake.interpret.text import document_memo, remember, tidy
from intake.interpret.units import looks_like_unit, split_units

HEADER_ROLES = [
    *LEDGER_ROLES,
    ("ref", re.compile(r"^(序号|编号|序)$")),
    ("item", re.compile(r"列项|子项")),
    # 考核细则: the 考核项目 is the item's heading, its 考核内容 the task.
    ("category", re.compile(r"类别|类型|板块|考核项目|评价项目|考评项目|测评项目")),
    ("measures", re.compile(r"措施")),
    ("text", re.compile(r"任务|内容|事项|工作|实事")),
    ("lead", re.compile(r"牵头")),
    ("partner", re.compile(r"配合|协办|协助|参与")),
    # The department that scores an item is the one responsible for it.
    ("responsible", re.compile(r"责任|承办|主办|(?:评分|考核|考评|评价)(?:部门|单位)")),
    ("deadline", re.compile(r"时限|时间|期限|进度")),
    ("score", re.compile(r"分值|分数|权重")),
    ("evidence", re.compile(r"考核|佐证|要求|标准")),
    ("note", re.compile(r"备注|说明")),
]
UNIT_ROLES = ("lead", "partner", "responsible")


# A column of figures: "任务数", "消费帮扶（万元）/任务数", "社会帮扶资金（万元）" — a count or a measure
# in brackets, never the task's wording.
_FIGURE_COLUMN = re.compile(r"任务(?:数|量|额)$|[（(](?:万?元|亿元|人|人次|个|对|户|%|吨|亩|万人|项)[)）]")


def header_roles(header: list[str]) -> list[str | None]:
    roles = []
    for cell in header:
        name = re.sub(r"\s", "", cell)
        # A two-row header read as "目标任务/计量单位": the lower name says what the column holds.
        lower = name.rsplit("/", 1)[-1]
        found = next((role for role, pattern in HEADER_ROLES if pattern.search(lower)), None) if lower else None
        role = found or next((role for role, pattern in HEADER_ROLES if pattern.search(name)), None)
        roles.append(None if role == "text" and _FIGURE_COLUMN.search(name) else role)
    # A task header spanning two grid columns ("2023年省、市下达任务" over 类别 and
    # 任务) comes out twice: the first column holds the row's label.
    for index in range(len(header) - 1):
        if roles[index] == roles[index + 1] == "text" and header[index].strip() == header[index + 1].strip():
            roles[index] = "category"
    return ledger_roles(header, roles)


def _header_word(text: str) -> bool:
    name = re.sub(r"\s", "", text)
    return 0 < len(name) <= 8 and any(p.search(name) for _, p in HEADER_ROLES) and not re.search(r"\d", name)


def _part_word(text: str) -> bool:
    """"其中：机关食堂采购": a column holding a part of the column it stands under."""
    name = re.sub(r"\s", "", text)
    return bool(re.match(r"其中[：:]?\S", name)) and len(name) <= 14 and not re.search(r"\d", name)


# "消费帮扶（万元）": a header naming what is counted and its measure.
_MEASURED = re.compile(r"[（(][^（()）]{1,4}[）)]$")


def merge_two_row_header(table: Table) -> Table:
    """A header over two rows ("目标任务" spanning 指标/目标值/计量单位, "责任单位" over
    牵头单位/配合单位): each column takes the lower row's name where it has one. Under a
    measured upper name ("消费帮扶（万元）" over 任务数 / 其中：机关食堂采购) both are kept,
    "消费帮扶（万元）/任务数", as the Word and Excel readers join them."""
    if not table.rows:
        return table
    second = table.rows[0].texts
    width = min(len(second), len(table.header))
    own = [i for i in range(width) if second[i].strip() and second[i].strip() != table.header[i].strip()]
    word = lambda text: _header_word(text) or _part_word(text)  # noqa: E731
    if len(own) < 2 or not all(word(second[i]) for i in own):
        return table
    if any(second[i].strip() and i not in own and not word(second[i]) for i in range(width)):
        return table
    header = list(table.header)
    for i in own:
        # An empty upper cell is the merged cell on its left continued.
        upper = next((tidy(table.header[j]) for j in range(i, -1, -1) if tidy(table.header[j])), "")
        header[i] = f"{upper}/{second[i].strip()}" if _MEASURED.search(upper) else second[i].strip()
    table.header = header
    table.rows = table.rows[1:]
    return table


def is_task_table(table: Table) -> bool:
    roles = header_roles(table.header)
    # A scored list (考核项目/考核内容/分值/评分标准) needs no unit column: its 分值 makes it one.
    scored = "score" in roles and ("category" in roles or "evidence" in roles)
    if not ("text" in roles and (scored or any(r in roles for r in (*UNIT_ROLES, "ref", "deadline")))):
        return False
    # A breakdown whose "任务数" column holds figures only, one per town: no task text anywhere.
    texts = [tidy(row.texts[i]) for row in table.rows for i, role in enumerate(roles)
             if role == "text" and i < len(row.cells) and tidy(row.texts[i])]
    return not texts or not all(re.fullmatch(r"[\d.,，%]*", t) for t in texts)


@dataclass
class RawTask:
    """A row's cells sorted into roles, before it becomes Plan JSON."""

    cells: dict[str, list[str]] = field(default_factory=dict)  # role -> paragraphs
    location: str = ""
    source: list[str] = field(default_factory=list)

    def text(self, role: str) -> str:
        return "\n".join(self.cells.get(role, []))

    def add(self, role: str, paragraphs: list[str]):
        if paragraphs:
            self.cells.setdefault(role, []).extend(paragraphs)


# Cell kinds by text, for one document: its rows are looked at twice.
_kinds = document_memo()


def _kind(text: str) -> str:
    kind = _kinds.get(text)
    if kind is None:
        kind = remember(_kinds, text, _classify(text))
    return kind


def _classify(text: str) -> str:
    spaced = re.sub(r"\s+", " ", text).strip()  # spaces still separate units here
    text = tidy(text)
    if not text:
        return "empty"
    if text in {"/", "—", "-", "无"}:
        return "slash"
    # "1." and "一、" as a 序号 cell prints them are numbers too.
    if re.fullmatch(r"\d+(\.\d+)?|[一二三四五六七八九十]+", text) or re.fullmatch(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]", text):
        return "number"
    if looks_like_deadline(text):
        return "deadline"
    if _units_then_deadline(spaced):
        return "units+deadline"
    units = split_units(spaced)
    if units and all(looks_like_unit(u) for u in units) and not re.search(r"[。：:]", text):
        return "units"
    label = re.sub(r"^[一二三四五六七八九十]+[、.．]\s*", "", text)
    if len(label) <= 12 and not re.search(r"[，。；：、]", label):
        return "label"
    return "long"


def _units_then_deadline(text: str) -> tuple[str, str] | None:
    match = re.match(r"(.+?)\s+(\S*(?:月底前|月底|月前|全年|年内|日前|持续推进))$", text)
    if match and looks_like_deadline(match.group(2)):
        units = split_units(match.group(1))
        if units and all(looks_like_unit(u) for u in units):
            return match.group(1), match.group(2)
    return None


ACCEPTS = {
    "ref": {"empty", "number"},
    "item": {"empty", "number"},
    "category": {"empty", "label"},
    "text": {"empty", "slash", "long"},
    "measures": {"empty", "slash", "long"},
    "lead": {"empty", "units"},
    "partner": {"empty", "units"},
    "responsible": {"empty", "units"},
    "deadline": {"empty", "deadline"},
    "score": {"empty", "number"},
    "evidence": {"empty", "long", "label"},
    "note": {"empty", "long", "label", "units", "number", "deadline", "slash"},
}


def _fits(role: str | None, kind: str, text: str) -> bool:
    if role is None or kind in ACCEPTS[role]:
        return True
    # A short row label that happens to end like a unit ("共建园区", "展销专区") is still a label.
    return role == "category" and kind == "units" and len(tidy(text)) <= 8


def assign_roles(row: Row, roles: list[str | None]) -> RawTask:
    cells = list(row.cells)
    for index in range(min(len(cells), len(roles)) - 1):
        if roles[index] == "category" and roles[index + 1] == "text" and cells[index].text == cells[index + 1].text:
            cells[index] = Cell()  # the task text spans both columns: this row has no label
    kinds = [_kind(c.text) for c in cells]
    raw = RawTask(location=row.location, source=[c.text for c in cells])
    # A ledger comes from a spreadsheet, where no extraction joins or drops cells.
    # A row rebuilt one line a cell has its cells in place: a short task ("新建养老服务站6个")
    # that reads as a label is still the task.
    if is_ledger(roles) or len(cells) == len(roles) and (
            row.in_place or all(_fits(r, k, c.text) for r, k, c in zip(roles, kinds, cells))):
        for role, cell in zip(roles, cells):
            if role:
                raw.add(role, cell.paragraphs)
        return raw
    # Content decides: walk the expected roles left to right.
    pending = [r for r in roles if r]
    for index, (cell, kind) in enumerate(zip(cells, kinds)):
        if kind == "empty":
            if pending and index < len(roles) and roles[index] in pending and index >= len(cells) - len(pending):
                pending.remove(roles[index])
            continue
        if kind == "label" and "category" not in roles and not raw.cells.get("text") and index <= 1:
            raw.add("category", cell.paragraphs)
            continue
        if kind == "units+deadline":
            units, deadline = _units_then_deadline(re.sub(r"\s+", " ", cell.text).strip())
            role = next((r for r in pending if r in UNIT_ROLES), None)
            if role:
                raw.add(role, [units])
                pending = pending[pending.index(role) + 1:]
            raw.add("deadline", [deadline])
            pending = [r for r in pending if r != "deadline"]
            continue
        for position, role in enumerate(pending):
            if kind in ACCEPTS[role] or (role in ("text", "measures") and kind == "label"):
                raw.add(role, cell.paragraphs)
                pending = pending[position + 1:]
                break
    return raw
