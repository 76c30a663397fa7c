"""Two plans giving the same unit different quotas for the same task.

Tasks are paired by their text (a district's plan quotes the city's task);
within a pair each unit's quota is compared. Two units whose figures are
exchanged are reported together as a swap.
"""

from difflib import SequenceMatcher

from checks.findings import ERROR, NOTE, Finding, number
from checks.rules import plan_label
from checks.tasks import QUOTA, TaskView
from intake.interpret.text import squash

SIMILAR = 0.6


def _quotas(task: dict, views: dict | None = None) -> dict[tuple[str, str], list]:
    """Each unit's quotas in the task: a district's plan may hold the city's figure
    for it (quoted) beside its own ("鼓楼区8000万元" and "鼓楼区…8500万元以上")."""
    view = TaskView.of(task, views)
    by_index = {t.index: t for t in view.targets}
    quotas: dict[tuple[str, str], list] = {}
    for t in view.targets:
        parent = by_index.get(t.part_of) if t.part_of is not None else None
        if parent is not None and parent.assignee:
            continue  # a district's own breakdown (its departments, streets): not the other plan's business
        if t.assignee and t.kind == QUOTA:
            quotas.setdefault((t.assignee, t.unit), []).append(t)
    return quotas


def _linked_pairs(a_label, a_tasks, b_label, b_tasks):
    """Tasks paired by the upper task each implements (saved plans record it)."""
    b_by_key = {(t.get("list"), t.get("ref")): t for t in b_tasks}
    a_by_key = {(t.get("list"), t.get("ref")): t for t in a_tasks}
    pairs = []
    for task in a_tasks:
        upper = task.get("upper")
        if upper and upper[0] == b_label and (upper[1], upper[2]) in b_by_key:
            pairs.append((task, b_by_key[(upper[1], upper[2])]))
    for other in b_tasks:
        upper = other.get("upper")
        if upper and upper[0] == a_label and (upper[1], upper[2]) in a_by_key:
            pairs.append((a_by_key[(upper[1], upper[2])], other))
    return pairs


def _pairs(a_tasks: list[dict], b_tasks: list[dict], a_label: str = "", b_label: str = "", views=None):
    linked = _linked_pairs(a_label, a_tasks, b_label, b_tasks)
    if linked:
        for task, other in linked:
            quotas, other_quotas = _quotas(task, views), _quotas(other, views)
            if quotas and other_quotas:
                yield task, quotas, other, other_quotas
        return
    candidates = [(t, squash(t.get("text")), _quotas(t, views)) for t in b_tasks]
    candidates = [c for c in candidates if c[1] and c[2]]
    for task in a_tasks:
        text, quotas = squash(task.get("text")), _quotas(task, views)
        if not text or not quotas:
            continue
        best, best_ratio = None, SIMILAR
        for other, other_text, other_quotas in candidates:
            matcher = SequenceMatcher(None, text, other_text, autojunk=False)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = (other, other_quotas), ratio
        if best:
            yield task, quotas, best[0], best[1]


def compare_plans(plan_json: dict, other_json: dict, views: dict | None = None) -> list[Finding]:
    label, other_label = plan_label(plan_json), plan_label(other_json)
    findings = []
    for task, quotas, other_task, other_quotas in _pairs(plan_json.get("tasks") or [], other_json.get("tasks") or [],
                                                        label, other_label, views):
        where = f"{other_label}第{other_task.get('ref')}项"

        def report(severity, code, message, **numbers):
            findings.append(Finding(
                severity=severity, code=code, message=message, plan=label, list_name=task.get("list"),
                ref=task.get("ref"), source=squash(task.get("text"))[:120],
                expected=numbers.pop("expected", None), found=numbers.pop("found", None), numbers=numbers))

        differing = {}
        for key in [k for k in quotas if k in other_quotas]:  # printed order, so reports read the same each time
            mine, theirs = quotas[key], other_quotas[key]
            mine_values, their_values = {t.value for t in mine}, {t.value for t in theirs}
            # A unit setting itself more than it was given ("8500万元以上" against 8000) goes
            # beyond its quota; that is worth a note, not a conflict.
            above = [t for t in mine if t.comparator == ">=" and all(t.value > v for v in their_values)]
            below = [t for t in theirs if t.comparator == ">=" and all(t.value > v for v in mine_values)]
            for target in above:
                report(NOTE, "plan_beyond_quota",
                       f"{key[0]}自定{number(target.value)}{key[1]}以上，高于{where}的{number(min(their_values))}{key[1]}")
            for target in below:
                report(NOTE, "plan_beyond_quota",
                       f"{key[0]}在{where}中自定{number(target.value)}{key[1]}以上，高于本方案的{number(min(mine_values))}{key[1]}")
            if not (mine_values & their_values) and not above and not below:
                differing[key] = (min(mine_values), min(their_values))
        reported = set()
        for key, (mine, theirs) in differing.items():
            swap = next((k for k, (m, t) in differing.items() if k != key and k[1] == key[1]
                         and m == theirs and t == mine and k not in reported), None)
            if key in reported:
                continue
            unit = key[1]
            if swap:
                reported |= {key, swap}
                report(ERROR, "plan_swap",
                       f"与{where}不一致：本方案{key[0]}{number(mine)}{unit}、{swap[0]}{number(differing[swap][0])}{unit}，"
                       f"{where}为{key[0]}{number(theirs)}{unit}、{swap[0]}{number(differing[swap][1])}{unit}（两个单位的数字对调）",
                       expected=theirs, found=mine)
            else:
                reported.add(key)
                report(ERROR, "plan_conflict",
                       f"{key[0]}：本方案为{number(mine)}{unit}，{where}为{number(theirs)}{unit}",
                       expected=theirs, found=mine)
        for key in sorted(other_quotas.keys() - quotas.keys(), key=str):
            if len(quotas) >= 3:
                report(NOTE, "plan_missing_unit",
                       f"{key[0]}在{where}中有指标{number(other_quotas[key][0].value)}{key[1]}，本方案未列出")
    return findings
