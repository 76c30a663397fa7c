"""The 工作台账 (work ledger) as an .xlsx: the plan's task table as issued, one
row per target with its monthly cumulative figures, and links to the evidence.

Offices keep, send and edit this ledger, and re-import it with
`import_plan 台账.xlsx --plan ID`: what is written here is what
`intake.interpret.ledger` reads back, so a ledger re-imported unchanged changes
nothing (the importer's diff is empty). That is why the layout is fixed:

- one sheet per list (附件1, 附件2, …), the list's name above the title, where
  the importer looks for it; the title row carries the plan year, from which
  deadlines are resolved again;
- task cells (序号 … 考核要求, and 原文位置: where the task stands in its source
  document, kept on re-import) merged over the task's rows, one row per target
  (指标编号 "1.2" marks a part of target "1"), a task without targets one row,
  and extra rows where a task has more evidence links than targets;
- 目标值 is the total the unit is held to (quantity + carried-over shortfall);
  比较, 上限, 周期 and 其中上年结转 appear where the plan uses them, so the
  target comes back exactly.

Plain data in (`months`, `figures`, `evidence`): the caller — the snapshot —
decides which figures count; this module only lays them out.
"""

import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from math import ceil
from typing import Callable
from urllib.parse import urljoin

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from plans.models import Assignment, Plan, Target, Task

TITLE_FONT = Font(name="宋体", size=16, bold=True)
LIST_FONT = Font(name="黑体", size=12)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
BODY_FONT = Font(name="仿宋", size=11)
LINK_FONT = Font(name="仿宋", size=11, color="0563C1", underline="single")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
NOTE_FILL = PatternFill("solid", fgColor="FEF0C7")  # a figure with a remark: the total differs from its parts
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

MONEY_FORMAT = "#,##0.00"
# A money figure with more places than two (141.832万元) shows them all rather
# than round on screen: the cell holds every digit either way.
MONEY_FORMAT_FULL = "#,##0.00####"
COUNT_FORMAT = "0"
COUNT_FORMAT_FULL = "0.######"

LINE_HEIGHT = 15  # points per line of 11pt text
CENTERED = {"序号", "指标编号", "计量单位", "比较", "周期", "完成时限"}
_FORMULA_START = ("=", "+", "-", "@")


@dataclass
class Column:
    header: str
    width: float
    value: Callable  # (row) -> cell value
    merged: bool = False  # a task cell, merged over the task's rows
    in_target_unit: bool = False  # a figure formatted as its target's unit (万元 or a count)
    link: bool = False
    noted: bool = False  # the month shown: carries a comment where a total and its parts' sum differ


@dataclass
class _Row:
    task: Task
    target: Target | None
    code: str
    evidence: tuple[str, str] | None


def write_ledger(plan: Plan, months: list[tuple[str, datetime.date]],
                 figures: dict[int, dict[datetime.date, Decimal]],
                 evidence: dict[int, list[tuple[str, str]]], *, base_url: str = "",
                 notes: dict[int, str] | None = None, funds=None, funds_label: str = "", people=None,
                 pairings=None, as_of: datetime.date | None = None) -> bytes:
    """The plan's ledger as .xlsx bytes.

    `months`: (label such as "2026年1月", first day of the month) in order;
    `figures`: target id → month start → cumulative value (a missing month is
    left blank); `evidence`: task id → [(caption, URL)]. A site-relative URL
    ("/reporting/…") is joined to `base_url` (e.g. "https://xiezuo.example.gov.cn/")
    when one is given, since a spreadsheet has no site to be relative to.
    `notes`: target id → a remark on its last month's figure (a total whose lead reported
    a figure other than its parts' sum), written as a cell comment and a tinted cell: a
    comment, not a column, so a re-imported ledger reads exactly as before.
    `funds`: the plan's FundsSummary for the month (`funds_label`), written as a 协作资金 sheet;
    `people` (bulletin_people.roster) and `pairings` (bulletin_people.pairings) as of `as_of`
    likewise as 选派人员 and 结对互访 sheets.
    """
    notes = notes or {}
    tasks = list(plan.tasks.prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("unit")),
        Prefetch("targets", queryset=Target.objects.select_related("assignee")),
    ))
    book = Workbook()
    book.remove(book.active)
    for list_name, list_tasks in _by_list(tasks):
        sheet = book.create_sheet(_sheet_title(list_name, book.sheetnames))
        _write_sheet(sheet, plan, list_name, list_tasks, months, figures, evidence, base_url, notes)
    if not book.sheetnames:  # a plan without tasks still gives a readable (empty) ledger
        _write_sheet(book.create_sheet("工作台账"), plan, "", [], months, figures, evidence, base_url, notes)
    if funds is not None:  # the plan's 协作资金 (funds.queries.funds_summary), a sheet of its own
        from oversight.ledger_funds import add_funds_sheet

        add_funds_sheet(book, funds, funds_label)
    if people is not None or pairings:
        from oversight.ledger_people import add_exchanges_sheet, add_people_sheet

        if people is not None:
            add_people_sheet(book, people, funds_label)
        if pairings:
            add_exchanges_sheet(book, pairings, as_of, funds_label)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ledger_title(plan: Plan) -> str:
    """Plan title + 工作台账, led by the plan year where the title names none (or
    another first): the importer resolves 12月底前 against the first year it reads."""
    title = f"{plan.title}工作台账"
    first_year = re.search(r"(20\d{2})\s*年", plan.title)
    if not first_year or int(first_year.group(1)) != plan.year:
        title = f"{plan.year}年度{title}"
    return title


