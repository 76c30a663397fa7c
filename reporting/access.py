"""Who may see and do what, enforced in the queries every view uses.

A unit's reporters see and write only their own unit's reports. Reviewers
and the office see every report of the plans their office keeps; leaders
see the same and change nothing. A superuser sees everything.
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from plans.access import overseen_plans, require  # noqa: F401 (require: used by the views through this module)
from reporting.models import Evidence, ProgressReport


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


def may_use_review_queue(user) -> bool:
    """The review queue and its export: reviewers, office admins and leaders (who read only)."""
    return user.is_superuser or any(user.has_role(r) for r in (Role.REVIEWER, Role.OFFICE_ADMIN, Role.LEADER))


def may_review_any(user) -> bool:
    """Whether the queue offers 审核通过 at all; each report is still checked by may_review."""
    return user.is_superuser or user.has_role(Role.REVIEWER) or user.has_role(Role.OFFICE_ADMIN)


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
