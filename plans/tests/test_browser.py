"""The plan page in a real browser: log in, open a plan, read it in Chinese."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from conftest import save_screenshot
from plans.models import Plan, Target
from samples.steps import BASE

pytestmark = pytest.mark.browser

# Draws a CJK character and a codepoint no font has; identical pixels mean
# the CJK character fell back to the same missing-glyph box (no CJK font).
CJK_GLYPH_RENDERS = """() => {
  const draw = (text) => {
    const canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 40;
    const ctx = canvas.getContext('2d'); ctx.font = '32px sans-serif'; ctx.fillText(text, 2, 32);
    return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
  };
  const glyph = draw('协');
  return glyph !== draw('\\u{10FFFD}') && glyph !== draw('');
}"""


def test_login_and_read_the_sample_plan(live_server, page, db):
    call_command("load_sample_data", "--only", *BASE, "--user-password", "Gudong-2026-pass", stdout=StringIO())
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "登录协作系统"
    page.fill("#id_username", "gudong_reporter")
    page.fill("#id_password", "Gudong-2026-pass")
    page.click("button[type=submit]")
    page.wait_for_url("**/reporting/")  # a reporter lands on 我的填报
    page.locator(".topbar nav").get_by_role("link", name="任务分工方案", exact=True).click()

    page.get_by_role("link", name=plan.title, exact=True).click()
    page.wait_for_url(f"**/plans/{plan.pk}/")
    assert page.locator("h1").inner_text() == plan.title
    assert "陈志强 · 鼓东街道 · 填报员" in page.locator(".account").inner_text()
    assert [h.inner_text() for h in page.locator("section.task-list h2").all()] == ["附件1", "附件2"]

    consumption = Target.objects.get(task__plan=plan, metric="消费帮扶销售额", parent=None).task
    row = page.locator(f"#task-{consumption.pk}")
    assert "区民政局" in row.locator("td.lead").inner_text()
    assert "2026年12月31日" in row.locator("td.deadline").inner_text()
    targets = row.locator("td.targets").inner_text()
    assert "≥8500 万元" in targets and "未分配 2570 万元" in targets
    assert page.evaluate(CJK_GLYPH_RENDERS), "浏览器中没有可用的中文字体：中文会显示为方框（请安装 fonts-noto-cjk）"
    save_screenshot(page, "plan-page")


def test_wrong_password_is_told_in_chinese(live_server, page, registry):
    User.objects.create_user(username="gudong", password="Gudong-2026-pass", unit=registry["units"]["鼓东街道"])
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "gudong")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.locator(".error").inner_text()
