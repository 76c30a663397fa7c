"""Printed totals against what they total: a 合计 row, a section heading, an annex's breakdown.

Plan JSON carries them as the importer read them (and a saved plan as it stored them):
- a task's `annex_total`: an annex column's 合计 row ({metric, value, unit}); the rows are
  the task's targets `from_annex` with that metric and unit;
- the plan's `stated_totals`: {"field": "score", value, list} a scored list's 合计 row;
  with "refs", a table's section row ("一、组织领导（15分）") over the items it lists; with
  "category", a heading of running text ("一、产业协作（20分）") over the items under it;
  {"field": "target", metric, value, unit, list, category} a heading's quantity
  ("（二）消费帮扶2000万元") over its items' figures in that unit.
"""

from decimal import Decimal

from checks.findings import ERROR, WARNING, number
from checks.tasks import dec


def annex_rows(task: dict, total: dict) -> list[int]:
    """Indexes of the task's targets read from the annex column `total` sums."""
    return [i for i, t in enumerate(task.get("targets") or [])
            if t.get("from_annex") and t.get("metric") == total["metric"] and t.get("unit") == total["unit"]]


def check_annex_totals(task: dict, report) -> None:
    targets = task.get("targets") or []
    for total in task.get("annex_total") or []:
        rows = annex_rows(task, total)
        if not rows:
            continue
        unit, printed = total.get("unit") or "", dec(total["value"])
        summed = sum((dec(targets[i]["value"]) for i in rows), Decimal(0))
        if summed != printed:
            report(task, ERROR, "annex_total",
                   f"附表“{total['metric']}”列{len(rows)}个单位相加为{number(summed)}{unit}，"
                   f"合计行印为{number(printed)}{unit}（相差{number(printed - summed)}{unit}）",
                   expected=printed, found=summed)
        body = _body_figure(task, total, rows)
        if body is None:
            continue
        said = dec(targets[body]["value"])
        if printed != said:
            also = f"（附表各行相加为{number(summed)}{unit}）" if summed != printed else ""
            report(task, ERROR, "annex_body",
                   f"“{total['metric']}”正文{number(said)}{unit}，附表合计{number(printed)}{unit}{also}，"
                   f"相差{number(abs(said - printed))}{unit}", expected=said, found=printed)
        elif summed != said:
            report(task, ERROR, "annex_body",
                   f"“{total['metric']}”正文{number(said)}{unit}，附表合计行也印{number(printed)}{unit}，"
                   f"但附表{len(rows)}个单位相加为{number(summed)}{unit}，相差{number(abs(said - summed))}{unit}",
                   expected=said, found=summed)


def _body_figure(task: dict, total: dict, rows: list[int]) -> int | None:
    """The body's figure the annex column breaks down: the one its rows are parts of; else
    the one figure in that unit distributed over the units the annex lists ("各乡镇（街道）
    合计1400万元"), or the task's only figure in that unit."""
    targets = task.get("targets") or []
    linked = {targets[i].get("part_of") for i in rows}
    own = None  # the 合计 row itself, made the towns' group figure ("各镇（街道）") by the importer
    if len(linked) == 1 and isinstance(next(iter(linked)), int):
        index = next(iter(linked))
        if 0 <= index < len(targets) and not targets[index].get("from_annex"):
            head = targets[index]
            if not (index == rows[0] - 1 and head.get("metric") == total["metric"]
                    and dec(head.get("value") or 0) == dec(total["value"])):
                return index
            own = index
    body = [i for i, t in enumerate(targets)
            if not t.get("from_annex") and i != own and t.get("unit") == total.get("unit") and not t.get("per")
            and t.get("value") is not None]
    named = [i for i in body if total["metric"] in (targets[i].get("metric") or "")]
    spread = [i for i in body if (targets[i].get("assignee") or "").startswith("各")]
    for found in (named, spread, body):
        if len(found) == 1:
            return found[0]
    return None


def check_stated_totals(plan_json: dict, report) -> None:
    """合计 rows and headings against their items; annex columns against the body."""
    tasks = plan_json.get("tasks") or []
    for task in tasks:
        check_annex_totals(task, report)
    for stated in (plan_json.get("plan") or {}).get("stated_totals") or []:
        under = _under(stated, [t for t in tasks if t.get("list") == stated.get("list")])
        if stated.get("field") == "score":
            _check_score(stated, under, report)
        elif stated.get("field") == "target":
            _check_quantity(stated, under, report)


def _under(stated: dict, tasks: list[dict]) -> list[dict]:
    """The items a total covers: the whole list; a heading's items (their category); a
    table section's items (refs "一.1", "一.2" under the row 一)."""
    if stated.get("category"):
        return [t for t in tasks if (t.get("category") or "") == stated["category"]]
    if "refs" in stated:
        return [t for t in tasks if str(t.get("ref")) in stated["refs"]]
    return tasks


def _heading(stated: dict) -> str:
    return f"标题“{stated['category']}”" if stated.get("category") else ""


def _check_score(stated: dict, under: list[dict], report) -> None:
    scores = [dec(t["score"]) for t in under if t.get("score") is not None]
    summed, printed = sum(scores, Decimal(0)), dec(stated["value"])
    if not scores or summed == printed:
        return
    if "refs" in stated:  # a table's section row "一、组织领导（15分）" (intake table_tasks)
        report(under[0], ERROR, "score_total_row",
               f"“{stated.get('section') or ''}”下{len(scores)}项分值相加为{number(summed)}分，"
               f"标题印为{number(printed)}分（相差{number(abs(printed - summed))}分）", expected=printed, found=summed)
    elif stated.get("category"):
        report(under[0], ERROR, "score_heading",
               f"{_heading(stated)}写{number(printed)}分，其下{len(scores)}项分值相加为{number(summed)}分"
               f"（相差{number(abs(printed - summed))}分）", expected=printed, found=summed)
    else:
        report(None, ERROR, "score_total_row",
               f"各项分值相加为{number(summed)}分，合计行印为{number(printed)}分"
               f"（相差{number(printed - summed)}分）", expected=printed, found=summed)


def _check_quantity(stated: dict, under: list[dict], report) -> None:
    """The items' own figures in the heading's unit (not their parts, not per-period ones)."""
    unit, printed = stated.get("unit") or "", dec(stated["value"])
    figures = [dec(t["value"]) for task in under for t in task.get("targets") or []
               if t.get("unit") == stated.get("unit") and t.get("part_of") is None and not t.get("per")
               and t.get("value") is not None]
    if not figures:
        return
    summed = sum(figures, Decimal(0))
    if summed == printed or (summed > printed and stated.get("comparator") == ">="):
        return
    report(under[0], WARNING, "heading_total",
           f"{_heading(stated)}的{number(printed)}{unit}与其下{len(under)}项任务所列{len(figures)}个数字之和"
           f"{number(summed)}{unit}不符（相差{number(abs(printed - summed))}{unit}）",
           expected=printed, found=summed)
