"""The plan page in a real browser: log in, open a plan, read it in Chinese."""

import pytest
from django.urls import reverse

from accounts.models import User
from conftest import save_screenshot

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


def test_login_and_read_the_plan_page(live_server, page, funding_task, registry):
    User.objects.create_user(username="gudong", password="Gudong-2026-pass", name="林晓", unit=registry["units"]["鼓东街道"])

    page.goto(live_server.url + reverse("plans:list"))
    assert page.locator("h1").inner_text() == "登录协作系统"
    page.fill("#id_username", "gudong")
    page.fill("#id_password", "Gudong-2026-pass")
    page.click("button[type=submit]")

    page.get_by_role("link", name="2026年鼓楼区闽宁协作任务分工方案").click()
    page.wait_for_url(f"**/plans/{funding_task.plan_id}/")
    assert page.locator("h1").inner_text() == "2026年鼓楼区闽宁协作任务分工方案"
    row = page.locator("tr[data-ref='3']")
    assert row.locator("td.lead").inner_text().strip() == "区民政局"
    assert "2026年12月31日" in row.locator("td.deadline").inner_text()
    assert "未分配 25 万元" in row.locator("td.targets").inner_text()
    assert "林晓 · 鼓东街道" in page.locator(".account").inner_text()
    assert page.evaluate(CJK_GLYPH_RENDERS), "浏览器中没有可用的中文字体：中文会显示为方框（请安装 fonts-noto-cjk）"
    save_screenshot(page, "plan-page")


def test_wrong_password_is_told_in_chinese(live_server, page, registry):
    User.objects.create_user(username="gudong", password="Gudong-2026-pass", unit=registry["units"]["鼓东街道"])
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "gudong")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.locator(".error").inner_text()
