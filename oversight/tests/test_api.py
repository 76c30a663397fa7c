"""/api/v1: the same figures as the snapshot, as decimal strings; who may read them; the schema."""

import base64
import datetime
import json

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

from accounts.roles import Role
from oversight import status as st
from oversight.snapshot import build_snapshot
from oversight.tests.conftest import NOV30
from reporting.tests.conftest import person

NOV = datetime.date(2026, 11, 1)
PASSWORD = "Xiezuo-2026-pass"  # what reporting's `person` gives everyone


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.api._today", lambda: NOV30)


def no_floats(text):
    raise AssertionError(f"a JSON number with a fraction ({text}): money and ratios must be strings")


def get_json(client, url, user=None, **extra):
    if user is not None:
        client.force_login(user)
    response = client.get(url, **extra)
    # Parsing with a float hook that fails proves no figure went out as a float.
    return response, json.loads(response.content, parse_float=no_floats)


def scoped(plan, endpoint, query="?month=2026-11"):
    return f"/api/v1/plan/{plan.pk}/{endpoint}{query}"


def test_status_is_the_snapshot_overall_per_category_per_plan_and_reporting(client, reported):
    plan = reported["plan"]
    response, data = get_json(client, scoped(plan, "status"), reported["people"]["leader"])
    assert response.status_code == 200
    snap = build_snapshot([plan], NOV, NOV30)
    assert data["scope"] == {"kind": "plan", "id": plan.pk, "title": plan.title}
    assert "2026年11月" in response.content.decode() and response["Content-Type"] == "application/json; charset=utf-8"
    assert (data["month"], data["month_label"], data["as_of"]) == ("2026-11", "2026年11月", "2026-11-30")
    overall = data["overall"]
    assert overall["completion"] == f"{snap.overall.completion:.4f}" == "0.3000"
    assert overall["completion_percent"] == st.percent(snap.overall.completion) == "30.0%"
    assert overall["time_progress"] == f"{snap.overall.time_progress:.4f}" == "0.9151"
    assert overall["time_progress_percent"] == "91.5%"
    assert (overall["targets"], overall["met"], overall["overdue"]) == (snap.overall.targets, 0, 0)
    assert overall["light"] == snap.overall.light == st.RED and overall["light_label"] == "严重滞后"
    assert data["reporting"] == {
        "expected": 4, "received": 1, "on_time": 0, "approved": 0, "missing": 3,
        "rate": "0.2500", "rate_percent": "25.0%", "on_time_rate": "0.0000", "on_time_rate_percent": "0.0%",
    }
    assert [c["category"] for c in data["by_category"]] == [g.key for g in snap.by_category] == ["未分类"]
    [by_plan] = data["by_plan"]
    assert by_plan["plan_id"] == plan.pk and by_plan["summary"] == overall
    assert by_plan["reporting"]["rate"] == "0.2500"


def test_units_are_the_snapshot_ranking(client, reported):
    response, data = get_json(client, scoped(reported["plan"], "units"), reported["people"]["office"])
    assert response.status_code == 200
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    assert [(u["rank"], u["unit_id"], u["name"], u["completion"]) for u in data["units"]] == [
        (u.rank, u.unit_id, u.name, f"{u.summary.completion:.4f}") for u in snap.by_unit]
    first = data["units"][0]
    assert (first["name"], first["completion"], first["completion_percent"]) == ("鼓东街道", "0.9009", "90.1%")
    assert (first["targets"], first["met"], first["overdue"], first["light"]) == (1, 0, 0, st.YELLOW)  # 90.1% < 91.5%


