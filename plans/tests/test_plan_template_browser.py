"""The Excel template in a real browser: download it, fill it, upload it, save it, export the plan again."""

import datetime
from collections import Counter
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command

from conftest import save_screenshot
from intake.readers import template as layout
from plans.models import Plan
from plans.tests.test_plan_template import fill_row
from samples.steps import BASE

pytestmark = pytest.mark.browser


def rows(sheet):
    header = [c.value for c in sheet[1]]
    return [{name: value for name, value in zip(header, row) if value is not None}
            for row in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in row)]


def test_office_fills_the_template_and_gets_the_same_plan_back(live_server, page, db, tmp_path):
    call_command("load_sample_data", "--only", *BASE, "--user-password", "Gulou-2026-pass", stdout=StringIO())
    page.goto(live_server.url + "/")
    page.fill("#id_username", "gulou_office")
    page.fill("#id_password", "Gulou-2026-pass")
    page.click("button[type=submit]")
    page.wait_for_url("**/oversight/")
    page.locator(".topbar nav").get_by_role("link", name="任务分工方案", exact=True).click()
    page.get_by_role("link", name="导入文件").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载Excel模板").click()
    blank = tmp_path / "blank.xlsx"
    download.value.save_as(blank)

    # As a clerk would: units picked from 单位名录 (names listed once), figures typed.
    book = openpyxl.load_workbook(blank)
    names = [row[0] for row in book[layout.UNIT_SHEET].iter_rows(min_row=2, values_only=True)]
    once = [name for name, count in Counter(names).items() if count == 1]
    lead, partner, street = once[-3], once[-2], once[-1]
    facts = {"标题": "2027年鼓楼区协作帮扶工作任务清单", "文号": "鼓协作〔2027〕1号", "发文单位": "鼓楼区协作办",
             "发文日期": datetime.datetime(2027, 1, 8), "年度": 2027}
    for row in book[layout.PLAN_SHEET].iter_rows(min_row=2):
        row[1].value = facts.get(row[0].value)
    task = {"序号": "1", "分类": "资金帮扶", "任务": "落实帮扶资金50万元。", "工作措施": "分两次拨付。",
            "牵头单位": lead, "配合单位": f"{partner}、{street}", "完成时限": "6月底前",
            "截止日期": datetime.datetime(2027, 6, 30), "分值": 3, "考核要求": "拨付凭证"}
    fill_row(book[layout.TASK_SHEET], 2, task)
    parts = [{"任务序号": "1", "指标": "帮扶资金", "数量": 50, "计量单位": "万元", "比较": "="},
             {"任务序号": "1", "指标": "帮扶资金", "承担单位": street, "数量": 20.25, "计量单位": "万元", "比较": "≥",
              "结转": 1.5}]
    for number, part in enumerate(parts, start=2):
        fill_row(book[layout.PART_SHEET], number, part)
    filled = tmp_path / "填好的模板.xlsx"
    book.save(filled)

    page.set_input_files("#id_file", str(filled))
    page.select_option("#id_kind", label="东西部协作")
    page.get_by_role("button", name="上传并解析").click()
    assert page.locator("h1").inner_text() == "核对导入内容", page.locator(".upload-form").inner_text()
    assert page.locator("tr.unit-decision").count() == 0  # nothing to choose: every unit is the registry's
    save_screenshot(page, "template-import-review")
    page.get_by_role("button", name="保存导入").click()
    page.wait_for_url("**/plans/*/")
    plan = Plan.objects.get(doc_number="鼓协作〔2027〕1号")
    assert page.locator("h1").inner_text() == plan.title == facts["标题"]

    with page.expect_download() as download:
        page.get_by_role("link", name="导出为模板").click()
    exported = tmp_path / "exported.xlsx"
    download.value.save_as(exported)
    again = openpyxl.load_workbook(exported)
    got_facts = {row[0]: row[1] for row in again[layout.PLAN_SHEET].iter_rows(min_row=2, values_only=True) if row[1] is not None}
    assert got_facts == facts
    assert rows(again[layout.TASK_SHEET]) == [{**task, "截止日期": datetime.datetime(2027, 6, 30)}]
    assert rows(again[layout.PART_SHEET]) == parts
