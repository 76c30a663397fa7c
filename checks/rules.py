"""Rules over one plan in Plan JSON form. Each returns findings; none writes.

The same functions check an import before it is saved and a saved plan
(checks.services turns it into the same form).
"""

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from checks.findings import ERROR, NOTE, WARNING, Finding, number
from checks.tasks import DONE, SHORTFALL, TOTAL, TaskView, dec
from checks.totals import check_stated_totals
from intake.interpret.text import squash
from intake.interpret.units import county_stem, unit_level


@dataclass
class Context:
    groups: dict[str, list[str]] = field(default_factory=dict)  # 十街镇 -> its members
    # printed unit name -> ("exact"|"alias"|"close"|"ambiguous"|"unknown", [candidate names])
    unit_status: Callable[[str], tuple[str, list[str]]] | None = None
    views: dict = field(default_factory=dict)  # TaskView cache for one run


def plan_label(plan_json: dict) -> str:
    facts = plan_json.get("plan") or {}
    return facts.get("doc_number") or facts.get("title") or "（未命名方案）"


class _Reporter:
    def __init__(self, plan_json: dict):
        self.label = plan_label(plan_json)
        self.findings: list[Finding] = []

    def __call__(self, task: dict | None, severity: str, code: str, message: str, **numbers):
        source = squash((task or {}).get("text") or (task or {}).get("measures") or "")
        self.findings.append(Finding(
            severity=severity, code=code, message=message, plan=self.label,
            list_name=(task or {}).get("list"), ref=(task or {}).get("ref"),
            source=source[:120], expected=numbers.pop("expected", None), found=numbers.pop("found", None),
            numbers=numbers,
        ))


def _u(unit: str) -> str:
    return unit or ""


# -- breakdowns ----------------------------------------------------------------------------------

def check_breakdowns(view: TaskView, report, context: "Context") -> None:
    """Parts against their total; "各N" × the units named against a stated total."""
    raw = view.task.get("targets") or []
    for total_index, parts in view.parts.items():
        total = view.target(total_index)
        # An annex column is a breakdown of its own (checks.totals), beside any in the body.
        parts = [p for p in parts if not raw[p.index].get("from_annex")]
        if not parts:
            continue
        if view.first(total.assignee, SHORTFALL) and any(view.first(p.assignee, SHORTFALL) for p in parts):
            continue  # carried-over shortfalls change the sums: check_carry_over_breakdown
        whole = sum((p.value for p in parts), Decimal(0))
        groups = {p.each for p in parts}
        if whole == total.value:
            continue
        if any(p.assignee is None for p in parts):
            _check_kinds(view, total, parts, whole, report)
            continue
        single_each = len(groups) == 1 and None not in groups and len({p.value for p in parts}) == 1
        unit = _u(total.unit)
        if single_each:
            value = parts[0].value
            report(view.task, ERROR, "each_count",
                   f"“各{number(value)}{unit}”共列出{len(parts)}个单位，合计{number(whole)}{unit}，"
                   f"与总数{number(total.value)}{unit}不符（相差{number(total.value - whole)}{unit}）",
                   expected=total.value, found=whole, each=value, units=len(parts))
        elif whole > total.value:
            report(view.task, ERROR, "breakdown_over",
                   f"{_who(total)}{number(total.value)}{unit}分解到各单位合计{number(whole)}{unit}，超出{number(whole - total.value)}{unit}",
                   expected=total.value, found=whole)
        else:
            named = {p.assignee for p in parts} | {total.assignee}
            named |= {g for g, members in context.groups.items() if named & set(members)}
            without = [u for u in (view.task.get("lead_units") or []) if u not in named and not _covered(u, named)]
            also = f"；未列数字的单位：{'、'.join(without)}" if without else ""
            report(view.task, WARNING, "breakdown_remainder",
                   f"{_who(total)}{number(total.value)}{unit}已分解{number(whole)}{unit}，"
                   f"尚有{number(total.value - whole)}{unit}未分配{also}",
                   expected=total.value, found=whole, remainder=total.value - whole)


