"""A 工作台账's target columns: each task's targets one row a target.

Xiezuo's ledger (oversight.ledger) writes a plan's task table and then, per
target, 指标编号 / 指标 / 承担单位 / 目标值 / 计量单位 (and 比较, 上限, 周期,
其中上年结转 where a plan uses them), the task's own cells merged or repeated
over its rows; month figures and 佐证材料 links follow. Where a table has a
目标值 column the targets are read from these columns, not found again in the
task's text: the ledger states them exactly as the office keeps them, and a
re-import of it must give back the same figures.
"""

import re
from decimal import Decimal

from intake.interpret.quantities import PER_MARKERS
from intake.interpret.text import tidy

# Matched whole (after whitespace is removed), before the general header words:
# "指标" alone must not be taken for anything else, nor 目标值 for a task column.
LEDGER_ROLES = [
    ("target_code", re.compile(r"^指标编号$")),
    ("metric", re.compile(r"^指标(名称)?$")),
    ("assignee", re.compile(r"^承担单位$")),
    ("target_value", re.compile(r"^目标值$")),
    ("target_unit", re.compile(r"^计量单位$")),
    ("comparator", re.compile(r"^比较$")),
    ("target_max", re.compile(r"^上限$")),
    ("per", re.compile(r"^周期$")),
    ("carried_over", re.compile(r"^其中上年结转$")),
    # Where the task stands in the document it came from, not the ledger's own row.
    ("source_location", re.compile(r"^原文位置$")),
]
TARGET_ROLES = tuple(role for role, _ in LEDGER_ROLES if role != "source_location")
LEDGER_ONLY_ROLES = tuple(role for role, _ in LEDGER_ROLES)
# In a ledger, "佐证材料" holds links to what units uploaded (not the 考核要求
# a scored list asks for), and "N月累计" the figures reported: neither is read back.
NOT_READ_IN_LEDGER = re.compile(r"^佐证材料$|月累计$")

AT_LEAST = {"≥", ">=", "不低于", "不少于", "以上", "至少"}
EQUAL = {"", "=", "＝"}


def is_ledger(roles: list[str | None]) -> bool:
    return "target_value" in roles


def ledger_roles(header: list[str], roles: list[str | None]) -> list[str | None]:
    """In a ledger, its unread columns (links, month figures) get no role; in any
    other table the target columns get none either, as before ledgers were read."""
    if not is_ledger(roles):
        return [None if role in LEDGER_ONLY_ROLES else role for role in roles]
    return [None if NOT_READ_IN_LEDGER.search(re.sub(r"\s", "", cell)) else role for cell, role in zip(header, roles)]


_FIGURE = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _number(text: str):
    """The cell's Decimal, None when empty, the text itself when it is no plain
    figure (三百万, 约300): saving refuses it with a message, rather than guess."""
    if not text:
        return None
    return Decimal(text.replace(",", "").replace("，", "")) if _FIGURE.fullmatch(text) else text


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    return value


def target_from_row(cells: dict[str, str]) -> dict | None:
    """One row's target from its cells (role → text), None for a row without one.

    目标值 is the total the unit is held to; where 其中上年结转 is filled, the
    quota is the total less that carried-over shortfall.
    """
    text = {role: tidy(cells.get(role, "")) for role in TARGET_ROLES}
    if not text["metric"] and not text["target_value"]:
        return None  # the task's other rows: no target, or only evidence links
    total, carried = _number(text["target_value"]), _number(text["carried_over"])
    value = total - carried if isinstance(total, Decimal) and isinstance(carried, Decimal) else total
    comparator = text["comparator"]
    target = {
        "metric": text["metric"],
        "value": _plain(value),
        "unit": text["target_unit"],
        "comparator": ">=" if comparator in AT_LEAST else "=" if comparator in EQUAL else comparator,
        "assignee": text["assignee"] or None,
    }
    if text["target_max"]:
        target["max"] = _plain(_number(text["target_max"]))
    if text["per"]:
        target["per"] = PER_MARKERS.get(text["per"], text["per"])
    if carried is not None:
        target["carried_over"] = _plain(carried)
    return target


def targets_from_rows(rows: list[dict[str, str]]) -> list[dict]:
    """A task's targets from its ledger rows; 指标编号 "1.2" is a part of "1"."""
    targets, codes = [], []
    for cells in rows:
        target = target_from_row(cells)
        if target is not None:
            targets.append(target)
            codes.append(tidy(cells.get("target_code", "")))
    where = {code: index for index, code in enumerate(codes) if code}
    for index, code in enumerate(codes):
        parent = where.get(code.rsplit(".", 1)[0]) if "." in code else None
        if parent is not None and parent != index:
            targets[index]["part_of"] = parent
    return targets
