"""Merging two units (registry.merge) carries their 协作资金项目 and 明细台账 rows to the kept unit,
each move in the history with who merged and why, instead of refusing the merge."""

import datetime
from decimal import Decimal as D

from funds import access as funds_access
from funds.models import Project
from funds.tests.conftest import file_month
from ledgers import services as ledger_services
from ledgers.models import LedgerRow
from ledgers.tests.conftest import ledger  # noqa: F401 (fixture)
from orgs.models import Unit
from registry.merge import do_merge_units
from reporting.models import ProgressReport

TODAY = datetime.date(2026, 11, 20)


def test_merging_units_moves_their_projects_and_ledger_rows(work, projects, ledger):  # noqa: F811
    people, units = work["people"], work["units"]
    guxi_project = projects["other_unit"]
    file_month(people["guxi"], guxi_project, 10, {"social": "5"})
    row = ledger_services.do_add_row(people["guxi"], ledger, date=datetime.date(2026, 11, 2), counterpart="福州某公司",
                                     amount="10", today=TODAY)
    # 鼓西街道 turns out to be 鼓东街道 entered twice; its monthly reports, which would clash, are
    # cleared first as the merge asks.
    ProgressReport.objects.filter(unit=units["鼓西街道"]).delete()
    do_merge_units(people["office"], units["鼓东街道"], units["鼓西街道"], reason="同一单位重复录入")

    assert not Unit.objects.filter(name="鼓西街道").exists()
    guxi_project.refresh_from_db()
    assert guxi_project.responsible_unit == units["鼓东街道"]
    assert guxi_project.reports.get().figures.get().disbursed == D(5)  # its months follow the project
    assert LedgerRow.objects.get(pk=row.pk).unit == units["鼓东街道"]
    assert set(Project.objects.values_list("responsible_unit__name", flat=True)) == {"鼓东街道"}
    # The kept unit's reporter now files the project.
    assert funds_access.may_report(people["gudong"], guxi_project)
    why = "合并单位：“鼓西街道”并入“鼓东街道”；同一单位重复录入"
    for model, pk in ((Project, guxi_project.pk), (LedgerRow, row.pk)):
        moved = model.history.filter(id=pk).order_by("-history_id").first()
        assert (moved.history_user, moved.history_change_reason) == (people["office"], why)
        assert moved.history_type == "~"
