"""区民政局's plan from the reporting fixtures (one task for 三街镇, its streets' reports opened
for November 2026), its office admin, and 仓山区's admin who must not touch it."""

import pytest

from accounts.roles import Role
from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)


@pytest.fixture
def office(work):
    return work["people"]["office"]


@pytest.fixture
def foreign_admin(work):
    return person("cangshan_admin", work["units"]["仓山区民政局"], Role.OFFICE_ADMIN)


def report_on(work, street="鼓东街道", value="12.5", progress="已拨付"):
    """The street's November report saved with a figure on its own target (a draft)."""
    from reporting import services

    report = work["cycle"].reports.get(unit=work["units"][street], task=work["task"])
    target = work["task"].targets.get(assignee=work["units"][street])
    user = work["people"]["gudong" if street == "鼓东街道" else "guxi"]
    return services.save_report(report, user=user, version=report.version, figures={target.pk: value},
                                progress=progress, problems="", next_steps="")
