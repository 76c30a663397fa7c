"""Issue 13 end to end, in Chromium: 鼓楼区's office (区民政局) implements the sample city plan
(承接), breaks 社会帮扶资金 down among its departments and ten streets with last year's shortfall
until 未分配 reaches 0, issues the plan (下达), opens the 通知 .docx and the 任务分工表 .xlsx;
鼓东街道 signs for its tasks; the office changes 鼓东街道's quota and issues the adjustment (调整);
the street sees the change for it and the earlier version."""

import io
import re
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from playwright.sync_api import expect

from conftest import save_screenshot
from issuance.models import PlanVersion, Receipt
from plans.models import Plan
from samples.plans import STREET_FUNDS

from planning.tests.breakdown_fixtures import PASSWORD, city, last_year  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
CITY_PLAN = "2026年闽宁协作福州市重点工作任务分工方案"
# Departments' shares by hand (45万元); the ten streets share the rest (255万元) equally.
DEPARTMENTS = [("区发改局", "4"), ("区工商联", "5"), ("区妇联", "3"), ("区侨联", "6"), ("区科协", "2"), ("软件园", "25")]


def log_in(browser, live_server, username, viewport=None):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport=viewport or {"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def remainder(page) -> tuple[str, str, str]:
    return (page.locator("#remainder-bar").get_attribute("data-state"), page.locator("#remainder-label").inner_text(),
            page.locator("#remainder").inner_text())


def download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    return Path(info.value.path()).read_bytes()


def docx_text(document) -> list[str]:
    """Every paragraph, then every table cell, as Word holds them."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def assert_broken_down(quotas: str) -> None:
    """The 目标任务 cell of 社会帮扶资金: the district's 444.06万元 (300 and last year's shortfall),
    then its sixteen units, whose figures add up to it: nothing left unassigned."""
    lines = quotas.split("\n")
    assert lines[0] == "社会帮扶资金：鼓楼区444.06万元（含上年缺口144.06万元）"
    parts = [re.fullmatch(r"社会帮扶资金：(\w+?)([\d.]+)万元(?:（含上年缺口([\d.]+)万元）)?", line) for line in lines[1:]]
    assert all(parts) and len(parts) == 16
    assert [p[1] for p in parts[:6]] == [name for name, _ in DEPARTMENTS]
    assert [p[1] for p in parts[6:]] == [street for street, _, _ in STREET_FUNDS]
    assert "社会帮扶资金：鼓东街道46.2万元（含上年缺口20.7万元）" in lines and "社会帮扶资金：洪山镇25.5万元" in lines
    assert sum(Decimal(p[2]) for p in parts) == Decimal("444.06")


def test_the_office_implements_breaks_down_issues_and_adjusts_and_a_street_signs(browser, live_server, city, last_year):
    office = log_in(browser, live_server, "gulou_admin")

    # 承接: the city plan's tasks for 鼓楼区 become the office's own plan.
    office.get_by_role("link", name="任务分工方案").first.click()
    office.get_by_role("link", name=CITY_PLAN).click()
    office.locator("#implement-panel").get_by_role("link", name="承接此方案").click()
    assert office.locator("h1").inner_text() == f"承接：{CITY_PLAN}"
    office.fill("#id_doc_number", "鼓委振兴办〔2026〕1号")
    office.get_by_role("button", name="生成本级方案").click()
    assert "已承接上级方案" in office.locator(".messages").inner_text()
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")
    assert plan.parent == city["upper"] and plan.office == city["units"]["区民政局"]
    save_screenshot(office, "issue13-01-implemented")

    # 预分解: departments by hand, 十街镇's ten streets equally, last year's shortfall on top.
    office.get_by_role("link", name="预分解鼓楼区社会帮扶资金").click()
    assert office.locator("h1").inner_text() == "预分解：社会帮扶资金"
    assert remainder(office) == ("open", "未分配", "300")
    for count, name in enumerate([name for name, _ in DEPARTMENTS] + ["十街镇（集合单位，展开为各成员）"], start=1):
        office.select_option("#add-unit", label=name)
        office.get_by_role("button", name="添加", exact=True).click()
        # Adding posts the form: wait for the page it returns before choosing the next unit.
        expect(office.locator("tr.share")).to_have_count(count if count <= len(DEPARTMENTS) else 16)
    for name, figure in DEPARTMENTS:
        office.get_by_label(f"{name}分解数").fill(figure)
    assert remainder(office) == ("open", "未分配", "255")
    office.get_by_role("button", name="平均分配").click()
    assert remainder(office) == ("done", "未分配", "0")
    office.get_by_role("button", name="补上年缺口").click()
    assert office.get_by_label("鼓东街道上年缺口结转").input_value() == "20.7"
    shortfall = sum(Decimal(carried) for _, carried, _ in STREET_FUNDS if carried)
    assert remainder(office) == ("over", "超出合计", f"{shortfall:f}")
    office.get_by_label("本级上年缺口结转").fill(f"{shortfall:f}")
    assert remainder(office) == ("done", "未分配", "0")
    office.evaluate("window.scrollTo(0, 0)")
    save_screenshot(office, "issue13-02-breakdown-balanced")
    office.get_by_role("button", name="保存分解").click()
    assert "已保存分解" in office.locator(".messages").inner_text()
    funds = plan.tasks.get(upper_task__ref="23").targets.get(parent=None)
    parts = {p.assignee.name: (p.quantity, p.carried_over) for p in funds.parts.all()}
    assert len(parts) == 16 and parts["鼓东街道"] == (Decimal("25.5"), Decimal("20.7"))
    breakdown_url = office.url

    # 下达: version 1, the 通知 and the 任务分工表.
    office.get_by_role("link", name="返回方案").click()
    office.locator("#issuance-panel").get_by_role("link", name="下达方案").click()
    office.fill("#id_doc_number", "鼓协办〔2026〕5号")
    office.get_by_role("button", name="下达").click()
    assert f"已下达《{plan.title}》（第1版·下达）" in office.locator(".messages").inner_text()
    assert office.locator("#signing tr[data-unit=鼓东街道]").inner_text().count("未签收") == 1
    save_screenshot(office, "issue13-03-issued")
    notice = docx.Document(io.BytesIO(download(office, "通知（Word）")))
    words = [text.replace("\n", "") for text in docx_text(notice)]  # a long title is broken between words
    assert "鼓协办〔2026〕5号" in words
    assert "关于印发《2026年鼓楼区落实〈2026年闽宁协作福州市重点工作任务分工方案〉任务分工方案》的通知" in words
    assert "2026年鼓楼区落实《2026年闽宁协作福州市重点工作任务分工方案》任务分工表" in words  # the 附件's title
    assert [c.text for c in notice.tables[0].rows[0].cells] == ["序号", "任务内容", "牵头单位", "目标任务", "完成时限"]
    [quotas] = [row.cells[3].text for row in notice.tables[0].rows if row.cells[3].text.startswith("社会帮扶资金")]
    assert_broken_down(quotas)
    book = openpyxl.load_workbook(io.BytesIO(download(office, "任务分工表（Excel）")))
    sheet = book["任务分工表"]
    assert [c.value for c in sheet[1]][:5] == ["序号", "任务内容", "牵头单位", "目标任务", "完成时限"]
    funds_lines = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True) if str(row[3]).startswith("社会帮扶资金")]
    assert funds_lines == [quotas]  # the workbook and the Word table say the same

    # 签收: 鼓东街道 finds the version on 我的填报 and signs for its tasks.
    street = log_in(browser, live_server, "gudong", viewport=PHONE)
    assert street.url.endswith("/reporting/")
    street.locator("#pending-receipts").get_by_role("link", name="查看并签收").click()
    assert street.locator("#tasks h2").inner_text().startswith("本单位的任务")
    assert "社会帮扶资金：鼓东街道46.2万元（含上年缺口20.7万元）" in street.locator("#tasks").inner_text()
    street.get_by_role("button", name="签收").click()
    assert f"已签收《{plan.title}》第1版·下达中本单位的任务" in street.locator(".messages").inner_text()
    assert Receipt.objects.get(unit=city["units"]["鼓东街道"]).signed_by == city["people"]["street"]
    save_screenshot(street, "issue13-04-street-signed")

    # 调整: the office raises 鼓东街道's quota on the breakdown page and issues the adjustment.
    office.goto(breakdown_url)
    office.get_by_label("鼓东街道分解数").fill("30")
    office.fill("#reason", "鼓东街道申请调增4.5万元，由区级统筹")
    assert remainder(office) == ("over", "超出合计", "4.5")
    office.get_by_role("button", name="保存分解").click()
    assert "超出4.5万元，原因已记录" in office.locator(".messages").inner_text()
    office.goto(f"{live_server.url}/issuance/plans/{plan.pk}/")
    change = "社会帮扶资金（鼓东街道）：46.2万元（含上年缺口20.7万元） → 50.7万元（含上年缺口20.7万元）"
    assert change in office.locator("#adjust").inner_text()
    office.fill("#id_reason", "鼓东街道申请调增")
    office.get_by_role("button", name="调整下达").click()
    assert "已调整下达（第2版·调整）：1项调整，已通知涉及调整的1个单位重新签收" in office.locator(".messages").inner_text()
    save_screenshot(office, "issue13-05-adjusted")
    second = PlanVersion.objects.get(plan=plan, number=2)

    # The street sees what changed for it, signs again, and opens the earlier version.
    street.goto(live_server.url + "/reporting/")
    street.locator("#pending-receipts").get_by_role("link", name="查看并签收").click()
    assert street.url.endswith(f"/issuance/versions/{second.pk}/")
    changes = street.locator("#changes").inner_text()
    assert "调整说明：鼓东街道申请调增" in changes and change in changes
    assert "社会帮扶资金：鼓东街道50.7万元（含上年缺口20.7万元）" in street.locator("#tasks").inner_text()
    save_screenshot(street, "issue13-06-street-sees-change")
    street.get_by_role("button", name="签收").click()
    assert "已签收" in street.locator(".messages").inner_text()
    assert Receipt.objects.get(unit=city["units"]["鼓东街道"], version=second).signed_by == city["people"]["street"]
    street.locator("#version-tabs").get_by_role("link", name="第1版·下达").click()
    assert "这是较早的版本，已被第2版·调整取代" in street.locator("#version-tabs").inner_text()
    earlier = street.locator("#tasks").inner_text()
    assert "社会帮扶资金：鼓东街道46.2万元（含上年缺口20.7万元）" in earlier and "50.7万元" not in earlier
    save_screenshot(street, "issue13-07-earlier-version")
    for one in (office, street):  # no request left in flight when the live server stops
        one.context.close()
