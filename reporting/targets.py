"""Which targets a unit reports figures for in one report: its own (directly or through a group,
nested groups expanded), or, for a lead unit with none of its own, the task's totals.

One home for the rule: the report page, saving, the review queue and 我的填报 all ask here,
one report or many at once, in a fixed number of queries.
"""

from django.db.models import Q

from orgs.models import GroupMembership
from plans.models import Assignment, Target
from reporting.models import ProgressReport


def targets_of(report: ProgressReport) -> list[Target]:
    return targets_by_report([report])[report.pk]


def targets_by_report(reports: list[ProgressReport]) -> dict[int, list[Target]]:
    """Each report's targets. Three queries, plus one per level of groups nested in groups."""
    task_ids = {r.task_id for r in reports}
    by_task: dict[int, list[Target]] = {}
    # Only targets a report could be given: its unit's own, a group's, or a task's totals (a
    # breakdown's other units' parts never are; a city task has one per county). Ordered within
    # each task only: Target's default order joins task and plan to sort by them.
    could = (Q(assignee_id__in={r.unit_id for r in reports}) | Q(assignee__is_group=True)
             | Q(parent__isnull=True, assignee__isnull=True))
    for target in (Target.objects.filter(could, task_id__in=task_ids).select_related("assignee")
                   .order_by("position", "pk")):
        by_task.setdefault(target.task_id, []).append(target)
    leads = set(Assignment.objects.filter(task_id__in=task_ids, role=Assignment.Role.LEAD)
                .values_list("task_id", "unit_id"))
    members = _leaf_members({t.assignee_id for ts in by_task.values() for t in ts if t.assignee_id and t.assignee.is_group})
    result = {}
    for report in reports:
        candidates = by_task.get(report.task_id, [])
        own = [t for t in candidates if t.assignee_id and (
            report.unit_id in members.get(t.assignee_id, ()) if t.assignee.is_group else t.assignee_id == report.unit_id)]
        if not own and (report.task_id, report.unit_id) in leads:
            own = [t for t in candidates if t.parent_id is None and not t.assignee_id]
        result[report.pk] = own
    return result


def _leaf_members(group_ids: set[int]) -> dict[int, set[int]]:
    """Each group's leaf member units, nested groups expanded (as orgs.services.expand_group,
    a level at a time instead of a query per group)."""
    children: dict[int, list[tuple[int, bool]]] = {}
    frontier = set(group_ids)
    while frontier:
        rows = GroupMembership.objects.filter(group_id__in=frontier).values_list("group_id", "member_id", "member__is_group")
        frontier = set()
        for group_id, member_id, is_group in rows:
            children.setdefault(group_id, []).append((member_id, is_group))
            if is_group and member_id not in children:
                frontier.add(member_id)
        frontier -= set(children)

    def leaves(group_id, seen):
        found = set()
        for member_id, is_group in children.get(group_id, []):
            if not is_group:
                found.add(member_id)
            elif member_id not in seen:  # a cycle in the registry is cut, not followed
                found |= leaves(member_id, seen | {member_id})
        return found

    return {g: leaves(g, {g}) for g in group_ids}
