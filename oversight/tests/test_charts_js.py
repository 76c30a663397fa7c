"""charts.js against the vendored ECharts in a real browser, specs written by Django's json_script.

pytest-django's live_server serves app static files (it wraps the server in StaticFilesHandler when
django.contrib.staticfiles is installed), so the page loads exactly the files the templates will.
"""

from decimal import Decimal

import pytest
from django.utils.html import json_script

from conftest import save_screenshot

pytestmark = pytest.mark.browser

RED, YELLOW, GREEN = "#d92d20", "#f79009", "#12b76a"
# Click targets are deliberately unrouted (a plain 404 keeps the URL): a real view might redirect to log in.


def chart_page(page, live_server, charts):
    """Load a page with one data-chart element per (spec, style) and the real static files."""
    blocks = "".join(
        f'<div data-chart="spec-{n}" style="{style}"></div>{json_script(spec, f"spec-{n}")}'
        for n, (spec, style) in enumerate(charts)
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content(
        f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>
        <body style="margin:0;font-family:sans-serif">{blocks}
        <script src="{live_server.url}/static/vendor/echarts/echarts.min.js"></script>
        <script src="{live_server.url}/static/oversight/charts.js"></script></body></html>"""
    )
    page.wait_for_function("window.XiezuoCharts && window.XiezuoCharts.charts.length === %d" % len(charts))
    return errors


def svg_texts(page, n):
    return page.locator(f'[data-chart="spec-{n}"] svg text').evaluate_all("nodes => nodes.map(n => n.textContent)")


def test_ranked_bars_draw_as_svg_with_chinese_labels_and_click_through(page, live_server):
    target = f"{live_server.url}/__chart_click__/units/2/"
    spec = {
        "type": "bar",
        "title": "各单位完成率排名",
        "marker": {"name": "时序进度", "value": Decimal("75.00")},
        # Decimal arrives as a string ("85.20"): the chart must still scale by it.
        "items": [
            {"name": "区民政局", "value": Decimal("85.20"), "url": f"{live_server.url}/__chart_click__/units/1/", "light": "green"},
            {"name": "鼓东街道", "value": Decimal("40.00"), "url": target, "light": "red"},
            {"name": "区教育局", "value": Decimal("62.50"), "url": f"{live_server.url}/__chart_click__/units/3/", "light": "yellow"},
        ],
    }
    errors = chart_page(page, live_server, [(spec, "width:700px")])

    assert page.locator('[data-chart="spec-0"] svg').count() == 1
    bars = {colour: page.locator(f'[data-chart="spec-0"] svg path[fill="{colour}"]') for colour in (GREEN, RED, YELLOW)}
    assert all(locator.count() == 1 for locator in bars.values())
    widths = {colour: locator.bounding_box()["width"] for colour, locator in bars.items()}
    # Bars scale with the Decimal values: 85.2 : 40 : 62.5.
    assert widths[GREEN] / widths[RED] == pytest.approx(85.2 / 40, rel=0.02)
    assert widths[YELLOW] / widths[RED] == pytest.approx(62.5 / 40, rel=0.02)
    # Ranked order as given: the first item is the top bar.
    tops = [bars[c].bounding_box()["y"] for c in (GREEN, RED, YELLOW)]
    assert tops == sorted(tops)
    texts = svg_texts(page, 0)
    for label in ("各单位完成率排名", "区民政局", "鼓东街道", "区教育局", "85.2%", "40%", "62.5%", "时序进度 75%"):
        assert label in texts
    save_screenshot(page, "charts-bar")

    bars[RED].click()
    page.wait_for_url(target)
    assert errors == []


def test_dashboard_line_gauge_and_donut(page, live_server):
    months = ["1月", "2月", "3月", "4月"]
    urls = [f"{live_server.url}/__chart_click__/months/2026-{m:02d}/" for m in range(1, 5)]
    line = {
        "type": "line",
        "title": "月度完成进度",
        "months": months,
        "series": [
            {"name": "社会帮扶资金", "values": [Decimal("10.5"), Decimal("30"), Decimal("52.25"), None], "urls": urls},
            {"name": "消费帮扶", "values": [5, 18, 33, 47]},
        ],
        "target": {"name": "时序进度", "values": [Decimal("8.33"), Decimal("16.67"), Decimal("25"), Decimal("33.33")]},
    }
    gauge = {"type": "gauge", "title": "总体完成情况", "value": Decimal("62.40"), "schedule": Decimal("75.00")}
    pie = {
        "type": "pie",
        "title": "任务亮灯",
        "items": [
            {"name": "红灯", "value": 3, "light": "red"},
            {"name": "黄灯", "value": 5, "light": "yellow"},
            {"name": "绿灯", "value": 12, "light": "green"},
        ],
    }
    errors = chart_page(
        page, live_server,
        [(line, "width:900px;height:360px"), (gauge, "width:440px;height:340px;display:inline-block"),
         (pie, "width:440px;height:340px;display:inline-block")],
    )

    texts = svg_texts(page, 0)
    for label in ("月度完成进度", "1月", "4月", "社会帮扶资金", "消费帮扶", "时序进度"):
        assert label in texts
    # The target line is dashed; the series lines are not.
    assert page.locator('[data-chart="spec-0"] svg path[stroke-dasharray]').count() >= 1

    texts = svg_texts(page, 1)
    assert "62.4%" in texts and "75%" in texts and "时序进度" in texts and "总体完成率" in texts
    # Behind schedule: the progress arc is yellow.
    assert page.locator(f'[data-chart="spec-1"] svg path[fill="{YELLOW}"]').count() >= 1

    texts = svg_texts(page, 2)
    assert "共 20" in texts
    for colour in (RED, YELLOW, GREEN):
        assert page.locator(f'[data-chart="spec-2"] svg path[fill="{colour}"]').count() >= 1
    save_screenshot(page, "charts-dashboard")

    # Click the March point of 社会帮扶资金 where ECharts says it is drawn.
    x, y = page.evaluate("XiezuoCharts.charts[0].convertToPixel({seriesIndex: 0}, [2, 52.25])")
    box = page.locator('[data-chart="spec-0"]').bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(urls[2])
    assert errors == []


def test_charts_follow_the_window_width(page, live_server):
    spec = {"type": "bar", "items": [{"name": "区民政局", "value": 50, "url": "#"}]}
    chart_page(page, live_server, [(spec, "width:80%")])
    svg = page.locator('[data-chart="spec-0"] svg')
    assert int(svg.get_attribute("width")) == 1120  # 80% of 1400
    page.set_viewport_size({"width": 1000, "height": 900})
    page.wait_for_function("document.querySelector('[data-chart] svg').getAttribute('width') === '800'")


def test_a_bad_spec_is_shown_and_the_other_charts_still_draw(page, live_server):
    good = {"type": "pie", "items": [{"name": "绿灯", "value": 1, "light": "green"}]}
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.set_content(
        f"""<!doctype html><meta charset="utf-8">
        <div data-chart="bad" style="width:400px;height:200px"></div>{json_script({"type": "radar"}, "bad")}
        <div data-chart="missing" style="width:400px;height:200px"></div>
        <div data-chart="good" style="width:400px;height:200px"></div>{json_script(good, "good")}
        <script src="{live_server.url}/static/vendor/echarts/echarts.min.js"></script>
        <script src="{live_server.url}/static/oversight/charts.js"></script>"""
    )
    page.wait_for_function("window.XiezuoCharts && window.XiezuoCharts.charts.length === 1")
    assert page.inner_text('[data-chart="bad"]') == "图表无法显示：未知的图表类型：radar"
    assert page.inner_text('[data-chart="missing"]') == "图表无法显示：找不到图表数据：#missing"
    assert page.locator('[data-chart="good"] svg').count() == 1
    assert len(errors) == 2
