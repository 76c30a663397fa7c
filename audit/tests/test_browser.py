"""In a real browser: the office archives its plan with a reason on the plan page, finds the
change in 操作日志 from the top bar (who, IP, 状态: 执行中 → 已归档, the reason), narrows the log to
plans, opens the plan's own history; the log fits a phone (its table scrolls in its own box)."""

import pytest
from django.urls import reverse

from conftest import save_screenshot

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"  # reporting.tests.conftest.person's


def test_the_office_finds_a_plan_state_change_in_the_log(live_server, page, work):
    plan = work["plan"]
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "office")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto(live_server.url + reverse("plans:detail", args=[plan.pk]))
    page.select_option("#state-select", "archived")
    page.fill("#state-box input[name=reason]", "年度工作已结束")
    page.click("#state-box button[type=submit]")
    assert page.locator("#plan-state").inner_text() == "已归档"
    assert page.locator("section.audit-links a").first.get_attribute("href") == reverse("audit:object", args=["plan", plan.pk])

    page.click(".topbar nav >> text=操作日志")
    page.wait_for_url("**/audit/")
    page.select_option("select[name=kind]", "plan")
    page.click("form.filters button[type=submit]")
    row = page.locator("table.audit tbody tr").first
    text = row.inner_text()
    assert "office" in text and "127.0.0.1" in text and "年度工作已结束" in text
    assert row.locator("ul.changes li", has_text="状态").inner_text() == "状态：执行中 → 已归档"
    save_screenshot(page, "audit-log")

    row.locator("a", has_text=plan.title).click()
    page.wait_for_url(f"**/audit/plan/{plan.pk}/")
    assert page.locator("h1").inner_text() == f"方案修改记录：{plan.title}"
    assert "执行中 → 已归档" in page.locator("table.audit").inner_text()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reverse("audit:log"))
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
    save_screenshot(page, "audit-log-phone")
