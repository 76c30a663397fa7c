"""In Chromium: the office's superuser adds a 钉钉 robot in the admin; a reporter reads the notifications."""

import pytest

from accounts.models import User
from accounts.roles import Role
from conftest import save_screenshot
from notifications.models import GroupRobot, Notification
from notifications.tests.conftest import person

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"


def log_in(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_robot_is_added_in_the_admin_and_its_secret_is_not_shown(page, live_server, registry):
    User.objects.create_superuser("root", password=PASSWORD)
    page.goto(live_server.url + "/admin/notifications/grouprobot/add/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/notifications/grouprobot/add/")
    # 协作办公室 is an autocomplete (a county has hundreds of units): search, then choose.
    page.click("#id_office + .select2 .select2-selection")
    page.fill(".select2-search__field", "教育局")
    page.click('.select2-results__option:text-is("区教育局")')
    page.fill("#id_name", "鼓楼区东西部协作工作群")
    page.select_option("#id_platform", "dingtalk")
    page.fill("#id_webhook_url", "https://oapi.dingtalk.com/robot/send?access_token=tok-secret-123")
    page.fill("#id_secret", "SECverysecret0123")
    page.fill("#id_at_mobiles", "13800001111")
    save_screenshot(page, "notifications-robot-add")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/notifications/grouprobot/")

    robot = GroupRobot.objects.get()
    assert robot.office == registry["units"]["区教育局"]
    assert (robot.secret, robot.kinds, robot.mobiles) == ("SECverysecret0123", ["reminder", "warning"], ["13800001111"])
    listing = page.content()
    assert "鼓楼区东西部协作工作群" in listing and "oapi.dingtalk.com" in listing
    assert "SECverysecret0123" not in listing and "tok-secret-123" not in listing
    save_screenshot(page, "notifications-robot-list")


def test_a_reporter_reads_the_notifications(page, live_server, registry):
    me = person("gudong", registry["units"]["鼓东街道"], Role.REPORTER)
    Notification.objects.create(user=me, message="《2026年鼓楼区闽宁协作任务分工方案》2026年11月进度尚有1项未报送，请于11月25日前填报。",
                                url="/reporting/")
    Notification.objects.create(user=me, message="您单位的报告被退回：请补充收款凭证", url="/reporting/")
    log_in(page, live_server, "gudong")

    link = page.locator(".topbar a.notifications")
    assert page.locator(".notifications .badge").inner_text() == "2"
    look = link.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    link.click()
    page.wait_for_url("**/notifications/")
    # The page's own list styles must not reach the top bar's link (it once turned white on white).
    assert link.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]") == look
    assert page.locator("li.unread").count() == 2
    save_screenshot(page, "notifications-list")
    page.get_by_role("button", name="全部标为已读").click()
    page.wait_for_selector("text=没有未读通知")
    assert page.locator(".notifications .badge").count() == 0 and page.locator("li.read").count() == 2
