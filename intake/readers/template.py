"""Xiezuo's own Excel template for a plan, read exactly: no guessing.

The office downloads the template (plans/plan_template.py writes it), fills it
in Excel and uploads it. A very hidden sheet holds a marker and the layout
version; the sniffer sends such a workbook here instead of to the ledger
reader. Every cell has one meaning, so a wrong value is an error naming the
sheet, row and column, never something interpreted.

The layout (names shared with the writer):
- 方案: 项目 | 内容 rows (标题, 文号, 发文单位, 发文日期, 年度, 截止年度)
- 任务分工表: one task a row (TASK_COLUMNS)
- 分解: one figure a row (PART_COLUMNS); an empty 承担单位 is the task's total,
  a row with a unit is part of its 分解自 (empty: the task's total of the same 指标)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl.utils import get_column_letter

from ..errors import IntakeError

MARKER_SHEET = "_xiezuo"
MARKER = "xiezuo-plan-template"
VERSION = 1

HELP_SHEET, PLAN_SHEET, TASK_SHEET, PART_SHEET, UNIT_SHEET = "说明", "方案", "任务分工表", "分解", "单位名录"
PLAN_ROWS = [("标题", "title"), ("文号", "doc_number"), ("发文单位", "issuer"), ("发文日期", "issued_on"),
             ("年度", "year"), ("截止年度", "end_year")]
TASK_COLUMNS = ["序号", "分类", "任务", "工作措施", "牵头单位", "配合单位", "完成时限", "截止日期", "分值",
                "考核要求", "自选动作", "清单"]
PART_COLUMNS = ["任务序号", "指标", "承担单位", "数量", "计量单位", "比较", "结转", "分解自", "上限", "周期", "清单"]
# Columns an older filled copy may lack; the others must all be there.
OPTIONAL_COLUMNS = {"清单", "截止日期", "分解自", "上限", "周期"}
COMPARATORS = {"=": "=", "＝": "=", "≥": ">=", ">=": ">=", "≧": ">=", "＞＝": ">="}
PERIODS = {"每年": "year", "每月": "month", "每批": "batch", "每个村": "village"}
YES, NO = "是", "否"
STANDALONE = "无"  # 分解自 for a unit's figure that is part of no total
TOTAL = "合计"
# Units the plans store converted (plans.models.Target.NON_CANONICAL_UNITS).
CONVERT_UNITS = {"元": "万元", "亿元": "万元", "亿": "万元", "名": "人"}
UNIT_SEPARATORS = re.compile(r"[\n\r；;，,、]+")
MAX_ERRORS = 20


def is_template(archive: zipfile.ZipFile) -> bool:
    """The workbook declares the marker sheet (checked cheaply, before openpyxl loads it)."""
    try:
        workbook = archive.read("xl/workbook.xml")
    except KeyError:
        return False
    return f'name="{MARKER_SHEET}"'.encode() in workbook


@dataclass
class FilledTemplate:
    """The cells as read, before unit names are checked against the registry."""

    name: str
    plan: dict
    tasks: list[dict]
    # (task index, field, cell text, location) of every unit cell, split later with the registry.
    unit_cells: list[tuple[int, str, str, str]] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)


def read_template(data: bytes, name: str) -> FilledTemplate:
    import openpyxl

    from .xlsx import _check_size
    _check_size(data, name)  # a huge or merged-everywhere sheet is refused before openpyxl builds it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # data validation extensions
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    marker = book[MARKER_SHEET] if MARKER_SHEET in book.sheetnames else None
    if marker is None or marker["A1"].value != MARKER:
        raise IntakeError("文件像是协作系统的 Excel 模板，但模板标记已被改动。请重新下载模板填写。", name)
    version = marker["B1"].value
    if not isinstance(version, int) or version > VERSION:
        raise IntakeError(f"模板版本（{version}）比本系统支持的版本（{VERSION}）新或无法识别。请从本系统重新下载模板填写。", name)
    errors = _Errors(name)
    for sheet in (PLAN_SHEET, TASK_SHEET, PART_SHEET):
        if sheet not in book.sheetnames:
            raise IntakeError(f"模板缺少工作表“{sheet}”。请不要删除或重命名模板中的工作表，重新下载模板填写。", name)
    filled = FilledTemplate(name=name, plan=_read_plan(book[PLAN_SHEET], errors), tasks=[])
    _read_tasks(book[TASK_SHEET], filled, errors)
    _read_parts(book[PART_SHEET], filled, errors)
    errors.raise_any()
    return filled


def plan_json_from_template(filled: FilledTemplate, registry=None) -> dict:
    """Plan JSON from a read template; unit names must be the registry's (when one is given)."""
    errors = _Errors(filled.name)
    names = _Names(registry)
    tasks = [dict(task, lead_units=[], partner_units=[], targets=[]) for task in filled.tasks]
    for index, key, text, where in filled.unit_cells:
        tasks[index][key] = names.split(text, where, errors)
    by_key = {(t["list"] or "", t["ref"]): i for i, t in enumerate(tasks)}
    rows: dict[int, list[dict]] = {}
    for part in filled.parts:
        index = by_key.get((part["list"], part["task_ref"]))
        if index is None:
            label = f"{part['list']} " if part["list"] else ""
            errors.add(part["where"]["任务序号"], f"任务序号“{label}{part['task_ref']}”在“{TASK_SHEET}”中不存在")
            continue
        if part["assignee"] is not None:
            names.check(part["assignee"], part["where"]["承担单位"], errors)
        rows.setdefault(index, []).append(part)
    for index, parts in rows.items():
        tasks[index]["targets"] = _targets(parts, errors)
    errors.raise_any()
    return {"format": "plan/1", "plan": filled.plan, "tasks": tasks}


