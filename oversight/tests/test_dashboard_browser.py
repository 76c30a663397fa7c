"""The dashboards in Debian's chromium, on the sample data: real charts, and a
figure followed from a bar to the report and evidence behind it."""

import re

import pytest
from django.core.management import call_command

from conftest import save_screenshot
from oversight.tests.conftest import NOV30
from plans.models import Plan
from samples.plans import DISTRICT_DOC
from samples.steps import BASE

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"
LIGHT_COLOURS = ("#d92d20", "#f79009", "#12b76a")


@pytest.fixture
def sample(db, monkeypatch):
    from samples.reports import load_sample_reports

    call_command("load_sample_data", "--only", *BASE, user_password=PASSWORD, stdout=open("/dev/null", "w"))
    load_sample_reports(NOV30)
    monkeypatch.setattr("oversight.views._today", lambda: NOV30)
    return Plan.objects.get(doc_number=DISTRICT_DOC)


def log_in(page, live_server, username):
    page.goto(live_server.url + "/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)  # each role lands on its own page


def charts_drawn(page) -> int:
    page.wait_for_selector("[data-chart] svg")
    return page.locator("[data-chart] svg").count()


def test_district_dashboard_draws_real_charts_and_clicks_through_to_the_evidence(page, live_server, sample):
    log_in(page, live_server, "gulou_office")
    page.get_by_role("link", name="督查看板").click()
    page.get_by_role("link", name=sample.title).click()
    page.wait_for_url(f"**/oversight/plan/{sample.pk}/")
    assert charts_drawn(page) >= 5  # gauge, lights, ranking and at least two trends
    units_chart = page.locator('[data-chart="chart-units"] svg')
    labels = units_chart.locator("text").evaluate_all("nodes => nodes.map(n => n.textContent)")
    assert any("鼓东街道" in label for label in labels)
    gauge = page.locator('[data-chart="chart-gauge"] svg text').evaluate_all("nodes => nodes.map(n => n.textContent)")
    assert "时序进度" in gauge
    assert page.locator('[data-chart="trend-0"] svg path').count() > 2
    # No chart may have failed to draw.
    assert "图表无法显示" not in page.locator("main").inner_text()
    save_screenshot(page, "oversight-dashboard-district")

    # The first bar of the ranking opens that unit's targets ...
    bars = units_chart.locator(",".join(f'path[fill="{c}"]' for c in LIGHT_COLOURS))
    first_unit = page.locator("#chart-units")  # the json_script block
    assert first_unit.count() == 1
    bars.first.click()
    page.wait_for_url("**/targets/?*unit=*")
    assert page.locator("table.status-table tbody tr").count() >= 1
    save_screenshot(page, "oversight-targets-of-a-unit")
    # ... a reported figure opens the reports behind it, and one of them its evidence.
    page.locator("table.status-table tbody tr td.num a").first.click()
    page.wait_for_url(re.compile(r"/oversight/targets/\d+/"))
    assert "填报记录" in page.locator("main").inner_text()
    save_screenshot(page, "oversight-target-sources")
    with page.expect_navigation():
        page.get_by_role("link", name="报告与佐证").first.click()
    assert "/reporting/reports/" in page.url


def test_region_dashboard_for_the_district(page, live_server, sample):
    log_in(page, live_server, "gulou_leader")
    page.get_by_role("link", name="督查看板").click()
    page.locator("a.chip", has_text="鼓楼区").click()
    assert charts_drawn(page) >= 4
    assert "未报送单位" in page.locator("main").inner_text()
    save_screenshot(page, "oversight-dashboard-region")
