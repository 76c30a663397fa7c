"""Who may see and change projects and their funds reports: every funds page, download and
export asks here.

- The office keeping the plan (its admins and reviewers) sees the plan's projects; leaders
  read those of plans kept in their region (`plans.access.overseen_plans`, as dashboards).
- A project's responsible unit (its reporters) sees its own projects and files their reports.
- Creating and changing projects and milestones is the plan's office admins'.
- Anything else is 404: another office's or another unit's project is not said to exist.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Role
from funds.models import FundsEvidence, FundsReport, Project
from plans.access import overseen_plans, require  # noqa: F401 (require: the views ask through here)
from plans.models import Plan


def projects_visible_to(user) -> QuerySet[Project]:
    projects = Project.objects.select_related("plan", "plan__office", "responsible_unit")
    if not getattr(user, "is_authenticated", False):
        return projects.none()
    if user.is_superuser:
        return projects
    condition = overseen_plans(user, "plan__")
    if user.unit_id and user.has_role(Role.REPORTER):
        condition |= Q(responsible_unit_id=user.unit_id)
    return projects.filter(condition)


def project_for(user, pk) -> Project:
    project = projects_visible_to(user).filter(pk=pk).first()
    if project is None:
        raise Http404("没有找到该项目，或不在您的查看范围内")
    return project


def may_manage(user, plan: Plan) -> bool:
    """Adding and changing a plan's projects and milestones: the plan's office admins."""
    if user.is_superuser:
        return True
    return bool(plan.office_id) and user.unit_id == plan.office_id and user.has_role(Role.OFFICE_ADMIN)


def may_review(user, plan: Plan) -> bool:
    """Sending a submitted month back: the plan's office reviewers (and its admins, may_manage)."""
    return bool(plan.office_id) and user.unit_id == plan.office_id and user.has_role(Role.REVIEWER)


def managed_plans(user) -> QuerySet[Plan]:
    """The plans whose projects this person may add: those the office keeps."""
    if user.is_superuser:
        return Plan.objects.all()
    if not (user.unit_id and user.has_role(Role.OFFICE_ADMIN)):
        return Plan.objects.none()
    return Plan.objects.filter(office_id=user.unit_id)


def may_report(user, project: Project) -> bool:
    """Filing a project's monthly funds report: its responsible unit's reporters."""
    return user.has_role(Role.REPORTER) and user.unit_id == project.responsible_unit_id


def may_read_plan(user, plan: Plan) -> bool:
    """The plan's 资金使用进度 table: those who oversee the plan (the office, its leaders)."""
    return user.is_superuser or Plan.objects.filter(overseen_plans(user), pk=plan.pk).exists()


def plan_for(user, pk) -> Plan:
    """A plan whose funds table this person reads: 403 for reporters (they have no overview),
    404 for a plan they do not oversee."""
    require(user.is_superuser or any(user.has_role(r) for r in (Role.REVIEWER, Role.OFFICE_ADMIN, Role.LEADER)),
            "只有协作办公室和领导可以查看资金使用进度表")
    plan = Plan.objects.filter(pk=pk).first()
    if plan is None or not may_read_plan(user, plan):
        raise Http404("没有找到该方案，或不在您的查看范围内")
    return plan


def report_for(user, pk) -> FundsReport:
    report = (FundsReport.objects.select_related("cycle", "project").filter(pk=pk, project__in=projects_visible_to(user))
              .first())
    if report is None:
        raise Http404("没有找到该资金月报")
    return report


def evidence_for(user, pk) -> FundsEvidence:
    evidence = FundsEvidence.objects.filter(pk=pk, report__project__in=projects_visible_to(user)).first()
    if evidence is None:
        raise Http404("没有找到该佐证材料")
    return evidence
