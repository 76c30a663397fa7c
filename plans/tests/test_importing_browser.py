"""Importing in a real browser: upload, correct, decide on units, save, find it."""

from io import StringIO

import pytest
from django.core.management import call_command

from conftest import shared_path, save_screenshot
from plans.models import Plan, Task
from samples.steps import BASE

pytestmark = pytest.mark.browser

SEED_DOCX = "seeds/docx/000_2175a6476560e6e2.docx"
GOLD_JSON = "seeds/gold/000_2175a6476560e6e2.json"
CORRECTED = "组织领导（已核对）"


@pytest.mark.parametrize("source", [SEED_DOCX, GOLD_JSON], ids=["word", "plan-json"])
def test_office_admin_imports_a_document(live_server, page, db, source):
    source = shared_path(source)
    call_command("load_sample_data", "--only", *BASE, "--user-password", "Gulou-2026-pass", stdout=StringIO())

    page.goto(live_server.url + "/")
    page.fill("#id_username", "gulou_office")
    page.fill("#id_password", "Gulou-2026-pass")
    page.click("button[type=submit]")
    page.wait_for_url("**/oversight/")  # the office lands on 督查看板
    page.locator(".topbar nav").get_by_role("link", name="任务分工方案", exact=True).click()
    page.get_by_role("link", name="导入文件").click()
    page.set_input_files("#id_file", str(source))
    page.select_option("#id_kind", label="东西部协作")
    page.get_by_role("button", name="上传并解析").click()
    assert page.locator("h1").inner_text() == "核对导入内容", page.locator(".upload-form").inner_text()

    # The first task, shown beside the row it was read from: correct its category.
    first = page.locator("#review-task-0")
    assert first.locator(".source .printed").inner_text().strip()
    first.locator("input[name='t0-category']").fill(CORRECTED)

    # Every unit the registry lacks: take the closest unit offered, else create it.
    for row in page.locator("tr.unit-decision").all():
        choice = row.locator("select[name$='-choice']")
        if choice.input_value():
            continue
        offered = choice.locator("optgroup[label='近似单位'] option")
        choice.select_option(offered.first.get_attribute("value") if offered.count() else "create")
    save_screenshot(page, "import-review")

    page.get_by_role("button", name="保存导入").click()
    page.wait_for_url("**/plans/*/")
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2024〕1号")
    assert page.locator("h1").inner_text() == plan.title
    assert f"已导入 {plan.tasks.count()} 项任务" in page.locator(".messages").inner_text()

    corrected = Task.objects.get(plan=plan, category=CORRECTED)
    assert corrected.position == 1
    assert CORRECTED in page.locator(f"#task-{corrected.pk}").inner_text()
    save_screenshot(page, "import-saved")
