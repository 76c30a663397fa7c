"""Who may use the planning workbench. One module for the app's pages and services; each part
keeps its rules in its own block below.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.roles import Role
from plans import access as plan_access
from plans.models import Plan, Target


# -- 预分解 and 承接 (breakdown, implement) ------------------------------------------------------
# Breaking a quota down and implementing an upper plan are the office's acts: its admins only.
# A unit's people (reporters, reviewers, leaders) get 403; another office's plan or target is 404,
# so its existence is not given away.

def is_office_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.unit_id
                and user.has_role(Role.OFFICE_ADMIN))


def require_planner(user) -> None:
    """403 unless an office admin or a superuser."""
    if not (getattr(user, "is_authenticated", False) and (user.is_superuser or is_office_admin(user))):
        raise PermissionDenied("只有协作办公室管理员可以分解和承接任务")


def plans_kept_by(user) -> QuerySet[Plan]:
    """The plans whose targets this person may break down: those the office keeps."""
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(office_id=user.unit_id) if is_office_admin(user) else Plan.objects.none()


def may_break_down(user, plan: Plan) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or (is_office_admin(user) and plan.office_id == user.unit_id))


def target_for_breakdown(user, pk) -> Target:
    """A target of the office's own plan; 403 for anyone but an office admin, 404 for another office's."""
    require_planner(user)
    target = (Target.objects.select_related("task__plan__office__region", "assignee", "upper_target")
              .filter(task__plan__in=plans_kept_by(user), pk=pk).first())
    if target is None:
        raise Http404("没有找到该指标，或不是本办公室方案中的指标")
    return target


def upper_plans(user) -> QuerySet[Plan]:
    """Plans this office may implement (承接): those it may read (plans.access) kept by an office
    in a region strictly above its own. A superuser has no office to implement them for."""
    if not is_office_admin(user):
        return Plan.objects.none()
    above = [pk for pk in plan_access.regions_above(user.unit.region_id) if pk != user.unit.region_id]
    return plan_access.plans_visible_to(user).filter(office__region_id__in=above)


def upper_plan_for(user, pk) -> Plan:
    """An upper plan this office may implement; 403 for anyone but an office admin (a superuser
    included: 承接 makes a plan for one's office), 404 for a plan that is not above it."""
    if not is_office_admin(user):
        raise PermissionDenied("只有协作办公室管理员可以承接上级方案")
    plan = upper_plans(user).select_related("office__region").filter(pk=pk).first()
    if plan is None:
        raise Http404("没有找到该上级方案，或它不是本办公室的上级方案")
    return plan

# -- end of 预分解 and 承接 ----------------------------------------------------------------------
