"""The downloaded 工作台账 carries 选派人员 and 结对互访 sheets — the roster with months served and
the 6-month rule, particulars masked; exchanges by pairing then each exchange — read back with
openpyxl; the task sheets still re-import unchanged, and a plan without them gains no sheet."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from exchanges.tests.conftest import paired  # noqa: F401 (fixture)
from oversight.tests.test_bulletin_people import dispatched  # noqa: F401 (fixture)
from oversight.tests.test_ledger import assert_nothing_changes
from oversight.tests.test_ledger_funds import values


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.views._today", lambda: datetime.date(2026, 10, 27))


def download(client, work) -> bytes:
    client.force_login(work["people"]["office"])
    response = client.get(reverse("oversight:ledger", args=[work["plan"].pk]) + "?month=2026-10")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_ledger_has_people_and_exchanges_sheets(client, work, paired, dispatched):  # noqa: F811
    data = download(client, work)
    book = openpyxl.load_workbook(io.BytesIO(data))
    people = book["选派人员"]
    assert people["A1"].value == "选派人员（汇总表，导入时不读取）"
    assert people["A2"].value == "选派人员名单（截至2026年10月，联系电话等个人信息已脱敏）"
    header, *rows = values(people, 3, 7)
    assert header[:6] == ["姓名", "性别", "类别", "派出单位", "原单位及职务", "联系电话"]
    assert header[11:] == ["服务月数", "服务期限（6个月以上）"]
    li = next(r for r in rows if r[0] == "李梅")
    assert li[1:4] == ["＊＊", "专业技术人才·医疗", "鼓东街道"]  # gender masked as on the roster page
    assert li[5] == "138****0001" and li[8] == datetime.datetime(2026, 3, 1) and li[10:] == ["在岗", 7, "符合"]
    wang = next(r for r in rows if r[0] == "王芳")
    assert wang[9:] == [datetime.datetime(2026, 6, 15), "提前返回", 4,
                        "王芳2026-02-01到岗，2026-06-15返回，实际服务4个月，不足6个月"]
    assert not any("13805910001" == c for r in rows for c in r)
    exchanges = book["结对互访"]
    assert exchanges["A1"].value == "结对互访（汇总表，导入时不读取）"
    assert values(exchanges, 3, 5) == [
        ["结对双方", "层级", "互访次数", "规则落实情况", None, None, None, None],
        ["鼓楼区—隆德县", "县级", 1, "党委或政府主要负责同志赴结对县（区）开展工作对接：已1次，应至少1次，已达到", None, None, None, None],
        ["洪山镇—沙塘镇", "乡镇级", 1, "每个结对乡镇每年至少开展互访交流2次：已1次，应至少2次，未达到", None, None, None, None]]
    assert values(exchanges, 7, 9) == [
        ["日期", "结对双方", "方向", "带队领导", "职务", "主要负责同志带队", "人数", "交流内容"],
        [datetime.datetime(2026, 4, 1), "洪山镇—沙塘镇", "帮扶方赴受援方", "林强", None, "否", 3, "产业对接"],
        [datetime.datetime(2026, 5, 10), "鼓楼区—隆德县", "帮扶方赴受援方", "陈书记", "区委书记", "是", 8, "工作对接"]]
    assert_nothing_changes(data, work["plan"], work["units"]["区民政局"].region)


def test_a_plan_without_people_or_pairings_gains_no_sheet(client, work):
    book = openpyxl.load_workbook(io.BytesIO(download(client, work)))
    assert "选派人员" not in book.sheetnames and "结对互访" not in book.sheetnames
