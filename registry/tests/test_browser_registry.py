"""In Chromium: the 鼓楼区 office adds a street, gives it a reporter's account, merges a duplicate
of the street into it, and the reporter signs in with the password the page showed once."""

import pytest

from accounts.models import User
from conftest import save_screenshot
from orgs.models import Unit

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def log_in(browser, live_server, username, password, viewport=None):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def test_office_adds_a_unit_and_its_reporter_who_signs_in_with_the_new_password(browser, live_server, work, offices):
    office = work["people"]["office"]
    gulou = work["units"]["鼓楼区"].region
    page = log_in(browser, live_server, "office", "Xiezuo-2026-pass")
    page.get_by_role("link", name="单位与账号").click()
    page.get_by_role("link", name="新增单位").click()
    page.fill("#id_name", "安泰街道")
    page.select_option("#id_kind", label="街镇")
    page.select_option("#id_region", label="鼓楼区")
    page.fill("#id_aliases", "安泰")
    page.fill("#id_contact_person", "郑华")
    page.fill("#id_contact_phone", "0591-87654321")
    page.get_by_role("button", name="保存").click()
    assert page.locator("h1").inner_text() == "安泰街道"
    assert "已新增单位“安泰街道”" in page.locator(".messages").inner_text()
    street = Unit.objects.get(name="安泰街道", region=gulou)
    assert (street.contact_person, list(street.aliases.values_list("name", flat=True))) == ("郑华", ["安泰"])

    # A duplicate entered earlier under another spelling is merged into it.
    duplicate = Unit.objects.create(name="安泰街道办事处", kind=Unit.Kind.TOWN, region=gulou)
    page.reload()
    page.select_option("#id_other", label="安泰街道办事处（鼓楼区）")
    page.locator(".merge-form input[name=reason]").fill("同一街道重复录入")
    page.get_by_role("button", name="合并到本单位").click()
    assert "已将“安泰街道办事处”并入“安泰街道”" in page.locator(".messages").inner_text()
    assert not Unit.objects.filter(pk=duplicate.pk).exists()
    assert "安泰街道办事处" in page.locator("#id_aliases").input_value()
    history = page.locator("#history").inner_text()
    assert "合并单位：“安泰街道办事处”并入“安泰街道”；同一街道重复录入" in history
    save_screenshot(page, "registry-01-unit-merged")

    page.get_by_role("link", name="为本单位新增账号").click()
    page.fill("#id_username", "antai")
    page.fill("#id_name", "郑华")
    page.get_by_label("填报员").check()
    page.fill("#id_phone", "13800000000")
    page.get_by_role("button", name="新增账号").click()
    password = page.locator("[data-password]").inner_text()
    assert len(password) == 12
    save_screenshot(page, "registry-02-password-once")
    reporter = User.objects.get(username="antai")
    assert reporter.unit == street and reporter.role_labels() == ["填报员"] and not reporter.is_staff
    record = reporter.history.order_by("-history_id").first()
    assert record.history_user == office and record.history_change_reason == "新增账号"
    assert street.history.filter(history_user=office, history_type="+").exists()

    # The reporter signs in with the password shown, on a phone, and lands on 我的填报.
    phone = log_in(browser, live_server, "antai", password, viewport=PHONE)
    assert phone.url.endswith("/reporting/")
    assert "郑华" in phone.locator(".account").inner_text() and "安泰街道" in phone.locator(".account").inner_text()
    assert phone.get_by_role("link", name="单位与账号").count() == 0
    assert phone.goto(live_server.url + "/registry/").status == 403
    for one in (page, phone):  # no request left in flight when the live server stops
        one.context.close()


def test_registry_pages_fit_a_phone(browser, live_server, work, offices):
    page = log_in(browser, live_server, "office", "Xiezuo-2026-pass", viewport=PHONE)
    for path in ("/registry/", "/registry/users/", "/registry/pairings/", "/registry/schedules/",
                 f"/registry/units/{work['units']['三街镇'].pk}/", f"/registry/users/{work['people']['gudong'].pk}/"):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    save_screenshot(page, "registry-03-phone-user")
    page.context.close()
