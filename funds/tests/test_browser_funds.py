"""In Chromium: 鼓东街道 files its project's August funds report with a voucher by the due day;
the office sees the 拨付率 light green in August and red once 9月底前拨付率达到80% has passed
unmet, and downloads the 资金使用进度 table with the same figures."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook
from PIL import Image

from conftest import save_screenshot
from funds.models import FundsReport
from reporting.tests.test_browser_flow import log_in

pytestmark = pytest.mark.browser
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_funds_report_is_filed_and_the_disbursement_light_turns_as_the_milestone_passes(
        browser, live_server, work, projects, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    voucher = tmp_path / "拨付凭证.pdf"
    Image.new("RGB", (64, 48), "white").save(voucher, "PDF")
    own = projects["own"]

    with time_machine.travel(datetime.datetime(2026, 8, 24, 10, 0, tzinfo=SHANGHAI), tick=True):
        reporter = log_in(browser, live_server, "gudong")
        reporter.get_by_role("link", name="资金项目").click()
        reporter.get_by_role("link", name="单家集村肉牛养殖基地").click()
        august = reporter.locator("#months tr", has_text="2026年8月")
        assert "待填报" in august.inner_text()
        august.get_by_role("link", name="填报").click()
        reporter.fill("#id_disbursed_fiscal", "56")
        reporter.fill("#id_spent_fiscal", "30")
        reporter.fill("#id_disbursed_local", "14")
        reporter.select_option("#id_progress", label="在建")
        reporter.fill("#id_poor_people", "35")
        reporter.fill("#id_farmers_linked", "12")
        reporter.set_input_files("#id_file", str(voucher))
        reporter.get_by_role("button", name="保存并提交").click()
        assert reporter.locator("#report-status").inner_text() == "已提交"
        assert "拨付凭证.pdf" in reporter.locator("#funds-evidence").inner_text()
        report = FundsReport.objects.get(project=own)
        assert (report.status, report.submitted_late, report.evidence.count()) == ("submitted", False, 1)
        save_screenshot(reporter, "funds-01-august-filed")

        office = log_in(browser, live_server, "office")
        office.get_by_role("link", name="资金项目").click()
        row = office.locator("tr[data-project]", has_text="单家集村肉牛养殖基地")
        assert "70.0%" in row.inner_text() and "绿灯·正常" in row.inner_text()
        office.get_by_role("link", name="单家集村肉牛养殖基地").click()
        assert office.locator("#disbursed-rate").inner_text() == "70.0%"
        assert office.locator("#disbursed-light [data-light]").get_attribute("data-light") == "green"
        save_screenshot(office, "funds-02-green-in-august")

    # September passes without a new disbursement: the milestone is missed. (Six weeks on, the
    # August session has expired on the server: the office signs in again.)
    with time_machine.travel(datetime.datetime(2026, 10, 8, 10, 0, tzinfo=SHANGHAI), tick=True):
        office.context.close()
        office = log_in(browser, live_server, "office")
        office.goto(live_server.url + f"/funds/projects/{own.pk}/")
        assert office.locator("#disbursed-rate").inner_text() == "70.0%"
        light = office.locator("#disbursed-light").inner_text()
        assert "红灯·严重滞后" in light and "逾期未完成" in light
        assert office.locator("#disbursed-light [data-light]").get_attribute("data-light") == "red"
        save_screenshot(office, "funds-03-red-after-september")
        with office.expect_download() as download:
            office.goto(live_server.url + "/funds/")  # the table link is on the list
            office.get_by_role("link", name=work["plan"].title).click()
        sheet = load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
        first = [c.value for c in sheet[5]]
        assert first[1] == "单家集村肉牛养殖基地" and first[4:9] == [100, 70, 0.7, 30, 0.3]
        assert "红灯·严重滞后" in first[11]
    for one in (reporter, office):
        one.context.close()
