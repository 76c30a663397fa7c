"""A street's reporter on a phone (390 × 844): last month's overdue report from 我的填报, filled,
a photo taken, submitted, withdrawn, a second photo added, submitted again."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PIL import Image

from conftest import save_screenshot
from reporting import services
from reporting.models import ProgressReport, ReportEvent

pytestmark = pytest.mark.browser

# 3 December 2026: November (due the 25th) is last month and overdue. The clock ticks so the
# history's times follow one another; the live server's thread sees the same clock.
DECEMBER_3 = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PHONE = {"width": 390, "height": 844}


def phone_log_in(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport=PHONE,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "Xiezuo-2026-pass")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def take_photo(page, path):
    """What a tap on the file input does on a phone: a chooser (camera or files) gets the photo."""
    with page.expect_file_chooser() as chooser:
        page.click("#id_evidence_file")
    chooser.value.set_files(str(path))


@time_machine.travel(DECEMBER_3, tick=True)
def test_a_reporter_on_a_phone_submits_withdraws_and_resubmits_last_months_overdue_report(
        browser, live_server, work, tmp_path):
    services.open_cycles(DECEMBER_3.date(), [work["plan"]])  # the daily run has opened December
    report = work["report"]  # 鼓东街道, November
    first, second = tmp_path / "IMG_1201.jpg", tmp_path / "IMG_1202.jpg"
    Image.new("RGB", (800, 600), "darkgreen").save(first, "JPEG")
    Image.new("RGB", (800, 600), "navy").save(second, "JPEG")

    page = phone_log_in(browser, live_server, "gudong")
    page.goto(live_server.url + "/reporting/")
    row = page.locator(f"#outstanding tr[data-report='{report.pk}']")
    assert "2026年11月" in row.inner_text() and "已逾期" in row.inner_text()
    assert page.locator(".current h2").inner_text().endswith("报送截止 12月25日")  # this month first
    # Each row is a card on a phone: its state and its link are on screen, not beyond a sideways scroll.
    for cell in (row.locator(".status-cell"), row.get_by_role("link", name="填报")):
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    save_screenshot(page, "phone-01-my-work")

    row.get_by_role("link", name="填报").click()
    assert page.locator("#report-status").inner_text() == "已逾期"
    file_input = page.locator("#id_evidence_file")
    assert file_input.get_attribute("accept").startswith("image/*,")
    assert file_input.get_attribute("capture") is None  # the phone offers camera or files
    page.locator("input[name^=target_]").fill("12.5")
    page.fill("#id_progress", "已募集帮扶资金12.5万元，11月物资已发放到户。")
    take_photo(page, first)
    page.fill("#id_evidence_caption", "物资发放现场")
    save_screenshot(page, "phone-02-filled")
    # Top to bottom: the submit button is below the evidence; one tap saves, uploads and submits.
    submit = page.get_by_role("button", name="保存并提交审核")
    assert submit.bounding_box()["y"] > file_input.bounding_box()["y"]
    submit.click()
    assert page.locator("#report-status").inner_text() == "已提交"
    assert "物资发放现场" in page.locator("#evidence").inner_text()
    save_screenshot(page, "phone-03-submitted")

    page.get_by_role("button", name="撤回").click()
    assert page.locator("#report-status").inner_text() == "已逾期"  # a draft again, after the due day
    assert "已撤回" in page.locator(".messages").inner_text()
    take_photo(page, second)
    page.fill("#id_evidence_caption", "入户走访")
    page.get_by_role("button", name="上传").click()
    assert "入户走访" in page.locator("#evidence").inner_text()
    assert page.locator("#id_progress").input_value() == "已募集帮扶资金12.5万元，11月物资已发放到户。"
    page.get_by_role("button", name="保存并提交审核").click()
    assert page.locator("#report-status").inner_text() == "已提交"
    history = page.locator(".history").inner_text()
    assert "撤回：审核前撤回，改为待填报" in history
    save_screenshot(page, "phone-04-resubmitted")

    done = ProgressReport.objects.get(pk=report.pk)
    assert done.status == ProgressReport.Status.SUBMITTED and done.submitted_late
    assert sorted(done.evidence.values_list("caption", flat=True)) == ["入户走访", "物资发放现场"]
    Action = ReportEvent.Action
    assert list(done.events.values_list("action", flat=True)) == [
        Action.SAVED, Action.EVIDENCE_ADDED, Action.SUBMITTED, Action.WITHDRAWN, Action.EVIDENCE_ADDED, Action.SUBMITTED]
    page.context.close()
