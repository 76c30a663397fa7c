"""In Chromium: 鼓东街道 records a donation with its stamped receipt in the 社会帮扶资金 ledger; its
report shows the sum in place of an input, and the office's target page counts it, linked to
the row."""

import pytest
from PIL import Image

from conftest import save_screenshot
from ledgers.models import LedgerRow
from reporting.tests.test_browser_flow import log_in

pytestmark = pytest.mark.browser


def test_a_donation_row_with_its_receipt_moves_the_social_funds_figure(browser, live_server, work, ledger, tmp_path,
                                                                       settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    receipt = tmp_path / "接收方盖章收据.jpg"
    Image.new("RGB", (80, 60), "white").save(receipt, "JPEG")
    street = work["task"].targets.get(assignee=work["units"]["鼓东街道"])

    office = log_in(browser, live_server, "office")
    office.goto(live_server.url + f"/oversight/targets/{street.pk}/")
    assert "已报累计\n0万元" in office.locator(".facts").inner_text()  # the ledger is empty: 0, not 未报

    reporter = log_in(browser, live_server, "gudong")
    reporter.get_by_role("link", name="明细台账").click()
    reporter.get_by_role("link", name="社会帮扶资金明细台账").click()
    reporter.fill("#id_date", "2026-11-06")
    reporter.fill("#id_counterpart", "福州某商贸有限公司")
    reporter.fill("#id_amount", "5.8")
    reporter.fill("#id_goods", "冬衣200件、大米2吨")
    reporter.set_input_files("#id_receipt", str(receipt))
    reporter.get_by_role("button", name="登记").click()
    assert "已登记" in reporter.locator(".messages").inner_text()
    row = reporter.locator("#rows tr[data-row]")
    assert "福州某商贸有限公司" in row.inner_text() and "接收方盖章收据.jpg" in row.inner_text()
    assert LedgerRow.objects.get().receipt_type == "image/jpeg"
    save_screenshot(reporter, "ledgers-01-row-with-receipt")

    # The month's report shows the ledger's sum, not an input, and links to the row.
    reporter.goto(live_server.url + f"/reporting/reports/{work['report'].pk}/")
    figure = reporter.locator(f"#figure-{street.pk}")
    assert figure.locator("[data-computed]").inner_text() == "5.8"
    assert "由明细台账计算" in figure.inner_text() and reporter.locator(f"#id_target_{street.pk}").count() == 0
    save_screenshot(reporter, "ledgers-02-report-computed")
    figure.get_by_role("link", name="查看明细").click()
    assert "福州某商贸有限公司" in reporter.locator("#rows").inner_text()

    # The office's target page counts it (no report submitted needed) and leads to the row.
    office.reload()
    facts = office.locator(".facts").inner_text()
    assert "已报累计\n5.8万元" in facts
    office.get_by_role("link", name="查看社会帮扶资金明细").click()
    assert "福州某商贸有限公司" in office.locator("#rows").inner_text()
    with office.expect_download() as download:
        office.get_by_role("link", name="接收方盖章收据.jpg").click()
    assert download.value.suggested_filename == "接收方盖章收据.jpg"
    save_screenshot(office, "ledgers-03-office-traces-the-row")
    for one in (reporter, office):
        one.context.close()
