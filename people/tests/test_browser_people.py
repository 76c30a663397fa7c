"""In Chromium: 鼓东街道 imports its 专技人才名单 from Excel (dry run, then applied); the roster
count moves the 选派专技人才 target on the office's dashboard; 鼓西街道 cannot see the person,
and a leader sees the particulars masked."""

import pytest

from conftest import save_screenshot
from people import services
from people.models import Person
from people.tests.conftest import name_list, talent
from registry.tests.test_browser_registry import log_in

pytestmark = pytest.mark.browser
PASSWORD = "Xiezuo-2026-pass"


def test_a_unit_imports_its_list_and_the_target_moves(browser, live_server, work, dispatch):
    part = dispatch["parts"]["鼓东街道"]
    services.do_set_target_rule(work["people"]["office"], part, kind=Person.Kind.TALENT)
    targets_url = f"{live_server.url}/oversight/plan/{work['plan'].pk}/targets/?metric=选派专技人才&unit={work['units']['鼓东街道'].pk}"

    office = log_in(browser, live_server, "office", PASSWORD)
    office.goto(targets_url)
    row = office.locator("table.status-table tbody tr", has_text="鼓东街道")
    assert "0人" in row.locator("td").nth(4).inner_text()

    unit = log_in(browser, live_server, "gudong", PASSWORD)
    unit.get_by_role("link", name="选派人员").click()
    unit.get_by_role("link", name="导入名单（Excel）").click()
    unit.select_option("#id_plan", label=str(work["plan"]))
    unit.set_input_files("#id_file", files=[{
        "name": "鼓东街道专技人才名单.xlsx", "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "buffer": name_list([talent("李梅", phone="13805912345"), talent("王芳", phone="13805916789", field="教育")])}])
    unit.get_by_role("button", name="上传并预览").click()
    assert unit.locator("[data-diff=added]").inner_text() == "2"
    assert not Person.objects.exists()  # the dry run wrote nothing
    save_screenshot(unit, "people-import-review")
    unit.get_by_role("button", name="确认导入").click()
    assert "已导入名单：新增2人" in unit.locator(".messages").inner_text()
    assert unit.locator("[data-count=total]").inner_text() == "2"
    assert unit.locator("tr[data-person=李梅] td.phone").inner_text() == "13805912345"  # its own unit's

    office.goto(targets_url)
    row = office.locator("table.status-table tbody tr", has_text="鼓东街道")
    assert "2人" in row.locator("td").nth(4).inner_text()
    assert "已完成" in row.inner_text()
    row.locator("td").nth(4).get_by_role("link").click()
    office.get_by_role("link", name="查看计入人员").click()
    assert office.locator("[data-count=counted]").inner_text() == "2"
    assert office.locator("table.counted").get_by_role("link", name="李梅").is_visible()
    save_screenshot(office, "people-target-counted")

    li = Person.objects.get(name="李梅")
    other = log_in(browser, live_server, "guxi", PASSWORD)
    assert other.goto(f"{live_server.url}/people/{li.pk}/").status == 404
    other.goto(f"{live_server.url}/people/")
    assert "李梅" not in other.locator("main").inner_text()

    leader = log_in(browser, live_server, "leader", PASSWORD)
    leader.goto(f"{live_server.url}/people/{li.pk}/")
    assert leader.locator("td.phone").inner_text() == "138****2345"
    assert "13805912345" not in leader.content()
