"""What importing a new version of a plan would change, task by task.

Tasks are matched by (list, ref); targets within a task are compared as
multisets, because a document may set the same figure twice and order
carries no meaning for them.
"""

from collections import Counter
from decimal import Decimal
from dataclasses import dataclass, field

from django.db.models import Prefetch

from intake.interpret.numbers import printed
from plans.importing import task_key, task_label, to_date, to_decimal
from plans.models import Assignment, Plan, Target, Task

# (Plan JSON key, model field, label) for the plan's own facts.
PLAN_FIELDS = [
    ("title", "title", "标题"), ("doc_number", "doc_number", "文号"), ("issuer", "issuer", "发文机关"),
    ("issued_on", "issued_on", "成文日期"), ("year", "year", "年度"), ("end_year", "end_year", "截止年度"),
    ("kind", "kind", "协作类型"), ("references", "references", "引用文件"),
]
TASK_FIELDS = [
    ("category", "类别"), ("text", "任务内容"), ("measures", "落实措施"), ("deadline", "完成时限"),
    ("deadline_text", "完成时限（原文）"), ("optional", "自选动作"), ("score", "分值"),
    ("evidence_required", "考核要求"), ("lead_units", "牵头单位"), ("partner_units", "配合单位"),
]


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass
class TaskDiff:
    key: tuple[str, str]
    summary: str = ""  # the task's text, shortened, for added and removed tasks
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def label(self) -> str:
        return task_label(self.key)


@dataclass
class PlanDiff:
    plan: Plan
    plan_changes: list[FieldChange]
    added: list[TaskDiff]
    changed: list[TaskDiff]
    removed: list[TaskDiff]
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not (self.plan_changes or self.added or self.changed or self.removed)


def _lenient(convert, value):
    """Converted value, or the raw one when it does not convert (saving reports it)."""
    try:
        return convert(value)
    except ValueError:
        return value


def json_task_values(task: dict) -> dict:
    return {
        "category": task.get("category") or "",
        "text": task.get("text") or "",
        "measures": task.get("measures") or "",
        "deadline": _lenient(to_date, task.get("deadline")),
        "deadline_text": task.get("deadline_text") or "",
        "optional": bool(task.get("optional")),
        "score": _lenient(to_decimal, task.get("score")),
        "evidence_required": task.get("evidence_required") or "",
        "lead_units": [n for n in task.get("lead_units") or [] if n],
        "partner_units": [n for n in task.get("partner_units") or [] if n],
    }


def saved_task_values(task: Task) -> dict:
    assignments = list(task.assignments.all())

    def printed(role):
        return [a.printed_name or a.unit.name for a in assignments if a.role == role]

    return {
        "category": task.category, "text": task.text, "measures": task.measures, "deadline": task.deadline,
        "deadline_text": task.deadline_text, "optional": task.optional, "score": task.score,
        "evidence_required": task.evidence_required,
        "lead_units": printed(Assignment.Role.LEAD), "partner_units": printed(Assignment.Role.PARTNER),
    }


def json_target_signature(target: dict) -> tuple:
    """What makes two targets the same figure. Decimals compare by value (300 == 300.000000)."""
    return (
        target.get("metric") or "", _lenient(to_decimal, target.get("value")), target.get("unit") or "",
        target.get("comparator") or Target.Comparator.EQUAL, _lenient(to_decimal, target.get("max")),
        target.get("per") or "", target.get("assignee") or "", _lenient(to_decimal, target.get("carried_over")),
    )


def saved_target_signature(target: Target) -> tuple:
    assignee = target.assignee_printed or (target.assignee.name if target.assignee_id else "")
    return (target.metric, target.quantity, target.unit, target.comparator, target.max_quantity,
            target.per, assignee, target.carried_over)


def describe_target(signature: tuple) -> str:
    metric, quantity, unit, comparator, maximum, per, assignee, carried = signature
    figure = f"{'≥' if comparator == '>=' else ''}{_number(quantity)}"
    if maximum is not None:
        figure += f"–{_number(maximum)}"
    text = f"{assignee or '合计'} {metric} {figure}{unit}"
    if per:
        text += f"/{dict(Target.Per.choices).get(per, per)[1:]}"
    if carried is not None:
        text += f"（另结转上年缺口 {_number(carried)}）"
    return text


def diff_plan(plan_json: dict, plan: Plan) -> PlanDiff:
    saved = {
        (t.list_name, t.ref): t
        for t in plan.tasks.prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related("unit")),
            Prefetch("targets", queryset=Target.objects.select_related("assignee")),
        )
    }
    added, changed, seen = [], [], set()
    for task in plan_json.get("tasks") or []:
        key = task_key(task)
        seen.add(key)
        if key not in saved:
            added.append(TaskDiff(key, _summary(task.get("text") or task.get("measures") or "")))
            continue
        changes = _task_changes(task, saved[key])
        if changes:
            changed.append(TaskDiff(key, changes=changes))
    removed = [TaskDiff(key, _summary(t.text or t.measures)) for key, t in saved.items() if key not in seen]
    unchanged = len(seen & saved.keys()) - len(changed)
    return PlanDiff(plan, _plan_changes(plan_json.get("plan") or {}, plan), added, changed, removed, unchanged)


def _task_changes(task: dict, saved: Task) -> list[FieldChange]:
    new, old = json_task_values(task), saved_task_values(saved)
    changes = [FieldChange(name, label, _show(old[name]), _show(new[name]))
               for name, label in TASK_FIELDS if old[name] != new[name]]
    new_targets = Counter(json_target_signature(t) for t in task.get("targets") or [])
    old_targets = Counter(saved_target_signature(t) for t in saved.targets.all())
    if new_targets != old_targets:
        gone = "；".join(describe_target(s) for s in (old_targets - new_targets).elements())
        came = "；".join(describe_target(s) for s in (new_targets - old_targets).elements())
        changes.append(FieldChange("targets", "指标", f"删除：{gone}" if gone else "—", f"新增：{came}" if came else "—"))
    return changes


def _plan_changes(facts: dict, plan: Plan) -> list[FieldChange]:
    changes = []
    for key, name, label in PLAN_FIELDS:
        if key not in facts or facts[key] in (None, "", []):
            continue  # a ledger carries no 文号 or date: it does not erase them
        new = facts[key]
        if name == "issued_on":
            new = _lenient(to_date, new)
        elif name in ("year", "end_year"):
            new = _lenient(lambda v: None if v in (None, "") else int(v), new)
        elif name == "references":
            new = list(new or [])
        else:
            new = new or ""
        old = getattr(plan, name)
        if old != new:
            if name == "kind":
                old, new = plan.get_kind_display(), dict(Plan._meta.get_field("kind").choices).get(new, new)
            changes.append(FieldChange(name, label, _show(old), _show(new)))
    return changes


def _show(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _number(value) if not isinstance(value, str) else value


def _number(value) -> str:
    """All digits, no exponent, no trailing zeros: 141.832000 → 141.832."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return printed(value)
    return str(value)


def _summary(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length] + "…"