def test_targets_carry_figures_as_strings_the_source_and_the_reports_page(client, reported):
    task = reported["task"]
    task.source_location = "附件1 第3行"
    task.save()
    response, data = get_json(client, scoped(reported["plan"], "targets"), reported["people"]["leader"])
    assert response.status_code == 200
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    assert {t["id"] for t in data["targets"]} == set(snap.statuses)
    gudong = task.targets.get(assignee=reported["units"]["鼓东街道"])
    row = next(t for t in data["targets"] if t["id"] == gudong.pk)
    status = snap.statuses[gudong.pk]
    assert (row["total"], row["reported"], row["gap"]) == ("33.3", "30", "3.3")
    assert row["completion"] == f"{status.completion:.4f}" == "0.9009"
    assert row["time_progress"] == f"{status.time_progress:.4f}"
    assert (row["light"], row["warning"], row["direct"]) == (status.light, status.warning, True)
    assert (row["task_label"], row["metric"], row["measure"]) == ("第1项", "社会帮扶资金", "万元")
    assert (row["assignee_id"], row["assignee"]) == (reported["units"]["鼓东街道"].pk, "鼓东街道")
    assert row["deadline"] == "2026-12-31" and row["source"] == "附件1 第3行"
    assert row["reports_url"] == f"http://testserver/oversight/targets/{gudong.pk}/"
    total = next(t for t in data["targets"] if t["parent_id"] is None)
    assert (total["reported"], total["direct"], total["assignee"]) == ("30", False, "区民政局")
    assert next(t for t in data["targets"] if t["assignee"] == "鼓西街道")["reported"] is None  # a draft


def test_targets_filtered_by_warning_and_unit(client, reported):
    client.force_login(reported["people"]["leader"])
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    _, yellow = get_json(client, scoped(reported["plan"], "targets", "?month=2026-11&warning=yellow"))
    expected = {s.target.id for s in snap.statuses.values() if s.warning == st.WARN_YELLOW}
    assert expected and {t["id"] for t in yellow["targets"]} == expected
    _, red = get_json(client, scoped(reported["plan"], "targets", "?month=2026-11&warning=red"))
    assert red["targets"] == []  # nothing is overdue on 30 November
    guxi = reported["units"]["鼓西街道"]
    _, mine = get_json(client, scoped(reported["plan"], "targets", f"?month=2026-11&unit={guxi.pk}"))
    assert [t["id"] for t in mine["targets"]] == [reported["task"].targets.get(assignee=guxi).pk]


