"""Which plans a person may oversee, and the scope a dashboard or bulletin covers.

The rule is plans.access.overseen_plans: the office and its reviewers see the plans
their office keeps; a leader sees the plans kept by offices in their region
and below; a superuser sees everything. Reporters see their own reports in
我的填报, not the office's dashboards. Anything else is a 404. Reference and
archived plans (Plan.State) are left out of every region's scope and the lists;
one such plan's own dashboard still opens for those who may see it.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Role
from orgs.models import Region
from orgs.services import subtree_region_ids
from plans.models import Plan
from plans.access import overseen_plans


def may_oversee(user) -> bool:
    return user.is_authenticated and (user.is_superuser or any(
        user.has_role(role) for role in (Role.OFFICE_ADMIN, Role.REVIEWER, Role.LEADER)))


def require_overseer(user) -> None:
    if not may_oversee(user):
        raise PermissionDenied("只有协作办公室、审核人员和领导可以查看督查看板和通报")


def may_publish(user, plans, region: Region | None = None) -> bool:
    """Publishing a bulletin is the office's act: its admins, for plans it keeps. A region's
    bulletin (`region`) only by the region's own office or one above it: a district's office
    keeps plans in the city too, but the city's bulletin is not its to publish."""
    if user.is_superuser:
        return True
    if not (user.has_role(Role.OFFICE_ADMIN) and bool(plans) and all(p.office_id == user.unit_id for p in plans)):
        return False
    return region is None or _office_at_or_above(user, region)


def _office_at_or_above(user, region: Region) -> bool:
    office_region = user.unit.region_id if user.unit_id else None
    node = region
    while node is not None:  # five levels at most
        if node.pk == office_region:
            return True
        node = node.parent
    return False


def may_publish_scope(user, scope: "Scope") -> bool:
    """may_publish for what a dashboard or bulletin page covers."""
    region = Region.objects.filter(pk=scope.pk).first() if scope.kind == "region" else None
    return may_publish(user, scope.plans, region)


def plans_visible_to(user, *, include_inactive: bool = False) -> QuerySet[Plan]:
    """The plans a person oversees that are in the live work (执行中): what the overview,
    a region's dashboard, the API's scopes and a region's bulletin count. With
    `include_inactive`, reference and archived plans too, for reading one plan on its own."""
    plans = Plan.objects.select_related("office", "office__region")
    if not include_inactive:
        plans = plans.live()
    if not may_oversee(user):
        return plans.none()
    if user.is_superuser:
        return plans
    return plans.filter(overseen_plans(user))


@dataclass
class Scope:
    """What one dashboard, bulletin or API answer covers: one plan, or every plan
    kept by offices in a region (a county's, a city's)."""

    kind: str  # "plan" | "region"
    pk: int
    title: str
    plans: list[Plan]
    years: list[int] = field(default_factory=list)  # a region's years with plans, newest first

    @property
    def plan(self) -> Plan | None:
        return self.plans[0] if self.kind == "plan" else None


def plan_scope(user, pk: int) -> Scope:
    # One plan stays readable whatever its state; only the region scopes leave the others out.
    plan = plans_visible_to(user, include_inactive=True).filter(pk=pk).first()
    if plan is None:
        raise Http404("没有这份方案，或您无权查看")
    return Scope("plan", plan.pk, plan.title, [plan])


def region_scope(user, pk: int, year: int | None = None, *, latest_if_none: bool = False) -> Scope:
    """Every plan kept in the region that the person may see; with `year`, those running in
    that year. `latest_if_none`: a year without plans (a January before the new plan is
    issued) falls back to the latest earlier year that has some."""
    region = Region.objects.filter(pk=pk).first()
    if region is None:
        raise Http404("没有这个区划")
    visible = plans_visible_to(user).filter(office__region_id__in=subtree_region_ids(region.pk))
    years = sorted(set(visible.values_list("year", flat=True)), reverse=True)
    if year and latest_if_none and year not in years:
        year = next((y for y in years if y < year), year)
    plans = visible
    if year:
        plans = plans.filter(year__lte=year).filter(Q(end_year__gte=year) | Q(end_year__isnull=True, year=year))
    plans = list(plans.order_by("-year", "pk"))
    if not plans:
        raise Http404("该区划没有您可查看的方案")
    return Scope("region", region.pk, f"{region.name}{f'{year}年' if year else ''}协作工作", plans, years)


def dashboard_scope(user, kind: str, pk: int, *, month: datetime.date | None, today: datetime.date,
                    year: int | None = None) -> Scope:
    """What a dashboard, an API answer or a bulletin for `month` covers: a plan, or the plans
    of a region running in one year — `year` when asked for, else the month's. Without a
    month it is this year's, falling back to the latest year with plans, so a January before
    the new plan is issued shows last year's rather than nothing."""
    if kind != "region":
        return scope_for(user, kind, pk)
    if year:
        return region_scope(user, pk, year)
    return region_scope(user, pk, (month or today).year, latest_if_none=month is None)


def scope_for(user, kind: str, pk: int, year: int | None = None) -> Scope:
    if kind == "plan":
        return plan_scope(user, pk)
    if kind == "region":
        return region_scope(user, pk, year)
    raise Http404("未知的范围")