def target_codes(targets: list[Target]) -> dict[int, str]:
    """"1", "2" for a task's totals, "1.1", "1.2" for the parts of "1", and so on down."""
    ids = {t.pk for t in targets}
    children: dict[int | None, list[Target]] = {}
    for target in targets:
        parent = target.parent_id if target.parent_id in ids else None  # a lost parent: shown as a root
        children.setdefault(parent, []).append(target)
    codes: dict[int, str] = {}

    def number(parent_id, prefix):
        for index, child in enumerate(children.get(parent_id, []), start=1):
            codes[child.pk] = f"{prefix}{index}"
            number(child.pk, f"{prefix}{index}.")

    number(None, "")
    return codes


def number_format(unit: str, value) -> str:
    money = unit == Target.MONEY_UNIT
    if isinstance(value, Decimal) and value != value.quantize(Decimal("0.01") if money else Decimal(1)):
        return MONEY_FORMAT_FULL if money else COUNT_FORMAT_FULL
    return MONEY_FORMAT if money else COUNT_FORMAT


def cell_number(value: Decimal | None):
    """A Decimal as the number Excel stores (a double).

    Up to 15 significant digits — every quantity the models allow — a double
    reads back as exactly the same decimal, and openpyxl writes the shortest
    form that does (141.832, not 141.83199999999999). A value with more digits
    than a double holds is written as text, every digit kept, never rounded.
    """
    if value is None:
        return None
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else as_float
    return format(value, "f")


# --- layout -------------------------------------------------------------------

def _by_list(tasks: list[Task]) -> list[tuple[str, list[Task]]]:
    lists: dict[str, list[Task]] = {}
    for task in tasks:
        lists.setdefault(task.list_name, []).append(task)
    # A list without a name first: the importer carries the last 附件N it read
    # into any table after it that names none.
    return sorted(lists.items(), key=lambda item: item[0] != "")