def _check_kinds(view: TaskView, total, parts, summed: Decimal, report) -> None:
    """Parts by kind ("就业500人，其中脱贫劳动力150人", "其中油菜1.78、绿肥0.90…万亩"): never
    more than the whole; less is only noted, as 其中 need not list everything and a whole
    printed with 以上 is a floor. A single part is held only to be no larger."""
    unit = _u(total.unit)
    metrics = [(view.task.get("targets") or [])[p.index].get("metric") or "" for p in parts]
    head = f"{(view.task.get('targets') or [])[total.index].get('metric') or '总数'}{number(total.value)}{unit}"
    head += "以上" if total.comparator == ">=" else ""
    named = "、".join(dict.fromkeys(m for m in metrics if m)) or "各项"
    if summed > total.value:
        # One part above the whole cannot be; several may overlap (脱贫劳动力 / 到东部就业).
        single = len(parts) == 1 or any(p.value > total.value for p in parts)
        listed = f"其中{named}{number(summed)}{unit}" if len(parts) == 1 else f"其中{named}{len(parts)}项合计{number(summed)}{unit}"
        report(view.task, ERROR if single else WARNING, "parts_over",
               f"{head}，{listed}，比总数多{number(summed - total.value)}{unit}" + ("" if single else "（除非各项有交叉）"),
               expected=total.value, found=summed)
    elif len(parts) > 1:
        why = "总数是下限，所列各项也未必齐全" if total.comparator == ">=" else "所列各项未必齐全"
        report(view.task, NOTE, "parts_under",
               f"{head}，其中{named}{len(parts)}项合计{number(summed)}{unit}，比总数少"
               f"{number(total.value - summed)}{unit}（{why}，请核对）",
               expected=total.value, found=summed, remainder=total.value - summed)


def check_breakdown_reasons(task: dict, report) -> None:
    """A breakdown saved although it does not add up (planning's 预分解): the office's reason,
    with the numbers, for as long as the parts and the total (each with its carry-over) differ."""
    targets = task.get("targets") or []

    def total(t) -> Decimal:
        return dec(t.get("value") or 0) + dec(t.get("carried_over") or 0)
    for index, target in enumerate(targets):
        reason = target.get("breakdown_reason")
        if not reason:
            continue
        parts = [t for t in targets if t.get("part_of") == index]
        whole, given = total(target), sum((total(t) for t in parts), Decimal(0))
        if whole == given:
            continue
        unit, who = _u(target.get("unit")), f"{target['assignee']}的" if target.get("assignee") else ""
        gap = f"未分配{number(whole - given)}{unit}" if whole > given else f"超出{number(given - whole)}{unit}"
        report(task, WARNING, "breakdown_reason",
               f"{who}{target.get('metric') or '指标'}{number(whole)}{unit}分解到各单位合计{number(given)}{unit}"
               f"（{gap}），保存时说明的原因：{reason}", expected=whole, found=given)


def _who(target) -> str:
    return f"{target.assignee}的" if target.assignee else "总数"


def _covered(unit: str, named: set) -> bool:
    return any(n and (n in unit or unit in n) for n in named)


# -- carry-over ----------------------------------------------------------------------------------

