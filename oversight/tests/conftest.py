"""The reporting fixtures (a plan of 区民政局 whose 100万元 is split among three streets)
plus figures entered through the real workflow."""

import datetime

import pytest

from accounts.roles import Role
from reporting import services
from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)

NOV30 = datetime.date(2026, 11, 30)


def report_figure(work, unit_name, label, value, *, submit=True, approve=False, late=False):
    """Fill one street's report for one month through the workflow, as its reporter would."""
    cycle = work["plan"].cycles.get(label=label)
    report = cycle.reports.get(unit=work["units"][unit_name])
    target = work["task"].targets.get(assignee=work["units"][unit_name])
    reporter = {"鼓东街道": "gudong", "鼓西街道": "guxi"}.get(unit_name)
    user = work["people"][reporter] if reporter else person(f"r{report.unit_id}", report.unit, Role.REPORTER)
    services.save_report(report, user=user, version=report.version, figures={target.pk: str(value)},
                         progress=f"{label}进展", problems="", next_steps="")
    if submit:
        day = cycle.due_on + datetime.timedelta(days=2 if late else -1)
        report = services.submit_report(report, user=user, today=day)
    if approve:
        services.approve_reports([report], reviewer=work["people"]["reviewer"])
    return report


@pytest.fixture
def reported(work):
    """October: 鼓东 20 (approved). November: 鼓东 30 (submitted), 鼓西 10 (a draft, not counted),
    洪山镇 nothing; 区民政局 (the lead) reports no figure of its own."""
    report_figure(work, "鼓东街道", "2026年10月", "20", approve=True)
    report_figure(work, "鼓东街道", "2026年11月", "30", late=True)
    report_figure(work, "鼓西街道", "2026年11月", "10", submit=False)
    return work
