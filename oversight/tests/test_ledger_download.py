"""The ledger as downloaded from the dashboard: its figures are the database's and the dashboard's."""

from decimal import Decimal

import pytest
from django.urls import reverse

from oversight.tests.conftest import NOV30
from oversight.tests.test_ledger import columns, decimal_of, open_book
from reporting.models import Evidence


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.views._today", lambda: NOV30)


def test_downloaded_ledger_holds_each_months_counted_figures_and_links_to_evidence(client, reported):
    report = reported["plan"].cycles.get(label="2026年10月").reports.get(unit=reported["units"]["鼓东街道"])
    Evidence.objects.create(report=report, url="https://news.example.cn/gulou/1", caption="捐赠仪式报道",
                            uploaded_by=reported["people"]["gudong"])
    client.force_login(reported["people"]["office"])
    response = client.get(reverse("oversight:ledger", args=[reported["plan"].pk]) + "?month=2026-11")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    sheet = open_book(response.content).worksheets[0]
    cols = columns(sheet)
    first = next(r for r in range(1, 8) if sheet.cell(r, 1).value == "序号") + 1
    rows = {sheet.cell(r, cols["承担单位"]).value or "合计": r for r in range(first, sheet.max_row + 1)}
    gudong, total = rows["鼓东街道"], rows["合计"]
    assert decimal_of(sheet.cell(gudong, cols["10月累计"])) == Decimal("20")
    assert decimal_of(sheet.cell(gudong, cols["11月累计"])) == Decimal("30")
    assert decimal_of(sheet.cell(total, cols["11月累计"])) == Decimal("30")  # rolled up from the streets
    assert sheet.cell(rows["鼓西街道"], cols["11月累计"]).value is None  # a draft is not counted
    links = [sheet.cell(r, cols["佐证材料"]) for r in range(first, sheet.max_row + 1) if sheet.cell(r, cols["佐证材料"]).hyperlink]
    assert [(c.value, c.hyperlink.target) for c in links] == [
        ("鼓东街道 2026年10月：捐赠仪式报道", "https://news.example.cn/gulou/1")]


def test_the_ledger_up_to_an_earlier_month_stops_there(client, reported):
    client.force_login(reported["people"]["office"])
    response = client.get(reverse("oversight:ledger", args=[reported["plan"].pk]) + "?month=2026-10")
    cols = columns(open_book(response.content).worksheets[0])
    assert "10月累计" in cols and "11月累计" not in cols


@pytest.mark.parametrize("who, expected", [("gudong", 403), ("leader", 200)])
def test_who_may_download_the_ledger(client, reported, who, expected):
    client.force_login(reported["people"][who])
    assert client.get(reverse("oversight:ledger", args=[reported["plan"].pk])).status_code == expected
