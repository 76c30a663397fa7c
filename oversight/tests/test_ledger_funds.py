"""The downloaded 工作台账 carries a 协作资金 sheet — by source with a 合计, then each project with
its rates and milestone lights — read back with openpyxl; the task sheets still re-import unchanged."""

import datetime
import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.urls import reverse

from oversight.tests.test_bulletin_funds import filed  # noqa: F401 (fixture)
from oversight.tests.test_ledger import assert_nothing_changes
from funds.tests.conftest import projects  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.views._today", lambda: datetime.date(2026, 10, 27))


def values(sheet, first: int, last: int) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first, max_row=last)]


def test_the_ledger_has_a_funds_sheet_with_the_dashboards_figures(client, work, filed):  # noqa: F811
    client.force_login(work["people"]["office"])
    response = client.get(reverse("oversight:ledger", args=[work["plan"].pk]) + "?month=2026-10")
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["协作资金"]
    assert sheet["A1"].value == "协作资金（汇总表，导入时不读取）"
    assert sheet["A2"].value == "协作资金使用情况（截至2026年10月）"
    assert values(sheet, 3, 7) == [
        ["资金来源", "计划投资（万元）", "已拨付（万元）", "拨付率", "已支出（万元）", "支出率", None, None, None],
        ["财政援助资金", 80, 40, 0.5, 10, 0.125, None, None, None],
        ["社会帮扶资金", 12.5, 5, 0.4, 2.5, 0.2, None, None, None],
        ["地方配套", 20, 0, 0, 0, 0, None, None, None],
        ["合计", 112.5, 45, 0.4, 12.5, 0.1111, None, None, None]]
    assert sheet["D7"].number_format == "0.0%" and sheet["B7"].number_format == "#,##0.00####"
    header, own, other = values(sheet, 9, 11)
    assert header[:2] == ["项目名称", "报送单位"] and header[7:] == ["拨付节点", "支出节点"]
    assert own == ["单家集村肉牛养殖基地", "鼓东街道", 100, 40, 0.4, 10, 0.1,
                   "9月30日前拨付率达到80%：红灯·严重滞后，红色预警·逾期未完成", None]
    assert other[:7] == ["兴隆镇冷链仓储", "鼓西街道", 12.5, 5, 0.4, 2.5, 0.2]
    assert D(str(sheet["C10"].value)) == filed["own"].funds.get(source="fiscal").planned + D(20)
    # The task sheets are what the importer reads back; the funds sheet adds no task.
    assert_nothing_changes(data, work["plan"], work["units"]["区民政局"].region)
