"""In Chromium: the office issues its plan and downloads the 通知 and the 任务分工表; a street
signs for its task from 我的填报; the office reminds the others, changes the street's quota and
issues the adjustment; the street sees what changed for it, signs again and opens the earlier
version."""

import io
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import save_screenshot
from history.records import acting
from issuance.models import PlanVersion, Receipt
from plans.models import Target

pytestmark = pytest.mark.browser


def log_in(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "Xiezuo-2026-pass")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    return Path(info.value.path()).read_bytes()


def test_office_issues_a_street_signs_and_reads_the_adjustment(browser, live_server, issued_work):
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    office = log_in(browser, live_server, "office")
    office.goto(f"{live_server.url}/plans/{plan.pk}/")
    office.locator("#issuance-panel").get_by_role("link", name="下达方案").click()
    office.fill("#id_doc_number", "鼓协办〔2026〕5号")
    office.get_by_role("button", name="下达").click()
    assert "已下达《2026年测试方案》（第1版·下达），已通知4个责任单位签收" in office.locator(".messages").inner_text()
    assert office.locator("#signing tr[data-unit=鼓东街道]").inner_text().count("未签收") == 1
    save_screenshot(office, "issuance-01-issued")
    notice = docx.Document(io.BytesIO(download(office, "通知（Word）")))
    texts = [p.text for p in notice.paragraphs]
    assert "鼓协办〔2026〕5号" in texts and "关于印发《2026年测试方案》的通知" in texts
    assert [c.text for c in notice.tables[0].rows[0].cells][:3] == ["序号", "类别", "任务内容"]
    book = openpyxl.load_workbook(io.BytesIO(download(office, "任务分工表（Excel）")))
    assert book["任务分工表"]["C2"].value == "落实社会帮扶资金100万元。"

    # The street finds the pending 签收 on 我的填报 and signs for its one task.
    street = log_in(browser, live_server, "gudong")
    assert street.url.endswith("/reporting/")
    street.locator("#pending-receipts").get_by_role("link", name="查看并签收").click()
    assert "本单位的任务" in street.locator("#tasks h2").inner_text()
    assert street.locator("#tasks tbody tr").count() == 1
    street.get_by_role("button", name="签收").click()
    assert "已签收《2026年测试方案》第1版·下达中本单位的任务" in street.locator(".messages").inner_text()
    assert Receipt.objects.get(unit=units["鼓东街道"]).signed_by == people["gudong"]
    save_screenshot(street, "issuance-02-signed")

    # The office sees who has not signed and reminds them, once.
    office.reload()
    assert "已签收" in office.locator("#signing tr[data-unit=鼓东街道]").inner_text()
    office.get_by_role("button", name="提醒未签收单位").click()
    assert "已提醒3个单位签收" in office.locator(".messages").inner_text()
    office.get_by_role("button", name="提醒未签收单位").click()
    assert "3个单位今天已提醒过，未重复提醒" in office.locator(".messages").inner_text()

    # The office raises 鼓东街道's quota (the plan's editing pages are planning's) and adjusts.
    with acting(people["office"], "鼓东街道申请调增"):
        quota = Target.objects.get(task__plan=plan, assignee=units["鼓东街道"])
        quota.quantity = Decimal(40)
        quota.save()
    office.reload()
    assert "社会帮扶资金（鼓东街道）：33.3万元 → 40万元" in office.locator("#adjust").inner_text()
    office.fill("#id_reason", "鼓东街道申请调增")
    office.get_by_role("button", name="调整下达").click()
    assert "已调整下达（第2版·调整）：1项调整，已通知涉及调整的1个单位重新签收" in office.locator(".messages").inner_text()
    save_screenshot(office, "issuance-03-adjusted")
    second = PlanVersion.objects.get(plan=plan, number=2)

    # The street sees the change for it, signs again, and opens the earlier version.
    street.goto(live_server.url + "/reporting/")
    street.locator("#pending-receipts").get_by_role("link", name="查看并签收").click()
    assert street.url.endswith(f"/issuance/versions/{second.pk}/")
    changes = street.locator("#changes").inner_text()
    assert "调整说明：鼓东街道申请调增" in changes and "社会帮扶资金（鼓东街道）：33.3万元 → 40万元" in changes
    assert "鼓东街道40万元" in street.locator("#tasks").inner_text()
    save_screenshot(street, "issuance-04-change-list")
    street.get_by_role("button", name="签收").click()
    assert "已签收" in street.locator(".messages").inner_text()
    street.locator("#version-tabs").get_by_role("link", name="第1版·下达").click()
    assert "这是较早的版本，已被第2版·调整取代" in street.locator("#version-tabs").inner_text()
    assert "鼓东街道33.3万元" in street.locator("#tasks").inner_text()
    save_screenshot(street, "issuance-05-earlier-version")
    for one in (office, street):  # no request left in flight when the live server stops
        one.context.close()
