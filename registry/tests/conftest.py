"""The reporting fixtures (区民政局's plan, its streets' reports) and the offices who keep the
registry: 区民政局's admin for 鼓楼区, 仓山区民政局's for 仓山区."""

import pytest

from accounts.roles import Role
from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)


@pytest.fixture
def offices(work):
    units = work["units"]
    return {"gulou": work["people"]["office"],
            "cangshan": person("cangshan_office", units["仓山区民政局"], Role.OFFICE_ADMIN)}
