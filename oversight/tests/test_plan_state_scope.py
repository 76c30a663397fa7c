"""Reference and archived plans leave the live work of oversight: nobody is warned for them,
and a region's dashboard, the overview, the API's scopes and a region's bulletin scope do not
count them. One such plan stays readable on its own pages by those who oversee it."""

import datetime
import json

import pytest
from django.urls import reverse

from orgs.models import Programme
from oversight import access
from oversight.models import WarningSent
from oversight.tests.conftest import NOV30
from oversight.warnings import send_warnings
from plans.models import Assignment, Plan, Target, Task
from plans.services import do_change_plan_state

State = Plan.State
NOV26 = datetime.date(2026, 11, 26)  # the day after November's due date


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.views._today", lambda: NOV30)
    monkeypatch.setattr("oversight.api._today", lambda: NOV30)


@pytest.fixture
def archived(reported):
    """The reported plan, archived by its office after November's reports came in."""
    do_change_plan_state(reported["plan"], State.ARCHIVED, user=reported["people"]["office"], reason="年度工作结束")
    return reported


@pytest.fixture
def second(reported):
    """Another plan of the same office this year, live, with one target for 区民政局."""
    plan = Plan.objects.create(title="2026年第二份方案", doc_number="测〔2026〕2号", year=2026, kind=Programme.EAST_WEST,
                               office=reported["units"]["区民政局"])
    task = Task.objects.create(plan=plan, ref="1", position=1, text="组织培训。")
    Assignment.objects.create(task=task, unit=reported["units"]["区民政局"], role=Assignment.Role.LEAD)
    Target.objects.create(task=task, metric="培训人数", quantity=10, unit="人", assignee=reported["units"]["区民政局"])
    return plan


@pytest.mark.parametrize("state", [State.REFERENCE, State.ARCHIVED])
def test_nobody_is_warned_for_a_plan_out_of_the_live_work(reported, state):
    do_change_plan_state(reported["plan"], state, user=reported["people"]["office"], reason="仅供参考")
    assert send_warnings(NOV26) == [] and not WarningSent.objects.exists()


def test_the_same_plan_live_warns_its_units(reported):
    assert send_warnings(NOV26)  # the contrast: the filter, not the data, keeps the warnings back


def test_a_region_scope_leaves_archived_plans_out(archived, second):
    leader = archived["people"]["leader"]
    gulou = archived["units"]["区民政局"].region_id
    scope = access.dashboard_scope(leader, "region", gulou, month=None, today=NOV30)
    assert scope.plans == [second] and scope.years == [2026]
    # The city above counts the same.
    city = archived["units"]["区民政局"].region.parent_id
    assert access.dashboard_scope(leader, "region", city, month=datetime.date(2026, 11, 1), today=NOV30).plans == [second]
    # A plan's own scope still opens.
    assert access.dashboard_scope(leader, "plan", archived["plan"].pk, month=None, today=NOV30).plans == [archived["plan"]]


def test_a_region_with_only_archived_plans_has_no_dashboard(client, archived):
    client.force_login(archived["people"]["leader"])
    gulou = archived["units"]["区民政局"].region_id
    assert client.get(reverse("oversight:dashboard", args=["region", gulou])).status_code == 404


def test_the_region_dashboard_and_overview_do_not_count_an_archived_plan(client, archived, second):
    client.force_login(archived["people"]["office"])
    gulou = archived["units"]["区民政局"].region_id
    response = client.get(reverse("oversight:dashboard", args=["region", gulou]))
    assert response.status_code == 200 and response.context["scope"].plans == [second]
    assert archived["plan"].pk not in {p.pk for p in response.context["snapshot"].plans}
    overview = client.get(reverse("oversight:overview"))
    assert [p.pk for p in overview.context["plans"]] == [second.pk]
    assert archived["plan"].title not in overview.content.decode()


def test_an_archived_plans_own_pages_stay_readable(client, archived):
    client.force_login(archived["people"]["leader"])
    plan = archived["plan"]
    dashboard = client.get(reverse("oversight:dashboard", args=["plan", plan.pk]))
    assert dashboard.status_code == 200 and dashboard.context["scope"].plans == [plan]
    target = archived["task"].targets.filter(assignee__name="鼓东街道").get()
    assert client.get(reverse("oversight:target", args=[target.pk])).status_code == 200
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "已归档" in page and "打开督查看板" in page  # the progress section is still there to read
    # And by no one else: another office still gets 404.
    from accounts.roles import Role
    from reporting.tests.conftest import person

    outsider = person("cangshan", archived["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    client.force_login(outsider)
    assert client.get(reverse("oversight:dashboard", args=["plan", plan.pk])).status_code == 404


def api(client, url):
    response = client.get(url)
    return response.status_code, json.loads(response.content)


def test_the_api_lists_and_counts_only_live_plans(client, archived, second):
    client.force_login(archived["people"]["leader"])
    status, scopes = api(client, "/api/v1/scopes")
    assert status == 200 and [s["id"] for s in scopes if s["kind"] == "plan"] == [second.pk]
    gulou = archived["units"]["区民政局"].region_id
    status, data = api(client, f"/api/v1/region/{gulou}/status?month=2026-11")
    assert status == 200 and [p["plan_id"] for p in data["by_plan"]] == [second.pk]
    status, data = api(client, f"/api/v1/plan/{archived['plan'].pk}/status?month=2026-11")
    assert status == 200 and [p["plan_id"] for p in data["by_plan"]] == [archived["plan"].pk]  # readable by id


def test_a_reference_plan_is_left_out_as_an_archived_one_is(client, reported, second):
    do_change_plan_state(reported["plan"], State.REFERENCE, user=reported["people"]["office"], reason="上级文件")
    leader = reported["people"]["leader"]
    assert list(access.plans_visible_to(leader)) == [second]
    assert set(access.plans_visible_to(leader, include_inactive=True)) == {reported["plan"], second}
