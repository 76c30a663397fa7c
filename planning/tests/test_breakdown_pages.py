"""The 预分解 and 承接 pages through the test client: what they show, the fills re-rendering
without writing, saving, the errors beside the form, and the links on the plan page."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from planning.implement import default_title, do_implement_plan
from plans.models import Plan, Target

from planning.tests.breakdown_fixtures import city, last_year  # noqa: F401  (fixtures)


@pytest.fixture
def funds(city):
    office = city["people"]["office"]
    plan = do_implement_plan(office, city["upper"], title=default_title(city["upper"], office.unit))
    return plan.tasks.get(upper_task__ref="23").targets.get()


@pytest.fixture
def office(client, city):
    client.force_login(city["people"]["office"])
    return client


def form(rows, total_carried="", reason="", action="refresh", **extra):
    data = {"unit": [str(u) for u, _, _ in rows], "quantity": [q for _, q, _ in rows],
            "carried": [c for _, _, c in rows], "total_carried": total_carried, "reason": reason, "action": action}
    data.update(extra)
    return data


def shown(response) -> list[tuple[str, str, str]]:
    rows = response.context["rows"]
    fmt = lambda v: "" if v is None else format(v.normalize(), "f")  # noqa: E731
    return [(s.name, fmt(s.quantity), fmt(s.carried_over)) for s in rows]


def test_the_page_shows_the_total_and_starts_with_no_rows_for_a_task_given_to_the_district(office, funds):
    response = office.get(reverse("planning:breakdown", args=[funds.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "预分解：社会帮扶资金" in html and "鼓楼区：" in html and "上级方案下达：300万元" in html
    assert 'id="remainder">300<' in html and "十街镇（集合单位，展开为各成员）" in html
    assert "planning/breakdown.js" in html


def test_adding_a_group_then_filling_equally_and_the_shortfall_writes_nothing(office, city, funds, last_year):
    units = city["units"]
    url = reverse("planning:breakdown", args=[funds.pk])
    rows = [(units["区发改局"].pk, "4", ""), (units["区工商联"].pk, "5", ""), (units["区妇联"].pk, "3", ""),
            (units["区侨联"].pk, "6", ""), (units["区科协"].pk, "2", ""), (units["软件园"].pk, "25", "")]
    response = office.post(url, form(rows, action="add", add_unit=units["十街镇"].pk))
    assert response.status_code == 200
    assert [name for name, _, _ in shown(response)][6:] == ["鼓东街道", "鼓西街道", "温泉街道", "东街街道", "南街街道",
                                                             "安泰街道", "华大街道", "水部街道", "五凤街道", "洪山镇"]
    assert "已添加：鼓东街道、鼓西街道" in response.content.decode()
    rows = [(s.unit_id, q, c) for s, (_, q, c) in zip(response.context["rows"], shown(response))]
    response = office.post(url, form(rows, action="fill_equal"))
    rows = [(s.unit_id, q, c) for s, (_, q, c) in zip(response.context["rows"], shown(response))]
    assert {q for _, q, _ in rows[6:]} == {"25.5"} and response.context["remainder"] == 0
    response = office.post(url, form(rows, action="fill_shortfall"))
    assert shown(response)[6] == ("鼓东街道", "25.5", "20.7") and shown(response)[15] == ("洪山镇", "25.5", "")
    assert response.context["remainder"] == D("-144.06")
    assert "已按上年缺口填入10个单位的结转数" in response.content.decode()
    assert 'id="remainder-label">超出合计<' in response.content.decode()
    response = office.post(url, form(rows, action="fill_last"))
    assert shown(response)[6] == ("鼓东街道", "4.8", "")
    assert not funds.parts.exists()  # none of these wrote

    rows = [(s.unit_id, q, c) for s, (_, q, c) in zip(response.context["rows"], shown(response))]
    response = office.post(url, form(rows, action="remove:" + str(units["洪山镇"].pk)))
    assert "洪山镇" not in [name for name, _, _ in shown(response)]


def test_saving_redirects_and_a_breakdown_not_adding_up_asks_for_a_reason(office, city, funds):
    units = city["units"]
    url = reverse("planning:breakdown", args=[funds.pk])
    rows = [(units["鼓东街道"].pk, "200", "5"), (units["鼓西街道"].pk, "90", "")]
    response = office.post(url, form(rows, total_carried="5", action="save"))
    assert response.status_code == 400
    assert "分解合计与总数不符（尚有10万元未分配）；请调整，或填写原因后保存" in response.content.decode()
    assert shown(response) == [("鼓东街道", "200", "5"), ("鼓西街道", "90", "")]  # what was typed, kept
    assert not funds.parts.exists()

    response = office.post(url, form(rows, total_carried="5", reason="余下10万元年中再分配", action="save"))
    assert response.status_code == 302 and response["Location"] == url
    page = office.get(url).content.decode()
    assert "已保存分解：新增2个单位，修改0个，移除0个；未分配10万元，原因已记录" in page
    assert "余下10万元年中再分配" in page
    funds.refresh_from_db()
    assert (funds.carried_over, funds.breakdown_reason) == (D(5), "余下10万元年中再分配")
    detail = office.get(reverse("plans:detail", args=[funds.task.plan_id])).content.decode()
    assert "保存时说明的原因：余下10万元年中再分配" in detail  # the checks' finding
    assert "未分配 10" in detail and reverse("planning:breakdown", args=[funds.pk]) in detail


@pytest.mark.parametrize("rows, message", [
    ([("鼓东街道", "abc", "")], "第1行（鼓东街道）分解数“abc”不是数字"),
    ([("鼓东街道", "1", "-2")], "第1行（鼓东街道）上年缺口结转不能为负数（-2）"),
])
def test_a_bad_figure_is_refused_naming_the_row(office, city, funds, rows, message):
    rows = [(city["units"][name].pk, q, c) for name, q, c in rows]
    response = office.post(reverse("planning:breakdown", args=[funds.pk]), form(rows, action="save"))
    assert response.status_code == 400 and message in response.content.decode()
    assert [name for name, _, _ in shown(response)] == ["鼓东街道"]


def test_filling_equally_more_than_the_total_is_refused(office, city, funds):
    rows = [(city["units"]["鼓东街道"].pk, "301", ""), (city["units"]["鼓西街道"].pk, "", "")]
    response = office.post(reverse("planning:breakdown", args=[funds.pk]), form(rows, action="fill_equal"))
    assert response.status_code == 400 and "已填的分解数合计超出总数1万元，无法平均分配" in response.content.decode()


def test_implementing_through_the_pages(office, city):
    upper = city["upper"]
    listing = office.get(reverse("planning:implement_list")).content.decode()
    assert upper.title in listing and reverse("planning:implement", args=[upper.pk]) in listing
    upper_page = office.get(reverse("plans:detail", args=[upper.pk])).content.decode()
    assert "承接此方案" in upper_page
    page = office.get(reverse("planning:implement", args=[upper.pk]))
    assert [item.task.ref for item in page.context["taken"]] == ["8", "18", "23"]
    assert 'value="2026年鼓楼区落实《2026年闽宁协作福州市重点工作任务分工方案》任务分工方案"' in page.content.decode()
    refused = office.post(reverse("planning:implement", args=[upper.pk]), {"title": ""})
    assert refused.status_code == 400 and "请填写方案标题" in refused.content.decode()
    response = office.post(reverse("planning:implement", args=[upper.pk]),
                           {"title": "2026年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2026〕1号"})
    plan = Plan.objects.get(parent=upper, office=city["units"]["区民政局"])
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.pk])
    detail = office.get(response["Location"]).content.decode()
    assert "已承接上级方案，生成《2026年鼓楼区闽宁协作任务分工方案》，共3项任务" in detail
    assert "预分解社会帮扶资金" not in detail and "预分解鼓楼区社会帮扶资金" in detail
    assert Target.objects.filter(task__plan=plan, upper_target__isnull=False).count() == 3
    again = office.get(reverse("plans:detail", args=[upper.pk])).content.decode()
    assert "本办公室已承接此方案" in again


def test_a_reporter_sees_no_links_and_gets_403(client, city, funds):
    client.force_login(city["people"]["street"])
    detail = client.get(reverse("plans:detail", args=[funds.task.plan_id])).content.decode()
    assert 'id="breakdown-panel"' not in detail and "/planning/" not in detail
    upper = client.get(reverse("plans:detail", args=[city["upper"].pk])).content.decode()
    assert 'id="implement-panel"' not in upper and "/planning/" not in upper
    assert client.get(reverse("planning:breakdown", args=[funds.pk])).status_code == 403
    assert client.get(reverse("planning:implement_list")).status_code == 403
