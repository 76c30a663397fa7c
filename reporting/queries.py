"""What the reporting pages list, each in a fixed number of queries per plan."""

from dataclasses import dataclass

from accounts.roles import Role
from reporting import access, services
from reporting.models import ProgressReport, ReportingCycle


@dataclass
class WorkRow:
    report: ProgressReport
    status: str
    targets: list  # [(target, this month's figure, last month's figure)]


def my_work_rows(user, today) -> list[tuple[ReportingCycle, list[WorkRow]]]:
    """The unit's reports in each plan's current cycle, with this and last month's figures."""
    if not (user.has_role(Role.REPORTER) and user.unit_id):
        return []
    result = []
    cycles = ReportingCycle.objects.filter(reports__unit_id=user.unit_id, period_start__lte=today).distinct()
    current: dict[int, ReportingCycle] = {}
    for cycle in cycles.select_related("plan").order_by("plan_id", "-period_start"):
        current.setdefault(cycle.plan_id, cycle)
    for cycle in current.values():
        reports = (access.reports_visible_to(user).filter(cycle=cycle, unit_id=user.unit_id)
                   .prefetch_related("figures").order_by("task__position", "task_id"))
        rows = []
        for report in reports:
            earlier = services.previous(report)
            last = {f.target_id: f.cumulative_value for f in earlier.figures.all()} if earlier else {}
            now = {f.target_id: f.cumulative_value for f in report.figures.all()}
            rows.append(WorkRow(report, report.status_label(today),
                                [(t, now.get(t.pk), last.get(t.pk)) for t in services.targets_of(report)]))
        result.append((cycle, rows))
    return result


def review_rows(user, *, status: str | None, cycle_id: str | None, unit_id: str | None = None,
                month: str | None = None):
    reports = access.reports_visible_to(user).select_related("submitted_by", "reviewed_by").order_by(
        "-cycle__period_start", "cycle__plan_id", "unit__name", "task__position")
    if status:
        reports = reports.filter(status=status)
    if cycle_id and cycle_id.isdigit():
        reports = reports.filter(cycle_id=int(cycle_id))
    if unit_id and unit_id.isdigit():
        reports = reports.filter(unit_id=int(unit_id))
    if month and len(month) == 7 and month[:4].isdigit() and month[5:].isdigit():
        # The oversight pages link here for one month across all of a region's plans.
        reports = reports.filter(cycle__period_start__year=int(month[:4]), cycle__period_start__month=int(month[5:]))
    return reports[:500]
