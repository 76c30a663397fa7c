"""Who may use the planning workbench. One module for the app's pages and services; each part
keeps its rules in its own block below.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Role
from orgs.access import pickable_units
from orgs.models import Unit
from plans import access as plan_access
from plans.models import Assignment, Plan, Target, Task
from planning.models import Proposal


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


def require(allowed: bool, message: str = "没有权限执行此操作") -> None:
    if not allowed:
        raise PermissionDenied(message)


# -- units' own optional tasks (自选动作): planning/proposals.py --------------------------------
# A unit's reporters propose for a live plan their unit (or a group it belongs to) has work in,
# and see their unit's proposals; the office keeping the plan (its reviewers and admins) sees the
# proposals, its admins decide. Anyone else is answered 404: a proposal is not said to exist.

def _has_work(unit_id: int, plan: Plan) -> bool:
    units = plan_access.units_of(unit_id)
    return (Assignment.objects.filter(task__plan=plan, unit_id__in=units).exists()
            or Target.objects.filter(task__plan=plan, assignee_id__in=units).exists())


def may_propose(user, plan: Plan) -> bool:
    """A reporter of a unit with work in the live plan, other than the office keeping it (the
    office adds its own tasks to its plan directly)."""
    if not getattr(user, "is_authenticated", False) or not user.unit_id or not user.has_role(Role.REPORTER):
        return False
    return plan.is_live and user.unit_id != plan.office_id and _has_work(user.unit_id, plan)


def plans_to_propose_for(user) -> list[Plan]:
    """The live plans this person may propose a 自选动作 for (their list page offers them)."""
    if not getattr(user, "is_authenticated", False) or not user.unit_id or not user.has_role(Role.REPORTER):
        return []
    units = plan_access.units_of(user.unit_id)
    worked = (Q(pk__in=Assignment.objects.filter(unit_id__in=units).values("task__plan_id"))
              | Q(pk__in=Target.objects.filter(assignee_id__in=units).values("task__plan_id")))
    return list(plan_access.plans_visible_to(user).live().filter(worked).exclude(office_id=user.unit_id)
                .order_by("-year", "title"))


def _reads_for_office(user) -> bool:
    return bool(user.unit_id) and (user.has_role(Role.REVIEWER) or user.has_role(Role.OFFICE_ADMIN))


def reads_for_office(user, plan: Plan) -> bool:
    """The office keeping the plan (its reviewers and admins) reads the proposals made for it."""
    return getattr(user, "is_authenticated", False) and user.unit_id == plan.office_id and _reads_for_office(user)


def may_decide(user, plan: Plan) -> bool:
    """Accepting or returning is the plan's office's: its admins, or a superuser."""
    return plan_access.may_change_state(user, plan)


def proposals_visible_to(user) -> QuerySet[Proposal]:
    proposals = Proposal.objects.select_related("plan", "unit")
    if not getattr(user, "is_authenticated", False):
        return proposals.none()
    if user.is_superuser:
        return proposals
    if not user.unit_id:
        return proposals.none()
    condition = Q(unit_id=user.unit_id)
    if _reads_for_office(user):
        condition |= Q(plan__office_id=user.unit_id)
    return proposals.filter(condition)


def proposal_for(user, pk) -> Proposal:
    found = proposals_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404("没有找到该自选动作申报，或不在您的查看范围内")
    return found


def may_revise(user, proposal: Proposal) -> bool:
    """The proposing unit's reporters, until it is accepted."""
    return (getattr(user, "is_authenticated", False) and user.unit_id == proposal.unit_id
            and user.has_role(Role.REPORTER))


def plan_for_proposing(user, pk) -> Plan:
    """The plan a new proposal is for: 404 when the person may not see it, 403 when they see it
    but may not propose."""
    plan = plan_access.plan_for(user, pk)
    require(may_propose(user, plan), "只有在本方案中有任务的单位（填报员）可以申报自选动作")
    return plan


# --- editing a plan in place (planning.editing, planning.edit_views) ---------------------------
# The office keeping a plan edits it: its admins, or a superuser. Anyone else without the admin
# role 403; another office's plan or task 404.

def is_editor(user) -> bool:
    """An office admin with a unit (its office), or a superuser."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_active and (
        user.is_superuser or is_office_admin(user))

def may_edit(user, plan: Plan) -> bool:
    """Only the office that keeps the plan edits it: its admins (or a superuser)."""
    if not is_editor(user):
        return False
    return user.is_superuser or (bool(plan.office_id) and plan.office_id == user.unit_id)


def may_create_plan(user) -> bool:
    """A new plan is kept by the creator's office: an office admin with a unit."""
    return is_office_admin(user)


def require_edit(user, plan: Plan) -> None:
    if not may_edit(user, plan):
        raise PermissionDenied("只有主办单位的管理员可以编辑方案")


def editable_plans(user) -> QuerySet[Plan]:
    if not is_editor(user):
        return Plan.objects.none()
    return Plan.objects.all() if user.is_superuser else Plan.objects.filter(office_id=user.unit_id)


def plan_to_edit(user, pk) -> Plan:
    """The plan for an editing page: 403 for anyone but an office admin, 404 for a plan its
    office does not keep."""
    if not is_editor(user):
        raise PermissionDenied("只有协作办公室管理员可以编辑方案")
    plan = editable_plans(user).select_related("office", "parent").filter(pk=pk).first()
    if plan is None:
        raise Http404("没有找到该方案，或不是本办公室主办的方案")
    return plan


def task_to_edit(user, pk) -> Task:
    """A task of a plan the person may edit (403 / 404 as for its plan)."""
    if not is_editor(user):
        raise PermissionDenied("只有协作办公室管理员可以编辑方案")
    task = Task.objects.select_related("plan__office").filter(plan__in=editable_plans(user), pk=pk).first()
    if task is None:
        raise Http404("没有找到该任务，或不是本办公室主办的方案")
    return task


def units_to_pick(user) -> QuerySet[Unit]:
    """Units an office may give a task or a target to: its own and the other side of its
    pairings (orgs.access.pickable_units), active ones only."""
    if not is_editor(user):
        return Unit.objects.none()
    return pickable_units(user).filter(is_active=True)

# --- end of editing ------------------------------------------------------------------------------
