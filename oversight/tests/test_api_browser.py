"""The API's Swagger UI in Debian's chromium, with nothing fetched from outside
the server (it must work on a closed network)."""

import pytest

from conftest import save_screenshot

pytestmark = pytest.mark.browser


def test_api_docs_render_from_local_assets_only(page, live_server):
    outside = []
    page.on("request", lambda request: None if request.url.startswith(live_server.url) or
            request.url.startswith("data:") else outside.append(request.url))
    page.goto(live_server.url + "/api/v1/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock-get").count() == 6
    assert "协作 Xiezuo 督查数据接口" in page.locator(".swagger-ui .info").inner_text()
    assert "十进制字符串" in page.locator(".swagger-ui .info").inner_text()
    assert outside == []
    save_screenshot(page, "api-docs")
