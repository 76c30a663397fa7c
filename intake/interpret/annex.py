"""An annex table breaking the body's figures down per town or per unit (附表 任务分解表).

Recognised by a column of names (乡镇（街道）, 单位, 县区…) and columns of figures whose
header names what is counted and its measure ("社会帮扶资金（万元）"). Each column is
attached to the task whose text names that thing; every row gives that task a target
for the row's unit. The 合计 row is the breakdown's total: it is kept on the task's
figures as `annex_total`, so the checks can hold the parts to it and to the body.
"""

import re
from decimal import Decimal, InvalidOperation

from intake.document import Table
from intake.interpret.quantities import MEASURES, MONEY, PEOPLE
from intake.interpret.table_tasks import is_total_row
from intake.interpret.tasks import plain_number
from intake.interpret.text import tidy

_NAME_COLUMN = re.compile(r"乡镇|街道|单位|县区|县（市、区）|区县|地区|名称|部门|村")
# A column header's measure: the text's measure words, and 对 (pairs: 镇村结对（对）).
_COLUMN_MEASURES = sorted({*MEASURES, "对"}, key=len, reverse=True)
_FIGURE_COLUMN = re.compile(rf"^(.+?)[（(]({'|'.join(re.escape(m) for m in _COLUMN_MEASURES)})[）)]$")


def _figure(text: str):
    try:
        return Decimal(tidy(text).replace(",", ""))
    except InvalidOperation:
        return None


def _measure(value: Decimal, measure: str) -> tuple[Decimal, str]:
    if measure in MONEY:
        return value * MONEY[measure], "万元"
    return value, PEOPLE.get(measure, measure)


def breakdown_columns(table: Table) -> tuple[int, list[tuple[int, str, str]]] | None:
    """(name column, [(column, metric, measure)]) when the table is a breakdown."""
    header = [tidy(h) for h in table.header]
    names = next((i for i, h in enumerate(header) if _NAME_COLUMN.search(h) and not _FIGURE_COLUMN.match(h)), None)
    if names is None:
        return None
    figures = []
    for index, name in enumerate(header):
        upper, _, lower = name.rpartition("/")
        match = _FIGURE_COLUMN.match(upper or name)
        if match and index != names:
            # Under "消费帮扶（万元）": "任务数" is the column itself, "其中：机关食堂采购" a part of it.
            part = re.match(r"其中[：:]?(.+)$", lower) if upper else None
            figures.append((index, part.group(1) if part else match.group(1), match.group(2)))
    return (names, figures) if figures else None


def attach_breakdowns(tables: list[Table], tasks: list[dict]) -> None:
    """Targets per unit from each breakdown table, added to the task each column belongs to."""
    for table in tables:
        found = breakdown_columns(table)
        if not found:
            continue
        names, figures = found
        for column, metric, measure in figures:
            task = _task_naming(metric, tasks)
            if task is None:
                continue
            first_part = len(task["targets"])
            for row in table.rows:
                texts = row.texts
                if column >= len(texts) or names >= len(texts):
                    continue
                value = _figure(texts[column])
                if value is None:
                    continue
                value, unit = _measure(value, measure)
                if is_total_row(row):
                    task["annex_total"] = task.get("annex_total") or []
                    task["annex_total"].append({"metric": metric, "value": plain_number(value), "unit": unit,
                                                "location": row.location})
                    continue
                unit_name = tidy(texts[names])
                if not unit_name:
                    continue
                task["targets"].append({
                    "metric": metric, "value": plain_number(value), "unit": unit, "comparator": "=",
                    "assignee": unit_name, "printed": f"{tidy(texts[column])}{measure}", "from_annex": True,
                })
            _link_to_body(task, first_part, metric, group=_group_of(tidy(table.header[names])))


def _task_naming(metric: str, tasks: list[dict]) -> dict | None:
    """The task whose text names the column's metric; the first such."""
    for task in tasks:
        if metric in (task.get("text") or "") or metric == (task.get("category") or ""):
            return task
    return None


def _group_of(name_header: str) -> str | None:
    """"镇（街道）" → "各镇（街道）": the towns of the name column as one assignee."""
    return None if not re.fullmatch(r"(乡镇|镇|乡|街道|县区|区县|县|区|村)([（(](乡镇|镇|乡|街道)[）)])?", name_header) \
        else f"各{name_header}"


def _link_to_body(task: dict, first_part: int, metric: str, group: str | None = None) -> None:
    """The annex rows break down the body's figure equal to their 合计 row: they are its parts.
    A 合计 the body does not state is the towns' figure as a group ("各镇（街道）" 625万元)."""
    total = next((t for t in task.get("annex_total") or [] if t["metric"] == metric), None)
    if total is None:
        return
    for index, target in enumerate(task["targets"][:first_part]):
        if target.get("value") == total["value"] and target.get("unit") == total["unit"]:
            for part in task["targets"][first_part:]:
                part["part_of"] = index
            return
    if group:
        parts = task["targets"][first_part:]
        task["targets"][first_part:] = [{"metric": metric, "value": total["value"], "unit": total["unit"],
                                         "comparator": "=", "assignee": group,
                                         "printed": f"{total['value']}{total['unit']}"}, *parts]
        for part in parts:
            part["part_of"] = first_part
