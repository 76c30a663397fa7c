"""The legend, a total beside its parts' sum, the Excel links and the bulletin's month, in
Debian's chromium on the sample data, on 3 December 2026 (November closed, December open)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from conftest import save_screenshot
from oversight import status as st
from plans.models import Plan
from samples.plans import DISTRICT_DOC
from samples.steps import BASE

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"
DEC3 = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def sample(db):
    from samples.reports import load_sample_reports

    call_command("load_sample_data", "--only", *BASE, user_password=PASSWORD, stdout=open("/dev/null", "w"))
    load_sample_reports(datetime.date(2026, 11, 30))
    with time_machine.travel(DEC3, tick=True):
        from reporting import services

        services.open_cycles(DEC3.date())  # December's cycle opens, as the daily command would
        yield Plan.objects.get(doc_number=DISTRICT_DOC)


def log_in(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_dashboard_legend_lists_and_the_bulletins_month(page, live_server, sample):
    log_in(page, live_server, "gulou_office")
    page.goto(f"{live_server.url}/oversight/plan/{sample.pk}/?month=2026-11")
    page.wait_for_selector('[data-chart="chart-lights"] svg')
    donut = page.locator('[data-chart="chart-lights"] svg text').evaluate_all("ns => ns.map(n => n.textContent)")
    assert any(st.light_text(st.YELLOW) in label for label in donut)
    legend = page.locator("[data-legend]").first.inner_text()
    for item in st.legend()["lights"] + st.legend()["warnings"]:
        assert item.text in legend
    card = page.locator("#warning-card").inner_text()
    assert "落后时序进度" in card and "临期" not in card and "滞后" not in card
    save_screenshot(page, "oversight-dashboard-legend")

    page.goto(f"{live_server.url}/oversight/plan/{sample.pk}/targets/?month=2026-11&warning=yellow")
    assert page.locator("[data-legend]").count() == 1
    with page.expect_download() as download:
        page.locator("a.export").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    save_screenshot(page, "oversight-targets-legend")

    # The sample's lead units report some totals apart from their streets: both figures are shown.
    page.goto(f"{live_server.url}/oversight/plan/{sample.pk}/?month=2026-11")
    page.locator("#mismatch-note a").click()
    page.wait_for_url("**mismatch=1*")
    notes = page.locator("table.status-table .mismatch").all_inner_texts()
    assert notes and all("各单位合计" in n and "相差" in n for n in notes)
    save_screenshot(page, "oversight-targets-mismatched")

    # On 3 December the page offers November; asking for December says why not yet.
    page.goto(f"{live_server.url}/oversight/plan/{sample.pk}/bulletins/")
    assert page.locator("select[name=month]").input_value() == "2026-11"
    page.select_option("select[name=month]", "2026-12")
    page.get_by_role("button", name="生成通报").click()
    page.wait_for_selector("#confirm-open")
    assert "2026年12月的报送截止日（12月25日）还没到" in page.locator("main").inner_text()
    save_screenshot(page, "oversight-bulletin-open-month")
