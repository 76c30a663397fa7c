"""Reading plans for pages: each query loads what a page shows in a fixed
number of round trips, however many tasks a plan has."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from plans.breakdown import TargetNode, build_breakdown
from plans.models import Assignment, Plan, Target, Task


ALL_STATES = "all"


def plans_for_list(visible: QuerySet[Plan], state: str = Plan.State.ACTIVE, search: str = "") -> QuerySet[Plan]:
    """The plan list among the `visible` plans (plans.access): one state's plans (all of them
    for "all"); a search looks through title and 文号 in every state, so an archived document
    is still found."""
    plans = visible.select_related("parent", "office").annotate(task_count=Count("tasks"))
    search = search.strip()
    if search:
        for word in search.split():
            plans = plans.filter(Q(title__icontains=word) | Q(doc_number__icontains=word))
    elif state != ALL_STATES:
        plans = plans.filter(state=state)
    return plans


def state_counts(visible: QuerySet[Plan]) -> dict[str, int]:
    """How many of the `visible` plans each state has, for the list's tabs."""
    counts = dict(visible.values_list("state").annotate(n=Count("id")).order_by())
    return {**{state: counts.get(state, 0) for state in Plan.State.values}, ALL_STATES: sum(counts.values())}


@dataclass
class TaskRow:
    task: Task
    leads: list[Assignment]
    partners: list[Assignment]
    targets: list[TargetNode]


def plan_task_rows(plan: Plan, *, archived: bool = False) -> list[TaskRow]:
    """The plan's tasks as its pages show them: the live ones, or (archived=True) those archived."""
    tasks = (
        plan.tasks.filter(archived=archived).select_related("upper_task", "upper_task__plan")
        .prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related("unit")),
            Prefetch("targets", queryset=Target.objects.select_related("assignee")),
        )
    )
    rows = []
    for task in tasks:
        assignments = list(task.assignments.all())
        rows.append(TaskRow(
            task=task,
            leads=[a for a in assignments if a.role == Assignment.Role.LEAD],
            partners=[a for a in assignments if a.role == Assignment.Role.PARTNER],
            targets=build_breakdown(task.targets.all()),
        ))
    return rows


def group_by_list(rows: list[TaskRow]) -> list[tuple[str, list[TaskRow]]]:
    """Tasks grouped by the list (附件) they belong to, lists in first-seen order."""
    groups: dict[str, list[TaskRow]] = {}
    for row in rows:
        groups.setdefault(row.task.list_name, []).append(row)
    return list(groups.items())
