"""Dashboard pages: what they show, and who may see them."""


import pytest
from django.urls import reverse

from oversight.tests.conftest import NOV30


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.views._today", lambda: NOV30)


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_dashboard_shows_the_snapshot_figures_and_chart_specs(client, reported):
    plan = reported["plan"]
    response = get(client, reported["people"]["office"], reverse("oversight:dashboard", args=["plan", plan.pk]) + "?month=2026-11")
    assert response.status_code == 200
    html = response.content.decode()
    assert "30.0%" in html  # overall: 30 of 100万元
    assert "91.5%" in html  # 时序进度 on 30 November
    assert "1 / 4" in html  # November reports received / expected
    units = response.context["charts"]["units"]["items"]
    assert [u["name"] for u in units][:2] == ["1. 鼓东街道", "2. 区民政局"]
    assert units[0]["value"] == "90.1"
    assert units[0]["url"].startswith(reverse("oversight:targets", args=["plan", plan.pk]))
    # Unreported units are named, with a link to their reports.
    for name in ("鼓西街道", "洪山镇"):
        assert name in html


def test_every_bar_leads_to_the_targets_and_each_target_to_its_reports(client, reported):
    office = reported["people"]["office"]
    client.force_login(office)
    dashboard = client.get(reverse("oversight:dashboard", args=["plan", reported["plan"].pk]))
    bar = dashboard.context["charts"]["units"]["items"][0]
    listing = client.get(bar["url"])
    assert listing.status_code == 200
    [row] = listing.context["rows"]
    gudong_target = reported["task"].targets.get(assignee=reported["units"]["鼓东街道"])
    assert row.target.id == gudong_target.pk
    detail = client.get(reverse("oversight:target", args=[gudong_target.pk]) + "?month=2026-11")
    html = detail.content.decode()
    report = reported["plan"].cycles.get(label="2026年11月").reports.get(unit=reported["units"]["鼓东街道"])
    assert reverse("reporting:report", args=[report.pk]) in html
    counted = [r for r in detail.context["history"] if r.counted]
    assert [(r.figure.report.cycle.label, r.figure.cumulative_value) for r in counted] == [("2026年11月", 30)]


def test_a_total_shows_its_parts(client, reported):
    total = reported["task"].targets.get(parent=None)
    response = get(client, reported["people"]["office"], reverse("oversight:target", args=[total.pk]))
    assert response.status_code == 200
    assert len(response.context["status"].parts) == 3
    assert "各部分合计" in response.content.decode()


def test_region_dashboard_covers_the_plans_kept_in_it(client, reported):
    gulou = reported["units"]["区民政局"].region
    response = get(client, reported["people"]["leader"], reverse("oversight:dashboard", args=["region", gulou.pk]))
    assert response.status_code == 200
    assert response.context["scope"].plans == [reported["plan"]]


@pytest.mark.parametrize("who, expected", [("office", 200), ("reviewer", 200), ("leader", 200), ("gudong", 403)])
def test_who_may_see_the_dashboard(client, reported, who, expected):
    url = reverse("oversight:dashboard", args=["plan", reported["plan"].pk])
    assert get(client, reported["people"][who], url).status_code == expected


def test_another_office_gets_404(client, reported, registry):
    from accounts.roles import Role
    from reporting.tests.conftest import person

    outsider = person("cangshan", registry["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    plan_url = reverse("oversight:dashboard", args=["plan", reported["plan"].pk])
    target_url = reverse("oversight:target", args=[reported["task"].targets.first().pk])
    assert get(client, outsider, plan_url).status_code == 404
    assert get(client, outsider, target_url).status_code == 404


def test_anonymous_is_sent_to_log_in(client, reported):
    response = client.get(reverse("oversight:overview"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_bad_month_is_404_with_a_chinese_reason(client, reported):
    response = get(client, reported["people"]["office"],
                   reverse("oversight:dashboard", args=["plan", reported["plan"].pk]) + "?month=十一月")
    assert response.status_code == 404


def test_overview_lists_plans_and_regions(client, reported):
    response = get(client, reported["people"]["office"], reverse("oversight:overview"))
    html = response.content.decode()
    assert reported["plan"].title in html and "鼓楼区" in html


def test_the_plan_page_shows_each_tasks_progress_to_those_who_oversee_it(client, reported):
    url = reverse("plans:detail", args=[reported["plan"].pk])
    html = get(client, reported["people"]["office"], url).content.decode()
    assert "打开督查看板" in html and "30.0%" in html
    assert "打开督查看板" not in get(client, reported["people"]["gudong"], url).content.decode()


def test_a_month_not_yet_come_is_404(client, reported):
    response = get(client, reported["people"]["office"],
                   reverse("oversight:dashboard", args=["plan", reported["plan"].pk]) + "?month=2099-01")
    assert response.status_code == 404


def test_charts_round_as_the_cards_do(reported):
    """87.85% is 87.9% on the card and in the gauge alike (half up, never half even)."""
    from decimal import Decimal

    from oversight import status as st
    from oversight.access import Scope
    from oversight.charts import dashboard_charts
    from oversight.snapshot import build_snapshot

    snapshot = build_snapshot([reported["plan"]], None, NOV30)
    snapshot.overall.completion, snapshot.overall.time_progress = Decimal("0.8785"), Decimal("0.9245")
    gauge = dashboard_charts(Scope("plan", reported["plan"].pk, "", [reported["plan"]]), snapshot)["gauge"]
    assert (gauge["value"], gauge["schedule"]) == ("87.9", "92.5")
    assert st.percent(snapshot.overall.completion) == "87.9%"


def test_a_region_dashboard_covers_one_years_plans(client, reported):
    from plans.models import Plan

    old = Plan.objects.create(title="2025年测试方案", doc_number="测〔2025〕1号", year=2025,
                              kind=reported["plan"].kind, office=reported["units"]["区民政局"])
    gulou = reported["units"]["区民政局"].region
    client.force_login(reported["people"]["leader"])
    url = reverse("oversight:dashboard", args=["region", gulou.pk])
    this_year = client.get(url)
    assert this_year.context["scope"].plans == [reported["plan"]]
    assert this_year.context["years"] == [2026, 2025]
    assert client.get(url + "?year=2025").context["scope"].plans == [old]


def test_a_region_without_this_years_plan_shows_the_latest_year(client, reported):
    reported["plan"].year = 2025
    reported["plan"].save(update_fields=["year"])
    gulou = reported["units"]["区民政局"].region
    client.force_login(reported["people"]["leader"])
    response = client.get(reverse("oversight:dashboard", args=["region", gulou.pk]))
    assert response.status_code == 200 and response.context["scope"].plans == [reported["plan"]]
    assert client.get(reverse("oversight:dashboard", args=["region", gulou.pk]) + "?year=2026").status_code == 404
