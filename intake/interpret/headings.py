"""Totals a heading of running text states over the items under it, for the checks.

"一、产业协作（20分）", "（一）产业协作 20分" over scored items; "二、消费帮扶2000万元" over
items with figures in 万元. Recorded in the plan's `stated_totals` beside a list's 合计 row
and a table's section rows (table_tasks): {"field": "score" | "target", …, "category":
heading}, the items being those that carry the heading as their category.
"""

import re

from intake.interpret.numbers import to_decimal
from intake.interpret.quantities import find_quantities

_SCORE = re.compile(r"[（(]?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]?$")


def _plain(value):
    return int(value) if value == value.to_integral_value() else value


def category_totals(tasks: list[dict]) -> list[dict]:
    """Headings of running text (the items' category) that state a 分值 or one quantity."""
    found, seen = [], set()
    for task in tasks:
        heading = task.get("category")
        if not heading or (task.get("list"), heading) in seen:
            continue
        seen.add((task.get("list"), heading))
        score = _SCORE.search(heading)
        if score and to_decimal(score.group(1)) is not None:
            found.append({"field": "score", "value": _plain(to_decimal(score.group(1))), "list": task.get("list"),
                          "category": heading})
            continue
        quantities = find_quantities(heading)
        if len(quantities) == 1 and quantities[0].unit not in {"%", "个百分点"} and not quantities[0].per:
            q = quantities[0]
            found.append({"field": "target", "metric": heading[: q.start].strip() or None, "value": _plain(q.value),
                          "unit": q.unit, "comparator": q.comparator, "list": task.get("list"), "category": heading})
    return found
