"""The list-page Excel download keeps types and every decimal."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from xiezuo.xlsx import list_workbook, xlsx_response


def test_list_workbook_keeps_decimals_dates_and_header():
    content = list_workbook("审核列表", ["单位", "累计", "截止"],
                            [["鼓东街道", Decimal("141.832"), datetime.date(2026, 11, 25)], ["鼓西街道", None, None]],
                            note="2026年11月")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "审核列表"
    assert sheet["A1"].value == "2026年11月"
    assert [c.value for c in sheet[2]] == ["单位", "累计", "截止"]
    assert sheet["B3"].value == 141.832 and sheet["B3"].number_format == "0.000"
    assert sheet["C3"].value.date() == datetime.date(2026, 11, 25)
    assert sheet["A4"].value == "鼓西街道" and sheet["B4"].value is None
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref == "A2:C4"


def test_response_names_the_file_in_chinese():
    response = xlsx_response("审核列表-2026年11月.xlsx", b"x")
    assert "filename*=UTF-8''%E5%AE%A1" in response["Content-Disposition"]