def _targets(parts: list[dict], errors: "_Errors") -> list[dict]:
    targets = []
    for part in parts:
        target = {k: part[k] for k in ("metric", "value", "unit", "comparator", "assignee")}
        target.update({k: part[k] for k in ("carried_over", "max", "per") if part[k] is not None})
        targets.append(target)
    for own, part in enumerate(parts):
        parent = part["parent"]
        if part["assignee"] is None or parent == STANDALONE:
            if parent not in (None, STANDALONE):
                errors.add(part["where"]["分解自"], "合计行（承担单位为空）不能再分解自其他行，请清空“分解自”")
            continue
        if parent in (None, TOTAL):
            found = [i for i, p in enumerate(parts) if p["assignee"] is None and p["metric"] == part["metric"]]
            if not found and parent == TOTAL:
                errors.add(part["where"]["分解自"], f"本任务没有指标“{part['metric']}”的合计行（承担单位为空的行）")
        else:
            found = [i for i, p in enumerate(parts)
                     if p["assignee"] is not None and _fold(p["assignee"]) == _fold(parent) and p["metric"] == part["metric"]]
            if not found:
                errors.add(part["where"]["分解自"], f"本任务中没有承担单位为“{parent}”、指标为“{part['metric']}”的行")
        found = [i for i in found if i != own]
        if found:
            targets[own]["part_of"] = found[0]
    return targets


# --- sheets ----------------------------------------------------------------------------------

def _read_plan(sheet, errors: "_Errors") -> dict:
    labels = dict(PLAN_ROWS)
    values: dict[str, tuple] = {}
    for row in sheet.iter_rows(min_row=1, max_col=2):
        label = _text(row[0].value)
        if label in labels:
            values[labels[label]] = (row[1].value, f"工作表“{PLAN_SHEET}”第{row[1].row}行 B列（{label}）")
    missing = [label for label, key in PLAN_ROWS if key not in values and key != "end_year"]
    if missing:
        errors.add(f"工作表“{PLAN_SHEET}”", "缺少项目" + "、".join(f"“{m}”" for m in missing) + "（A列）")
        return {}
    plan = {"title": _text(values["title"][0]), "doc_number": _text(values["doc_number"][0]) or None,
            "issuer": _text(values["issuer"][0]) or None, "issued_on": None, "year": None, "references": []}
    if not plan["title"]:
        errors.add(values["title"][1], "标题不能为空")
    plan["issued_on"] = _date(*values["issued_on"], errors)
    plan["year"] = _year(*values["year"], errors, required=True)
    if "end_year" in values:
        end_year = _year(*values["end_year"], errors, required=False)
        if end_year is not None:
            if plan["year"] and end_year < plan["year"]:
                errors.add(values["end_year"][1], "截止年度不能早于年度")
            plan["end_year"] = end_year
    return plan


