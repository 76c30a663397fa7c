"""What the 预分解 page reads: the units a target may be broken down to, the rows it starts
from, and the figures the fill modes use (the upper plan's, last year's quota and result).
A fixed number of queries whatever the number of rows.
"""

from dataclasses import replace
from decimal import Decimal

from django.db.models import Q

from orgs.models import Unit
from orgs.services import expand_group, subtree_region_ids
from planning.breakdown_fill import FillError, Share
from plans.models import Target
from reporting.models import ProgressReport, ReportedFigure


def candidate_units(target: Target):
    """The active units of the plan office's region and below, but the target's own assignee and
    the region's own party-government unit (the whole the shares are of); groups included, to
    be expanded to their members when added."""
    office = target.task.plan.office
    units = Unit.objects.filter(is_active=True)
    if office is not None:
        units = units.filter(region_id__in=subtree_region_ids(office.region_id)).exclude(
            region_id=office.region_id, kind=Unit.Kind.PARTY_GOVERNMENT)
    if target.assignee_id:
        units = units.exclude(pk=target.assignee_id)
    return units.select_related("region").order_by("is_group", "kind", "region__level", "name", "pk")


def members(unit: Unit) -> list[Unit]:
    """A group stands for its active members (十街镇 → the ten streets); any other unit for itself."""
    return [m for m in expand_group(unit) if m.is_active] if unit.is_group else [unit]


def current_shares(target: Target) -> list[Share]:
    """The target's parts as saved, in order; else the task's assigned units (groups expanded),
    with no figures yet."""
    parts = list(target.parts.select_related("assignee").order_by("position", "pk"))
    if parts:
        return [Share(p.assignee_id, p.assignee.name, p.quantity, p.carried_over) for p in parts if p.assignee_id]
    allowed = set(candidate_units(target).values_list("pk", flat=True))
    shares, seen = [], set()
    for assignment in target.task.assignments.select_related("unit").order_by("role", "position", "pk"):
        for unit in members(assignment.unit):
            if unit.pk in allowed and unit.pk not in seen:
                seen.add(unit.pk)
                shares.append(Share(unit.pk, unit.name))
    return shares


def with_figures(target: Target, shares: list[Share]) -> list[Share]:
    """The rows with what the fill modes need: the upper plan's figure for each unit, and last
    year's quota and approved result for the same metric in the office's plans."""
    unit_ids = [s.unit_id for s in shares]
    upper = upper_figures(target, unit_ids)
    last = last_year_figures(target, unit_ids)
    result = []
    for share in shares:
        quantity, carried = upper.get(share.unit_id, (None, None))
        quota, achieved = last.get(share.unit_id, (None, None))
        result.append(replace(share, upper_quantity=quantity, upper_carried=carried,
                              last_quota=quota, last_result=achieved))
    return result


def upper_figures(target: Target, unit_ids: list[int]) -> dict[int, tuple[Decimal, Decimal | None]]:
    """Figures the upper plan's task sets for these units and this metric (its own breakdown
    reaching below the office): unit → (quantity, carried over)."""
    upper_task_id = target.task.upper_task_id
    if not upper_task_id or not unit_ids:
        return {}
    found = {}
    for row in (Target.objects.filter(task_id=upper_task_id, metric=target.metric, unit=target.unit,
                                      assignee_id__in=unit_ids).order_by("position", "pk")
                .values("assignee_id", "quantity", "carried_over")):
        found.setdefault(row["assignee_id"], (row["quantity"], row["carried_over"]))
    return found


def last_year_figures(target: Target, unit_ids: list[int]) -> dict[int, tuple[Decimal | None, Decimal | None]]:
    """Last year's figures for the same metric and units in plans the same office kept:
    unit → (quota with its carry-over, the approved cumulative figure of the latest month).
    Several targets for one unit (two tasks) add up."""
    plan = target.task.plan
    year = (target.year or plan.year) - 1
    if not unit_ids or plan.office_id is None:
        return {}
    last = list(Target.objects.filter(
        Q(year=year) | Q(year__isnull=True, task__plan__year=year),
        task__plan__office_id=plan.office_id, metric=target.metric, unit=target.unit,
        assignee_id__in=unit_ids).values("pk", "assignee_id", "quantity", "carried_over"))
    latest: dict[int, Decimal] = {}
    for figure in (ReportedFigure.objects.filter(target_id__in=[t["pk"] for t in last],
                                                 report__status=ProgressReport.Status.APPROVED)
                   .order_by("target_id", "-report__cycle__period_end", "-pk")
                   .values("target_id", "cumulative_value")):
        latest.setdefault(figure["target_id"], figure["cumulative_value"])
    found: dict[int, tuple[Decimal | None, Decimal | None]] = {}
    for t in last:
        quota, achieved = found.get(t["assignee_id"], (None, None))
        quota = (quota or Decimal(0)) + t["quantity"] + (t["carried_over"] or Decimal(0))
        if t["pk"] in latest:
            achieved = (achieved or Decimal(0)) + latest[t["pk"]]
        found[t["assignee_id"]] = (quota, achieved)
    return found


def add_unit(target: Target, shares: list[Share], unit_id) -> tuple[list[Share], list[str]]:
    """The rows with a unit added at the end (a group as its members, 十街镇 → ten streets),
    those already listed skipped; and the names added. A unit outside the office's is refused."""
    unit = candidate_units(target).filter(pk=unit_id).first() if str(unit_id).isdigit() else None
    if unit is None:
        raise FillError("请选择本办公室范围内的单位")
    allowed = set(candidate_units(target).values_list("pk", flat=True))
    have = {s.unit_id for s in shares}
    added = [m for m in members(unit) if m.pk in allowed and m.pk not in have]
    return [*shares, *(Share(m.pk, m.name) for m in added)], [m.name for m in added]
