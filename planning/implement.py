"""承接: an office turns an upper plan into its own plan holding the upper tasks given to it.

The office's region unit (鼓楼区 for 区民政局) is who an upper plan gives work to; a task is the
office's when it names that unit or any unit of its region (or a group one belongs to) as lead
or partner, or sets a figure for one. Each new task keeps the upper text ("2023年省、市下达任务")
and points at its upper task; its measures ("2024年拟落实工作措施") are left for the office to
write. Each figure set for the office's units comes across as a target linked to the upper
target, its own parts below it as they were, ready to break down (预分解).
"""

from dataclasses import dataclass, field

from django.db import transaction

from history.records import acting
from orgs.models import GroupMembership, Unit
from orgs.services import subtree_region_ids
from planning import access
from plans import hooks
from plans.models import Assignment, Plan, Target, Task

LIST_NAME = "附件1"


class ImplementError(Exception):
    """A plan that cannot be made, said in Chinese; `field` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


@dataclass
class TakenTask:
    """An upper task the office takes, with the targets set for its units (roots of the trees)."""

    task: Task
    targets: list[Target] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


def region_units(office: Unit) -> set[int]:
    """The units of the office's region and below, and the groups any of them belongs to."""
    units = set(Unit.objects.filter(region_id__in=subtree_region_ids(office.region_id)).values_list("pk", flat=True))
    frontier = units
    while frontier:
        groups = set(GroupMembership.objects.filter(member_id__in=frontier).values_list("group_id", flat=True))
        frontier = groups - units
        units |= frontier
    return units


def region_unit(office: Unit) -> Unit | None:
    """The party-government unit named after the office's region (鼓楼区): the upper plan's
    name for the office's whole region, not a unit it assigns work to itself."""
    return Unit.objects.filter(region_id=office.region_id, kind=Unit.Kind.PARTY_GOVERNMENT).first()


def tasks_for_office(upper: Plan, office: Unit) -> list[TakenTask]:
    """The upper plan's tasks given to the office's region, in the plan's order."""
    ours = region_units(office)
    self_unit = region_unit(office)
    tasks = list(upper.tasks.filter(archived=False).order_by("position", "id").prefetch_related("assignments__unit", "targets__assignee"))
    taken = []
    for task in tasks:
        targets = list(task.targets.all())
        by_id = {t.pk: t for t in targets}
        # A figure for one of our units whose parent is not ours: the root of what comes across.
        roots = [t for t in targets if t.assignee_id in ours
                 and not (t.parent_id in by_id and by_id[t.parent_id].assignee_id in ours)]
        named = [a for a in task.assignments.all() if a.unit_id in ours]
        if not roots and not named:
            continue
        taken.append(TakenTask(task, sorted(roots, key=lambda t: (t.position, t.pk)),
                               [a for a in named if self_unit is None or a.unit_id != self_unit.pk]))
    return taken


def default_title(upper: Plan, office: Unit) -> str:
    return f"{upper.year}年{office.region.name}落实《{upper.title}》任务分工方案"


def _copy_target(upper: Target, task: Task, parent: Target | None, children: dict, counter: list) -> Target:
    counter[0] += 1
    target = Target(
        task=task, parent=parent, position=counter[0], upper_target=upper,
        metric=upper.metric, quantity=upper.quantity, unit=upper.unit, comparator=upper.comparator,
        max_quantity=upper.max_quantity, per=upper.per, year=upper.year, carried_over=upper.carried_over,
        printed_text=upper.printed_text, assignee=upper.assignee, assignee_printed=upper.assignee_printed,
        source_location=task.source_location, source_text=upper.source_text,
    )
    target.full_clean()
    target.save()
    for child in children.get(upper.pk, []):
        _copy_target(child, task, target, children, counter)
    return target


def do_implement_plan(user, upper: Plan, *, title: str, doc_number: str = "") -> Plan:
    """The office's new plan implementing `upper`: one transaction, every row audited with the
    reason 承接上级方案."""
    access.upper_plan_for(user, upper.pk)  # the same answer a page gets: 403 / 404
    office = user.unit
    title, doc_number = (title or "").strip(), (doc_number or "").strip()
    if not title:
        raise ImplementError("请填写方案标题", field="title")
    existing = Plan.objects.filter(office=office, parent=upper).first()
    if existing is not None:
        raise ImplementError(f"本办公室已承接该方案：《{existing.title}》，请在该方案中继续编辑")
    if doc_number and Plan.objects.filter(office=office, doc_number=doc_number).exists():
        raise ImplementError(f"本办公室已有文号为“{doc_number}”的方案", field="doc_number")
    taken = tasks_for_office(upper, office)
    if not taken:
        raise ImplementError(f"上级方案中没有下达给{office.region.name}的任务，无需承接")
    reason = f"承接上级方案：{upper}"
    with transaction.atomic(), acting(user, reason):
        plan = Plan(title=title, doc_number=doc_number, year=upper.year, end_year=upper.end_year, kind=upper.kind,
                    office=office, parent=upper, references=[upper.doc_number] if upper.doc_number else [])
        plan.full_clean()
        plan.save()
        for position, item in enumerate(taken, start=1):
            upper_task = item.task
            where = f"承接{upper.doc_number or upper.title} {upper_task.list_name}第{upper_task.ref}项".replace("  ", " ")
            task = Task(plan=plan, list_name=LIST_NAME, ref=str(position), position=position,
                        category=upper_task.category, text=upper_task.text, measures="",
                        deadline=upper_task.deadline, deadline_text=upper_task.deadline_text,
                        upper_task=upper_task, source_location=where, source_text=upper_task.text)
            task.full_clean()
            task.save()
            for assignment in item.assignments:
                Assignment.objects.create(task=task, unit=assignment.unit, role=assignment.role,
                                          printed_name=assignment.printed_name, position=assignment.position)
            children: dict[int, list[Target]] = {}
            for target in sorted(upper_task.targets.all(), key=lambda t: (t.position, t.pk)):
                children.setdefault(target.parent_id, []).append(target)
            counter = [0]
            for root in item.targets:
                _copy_target(root, task, None, children, counter)
        hooks.plan_saved(plan)  # reporting opens its months once this commits
    return plan
