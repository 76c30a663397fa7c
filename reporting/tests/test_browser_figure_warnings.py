"""A figure below last month's in a real browser: the warning beside the field, the submit refused
until a 说明 is written, and the reviewer's queue showing figures, warning and 说明."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import save_screenshot
from reporting.models import ProgressReport
from reporting.tests.test_browser_flow import log_in
from reporting.tests.test_figure_warnings import counted

pytestmark = pytest.mark.browser

NOVEMBER_20 = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@time_machine.travel(NOVEMBER_20, tick=True)
def test_a_drop_is_explained_before_submitting_and_the_reviewer_sees_why(browser, live_server, work):
    counted(work, "2026年10月", "49.9")
    report = work["report"]

    reporter = log_in(browser, live_server, "gudong")
    reporter.goto(f"{live_server.url}/reporting/reports/{report.pk}/")
    reporter.locator("input[name^=target_]").fill("40")
    reporter.fill("#id_progress", "已募集帮扶资金40万元。")
    reporter.click("button[name=submit]")
    if reporter.locator("#confirm-no-evidence").count():  # no evidence: the page asks first
        reporter.click("#submit-box button[name=submit]")
    alert = reporter.locator("p.error[role=alert]").inner_text()
    assert alert == "第1项 社会帮扶资金：累计数40低于上月的49.9；累计数应只增不减，请更正或填写说明后提交。"
    assert reporter.locator("ul.figure-warnings").inner_text().strip() == "⚠ 累计数40低于上月的49.9；累计数应只增不减"
    assert reporter.locator("input[name^=explain_]").get_attribute("aria-invalid") == "true"
    save_screenshot(reporter, "figure-warning-report")
    reporter.locator("input[name^=explain_]").fill("10月误将11月初到账的9.9万元计入，本月更正")
    reporter.click("button[name=submit]")
    if reporter.locator("#confirm-no-evidence").count():
        reporter.click("#submit-box button[name=submit]")
    assert reporter.locator("#report-status").inner_text() == "已提交"
    assert ProgressReport.objects.get(pk=report.pk).status == ProgressReport.Status.SUBMITTED

    reviewer = log_in(browser, live_server, "reviewer")
    reviewer.goto(f"{live_server.url}/reporting/review/")
    row = reviewer.locator(f"tr[data-report='{report.pk}']")
    text = row.inner_text()
    assert "社会帮扶资金：40 / 49.9 / 33.3万元 · 120.1%" in text
    assert "⚠ 社会帮扶资金：累计数40低于上月的49.9；累计数应只增不减" in text
    assert "说明：10月误将11月初到账的9.9万元计入，本月更正" in text
    assert "flagged" in row.get_attribute("class")
    save_screenshot(reviewer, "figure-warning-queue")
    with reviewer.expect_download() as download:
        reviewer.click("#export-xlsx")
    assert download.value.suggested_filename.endswith(".xlsx")