def _columns(sheet, expected: list[str], errors: "_Errors") -> dict[str, int] | None:
    header = [_text(cell.value) for cell in next(sheet.iter_rows(min_row=1, max_row=1), [])]
    columns = {name: position for position, name in enumerate(header) if name in expected}
    missing = [name for name in expected if name not in columns and name not in OPTIONAL_COLUMNS]
    if missing:
        errors.add(f"工作表“{sheet.title}”第1行", "缺少列" + "、".join(f"“{m}”" for m in missing) + "。请不要修改表头")
        return None
    return columns


def _data_rows(sheet, columns: dict[str, int]):
    """(row number, {column: (value, location)}) of every row with anything filled."""
    for row in sheet.iter_rows(min_row=2):
        if all(_text(cell.value) == "" for cell in row):
            continue
        number = row[0].row
        cells = {}
        for name, position in columns.items():
            value = row[position].value if position < len(row) else None
            cells[name] = (value, f"工作表“{sheet.title}”第{number}行 {get_column_letter(position + 1)}列（{name}）")
        yield number, cells


def _read_tasks(sheet, filled: FilledTemplate, errors: "_Errors") -> None:
    columns = _columns(sheet, TASK_COLUMNS, errors)
    if columns is None:
        return
    seen: dict[tuple[str, str], int] = {}
    for number, cells in _data_rows(sheet, columns):
        get = lambda name: cells.get(name, (None, ""))  # noqa: E731
        ref, list_name = _text(get("序号")[0]), _text(get("清单")[0])
        if not ref:
            errors.add(get("序号")[1], "序号不能为空")
        elif (list_name, ref) in seen:
            errors.add(get("序号")[1], f"序号“{ref}”与第{seen[(list_name, ref)]}行重复")
        seen.setdefault((list_name, ref), number)
        text = _text(get("任务")[0])
        if not text:
            errors.add(get("任务")[1], "任务内容不能为空")
        deadline_value = get("完成时限")[0]
        deadline = _date(*get("截止日期"), errors) if "截止日期" in cells else None
        if isinstance(deadline_value, (dt.date, dt.datetime)):  # a date typed in 完成时限 is both
            day = deadline_value.date() if isinstance(deadline_value, dt.datetime) else deadline_value
            deadline_text = f"{day.year}年{day.month}月{day.day}日"
            deadline = deadline or day.isoformat()
        else:
            deadline_text = _text(deadline_value)
        index = len(filled.tasks)
        filled.tasks.append({
            "ref": ref, "list": list_name or None, "category": _text(get("分类")[0]) or None,
            "text": text, "measures": _text(get("工作措施")[0]) or None,
            "deadline_text": deadline_text or None, "deadline": deadline,
            "score": _number(*get("分值"), errors), "evidence_required": _text(get("考核要求")[0]) or None,
            "optional": _yes_no(*get("自选动作"), errors),
            "source": {"location": f"{TASK_SHEET} 第{number}行"},
        })
        for key, column in (("lead_units", "牵头单位"), ("partner_units", "配合单位")):
            value, where = get(column)
            if _text(value):
                filled.unit_cells.append((index, key, _text(value), where))


def _read_parts(sheet, filled: FilledTemplate, errors: "_Errors") -> None:
    columns = _columns(sheet, PART_COLUMNS, errors)
    if columns is None:
        return
    for number, cells in _data_rows(sheet, columns):
        get = lambda name: cells.get(name, (None, ""))  # noqa: E731
        metric, unit = _text(get("指标")[0]), _text(get("计量单位")[0])
        if not _text(get("任务序号")[0]):
            errors.add(get("任务序号")[1], "任务序号不能为空")
        if not metric:
            errors.add(get("指标")[1], "指标名称不能为空")
        if not unit:
            errors.add(get("计量单位")[1], "计量单位不能为空（如 万元、人、个）")
        elif unit in CONVERT_UNITS:
            errors.add(get("计量单位")[1], f"计量单位“{unit}”请换算为“{CONVERT_UNITS[unit]}”后填写（如 1.2亿元 填 12000 万元）")
        value = _number(*get("数量"), errors)
        if value is None and _text(get("数量")[0]) == "":
            errors.add(get("数量")[1], "数量不能为空")
        comparator_text = _text(get("比较")[0]) or "="
        comparator = COMPARATORS.get(comparator_text)
        if comparator is None:
            errors.add(get("比较")[1], f"“{comparator_text}”不是可选的比较方式，请选“=”或“≥”")
        maximum = _number(*get("上限"), errors) if "上限" in cells else None
        if maximum is not None and value is not None and maximum < value:
            errors.add(get("上限")[1], f"上限 {maximum} 小于数量 {value}")
        period_text = _text(get("周期")[0]) if "周期" in cells else ""
        if period_text and period_text not in PERIODS:
            errors.add(get("周期")[1], f"“{period_text}”不是可选的周期，请选" + "、".join(PERIODS) + "或留空")
        assignee = _text(get("承担单位")[0]) or None
        filled.parts.append({
            "task_ref": _text(get("任务序号")[0]), "list": _text(get("清单")[0]),
            "metric": metric, "unit": unit, "value": value, "comparator": comparator, "assignee": assignee,
            "carried_over": _number(*get("结转"), errors), "max": maximum, "per": PERIODS.get(period_text),
            "parent": _text(get("分解自")[0]) or None, "where": {name: where for name, (_, where) in cells.items()},
        })


