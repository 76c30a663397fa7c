"""Who may see and change a plan: every plan page, the import pages, the checks shown on
them, the API and the exports ask here.

A person sees a plan when its office is theirs or above — the office sits in the region of
the person's unit or in a region above it (a street's reporter sees the district's and the
city's plans, never a neighbouring district's) — or when their unit has work in it (an
assignment, or a target given to it or to a group it belongs to). On top of that the
office's reviewers and admins see the plans their office keeps, and leaders the plans kept
by offices in their region and below (`overseen_plans`, what dashboards count). A superuser
sees everything. Anything else is a 404, so a plan's existence is not given away.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from orgs.models import GroupMembership, Region
from orgs.services import subtree_region_ids
from plans.models import Assignment, Plan, Target


def overseen_plans(user, path: str = "") -> Q:
    """The plans a person oversees, as a condition on the plan reached through `path`
    ("cycle__plan__" from a report, "" on plans): the office's admins and reviewers the
    plans it keeps; leaders those kept by offices in their region and below."""
    condition = Q(pk__in=[])
    if user.unit_id and (user.has_role(Role.REVIEWER) or user.has_role(Role.OFFICE_ADMIN)):
        condition |= Q(**{f"{path}office_id": user.unit_id})
    if user.unit_id and user.has_role(Role.LEADER):
        condition |= Q(**{f"{path}office__region_id__in": subtree_region_ids(user.unit.region_id)})
    return condition


def units_of(unit_id: int) -> set[int]:
    """The unit and every group unit it belongs to, nested groups included: work given to
    十街镇 is work of each street."""
    found, frontier = {unit_id}, {unit_id}
    while frontier:
        groups = set(GroupMembership.objects.filter(member_id__in=frontier).values_list("group_id", flat=True))
        frontier = groups - found
        found |= frontier
    return found


def regions_above(region_id: int) -> list[int]:
    """The region and its ancestors: whose offices' plans are "theirs or above"."""
    region = Region.objects.filter(pk=region_id).select_related("parent").first()
    return [r.pk for r in region.lineage()] if region else []


def plans_visible_to(user) -> QuerySet[Plan]:
    """Every plan the person may read, in any state."""
    plans = Plan.objects.all()
    if not getattr(user, "is_authenticated", False):
        return plans.none()
    if user.is_superuser:
        return plans
    if not user.unit_id:
        return plans.none()
    units = units_of(user.unit_id)
    condition = (overseen_plans(user) | Q(office__region_id__in=regions_above(user.unit.region_id))
                 | Q(pk__in=Assignment.objects.filter(unit_id__in=units).values("task__plan_id"))
                 | Q(pk__in=Target.objects.filter(assignee_id__in=units).values("task__plan_id")))
    return plans.filter(condition)


def plan_for(user, pk) -> Plan:
    """The plan, if this person may see it; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(plans_visible_to(user).select_related("parent", "office"), pk=pk)


def may_change_state(user, plan: Plan) -> bool:
    """The office that keeps the plan decides whether it is live: its admins, or a superuser."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return bool(plan.office_id) and user.unit_id == plan.office_id and user.has_role(Role.OFFICE_ADMIN)


def may_import(user) -> bool:
    """Importing a document is the office's act: its admins (a plan saved is kept by their unit)."""
    return getattr(user, "is_authenticated", False) and bool(user.unit_id) and user.has_role(Role.OFFICE_ADMIN)


def office_plans(user) -> QuerySet[Plan]:
    """The plans an import by this person may update: those its office keeps. A document
    carrying another office's 文号 (a district forwarding the city's) is never matched to
    that office's plan; a person without a unit (the command line) matches plans without one."""
    office_id = getattr(user, "unit_id", None)
    return Plan.objects.filter(office_id=office_id) if office_id else Plan.objects.filter(office__isnull=True)


def require(allowed: bool, message: str = "没有权限执行此操作") -> None:
    if not allowed:
        raise PermissionDenied(message)
