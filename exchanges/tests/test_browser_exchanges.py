"""In Chromium: 洪山镇 records an exchange with its paired town 沙塘镇, with its minutes and a photo,
and the rule “每个结对乡镇每年至少开展互访交流2次” is met, on the pairing's page and the overview;
沙塘镇 downloads the minutes."""

import datetime
import io
from pathlib import Path

import pytest
from PIL import Image

from conftest import save_screenshot
from exchanges import services
from exchanges.models import Exchange
from registry.tests.test_browser_registry import log_in

pytestmark = pytest.mark.browser


def test_an_exchange_between_paired_towns_meets_the_rule(browser, live_server, work, paired, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    minutes = b"%PDF-1.4\n%minutes of the meeting\n"
    photo = io.BytesIO()
    Image.new("RGB", (8, 8), (30, 120, 30)).save(photo, "JPEG")
    services.do_record_exchange(paired["shatang_reporter"], paired["towns"], date=datetime.date(2026, 3, 18),
                                direction=Exchange.Direction.TO_HELPER, leader_name="马军", leader_post="镇长",
                                is_principal=True, delegation_size=4, topic="考察产业园")
    page = log_in(browser, live_server, "hongshan", "Xiezuo-2026-pass")
    page.get_by_role("link", name="结对与互访").click()
    row = page.locator("tr[data-pairing='洪山镇—沙塘镇']")
    assert "已1次，应至少2次，未达到" in row.inner_text()
    assert page.locator("tr[data-pairing='鼓楼区—隆德县']").count() == 0  # not 洪山镇's pairing
    row.get_by_role("link", name="沙塘镇").click()
    page.fill("#id_date", "2026-10-15")
    page.select_option("#id_direction", label="帮扶方赴受援方")
    page.fill("#id_leader_name", "林强")
    page.fill("#id_leader_post", "镇党委书记")
    page.check("#id_is_principal")
    page.fill("#id_delegation_size", "6")
    page.fill("#id_topic", "劳务协作和消费帮扶对接")
    page.fill("#id_evidence_url", "https://news.example.cn/2026/10/15/hongshan.html")
    page.set_input_files("#id_files", [
        {"name": "会议纪要.pdf", "mimeType": "application/pdf", "buffer": minutes},
        {"name": "座谈会合影.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}])
    page.get_by_role("button", name="登记").click()
    assert "已登记2026年10月15日的互访交流" in page.locator(".messages").inner_text()
    assert "已2次，应至少2次，已达到" in page.locator("[data-rule=town_twice]").inner_text()
    assert page.locator("table.exchanges tbody tr").count() == 2
    assert "会议纪要.pdf" in page.locator("table.exchanges").inner_text()
    save_screenshot(page, "exchanges-pairing")
    page.get_by_role("link", name="结对与互访").first.click()
    assert "已达到" in page.locator("tr[data-pairing='洪山镇—沙塘镇']").inner_text()
    saved = Exchange.objects.get(date=datetime.date(2026, 10, 15))
    assert (saved.recorded_by, saved.is_principal, saved.delegation_size) == (work["units"]["洪山镇"], True, 6)
    assert sorted(saved.files.values_list("original_name", flat=True)) == ["会议纪要.pdf", "座谈会合影.jpg"]
    other = log_in(browser, live_server, "shatang", "Xiezuo-2026-pass")
    other.goto(f"{live_server.url}/exchanges/{saved.pk}/")
    with other.expect_download() as download:
        other.get_by_role("link", name="会议纪要.pdf").click()
    assert download.value.suggested_filename == "会议纪要.pdf"
    assert Path(download.value.path()).read_bytes() == minutes
    other.context.close()
    page.context.close()
