"""Who may issue a plan, read its versions and sign for them: the one rule for issuance's pages.

- **The office** (plans.access.overseen_plans: the plan's office's admins and reviewers, leaders of
  its region and above; superusers) reads the plan's issuance page: its versions, who has signed.
  Only the plan's office's admins (plans.access.may_change_state, as for a plan's state) issue,
  adjust and remind. Reporters get 403 on the office's page; another office's plan is 404.
- **A unit with work** in the plan — one that was asked to sign some version (a Receipt) — reads
  every version of that plan (the 通知, the 任务分工表, the change lists) and signs only its own
  receipts, by its reporters and admins. The issuing office is never asked to sign its own notice.
- Anyone else: 404, so a version's existence is not given away.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Role
from issuance.models import PlanVersion, Receipt
from plans.access import may_change_state, overseen_plans
from plans.models import Plan


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def may_oversee(user) -> bool:
    return _signed_in(user) and (user.is_superuser or any(
        user.has_role(role) for role in (Role.OFFICE_ADMIN, Role.REVIEWER, Role.LEADER)))


def office_plans(user) -> QuerySet[Plan]:
    """The plans whose issuance page this person reads."""
    if not may_oversee(user):
        return Plan.objects.none()
    return Plan.objects.all() if user.is_superuser else Plan.objects.filter(overseen_plans(user))


def office_plan_for(user, pk) -> Plan:
    if not may_oversee(user):
        raise PermissionDenied("只有协作办公室、审核人员和领导可以查看方案的下达情况")
    plan = office_plans(user).select_related("office").filter(pk=pk).first()
    if plan is None:
        raise Http404("没有这份方案，或您无权查看")
    return plan


def may_issue(user, plan: Plan) -> bool:
    """Issuing, adjusting and reminding: the admins of the office that keeps the plan."""
    return may_change_state(user, plan)


def require_issuer(user, plan: Plan) -> None:
    if not may_issue(user, plan):
        raise PermissionDenied("只有主办该方案的协作办公室管理员可以下达、调整和催办签收")


def versions_visible_to(user) -> QuerySet[PlanVersion]:
    versions = PlanVersion.objects.all()
    if not _signed_in(user):
        return versions.none()
    if user.is_superuser:
        return versions
    condition = Q(pk__in=[])
    if may_oversee(user):
        condition |= overseen_plans(user, "plan__")
    if user.unit_id:
        condition |= Q(plan_id__in=Receipt.objects.filter(unit_id=user.unit_id).values("version__plan_id"))
    return versions.filter(condition)


def version_for(user, pk) -> PlanVersion:
    version = versions_visible_to(user).select_related("plan", "plan__office", "issued_by").filter(pk=pk).first()
    if version is None:
        raise Http404("没有这个下达版本，或您无权查看")
    return version


def sees_whole(user, version: PlanVersion) -> bool:
    """The office's view of a version (every unit's receipt); a unit sees its own."""
    return office_plans(user).filter(pk=version.plan_id).exists()


def may_sign(user, receipt: Receipt) -> bool:
    """A unit signs for itself: its reporters and admins, never another unit's receipt."""
    return (_signed_in(user) and bool(user.unit_id) and user.unit_id == receipt.unit_id
            and (user.has_role(Role.REPORTER) or user.has_role(Role.OFFICE_ADMIN)))


def own_receipts(user) -> QuerySet[Receipt]:
    if not _signed_in(user) or not user.unit_id:
        return Receipt.objects.none()
    return Receipt.objects.filter(unit_id=user.unit_id)
