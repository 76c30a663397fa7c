"""In Chromium: 鼓东街道's reporter proposes a 自选动作 on a phone, the office returns it, the street
revises it, the office accepts it, and the task appears in the street's 我的填报 with its target."""

from decimal import Decimal

import pytest

from conftest import save_screenshot
from planning.models import Proposal
from registry.tests.test_browser_registry import PHONE, log_in
from reporting.tests.conftest import work  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def test_a_street_proposes_on_a_phone_and_the_accepted_task_reaches_its_reporting(browser, live_server, work):
    phone = log_in(browser, live_server, "gudong", "Xiezuo-2026-pass", viewport=PHONE)
    phone.get_by_role("link", name="任务分工方案").click()
    phone.get_by_role("link", name="2026年测试方案").click()
    phone.get_by_role("link", name="申报自选动作").click()
    phone.fill("#id_text", "开展“鼓东好物”消费帮扶进社区活动")
    phone.fill("#id_measures", "每季度在社区组织一次对口地区农产品展销")
    phone.fill("#id_deadline", "2026-12-31")
    phone.fill("#id_metric_1", "消费帮扶销售额")
    phone.fill("#id_quantity_1", "20")
    phone.fill("#id_unit_1", "万元")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    save_screenshot(phone, "proposals-01-street-proposes-on-phone")
    phone.get_by_role("button", name="提交申报").click()
    assert "自选动作已提交，等待协作办公室审核" in phone.locator(".messages").inner_text()
    assert phone.locator("[data-state]").inner_text() == "待审核"
    proposal = Proposal.objects.get()

    # The office is told, opens the proposal from its notification and returns it with a reason.
    office = log_in(browser, live_server, "office", "Xiezuo-2026-pass")
    office.get_by_role("link", name="通知").click()
    office.locator("li", has_text="鼓东街道申报了自选动作").get_by_role("link", name="查看").click()
    assert "消费帮扶销售额 20万元" in office.locator(".proposal-facts").inner_text()
    office.fill("#id_reason", "销售额请不低于30万元")
    office.get_by_role("button", name="退回").click()
    assert office.locator("[data-state]").inner_text() == "已退回"

    # The street sees why, raises its figure and submits again.
    phone.reload()
    assert "销售额请不低于30万元" in phone.locator(".returned-note").inner_text()
    phone.fill("#id_quantity_1", "30")
    phone.get_by_role("button", name="重新提交").click()
    assert phone.locator("[data-state]").inner_text() == "待审核"

    office.reload()
    office.get_by_role("button", name="采纳，列入方案").click()
    assert "已采纳，列入方案“自选动作”第1项" in office.locator(".messages").inner_text()
    save_screenshot(office, "proposals-02-office-accepts")
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.ACCEPTED and proposal.task.targets.get().quantity == Decimal(30)
    assert proposal.task.deadline_text == "2026年12月31日前"  # kept through the revision's form
    office.get_by_role("link", name="2026年测试方案").click()
    assert office.locator("tr", has_text="开展“鼓东好物”消费帮扶进社区活动").locator(".tag.optional").count() == 1

    # This month's report for the new task is in the street's 我的填报, with its target.
    phone.get_by_role("link", name="我的填报").click()
    row = phone.locator("tr[data-report]", has_text="开展“鼓东好物”消费帮扶进社区活动")
    assert "消费帮扶销售额" in row.inner_text() and "目标30" in row.inner_text()
    save_screenshot(phone, "proposals-03-street-reports-it")
    for one in (phone, office):  # no request left in flight when the live server stops
        one.context.close()
