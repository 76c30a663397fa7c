"""In Chromium: the 鼓楼区 office opens its plan's editing page, edits a task, picks a partner by
typing an alias, adds a target whose unit is also picked by alias, and sees the checks' finding
beside the task's row — on a desktop and on a 390 px phone."""

import pytest

from conftest import save_screenshot
from orgs.models import UnitAlias
from plans.models import Target

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def log_in(browser, live_server, username, viewport=None):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport=viewport or {"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "Xiezuo-2026-pass")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def pick(page, field, typed, option, shot=None):
    """Type into a unit field and choose the offered unit (a screenshot of the offer if `shot`)."""
    page.locator(field).press_sequentially(typed, delay=30)
    choice = page.locator(".unit-options li[role=option]", has_text=option)
    choice.first.wait_for()
    if shot:
        save_screenshot(page, shot)
    choice.first.click()


def test_office_edits_a_task_and_its_targets_and_sees_the_check_beside_the_row(browser, live_server, work, office):
    UnitAlias.objects.create(unit=work["units"]["区教育局"], name="区教体局", note="简称")
    task = work["task"]
    page = log_in(browser, live_server, "office")
    page.goto(f"{live_server.url}/plans/{work['plan'].pk}/")
    page.get_by_role("link", name="编辑方案").click()
    row = page.locator(f"#task-{task.pk}")
    assert "未分配 0.1" in row.locator("td.check").inner_text() or "0.1" in row.locator("td.check").inner_text()
    assert row.locator('[data-code="breakdown_remainder"]').count() == 1
    save_screenshot(page, "planning-edit-01-workbench")

    row.get_by_role("link", name="编辑").click()
    page.fill("#id_deadline_text", "10月底前")
    page.fill("#id_deadline", "2026-10-31")
    page.locator("#id_partner_units").fill("三街镇、")
    pick(page, "#id_partner_units", "教体", "区教育局", shot="planning-edit-02a-alias-offered")
    assert not page.locator("#id_lead_units + .unit-options").is_visible()  # only the field typed in offers
    assert page.locator("#id_partner_units").input_value() == "三街镇、区教育局"
    page.get_by_label("自选动作").check()
    page.fill("#id_score", "8")
    page.fill("#id_evidence_required", "拨付凭证、银行回单")
    page.get_by_role("button", name="保存任务").click()
    assert "已保存第1项任务" in page.locator(".messages").inner_text()
    task.refresh_from_db()
    assert (task.deadline_text, str(task.deadline), task.optional, task.score) == ("10月底前", "2026-10-31", True, 8)
    assert [a.unit.name for a in task.assignments.filter(role="partner").order_by("position")] == ["三街镇", "区教育局"]

    # A new target in the table's blank row, its unit found by the alias typed.
    blank = page.locator("tr.target-row").last
    blank.locator("input[name$='-metric']").fill("选派教师")
    blank.locator("input[name$='-quantity']").fill("2")
    blank.locator("input[name$='-unit']").fill("人")
    blank.locator("select[name$=comparator]").select_option(">=")
    field = blank.locator("input[name$=assignee]")
    pick(page, f"#{field.get_attribute('id')}", "教体", "区教育局")
    assert field.input_value() == "区教育局"
    page.get_by_role("button", name="保存指标").click()
    assert "已保存第1项任务的指标" in page.locator(".messages").inner_text()
    added = Target.objects.get(task=task, metric="选派教师")
    assert (added.assignee.name, added.quantity, added.unit, added.comparator) == ("区教育局", 2, "人", ">=")
    findings = page.locator("#task-findings").inner_text()
    assert "未分配" in findings or "0.1" in findings  # the breakdown's remainder, beside the task
    save_screenshot(page, "planning-edit-02-task-desktop")

    # On a phone: the same pages, nothing wider than the screen, the finding in the task's card.
    phone = log_in(browser, live_server, "office", viewport=PHONE)
    phone.goto(f"{live_server.url}/planning/plans/{work['plan'].pk}/edit/")
    card = phone.locator(f"#task-{task.pk}")
    assert card.locator('[data-code="breakdown_remainder"]').is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    save_screenshot(phone, "planning-edit-03-workbench-phone")
    phone.goto(f"{live_server.url}/planning/tasks/{task.pk}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.fill("#id_lead_units", "")
    pick(phone, "#id_lead_units", "乡村振兴", "区民政局")
    assert phone.locator("#id_lead_units").input_value() == "区民政局"
    save_screenshot(phone, "planning-edit-04-task-phone")
    for one in (page, phone):  # no request left in flight when the live server stops
        one.context.close()
