"""The month's report in a real browser, from first figure to approval."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PIL import Image

from conftest import save_screenshot
from reporting.models import ProgressReport

pytestmark = pytest.mark.browser

# The fixture's November cycle is due on the 25th: the flow happens on the 20th, while it is open,
# whatever the real calendar says. The clock ticks so the history's times follow one another.
NOVEMBER_20 = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def log_in(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    page.fill("#id_username", username)
    page.fill("#id_password", "Xiezuo-2026-pass")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)  # each role lands on its own page
    return page


@time_machine.travel(NOVEMBER_20, tick=True)
def test_report_returned_corrected_and_approved(browser, live_server, work, tmp_path):
    photo, scan = tmp_path / "现场照片.jpg", tmp_path / "拨付凭证.pdf"
    Image.new("RGB", (64, 48), "darkred").save(photo, "JPEG")
    Image.new("RGB", (64, 48), "white").save(scan, "PDF")
    report = work["report"]

    reporter = log_in(browser, live_server, "gudong")
    reporter.get_by_role("link", name="我的填报").click()
    reporter.locator(f"tr[data-report='{report.pk}'] a").click()
    (target_input,) = reporter.locator("input[name^=target_]").all()
    target_input.fill("12.5")
    reporter.fill("#id_progress", "已募集帮扶资金12.5万元，其中企业捐赠10万元。")
    reporter.fill("#id_next_steps", "12月前完成剩余募集。")
    reporter.click("button[name=save]")
    assert "已保存" in reporter.locator(".messages").inner_text()
    for path, caption in ((photo, "捐赠仪式现场"), (scan, "拨付凭证")):
        reporter.set_input_files("#id_evidence_file", str(path))
        reporter.fill("#id_evidence_caption", caption)
        reporter.locator("#evidence button.primary").click()
        assert caption in reporter.locator("#evidence").inner_text()
    reporter.click("button[name=submit]")
    assert reporter.locator("#report-status").inner_text() == "已提交"

    reviewer = log_in(browser, live_server, "reviewer")
    reviewer.get_by_role("link", name="进度审核").click()
    reviewer.locator(f"tr[data-report='{report.pk}'] a").click()
    reviewer.fill("#id_comment", "请补充企业捐赠协议")
    reviewer.get_by_role("button", name="退回修改").click()
    returned = ProgressReport.objects.select_related("cycle").get(pk=report.pk)
    assert returned.status == ProgressReport.Status.RETURNED
    assert reviewer.locator("#report-status").inner_text() == "已退回"  # before the 25th: not yet 已逾期

    reporter.goto(live_server.url + "/reporting/")
    assert reporter.locator(".notifications .badge").inner_text() == "1"
    reporter.locator(f"tr[data-report='{report.pk}'] a").click()
    assert "退回意见：请补充企业捐赠协议" in reporter.locator(".returned-note").inner_text()
    reporter.locator("input[name^=target_]").fill("13")
    reporter.fill("#id_progress", "已募集帮扶资金13万元，捐赠协议已补充。")
    reporter.click("button[name=submit]")
    assert reporter.locator("#report-status").inner_text() == "已提交"

    reviewer.goto(live_server.url + f"/reporting/reports/{report.pk}/")
    reviewer.get_by_role("button", name="审核通过").click()
    assert reviewer.locator("#report-status").inner_text() == "已通过"
    history = reviewer.locator(".history").inner_text()
    steps = ["保存", "上传佐证", "上传佐证", "提交", "退回", "保存", "提交", "审核通过"]
    shown = [line.split(" ", 3)[3].split("：")[0] for line in history.splitlines() if line[:4].isdigit()]
    assert shown == steps, history
    assert "12.5 → 13" in history.replace("（", "").replace("）", "")
    save_screenshot(reviewer, "report-approved")

    approved = ProgressReport.objects.get(pk=report.pk)
    assert approved.status == "approved" and approved.evidence.count() == 2
    assert approved.figures.get().cumulative_value == 13
