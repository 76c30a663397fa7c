"""Who may see and do what, enforced in the queries every view uses.

A unit's reporters see and write only their own unit's reports. Reviewers
and the office see every report of the plans their office keeps; leaders
see the same and change nothing. A superuser sees everything.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from orgs.services import subtree_region_ids
from reporting.models import Evidence, ProgressReport


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


def reports_visible_to(user) -> QuerySet[ProgressReport]:
    reports = ProgressReport.objects.select_related("cycle", "cycle__plan", "unit", "task")
    if not user.is_authenticated:
        return reports.none()
    if user.is_superuser:
        return reports
    condition = overseen_plans(user, "cycle__plan__")
    if user.has_role(Role.REPORTER) and user.unit_id:
        condition |= Q(unit_id=user.unit_id)
    return reports.filter(condition)


def may_edit(user, report: ProgressReport) -> bool:
    return user.has_role(Role.REPORTER) and user.unit_id == report.unit_id


def may_review(user, report: ProgressReport) -> bool:
    if user.is_superuser:
        return True
    return (user.has_role(Role.REVIEWER) or user.has_role(Role.OFFICE_ADMIN)) and report.cycle.plan.office_id == user.unit_id


def may_reopen(user, report: ProgressReport) -> bool:
    return user.is_superuser or (user.has_role(Role.OFFICE_ADMIN) and report.cycle.plan.office_id == user.unit_id)


def report_for(user, pk: int) -> ProgressReport:
    """The report, if this user may see it; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(reports_visible_to(user), pk=pk)


def evidence_for(user, pk: int) -> Evidence:
    return get_object_or_404(Evidence.objects.select_related("report"), pk=pk, report__in=reports_visible_to(user))


def require(allowed: bool, message: str = "没有权限执行此操作") -> None:
    if not allowed:
        raise PermissionDenied(message)