def test_targets_come_in_pages_that_next_walks_through(client, reported):
    client.force_login(reported["people"]["leader"])
    _, whole = get_json(client, scoped(reported["plan"], "targets"))
    assert whole["count"] == len(whole["targets"]) >= 3 and whole["next"] is None
    assert (whole["limit"], whole["offset"]) == (1000, 0)
    pages, url = [], scoped(reported["plan"], "targets", "?month=2026-11&limit=2")
    while url:
        response, page = get_json(client, url)
        assert response.status_code == 200 and page["count"] == whole["count"] and len(page["targets"]) <= 2
        pages.append(page)
        url = page["next"]
    assert [t["id"] for page in pages for t in page["targets"]] == [t["id"] for t in whole["targets"]]
    assert len(pages) == -(-whole["count"] // 2)
    assert pages[0]["next"] == f"http://testserver/api/v1/plan/{reported['plan'].pk}/targets?month=2026-11&limit=2&offset=2"
    _, beyond = get_json(client, scoped(reported["plan"], "targets", "?offset=1000"))
    assert beyond["targets"] == [] and beyond["count"] == whole["count"] and beyond["next"] is None


def test_reporting_per_unit_and_unreported_units(client, reported):
    response, data = get_json(client, scoped(reported["plan"], "reporting"), reported["people"]["reviewer"])
    assert response.status_code == 200
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    assert [(u["unit_id"], u["expected"], u["received"], u["on_time"]) for u in data["by_unit"]] == [
        (r.key, r.expected, r.received, r.on_time) for r in snap.reporting_by_unit]
    assert {u["name"] for u in data["unreported"]} == {"区民政局", "鼓西街道", "洪山镇"}
    october = next(m for m in data["by_month"] if m["month"] == "2026-10")
    assert (october["expected"], october["received"], october["on_time"], october["approved"]) == (4, 1, 1, 1)


def test_trend_is_the_monthly_cumulative_series(client, reported):
    response, data = get_json(client, scoped(reported["plan"], "trend", ""), reported["people"]["leader"])
    assert response.status_code == 200
    assert data["month"] == "2026-11"  # the latest month with a cycle
    [series] = data["series"]
    assert (series["metric"], series["measure"], series["target"]) == ("社会帮扶资金", "万元", "100")
    points = {p["month"]: p["value"] for p in series["points"]}
    assert (points["2026-09"], points["2026-10"], points["2026-11"]) == ("0", "20", "30")


def test_a_region_scope_covers_the_plans_its_offices_keep(client, reported):
    gulou = reported["units"]["区民政局"].region
    response, data = get_json(client, f"/api/v1/region/{gulou.pk}/status?month=2026-11",
                              reported["people"]["leader"])
    assert response.status_code == 200
    assert data["scope"]["title"] == "鼓楼区2026年协作工作"  # a region covers the plans running in one year
    assert data["overall"]["completion"] == "0.3000"


def test_a_region_without_this_years_plan_answers_for_the_latest_year_as_the_page_does(client, reported):
    """A January before the new plan is issued: no month asked for gives last year's plans,
    the same scope as the dashboard; a month of a year without plans is still a 404."""
    reported["plan"].year = 2025
    reported["plan"].save(update_fields=["year"])
    gulou = reported["units"]["区民政局"].region
    leader = reported["people"]["leader"]
    response, data = get_json(client, f"/api/v1/region/{gulou.pk}/status", leader)
    assert response.status_code == 200 and data["scope"]["title"] == "鼓楼区2025年协作工作"
    page = client.get(f"/oversight/region/{gulou.pk}/")
    assert page.context["scope"].title == data["scope"]["title"]
    response, data = get_json(client, f"/api/v1/region/{gulou.pk}/status?month=2026-11")
    assert response.status_code == 404 and data == {"detail": "该区划没有您可查看的方案"}
    response, data = get_json(client, f"/api/v1/region/{gulou.pk}/status?year=2025")
    assert response.status_code == 200 and [p["plan_id"] for p in data["by_plan"]] == [reported["plan"].pk]


def test_scopes_list_what_the_caller_may_see(client, reported):
    _, data = get_json(client, "/api/v1/scopes", reported["people"]["leader"])
    plan = reported["plan"]
    assert {"kind": "plan", "id": plan.pk, "title": plan.title, "year": 2026, "end_year": None,
            "doc_number": "测〔2026〕1号",
            "status_url": f"http://testserver/api/v1/plan/{plan.pk}/status"} in data
    assert [r["title"] for r in data if r["kind"] == "region"] == ["福州市协作工作", "鼓楼区协作工作"]
    other = person("cangshan", reported["units"]["仓山区民政局"], Role.REVIEWER)
    _, data = get_json(client, "/api/v1/scopes", other)
    assert data == []


@pytest.mark.parametrize("endpoint", ["status", "units", "targets", "reporting", "trend"])
def test_permissions(client, reported, endpoint):
    url = scoped(reported["plan"], endpoint)
    response, data = get_json(client, url)
    assert response.status_code == 401
    assert data["detail"].startswith("请先登录") and response["WWW-Authenticate"].startswith("Basic")
    response, data = get_json(client, url, reported["people"]["gudong"])  # a reporter
    assert response.status_code == 403 and data == {"detail": "该账号没有查看督查数据的权限"}
    other_office = person("cangshan", reported["units"]["仓山区民政局"], Role.REVIEWER)
    response, data = get_json(client, url, other_office)
    assert response.status_code == 404 and data["detail"] == "没有这份方案，或您无权查看"
    region = reported["units"]["区民政局"].region_id
    response, data = get_json(client, f"/api/v1/region/{region}/{endpoint}", other_office)
    assert response.status_code == 404 and data["detail"] == "该区划没有您可查看的方案"
    for who in ("leader", "office", "reviewer"):
        response, _ = get_json(client, url, reported["people"][who])
        assert response.status_code == 200, who


def test_scopes_need_login_and_the_oversight_role(client, reported):
    assert client.get("/api/v1/scopes").status_code == 401
    response, data = get_json(client, "/api/v1/scopes", reported["people"]["gudong"])
    assert response.status_code == 403


@pytest.mark.parametrize("query, message", [
    ("?month=2026/11", "月份格式应为YYYY-MM，如2026-11"),
    ("?month=2026-13", "月份格式应为YYYY-MM，如2026-11"),
    ("?month=十一月", "月份格式应为YYYY-MM，如2026-11"),
    ("?month=0000-11", "月份格式应为YYYY-MM，如2026-11"),
    ("?month=2026-12", "月份不能晚于本月：2026年12月还没有到"),  # today is 30 November 2026 here
    ("?warning=purple", "预警颜色应为red（逾期未完成）、yellow（落后时序进度）或blue（临近时限）"),
    ("?unit=鼓东", "单位应为单位编号（整数）"),
    ("?limit=0", "limit（每页条数）应为1到5000之间的整数"),
    ("?limit=5001", "limit（每页条数）应为1到5000之间的整数"),
    ("?offset=-1", "offset（跳过条数）应为不小于0的整数"),
])
def test_bad_parameters_are_400_in_chinese(client, reported, query, message):
    response, data = get_json(client, scoped(reported["plan"], "targets", query), reported["people"]["leader"])
    assert response.status_code == 400
    assert data == {"detail": message}


def test_unknown_scopes_are_404_in_chinese(client, reported):
    client.force_login(reported["people"]["leader"])
    response, data = get_json(client, "/api/v1/plan/999999/status")
    assert response.status_code == 404 and data == {"detail": "没有这份方案，或您无权查看"}
    response, data = get_json(client, "/api/v1/region/999999/status")
    assert response.status_code == 404 and data == {"detail": "没有这个区划"}
    response, data = get_json(client, "/api/v1/county/1/status")
    assert response.status_code == 400 and data == {"detail": "范围应为plan（方案）或region（区划）"}


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_http_basic_for_system_accounts_over_https_only(client, reported):
    url = scoped(reported["plan"], "status")
    response, data = get_json(client, url, HTTP_AUTHORIZATION=basic("leader", PASSWORD), secure=True)
    assert response.status_code == 200 and data["overall"]["completion"] == "0.3000"
    response, _ = get_json(client, url, HTTP_AUTHORIZATION=basic("leader", "wrong"), secure=True)
    assert response.status_code == 401
    response, data = get_json(client, url, HTTP_AUTHORIZATION=basic("leader", PASSWORD), secure=False)
    assert response.status_code == 401 and data == {"detail": "HTTP Basic认证只能通过HTTPS使用"}
    response, _ = get_json(client, url, HTTP_AUTHORIZATION=basic("gudong", PASSWORD), secure=True)
    assert response.status_code == 403  # a reporter's account sees no dashboards, by any door
    reported["people"]["leader"].is_active = False
    reported["people"]["leader"].save()
    response, _ = get_json(client, url, HTTP_AUTHORIZATION=basic("leader", PASSWORD), secure=True)
    assert response.status_code == 401


def walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_the_schema_is_valid_openapi_3_without_json_numbers(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)  # raises on an invalid document
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/v1/scopes"} | {
        f"/api/v1/{{kind}}/{{pk}}/{name}" for name in ("status", "units", "targets", "reporting", "trend")}
    assert {"SessionAuth", "SystemAccount"} <= set(schema["components"]["securitySchemes"])
    assert schema["components"]["securitySchemes"]["SystemAccount"] == {"type": "http", "scheme": "basic"}
    types = {node.get("type") for node in walk(schema["components"]["schemas"])}
    assert "number" not in types and "string" in types  # figures are decimal strings, never floats
    ratio = schema["components"]["schemas"]["SummaryOut"]["properties"]["completion"]["anyOf"][0]
    assert "十进制字符串" in ratio["description"] and ratio["type"] == "string"
    assert "HTTP Basic" in schema["info"]["description"]


def test_the_docs_page_uses_local_assets(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert '"validatorUrl": null' in html  # no badge fetched from the internet
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui-init.js")
