"""A plan's tasks, units and targets as plain JSON: what a version was issued with.

The snapshot is all a version's pages, its .docx and .xlsx and the next adjustment's diff read,
so an earlier version stays readable however the plan is edited later. Decimals are strings
(exact), dates ISO strings, units by id with their names in `units`.

    {"plan": {"id", "title", "doc_number", "year", "office"},
     "units": {"<id>": name}, "members": {"<group id>": [leaf unit ids]},
     "tasks": [{"id", "list_name", "ref", "category", "text", "measures", "deadline", "deadline_text",
                "optional", "score", "evidence_required", "lead": [ids], "partner": [ids],
                "targets": [{"id", "metric", "quantity", "unit", "comparator", "max_quantity", "per",
                             "carried_over", "assignee", "assignee_printed", "parent"}],
                "responsible": [leaf unit ids]}]}
"""

from decimal import Decimal

from orgs.models import GroupMembership
from plans.models import Assignment, Plan, Target

COMPARATORS = {"=": "", ">=": "不低于"}
PERIODS = dict(Target.Per.choices)


def _decimal(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def take_snapshot(plan: Plan) -> dict:
    """The plan as it stands, in a fixed number of queries (one more per level of nested groups)."""
    tasks = list(plan.tasks.filter(archived=False).order_by("position", "id"))  # archived: out of the work
    assignments = list(Assignment.objects.filter(task__plan=plan, task__archived=False).select_related("unit")
                       .order_by("task_id", "role", "position", "id"))
    targets = list(Target.objects.filter(task__plan=plan, task__archived=False).select_related("assignee").order_by("task_id", "position", "id"))
    units = {a.unit_id: a.unit.name for a in assignments}
    units.update({t.assignee_id: t.assignee.name for t in targets if t.assignee_id})
    members = _members([pk for pk in units], units)

    by_task: dict[int, dict] = {}
    for task in tasks:
        by_task[task.pk] = {
            "id": task.pk, "list_name": task.list_name, "ref": task.ref, "category": task.category,
            "text": task.text, "measures": task.measures,
            "deadline": task.deadline.isoformat() if task.deadline else None, "deadline_text": task.deadline_text,
            "optional": task.optional, "score": _decimal(task.score), "evidence_required": task.evidence_required,
            "lead": [], "partner": [], "targets": [],
        }
    for a in assignments:
        by_task[a.task_id][a.role].append(a.unit_id)
    for t in targets:
        by_task[t.task_id]["targets"].append({
            "id": t.pk, "metric": t.metric, "quantity": _decimal(t.quantity), "unit": t.unit,
            "comparator": t.comparator, "max_quantity": _decimal(t.max_quantity), "per": t.per,
            "carried_over": _decimal(t.carried_over), "assignee": t.assignee_id,
            "assignee_printed": t.assignee_printed, "parent": t.parent_id,
        })
    for entry in by_task.values():
        entry["responsible"] = responsible(entry, members)
    return {
        "plan": {"id": plan.pk, "title": plan.title, "doc_number": plan.doc_number, "year": plan.year,
                 "office": plan.office.name if plan.office_id else ""},
        "units": {str(pk): name for pk, name in units.items()},
        "members": {str(pk): ids for pk, ids in members.items()},
        "tasks": [by_task[task.pk] for task in tasks],
    }


def _members(unit_ids: list[int], names: dict[int, str]) -> dict[int, list[int]]:
    """Each group among `unit_ids` → its leaf members in printed order (nested groups expanded,
    cycles cut); the members' names are added to `names`."""
    children: dict[int, list[int]] = {}
    queried: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        queried |= frontier
        rows = list(GroupMembership.objects.filter(group_id__in=frontier).select_related("member")
                    .order_by("group_id", "position", "id"))
        for row in rows:
            children.setdefault(row.group_id, []).append(row.member_id)
            names.setdefault(row.member_id, row.member.name)
        frontier = {row.member_id for row in rows} - queried

    def leaves(pk, seen):
        if pk in seen:
            return []
        seen.add(pk)
        if pk not in children:
            return [pk]
        return [leaf for child in children[pk] for leaf in leaves(child, seen)]

    return {group: leaves(group, set()) for group in children}


def expand(unit_id: int, snapshot_members: dict) -> list[int]:
    """A unit as the leaf units it stands for (a group: its members)."""
    return snapshot_members.get(str(unit_id), [unit_id])


def responsible(task: dict, members) -> list[int]:
    """The leaf units a task concerns: lead and partner units and those given a target, in that order."""
    members = {str(k): v for k, v in members.items()}
    found: list[int] = []
    for pk in task["lead"] + task["partner"] + [t["assignee"] for t in task["targets"] if t["assignee"]]:
        for leaf in expand(pk, members):
            if leaf not in found:
                found.append(leaf)
    return found


def units_with_work(snapshot: dict, exclude: int | None = None) -> list[int]:
    """Every leaf unit some task of the snapshot concerns, in order of first appearance; `exclude`
    (the issuing office) left out."""
    found: list[int] = []
    for task in snapshot["tasks"]:
        for pk in task["responsible"]:
            if pk != exclude and pk not in found:
                found.append(pk)
    return found


def tasks_of_unit(snapshot: dict, unit_id: int) -> list[dict]:
    return [task for task in snapshot["tasks"] if unit_id in task["responsible"]]


def own_targets(snapshot: dict, task: dict, unit_id: int) -> dict:
    """The task as a unit reads it: only the targets given to it (or to a group it is in), so a
    street sees its own share rather than every street's; where none is its own, the task's totals."""
    members = snapshot.get("members", {})
    own = [t for t in task["targets"] if t["assignee"] and unit_id in expand(t["assignee"], members)]
    return {**task, "targets": own or [t for t in task["targets"] if not t["assignee"]]}


def unit_name(snapshot: dict, unit_id) -> str:
    return snapshot["units"].get(str(unit_id), "")


def task_label(task: dict) -> str:
    prefix = f"{task['list_name']} " if task["list_name"] else ""
    text = task["text"] or task["measures"]
    text = f"{text[:40]}…" if len(text) > 40 else text.rstrip("。；;，, ")  # quoted in a sentence: no 。inside
    return f"{prefix}{task['ref']}. {text}"


def quantity_text(target: dict) -> str:
    """“不低于33.3万元（含上年缺口5万元）”, “1-2期”, “每年2人”: the figure as a reader writes it."""
    quantity = Decimal(target["quantity"])
    carried = Decimal(target["carried_over"]) if target["carried_over"] else Decimal(0)
    total = quantity + carried
    figure = format(total.normalize(), "f")
    if target["max_quantity"]:
        figure += "-" + target["max_quantity"]
    text = f"{COMPARATORS.get(target['comparator'], '')}{figure}{target['unit']}"
    if target["per"]:
        text = PERIODS.get(target["per"], "") + text
    if carried:
        text += f"（含上年缺口{format(carried.normalize(), 'f')}{target['unit']}）"
    return text


def target_owner(snapshot: dict, target: dict) -> str:
    if target["assignee"]:
        return unit_name(snapshot, target["assignee"])
    return target["assignee_printed"] or "合计"