def check_carry_over(view: TaskView, report) -> None:
    """Last year's result + shortfall = last year's quota; this year's total = quota + shortfall."""
    for assignee, kinds in view.by_unit.items():
        if assignee is None:
            continue
        done, shortfall, total = (kinds.get(k, [None])[0] for k in (DONE, SHORTFALL, TOTAL))
        quota = next((t for t in kinds.get("quota", []) if t.part_of is not None), None)
        if quota is None:
            continue
        if done and shortfall and done.value + shortfall.value != quota.value:
            report(view.task, ERROR, "carry_over_last_year",
                   f"{assignee}：上年完成{number(done.value)} + 差额{number(shortfall.value)} = "
                   f"{number(done.value + shortfall.value)}{quota.unit}，与任务数{number(quota.value)}{quota.unit}不符"
                   f"（相差{number(done.value + shortfall.value - quota.value)}{quota.unit}）",
                   expected=quota.value, found=done.value + shortfall.value)
        owed = quota.value + (shortfall.value if shortfall else 0)
        if total and total.value != owed:
            report(view.task, ERROR, "carry_over_this_year",
                   f"{assignee}：本年总任务{number(total.value)}{quota.unit}，应为任务数{number(quota.value)}"
                   f" + 上年差额{number(shortfall.value if shortfall else 0)} = {number(owed)}{quota.unit}",
                   expected=owed, found=total.value)


def check_carry_over_breakdown(view: TaskView, report) -> None:
    """A total that carries a shortfall, against parts that carry theirs."""
    for total_index, parts in view.parts.items():
        total = view.target(total_index)
        own_shortfall = view.first(total.assignee, SHORTFALL)
        part_shortfalls = [s for s in (view.first(p.assignee, SHORTFALL) for p in parts) if s]
        if own_shortfall is None or not part_shortfalls:
            continue
        unit = _u(total.unit)
        summed = sum((s.value for s in part_shortfalls), Decimal(0))
        if summed != own_shortfall.value:
            report(view.task, WARNING, "shortfall_sum",
                   f"{len(part_shortfalls)}个单位的上年差额合计{number(summed)}{unit}，与{total.assignee}的上年缺口"
                   f"{number(own_shortfall.value)}{unit}不符（相差{number(summed - own_shortfall.value)}{unit}）",
                   expected=own_shortfall.value, found=summed)
        owed = total.value + own_shortfall.value
        assigned = sum((view.this_year(p) for p in parts), Decimal(0))
        if assigned != owed:
            report(view.task, WARNING, "carry_over_breakdown",
                   f"各单位本年任务合计{number(assigned)}{unit}，而{total.assignee}应筹{number(total.value)} + "
                   f"缺口{number(own_shortfall.value)} = {number(owed)}{unit}（相差{number(assigned - owed)}{unit}）",
                   expected=owed, found=assigned)


# -- units and deadlines -------------------------------------------------------------------------

def check_units_of_targets(view: TaskView, report, context: Context) -> None:
    """A unit given a quota should be among the task's units (when units of its level are listed)."""
    listed = list(view.task.get("lead_units") or []) + list(view.task.get("partner_units") or [])
    expanded = set(listed) | {m for u in listed for m in context.groups.get(u, [])}
    missing = []
    # "各乡镇（街道）" listed: any town or street is among them (an annex names them one by one).
    town_group = any(re.match(r"各[\u4e00-\u9fff]*(?:乡|镇|街)", u) for u in listed)
    for target in view.targets:
        name = target.assignee
        if not name or name in missing:
            continue
        if town_group and re.search(r"(?:乡|镇|街道)$", name):
            continue
        same_level = [u for u in expanded if unit_level(u) == unit_level(name)]
        if not same_level:
            continue
        if not any((county_stem(u) or u) == (county_stem(name) or name) or u.endswith(name) or name.endswith(u)
                   for u in same_level):
            missing.append(name)
    for name in missing:
        report(view.task, WARNING, "quota_unit_not_assigned",
               f"{name}有指标，但不在本项任务的牵头单位或配合单位中")


