"""On a 390 × 844 phone every page fits the screen: no sideways scrolling of the page (a wide
table scrolls in its own box), a top bar that wraps instead of stacking one character per line.
At 1,366 px the checks' findings table stays inside the page. Screenshots: test-artifacts/mobile-*.png."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from conftest import save_screenshot, shared_path
from orgs.models import Unit
from plans.models import Plan
from reporting.models import ProgressReport
from samples.plans import DISTRICT_DOC
from samples.steps import BASE

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"
PHONE = {"width": 390, "height": 844}
# The sample's November cycle, while it is open, whatever the real calendar says.
NOVEMBER_20 = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

PAGE_WIDTH = "() => document.scrollingElement.scrollWidth"
# Every element that pokes out to the right of the screen, named for the failure message.
OVERFLOWING = """(width) => Array.from(document.querySelectorAll('body *'))
  .filter(el => { const r = el.getBoundingClientRect();
                  return r.width > 0 && r.right > width + 1 && !el.closest('table.grid, [data-chart]'); })
  .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right))"""
# A link of the top bar taller than two lines is the "vertical text" the users saw.
TALL_NAV_LINKS = """() => Array.from(document.querySelectorAll('.topbar nav a, .topbar .account > *, .brand'))
  .filter(a => a.getBoundingClientRect().height > 40).map(a => a.textContent.trim())"""


@pytest.fixture
def sample(db, settings, tmp_path):
    from samples.reports import load_sample_reports

    settings.MEDIA_ROOT = tmp_path
    # The server's clock travels; the browser's does not: a cookie ending with the browser is kept.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    call_command("load_sample_data", "--only", *BASE, user_password=PASSWORD, stdout=StringIO())
    load_sample_reports(NOVEMBER_20.date())
    return Plan.objects.get(doc_number=DISTRICT_DOC)


def phone_page(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport=PHONE,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def fits_the_phone(page, url, screenshot):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-page").count() == 0, f"{url}: {page.locator('main').inner_text()[:200]}"
    save_screenshot(page, screenshot)
    width = page.evaluate(PAGE_WIDTH)
    assert width <= PHONE["width"], f"{url} 在手机上宽 {width}px：{page.evaluate(OVERFLOWING, PHONE['width'])}"
    assert page.evaluate(TALL_NAV_LINKS) == [], f"{url}：顶栏文字被挤成竖排"
    # Wide tables scroll within their own box, which ends at the screen's edge.
    for right in page.locator("main table.grid").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().right)"):
        assert right <= PHONE["width"], f"{url}：表格超出屏幕（右边 {right}px）"


@time_machine.travel(NOVEMBER_20, tick=True)
def test_reporters_pages_fit_a_phone(browser, live_server, sample):
    page = phone_page(browser, live_server, "gudong_reporter")
    assert page.url.endswith(reverse("reporting:my_work"))  # a reporter lands on 我的填报
    report = ProgressReport.objects.filter(unit=Unit.objects.get(name="鼓东街道"), cycle__plan=sample,
                                           cycle__label="2026年11月").order_by("task__position").first()
    fits_the_phone(page, live_server.url + reverse("reporting:my_work"), "mobile-my-work")
    fits_the_phone(page, live_server.url + reverse("reporting:report", args=[report.pk]), "mobile-report")
    assert page.locator("nav.crumbs").inner_text().startswith("我的填报")
    # The form is usable: its fields and the file input are inside the screen.
    for box in page.locator("main input:visible, main textarea:visible, main button:visible").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().right)"):
        assert box <= PHONE["width"]
    fits_the_phone(page, live_server.url + reverse("plans:detail", args=[sample.pk]), "mobile-plan-reporter")
    page.context.close()


@time_machine.travel(NOVEMBER_20, tick=True)
def test_office_pages_fit_a_phone(browser, live_server, sample):
    page = phone_page(browser, live_server, "gulou_office")
    assert page.url.endswith(reverse("oversight:overview"))  # the office lands on 督查看板
    fits_the_phone(page, live_server.url + reverse("oversight:overview"), "mobile-overview")
    fits_the_phone(page, live_server.url + reverse("oversight:dashboard", args=["plan", sample.pk]) + "?month=2026-11",
                   "mobile-dashboard")
    fits_the_phone(page, live_server.url + reverse("reporting:review") + "?status=", "mobile-review")
    report = ProgressReport.objects.filter(cycle__plan=sample, status=ProgressReport.Status.SUBMITTED).first()
    fits_the_phone(page, live_server.url + reverse("reporting:report", args=[report.pk]), "mobile-report-office")
    assert page.locator("nav.crumbs").inner_text().startswith("进度审核")  # the office's way back
    fits_the_phone(page, live_server.url + reverse("plans:detail", args=[sample.pk]), "mobile-plan")
    page.context.close()


def laptop_office(page, live_server):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + "/")
    page.fill("#id_username", "gulou_office")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_findings_table_stays_inside_the_plan_page_on_a_laptop(page, live_server, sample):
    laptop_office(page, live_server)
    page.goto(live_server.url + reverse("plans:detail", args=[sample.pk]))
    rows = page.locator("tr.finding")
    assert rows.count() > 0, "样例方案应有数字核查结果"
    # A finding's row is a table row, not an inline block spilling out of its table.
    assert rows.first.evaluate("r => getComputedStyle(r).display") == "table-row"
    save_screenshot(page, "plan-page-1366")
    assert page.evaluate(PAGE_WIDTH) <= 1366


def test_findings_table_stays_inside_the_import_review_page_on_a_laptop(page, live_server, sample):
    source = shared_path("seeds/docx/000_2175a6476560e6e2.docx")
    laptop_office(page, live_server)
    page.goto(live_server.url + reverse("plans:import_upload"))
    page.set_input_files("#id_file", str(source))
    page.select_option("#id_kind", label="东西部协作")
    page.get_by_role("button", name="上传并解析").click()
    assert page.locator("h1").inner_text() == "核对导入内容"
    rows = page.locator("tr.finding")
    assert rows.count() > 0, "该文件导入时应有数字核查结果"
    assert rows.first.evaluate("r => getComputedStyle(r).display") == "table-row"
    save_screenshot(page, "import-review-1366")
    assert page.evaluate(PAGE_WIDTH) <= 1366
