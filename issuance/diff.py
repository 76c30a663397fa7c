"""What changed between two snapshots (issuance.snapshot): the 调整 list. Pure, no database.

Tasks and targets are matched by id (the plan's rows, kept by the editing pages), so a task
renumbered is a change of 序号, not a removal and an addition. Each change says which leaf units
it concerns, so an adjustment tells only them and asks only them to sign again:

- a task added or removed: every unit it concerns (before or after);
- a task's text, deadline, lead or partner units changed: its units before and after;
- a quota (a target) added, removed or changed: the unit it is given to (a group: its members);
  a task's total (no unit): the task's lead units;
- a group's members changed (the task's units as printed the same): the members it gained or lost.

    [{"kind": "added" | "removed" | "changed", "task_id", "task": label,
      "lines": [{"field", "old", "new"}], "units": [leaf unit ids]}]
"""

from issuance.snapshot import expand, quantity_text, target_owner, task_label, unit_name

KIND_LABELS = {"added": "新增任务", "removed": "删除任务", "changed": "修改任务"}

TASK_FIELDS = [("list_name", "清单"), ("ref", "序号"), ("category", "类别"), ("text", "任务内容"),
               ("measures", "工作措施"), ("deadline_text", "完成时限"), ("deadline", "截止日期"),
               ("optional", "自选动作"), ("score", "分值"), ("evidence_required", "考核要求")]
QUOTA_FIELDS = ("metric", "quantity", "unit", "comparator", "max_quantity", "per", "carried_over", "assignee",
                "assignee_printed")


def _shown(field: str, value) -> str:
    if value is None or value == "":
        return "（无）"
    if field == "optional":
        return "是" if value else "否"
    return str(value)


def _names(snapshot: dict, ids: list[int]) -> str:
    return "、".join(unit_name(snapshot, pk) for pk in ids) or "（无）"


def _add(units: list[int], more) -> None:
    for pk in more:
        if pk not in units:
            units.append(pk)


def _quota_units(snapshot: dict, task: dict, target: dict) -> list[int]:
    members = snapshot.get("members", {})
    if target["assignee"]:
        return expand(target["assignee"], members)
    found: list[int] = []
    for pk in task["lead"]:
        _add(found, expand(pk, members))
    return found


def diff_snapshots(old: dict, new: dict) -> list[dict]:
    """Changes from `old` to `new`, in the new plan's order (removed tasks last)."""
    before = {task["id"]: task for task in old["tasks"]}
    after_ids = {task["id"] for task in new["tasks"]}
    changes = []
    for task in new["tasks"]:
        previous = before.get(task["id"])
        if previous is None:
            changes.append({"kind": "added", "task_id": task["id"], "task": task_label(task),
                            "lines": _whole_task(new, task), "units": list(task["responsible"])})
            continue
        change = _task_change(old, new, previous, task)
        if change:
            changes.append(change)
    for task in old["tasks"]:
        if task["id"] not in after_ids:
            changes.append({"kind": "removed", "task_id": task["id"], "task": task_label(task),
                            "lines": _whole_task(old, task), "units": list(task["responsible"])})
    return changes


def _whole_task(snapshot: dict, task: dict) -> list[dict]:
    lines = [{"field": "牵头单位", "old": "", "new": _names(snapshot, task["lead"])}]
    if task["partner"]:
        lines.append({"field": "配合单位", "old": "", "new": _names(snapshot, task["partner"])})
    for target in task["targets"]:
        lines.append({"field": f"{target['metric']}（{target_owner(snapshot, target)}）", "old": "",
                      "new": quantity_text(target)})
    return lines


def _task_change(old: dict, new: dict, previous: dict, task: dict) -> dict | None:
    lines, units = [], []
    everyone = list(previous["responsible"])
    _add(everyone, task["responsible"])
    for field, label in TASK_FIELDS:
        if previous[field] != task[field]:
            lines.append({"field": label, "old": _shown(field, previous[field]), "new": _shown(field, task[field])})
            _add(units, everyone)
    for role, label in (("lead", "牵头单位"), ("partner", "配合单位")):
        if previous[role] != task[role]:
            lines.append({"field": label, "old": _names(old, previous[role]), "new": _names(new, task[role])})
            _add(units, everyone)

    old_targets = {t["id"]: t for t in previous["targets"]}
    new_ids = {t["id"] for t in task["targets"]}
    for target in task["targets"]:
        was = old_targets.get(target["id"])
        if was is not None and all(was[f] == target[f] for f in QUOTA_FIELDS):
            continue
        owner = target_owner(new, target)
        lines.append({"field": f"{target['metric']}（{owner}）", "old": quantity_text(was) if was else "（无）",
                      "new": quantity_text(target)})
        _add(units, _quota_units(new, task, target))
        if was is not None and was["assignee"] != target["assignee"]:
            _add(units, _quota_units(old, previous, was))
    for target in previous["targets"]:
        if target["id"] not in new_ids:
            lines.append({"field": f"{target['metric']}（{target_owner(old, target)}）",
                          "old": quantity_text(target), "new": "（删除）"})
            _add(units, _quota_units(old, previous, target))
    # A group's members changed (十街镇 gained a street): the units it brings or takes away.
    moved = set(previous["responsible"]) ^ set(task["responsible"])
    if moved - set(units):
        lines.append({"field": "责任单位（集合单位按成员）", "old": _names(old, previous["responsible"]),
                      "new": _names(new, task["responsible"])})
        _add(units, [pk for pk in everyone if pk in moved])
    if not lines:
        return None
    return {"kind": "changed", "task_id": task["id"], "task": task_label(task), "lines": lines, "units": units}


def concerned_units(changes: list[dict], exclude: int | None = None) -> list[int]:
    found: list[int] = []
    for change in changes:
        _add(found, [pk for pk in change["units"] if pk != exclude])
    return found


def changes_for_unit(changes: list[dict], unit_id: int) -> list[dict]:
    return [change for change in changes if unit_id in change["units"]]


def summary(change: dict) -> str:
    """One line of the change list, as the 调整 notice and the notification print it."""
    parts = []
    for line in change["lines"]:
        if change["kind"] == "changed":
            parts.append(f"{line['field']}：{line['old']} → {line['new']}")
        else:
            parts.append(f"{line['field']}：{line['new']}")
    return f"{KIND_LABELS[change['kind']]}“{change['task']}”：" + "；".join(parts)
