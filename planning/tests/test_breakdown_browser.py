"""In Chromium: 鼓楼区's office (区民政局) implements the sample city plan, opens 社会帮扶资金's
预分解, gives the departments their figures by hand, adds 十街镇 (its ten streets), splits the
rest equally, adds last year's shortfall, watches 未分配 reach 0 as it types and saves; then the
same page on a 390 px phone."""

from decimal import Decimal as D

import pytest

from conftest import save_screenshot
from plans.models import Plan
from samples.plans import STREET_FUNDS

from planning.tests.breakdown_fixtures import PASSWORD, city, last_year  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DEPARTMENTS = [("区发改局", "4"), ("区工商联", "5"), ("区妇联", "3"), ("区侨联", "6"), ("区科协", "2"), ("软件园", "25")]


def log_in(browser, live_server, username, viewport=None):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport=viewport or {"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def submit(page, button: str) -> None:
    """Press a button that posts the form, and wait for the page it brings (the next action must
    not run on the page being left)."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def follow(page, link) -> None:
    with page.expect_navigation():
        link.click()


def remainder(page) -> tuple[str, str, str]:
    bar = page.locator("#remainder-bar")
    return bar.get_attribute("data-state"), page.locator("#remainder-label").inner_text(), page.locator("#remainder").inner_text()


def test_the_district_implements_the_city_plan_and_breaks_its_social_funds_down(browser, live_server, city, last_year):
    page = log_in(browser, live_server, "gulou_admin")
    follow(page, page.get_by_role("link", name="任务分工方案").first)
    follow(page, page.get_by_role("link", name="2026年闽宁协作福州市重点工作任务分工方案"))
    follow(page, page.locator("#implement-panel").get_by_role("link", name="承接此方案"))
    assert page.locator("h1").inner_text() == "承接：2026年闽宁协作福州市重点工作任务分工方案"
    assert page.locator(".implement-preview tbody tr").count() == 3
    page.fill("#id_doc_number", "鼓委振兴办〔2026〕1号")
    submit(page, "生成本级方案")
    assert "已承接上级方案" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")

    follow(page, page.get_by_role("link", name="预分解鼓楼区社会帮扶资金"))
    assert page.locator("h1").inner_text() == "预分解：社会帮扶资金"
    assert remainder(page) == ("open", "未分配", "300")
    for name, _ in DEPARTMENTS:
        page.select_option("#add-unit", label=name)
        submit(page, "添加")
    page.select_option("#add-unit", label="十街镇（集合单位，展开为各成员）")
    submit(page, "添加")
    assert page.locator("tr.share").count() == 16
    assert page.locator("tr.share th").all_inner_texts()[6:] == [street for street, _, _ in STREET_FUNDS]

    # By hand: the departments' figures, the remainder following each keystroke.
    for name, figure in DEPARTMENTS:
        page.get_by_label(f"{name}分解数").fill(figure)
    assert remainder(page) == ("open", "未分配", "255")
    submit(page, "平均分配")  # the ten blank rows share 255
    assert page.get_by_label("鼓东街道分解数").input_value() == "25.5"
    assert remainder(page) == ("done", "未分配", "0")
    submit(page, "补上年缺口")
    assert page.get_by_label("安泰街道上年缺口结转").input_value() == "23.3"
    assert page.get_by_label("洪山镇上年缺口结转").input_value() == ""
    assert remainder(page) == ("over", "超出合计", "144.06")
    carried = page.get_by_label("本级上年缺口结转")
    carried.press_sequentially("144.0")
    assert remainder(page) == ("over", "超出合计", "0.06")
    carried.press_sequentially("6")
    assert remainder(page) == ("done", "未分配", "0")
    assert page.locator("#whole-total").inner_text() == "444.06"
    page.evaluate("window.scrollTo(0, 0)")  # the table's sticky header back in its place
    save_screenshot(page, "breakdown-01-desktop-balanced")

    submit(page, "保存分解")
    assert "已保存分解：新增16个单位" in page.locator(".messages").inner_text()
    total = plan.tasks.get(upper_task__ref="23").targets.get(parent=None)
    assert total.carried_over == D("144.06") and total.breakdown_reason == ""
    parts = {p.assignee.name: (p.quantity, p.carried_over) for p in total.parts.all()}
    assert parts["鼓东街道"] == (D("25.5"), D("20.7")) and parts["软件园"] == (D(25), None) and len(parts) == 16

    phone = log_in(browser, live_server, "gulou_admin", viewport=PHONE)
    phone.goto(f"{live_server.url}/planning/targets/{total.pk}/breakdown/")
    assert remainder(phone) == ("done", "未分配", "0")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_label("鼓东街道分解数").fill("20")
    assert remainder(phone) == ("open", "未分配", "5.5")
    phone.evaluate("window.scrollTo(0, 0)")
    save_screenshot(phone, "breakdown-02-phone")
    for one in (page, phone):  # no request left in flight when the live server stops
        one.context.close()
