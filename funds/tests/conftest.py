"""The test plan (reporting's `work`: 区民政局's plan, cycles open to November 2026) with two
projects: 鼓东街道's (财政援助资金 80 + 地方配套 20 万元, 9月底前拨付率80%) and 鼓西街道's."""

import datetime
from decimal import Decimal

import pytest

from funds import services
from funds.models import Project
from reporting.tests.conftest import person, work  # noqa: F401 (fixtures)


def make_project(office_admin, plan, unit, name, planned, **fields) -> Project:
    defaults = {"county": "西吉县", "town": "兴隆镇", "village": "单家集村", "kind": Project.Kind.INDUSTRY,
                "year": 2026, "note": ""}
    return services.do_create_project(office_admin, plan=plan, name=name, responsible_unit=unit,
                                      planned=planned, **{**defaults, **fields})


@pytest.fixture
def projects(work):  # noqa: F811
    office, units = work["people"]["office"], work["units"]
    own = make_project(office, work["plan"], units["鼓东街道"], "单家集村肉牛养殖基地",
                       {"fiscal": "80", "local": "20"})
    services.do_add_milestone(office, own, measure="disbursed", due_on=datetime.date(2026, 9, 30), percent="80")
    other = make_project(office, work["plan"], units["鼓西街道"], "兴隆镇冷链仓储", {"social": "12.5"},
                         town="兴隆镇", village="")
    return {"own": own, "other_unit": other}


def cycle(plan, month: int):
    return plan.cycles.get(period_start=datetime.date(2026, month, 1))


def file_month(user, project, month, disbursed, spent=None, *, submit=True, today=None):
    """The unit files one month: the whole amount per source as given (万元)."""
    figures = {s: (str(v), str(spent.get(s, 0) if spent else 0)) for s, v in disbursed.items()}
    report = services.do_save_funds_report(user, project, cycle(project.plan, month), figures=figures,
                                           progress="building", poor_people=35, farmers_linked=12, note="")
    if submit:
        report = services.do_submit_funds_report(user, report, today=today or datetime.date(2026, month, 20))
    return report


D = Decimal