def _sheet_title(list_name: str, taken: list[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "", list_name)[:31] or "工作台账"
    base, counter = title, 2
    while title in taken:
        title = f"{base[:28]}({counter})"
        counter += 1
    return title


def _units(task: Task, role: str) -> str:
    return "\n".join(a.printed_name or a.unit.name for a in task.assignments.all() if a.role == role)


def _ref(ref: str):
    return int(ref) if ref.isdigit() and not (len(ref) > 1 and ref.startswith("0")) else ref


def _columns(tasks: list[Task], months: list[tuple[str, datetime.date]],
             figures: dict[int, dict[datetime.date, Decimal]]) -> list[Column]:
    targets = [t for task in tasks for t in task.targets.all()]
    columns = [Column("序号", 6, lambda r: _ref(r.task.ref), merged=True)]
    if any(t.category for t in tasks):
        columns.append(Column("类别", 10, lambda r: r.task.category, merged=True))
    columns.append(Column("任务内容", 40, lambda r: r.task.text, merged=True))
    if any(t.measures for t in tasks):
        columns.append(Column("落实措施", 40, lambda r: r.task.measures, merged=True))
    columns += [
        Column("牵头单位", 16, lambda r: _units(r.task, Assignment.Role.LEAD), merged=True),
        Column("责任单位（配合）", 16, lambda r: _units(r.task, Assignment.Role.PARTNER), merged=True),
        Column("完成时限", 12, lambda r: r.task.deadline_text, merged=True),
    ]
    if any(t.score is not None for t in tasks):
        columns.append(Column("分值", 7, lambda r: r.task.score, merged=True))
    if any(t.evidence_required for t in tasks):
        columns.append(Column("考核要求", 30, lambda r: r.task.evidence_required, merged=True))
    if any(t.source_location for t in tasks):
        # Where the task stands in the document it came from: an auditor's way back, and what a
        # re-import of the ledger keeps as the task's source.
        columns.append(Column("原文位置", 14, lambda r: r.task.source_location, merged=True))

    def of_target(get):
        return lambda r: get(r.target) if r.target is not None else None

    columns += [
        Column("指标编号", 8, lambda r: r.code or None),
        Column("指标", 16, of_target(lambda t: t.metric)),
        Column("承担单位", 14, of_target(lambda t: t.assignee_printed or (t.assignee.name if t.assignee_id else ""))),
        Column("目标值", 13, of_target(lambda t: t.total), in_target_unit=True),
        Column("计量单位", 8, of_target(lambda t: t.unit)),
    ]
    if any(t.comparator == Target.Comparator.AT_LEAST for t in targets):
        columns.append(Column("比较", 6, of_target(lambda t: t.get_comparator_display())))
    if any(t.max_quantity is not None for t in targets):
        columns.append(Column("上限", 10, of_target(lambda t: t.max_quantity), in_target_unit=True))
    if any(t.per for t in targets):
        columns.append(Column("周期", 8, of_target(lambda t: t.get_per_display() if t.per else "")))
    if any(t.carried_over is not None for t in targets):
        columns.append(Column("其中上年结转", 12, of_target(lambda t: t.carried_over), in_target_unit=True))

    several_years = len({month.year for _, month in months}) > 1
    for index, (label, month) in enumerate(months, start=1):
        header = f"{label}累计" if several_years else f"{month.month}月累计"
        figure = of_target(lambda t, m=month: figures.get(t.pk, {}).get(m))
        columns.append(Column(header, 12, figure, in_target_unit=True, noted=index == len(months)))
    columns.append(Column("佐证材料", 30, lambda r: r.evidence, link=True))
    return columns


def _rows(tasks: list[Task], evidence: dict[int, list[tuple[str, str]]]) -> list[list[_Row]]:
    """Each task's rows: one a target, more where its evidence links outnumber them."""
    blocks = []
    for task in tasks:
        targets = list(task.targets.all())
        codes = target_codes(targets)
        links = evidence.get(task.pk, [])
        height = max(1, len(targets), len(links))
        blocks.append([
            _Row(task, targets[i] if i < len(targets) else None,
                 codes[targets[i].pk] if i < len(targets) else "", links[i] if i < len(links) else None)
            for i in range(height)
        ])
    return blocks


def _text(value) -> str:
    """Text as a cell may hold it: control characters dropped (.xlsx cannot store them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _put(cell, value):
    if isinstance(value, str):
        cell.value = _text(value)
        # Text from documents and reporters is never a formula ("=HYPERLINK(…)").
        if cell.value.startswith(_FORMULA_START):
            cell.data_type = "s"
    else:
        cell.value = value


def _lines(text, width: float) -> int:
    """Lines a wrapped cell needs: a Chinese character is two widths of "0"."""
    if text is None or text == "":
        return 1
    lines = 0
    for line in str(text).split("\n"):
        span = sum(2 if ord(ch) > 0x2E7F else 1 for ch in line)
        lines += max(1, ceil(span / max(width - 1, 1)))
    return lines


def _write_sheet(sheet, plan, list_name, tasks, months, figures, evidence, base_url, notes) -> None:
    columns = _columns(tasks, months, figures)
    last = get_column_letter(len(columns))
    row = 1
    if list_name:
        sheet.cell(row, 1, list_name).font = LIST_FONT
        row += 1
    title = sheet.cell(row, 1, ledger_title(plan))
    title.font = TITLE_FONT
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(columns))
    sheet.row_dimensions[row].height = 36
    header_row = row + 1
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(header_row, index, column.header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[header_row].height = LINE_HEIGHT * max(_lines(c.header, c.width) for c in columns) + 6

    row = header_row + 1
    for block in _rows(tasks, evidence):
        _write_block(sheet, columns, block, row, base_url, notes)
        row += len(block)

    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(row - 1, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _write_block(sheet, columns: list[Column], block: list[_Row], first: int, base_url: str,
                 notes: dict[int, str]) -> None:
    heights = [1] * len(block)
    merged_lines = 1
    for index, column in enumerate(columns, start=1):
        for offset, item in enumerate(block):
            cell = sheet.cell(first + offset, index)
            cell.border, cell.font = BORDER, BODY_FONT
            if column.merged and offset > 0:
                continue  # covered by the merge below; keeps its border
            value = column.value(item)
            if column.link:
                _put_link(cell, value, base_url)
                shown = value[0] or value[1] if value else ""
            elif isinstance(value, Decimal):
                _put(cell, cell_number(value))
                cell.number_format = number_format(item.target.unit if column.in_target_unit else "", value)
                shown = format(value.normalize(), "f")
            else:
                _put(cell, value)
                shown = cell.value
            if isinstance(value, (Decimal, int)):
                cell.alignment = Alignment(horizontal="center" if index == 1 else "right", vertical="center")
            else:
                horizontal = "center" if column.header in CENTERED else "left"
                cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            note = notes.get(item.target.pk) if column.noted and item.target is not None else None
            if note:
                cell.comment = Comment(note, "协作系统", width=260, height=90)
                cell.fill = NOTE_FILL
            lines = _lines(shown, column.width)
            if column.merged:
                merged_lines = max(merged_lines, lines)
            else:
                heights[offset] = max(heights[offset], lines)
        if column.merged and len(block) > 1:
            sheet.merge_cells(start_row=first, start_column=index, end_row=first + len(block) - 1, end_column=index)
    # A merged cell does not grow its rows: share out the height it needs.
    share = ceil(merged_lines / len(block))
    for offset, lines in enumerate(heights):
        sheet.row_dimensions[first + offset].height = LINE_HEIGHT * max(lines, share) + 4


def _put_link(cell, link: tuple[str, str] | None, base_url: str) -> None:
    if not link:
        return
    caption, url = link
    if base_url and url.startswith("/") and not url.startswith("//"):
        url = urljoin(base_url, url)
    _put(cell, caption or url)
    cell.hyperlink = url
    cell.font = LINK_FONT
