"""A plan's state in a real browser: the office archives a plan on its page with a reason,
finds it under 已归档 and by search; an ended year's document is proposed as 参考 on import."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import save_screenshot
from plans.models import Plan
from plans.tests.test_plan_state import OLD_PLAN, person

pytestmark = pytest.mark.browser
PASSWORD = "Pass-2026-x"


def log_in(page, live_server, username):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_office_archives_a_plan_and_finds_it_again(live_server, page, plan, registry):
    from accounts.roles import Role

    plan.office = registry["units"]["区民政局"]
    plan.save(update_fields=["office"])
    person("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)
    log_in(page, live_server, "office")

    page.goto(live_server.url + reverse("plans:detail", args=[plan.pk]))
    assert page.locator("#plan-state").inner_text() == "执行中"
    page.select_option("#state-select", Plan.State.ARCHIVED)
    page.click("#state-box button[type=submit]")  # no reason: refused, nothing changes
    assert "须填写原因" in page.locator(".messages").inner_text()
    assert page.locator("#plan-state").inner_text() == "执行中"

    page.select_option("#state-select", Plan.State.ARCHIVED)
    page.fill("#state-box input[name=reason]", "2026年度工作已结束")
    page.click("#state-box button[type=submit]")
    assert page.locator("#plan-state").inner_text() == "已归档"
    history = page.locator("table.state-history tbody tr").all_inner_texts()
    assert "执行中 → 已归档" in history[-1] and "2026年度工作已结束" in history[-1] and "office姓名" in history[-1]
    save_screenshot(page, "plan-state-archived")

    page.goto(live_server.url + reverse("plans:list"))
    assert plan.title not in page.locator("main").inner_text()  # 执行中 by default
    page.click(".state-tabs a[data-state=archived]")
    assert page.locator("table.plan-list tbody tr").count() == 1
    assert "已归档" in page.locator("table.plan-list tbody tr").inner_text()
    page.goto(live_server.url + reverse("plans:list"))
    page.fill(".state-tabs input[name=q]", "鼓委振兴办〔2026〕9号")
    page.click(".state-tabs button[type=submit]")
    assert plan.title in page.locator("table.plan-list").inner_text()
    save_screenshot(page, "plan-list-search")


def test_an_ended_years_document_is_proposed_as_reference(live_server, page, registry, settings, tmp_path):
    from accounts.roles import Role

    settings.MEDIA_ROOT = tmp_path / "media"
    person("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)
    path = tmp_path / "2023年方案.json"
    path.write_text(json.dumps(OLD_PLAN, ensure_ascii=False), encoding="utf-8")
    with time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=True):
        log_in(page, live_server, "office")
        page.goto(live_server.url + reverse("plans:import_upload"))
        page.set_input_files("input[type=file]", str(path))
        page.click("form.upload-form button[type=submit]")
        page.wait_for_url("**/plans/import/*/")
        box = page.locator("#plan-state")
        assert "该文件年度（2023年）已结束，建议作为参考文件保存，不生成填报任务" in box.inner_text()
        assert page.locator("input[name=plan-state][value=reference]").is_checked()
        box.scroll_into_view_if_needed()
        save_screenshot(page, "import-proposes-reference")
        page.click("button.primary")
        page.wait_for_url("**/plans/*/")
        assert page.locator("#plan-state").inner_text() == "参考（不填报）"
        assert "导入时设定" in page.locator("table.state-history").inner_text()
    assert Plan.objects.get().state == Plan.State.REFERENCE