def check_task_basics(view: TaskView, report, year: int | None, end_year: int | None) -> None:
    task = view.task
    if not task.get("lead_units"):
        report(task, WARNING, "no_lead", "没有牵头单位")
    if not task.get("deadline"):
        printed = task.get("deadline_text")
        report(task, NOTE, "no_deadline", f"没有明确的完成时限（原文：{printed}）" if printed else "没有完成时限")
    elif year:
        deadline = datetime.date.fromisoformat(str(task["deadline"]))
        if deadline.year > (end_year or year):
            report(task, WARNING, "deadline_after_year",
                   f"完成时限{deadline:%Y年%-m月%-d日}晚于方案年度{end_year or year}年")
    both = [u for u in task.get("lead_units") or [] if u in (task.get("partner_units") or [])]
    for unit in both:
        report(task, WARNING, "lead_and_partner", f"{unit}既是牵头单位又是责任（配合）单位")


def check_unit_names(plan_json: dict, report, context: Context) -> None:
    """Unit names not in the registry, or matching it only loosely."""
    if context.unit_status is None:
        return
    seen: dict[str, dict] = {}
    for task in plan_json.get("tasks") or []:
        for name in (task.get("lead_units") or []) + (task.get("partner_units") or []):
            seen.setdefault(name, task)
    for name, task in seen.items():
        status, candidates = context.unit_status(name)
        if status == "close":
            report(task, WARNING, "unit_loose", f"单位“{name}”与单位库不完全一致，可能是：{'、'.join(candidates)}")
        elif status == "ambiguous":
            report(task, WARNING, "unit_ambiguous", f"单位“{name}”在单位库中对应多个单位：{'、'.join(candidates)}")
        elif status == "unknown":
            report(task, NOTE, "unit_unknown", f"单位“{name}”不在单位库中")


# -- scores and the text around the list ---------------------------------------------------------

def check_scores(plan_json: dict, report) -> None:
    """In a scored list every unit's items usually add up to the same total."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for task in plan_json.get("tasks") or []:
        if task.get("score") is not None and task.get("lead_units"):
            totals[task["lead_units"][0]] += dec(task["score"])
    if len(totals) < 3:
        return
    usual, count = Counter(totals.values()).most_common(1)[0]
    if count < len(totals) / 2:
        return
    grand = sum(totals.values(), Decimal(0))
    for unit, total in totals.items():
        if total != usual:
            report(None, WARNING, "score_total",
                   f"{unit}各项分值合计{number(total)}分，其他{count}个单位均为{number(usual)}分（全表合计{number(grand)}分）",
                   expected=usual, found=total)


def check_statements(plan_json: dict, report) -> None:
    """The body text and the list giving the same figure with a different comparator."""
    statements = (plan_json.get("plan") or {}).get("statements") or []
    for task in plan_json.get("tasks") or []:
        for target in task.get("targets") or []:
            for said in statements:
                if (dec(said["value"]), said.get("unit")) != (dec(target["value"]), target.get("unit")):
                    continue
                if said.get("comparator", "=") != target.get("comparator", "="):
                    words = {"=": "", ">=": "不低于"}
                    report(task, WARNING, "statement_comparator",
                           f"正文写“{said.get('printed') or words[said.get('comparator', '=')] + number(said['value'])}”，"
                           f"清单写“{target.get('printed') or number(target['value'])}”：一个是"
                           f"{'下限' if said.get('comparator') == '>=' else '确数'}，一个是"
                           f"{'下限' if target.get('comparator') == '>=' else '确数'}",
                           expected=dec(said["value"]), found=dec(target["value"]))


def check_plan(plan_json: dict, context: Context | None = None) -> list[Finding]:
    context = context or Context()
    report = _Reporter(plan_json)
    facts = plan_json.get("plan") or {}
    for task in plan_json.get("tasks") or []:
        view = TaskView.of(task, context.views)
        check_breakdowns(view, report, context)
        check_breakdown_reasons(task, report)
        check_carry_over(view, report)
        check_carry_over_breakdown(view, report)
        check_units_of_targets(view, report, context)
        check_task_basics(view, report, facts.get("year"), facts.get("end_year"))
    check_unit_names(plan_json, report, context)
    check_scores(plan_json, report)
    check_statements(plan_json, report)
    check_stated_totals(plan_json, report)
    return report.findings