# --- values ----------------------------------------------------------------------------------

class _Errors:
    def __init__(self, name: str):
        self.name, self.messages = name, []

    def add(self, where: str, message: str) -> None:
        self.messages.append(f"{where}：{message}")

    def raise_any(self) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_ERRORS]
        more = f"；……共 {len(self.messages)} 处" if len(self.messages) > MAX_ERRORS else ""
        raise IntakeError("模板中有以下错误，请改正后重新上传：" + "；".join(shown) + more, self.name)


class _Names:
    """Unit names as the registry knows them (names and aliases, compared as the registry normalises)."""

    def __init__(self, registry):
        self.known: set[str] | None = None
        if registry is not None:
            self.known = {_fold(n) for n in registry.unit_names} | {_fold(a) for a in registry.aliases}

    def is_known(self, name: str) -> bool:
        return self.known is None or _fold(name) in self.known

    def check(self, name: str, where: str, errors: _Errors) -> None:
        if not self.is_known(name):
            errors.add(where, f"单位“{name}”不在单位库中。请从“{UNIT_SHEET}”工作表中选用单位名称，或先在单位库中添加该单位")

    def split(self, text: str, where: str, errors: _Errors) -> list[str]:
        """Names separated by 、，；or new lines; a name that itself holds 、 (鼓楼区党委、政府) is kept whole."""
        pieces = [p.strip() for p in UNIT_SEPARATORS.split(text) if p.strip()]
        names, start = [], 0
        while start < len(pieces):
            end = next((end for end in range(len(pieces), start + 1, -1)
                        if self.known is not None and _fold("、".join(pieces[start:end])) in self.known), start + 1)
            name = "、".join(pieces[start:end])
            self.check(name, where, errors)
            names.append(name)
            start = end
        return names


def _fold(name: str) -> str:
    # orgs.names.normalize_name, which intake may not import.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return str(value).strip()


def _number(value, where: str, errors: _Errors) -> Decimal | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, bool):
        errors.add(where, f"“{value}”不是数字")
        return None
    try:
        # repr of a float is its shortest exact form: 141.832 stays 141.832.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(_text(value).replace(",", ""))
    except InvalidOperation:
        errors.add(where, f"“{_text(value)}”不是数字（只填数字，单位写在“计量单位”列）")
        return None
    if not number.is_finite() or number < 0:
        errors.add(where, f"“{_text(value)}”不是有效的非负数")
        return None
    return number


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _date(value, where: str, errors: _Errors) -> str | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _DATE.match(_text(value))
    try:
        if match:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        pass
    errors.add(where, f"“{_text(value)}”不是有效日期（应为 年-月-日，如 2024-12-31）")
    return None


def _year(value, where: str, errors: _Errors, *, required: bool) -> int | None:
    text = _text(value).removesuffix("年")
    if not text:
        if required:
            errors.add(where, "年度不能为空")
        return None
    if not text.isdigit() or not 1949 <= int(text) <= 2100:
        errors.add(where, f"“{_text(value)}”不是有效年度（如 2024）")
        return None
    return int(text)


def _yes_no(value, where: str, errors: _Errors) -> bool:
    text = _text(value)
    if text in ("", NO):
        return False
    if text == YES:
        return True
    errors.add(where, f"“{text}”应为“是”或“否”（不是自选动作可留空）")
    return False
