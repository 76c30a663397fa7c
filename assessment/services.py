"""Assessment actions: each one transaction, audited (who, when, why) through history.acting."""

from django.db import transaction

from assessment.errors import AssessmentError
from assessment.models import Category, Item, Scheme, ScoreSheet
from history.records import acting, bulk_create_audited
from orgs.models import GroupMembership
from plans.models import Assignment, Plan


def plan_years(plan: Plan) -> range:
    """The years a plan runs: a multi-year plan (2017–2020) is assessed year by year."""
    return range(plan.year, (plan.end_year or plan.year) + 1)


def _members(group_ids: set[int]) -> dict[int, list[int]]:
    """Each group's leaf members in printed order, nested groups expanded and cycles cut,
    with one query per level of nesting."""
    children: dict[int, list[tuple[int, bool]]] = {}
    frontier = set(group_ids)
    while frontier:
        rows = (GroupMembership.objects.filter(group_id__in=frontier)
                .order_by("group_id", "position", "id").values_list("group_id", "member_id", "member__is_group"))
        frontier = set()
        for group_id, member_id, is_group in rows:
            children.setdefault(group_id, []).append((member_id, is_group))
            if is_group and member_id not in children:
                frontier.add(member_id)

    def leaves(group_id, seen):
        found = []
        for member_id, is_group in children.get(group_id, []):
            if member_id in seen:
                continue
            seen.add(member_id)
            found += leaves(member_id, seen) if is_group else [member_id]
        return found

    return {group_id: leaves(group_id, {group_id}) for group_id in group_ids}


def assessed_units(assignments: list[Assignment]) -> list[int]:
    """The units a task's item goes to: its lead units, then its partners, as printed, a group
    unit (十街镇) standing for each of its members, each unit once."""
    ordered = sorted(assignments, key=lambda a: (a.role != Assignment.Role.LEAD, a.position, a.pk))
    members = _members({a.unit_id for a in ordered if a.unit.is_group})
    units: list[int] = []
    for assignment in ordered:
        for unit_id in members.get(assignment.unit_id, [assignment.unit_id]):
            if unit_id not in units:
                units.append(unit_id)
    return units


def build_scheme_from_plan(plan: Plan, year: int, user, *, reason: str = "由方案的分值和考核要求生成") -> Scheme:
    """The year's scheme from the plan's scored tasks: one item per task × assessed unit with the
    task's 分值 and 考核要求, and one score sheet per assessed unit.

    A task's 分值 is the item's full marks for each of its units: a 工作清单 such as 市中区's
    (seed 004) lists each 责任单位's own items whose 分值 add up to that unit's 100, and a task
    naming several units holds each to the whole of it (each is scored on its own part of the
    work, as each reports on it monthly)."""
    if year not in plan_years(plan):
        years = f"{plan.year}年" if plan.end_year in (None, plan.year) else f"{plan.year}—{plan.end_year}年"
        raise AssessmentError(f"考核年度{year}年不在方案的年度（{years}）内", "year")
    tasks = list(plan.tasks.filter(score__isnull=False).order_by("position", "id"))
    if not tasks:
        raise AssessmentError(f"方案《{plan.title}》没有写明分值的任务，无法生成考核方案", "plan")
    assignments: dict[int, list[Assignment]] = {}
    for assignment in Assignment.objects.filter(task__in=tasks).select_related("unit"):
        assignments.setdefault(assignment.task_id, []).append(assignment)
    unassigned = [t.ref for t in tasks if not assignments.get(t.pk)]
    if unassigned:
        raise AssessmentError("以下有分值的任务没有责任单位，无法确定被考核单位：第" + "、".join(unassigned) + "项", "plan")

    with transaction.atomic(), acting(user, reason):
        # Locking the plan makes two people building the same year wait for each other.
        Plan.objects.select_for_update().filter(pk=plan.pk).first()
        if Scheme.objects.filter(plan=plan, year=year).exists():
            raise AssessmentError(f"方案《{plan.title}》的{year}年度考核方案已经生成", "year")
        scheme = Scheme.objects.create(plan=plan, year=year, office=plan.office,
                                       title=f"{plan.title}·{year}年度考核")
        categories: dict[str, Category] = {}
        for task in tasks:
            if task.category and task.category not in categories:
                categories[task.category] = Category(scheme=scheme, name=task.category, position=len(categories))
        bulk_create_audited(list(categories.values()), Category)
        categories = {c.name: c for c in Category.objects.filter(scheme=scheme)}

        several_lists = len({t.list_name for t in tasks}) > 1
        items, sheet_units = [], []
        for task in tasks:
            for unit_id in assessed_units(assignments[task.pk]):
                items.append(Item(scheme=scheme, task=task, unit_id=unit_id, ref=f"{task.list_name} {task.ref}" if several_lists else task.ref,
                                  category=categories.get(task.category), text=task.text or task.measures,
                                  max_points=task.score, requirement=task.evidence_required, position=len(items)))
                if unit_id not in sheet_units:
                    sheet_units.append(unit_id)
        bulk_create_audited(items, Item)
        bulk_create_audited([ScoreSheet(scheme=scheme, unit_id=unit_id, position=position)
                             for position, unit_id in enumerate(sheet_units)], ScoreSheet)
    return scheme

