"""The editing pages through the test client: findings beside their row, units typed by alias,
the type-ahead's answer, a refused form's errors, the guard's words, the plan page's link."""

from decimal import Decimal

from django.urls import reverse

from plans.models import Task
from planning.tests.conftest import report_on


def test_the_plan_page_links_to_editing_only_for_its_office_admin(client, work, office, foreign_admin):
    url = reverse("plans:detail", args=[work["plan"].pk])
    client.force_login(office)
    assert "编辑方案" in client.get(url).content.decode()
    client.force_login(work["people"]["reviewer"])
    assert "编辑方案" not in client.get(url).content.decode()


def test_a_finding_sits_in_its_tasks_row(client, work, office):
    client.force_login(office)
    page = client.get(reverse("planning:edit", args=[work["plan"].pk])).content.decode()
    row = page[page.index(f'id="task-{work["task"].pk}"'):]
    row = row[:row.index("</tr>")]
    assert 'data-code="breakdown_remainder"' in row and "0.1" in row


def test_a_task_saved_with_a_unit_typed_by_its_alias(client, work, office):
    client.force_login(office)
    task = work["task"]
    response = client.post(reverse("planning:task", args=[task.pk]), {
        "list_name": "", "ref": "1", "text": "落实社会帮扶资金100万元。", "deadline": "2026-12-31",
        "deadline_text": "年底前", "lead_units": "区乡村振兴局", "partner_units": "三街镇、鼓楼区区委、政府",
        "score": "10", "evidence_required": "拨付凭证", "reason": "补充时限"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert [a.unit.name for a in task.assignments.filter(role="lead")] == ["区民政局"]
    assert [a.unit.name for a in task.assignments.filter(role="partner").order_by("position")] == ["三街镇", "鼓楼区"]
    assert (task.deadline_text, task.score) == ("年底前", Decimal(10))


def test_an_unknown_unit_is_said_beside_its_field(client, work, office):
    client.force_login(office)
    response = client.post(reverse("planning:task", args=[work["task"].pk]), {
        "ref": "1", "text": "x", "lead_units": "区民政局、不存在的局"})
    assert response.status_code == 400
    assert "单位库中没有“不存在的局”" in response.content.decode()


def test_the_type_ahead_finds_units_by_alias_within_the_office(client, work, office):
    client.force_login(office)
    answer = client.get(reverse("planning:units_json"), {"q": "乡村振兴"}).json()["units"]
    assert [(u["label"], u["alias"]) for u in answer] == [("区民政局", "区乡村振兴局")]
    names = [u["name"] for u in client.get(reverse("planning:units_json"), {"q": "民政局"}).json()["units"]]
    assert names == ["区民政局"]  # 仓山区's 区民政局 is not the office's to pick


def test_a_target_added_on_the_task_page(client, work, office):
    client.force_login(office)
    task = work["task"]
    targets = list(task.targets.order_by("position", "id"))
    data = {"t-TOTAL_FORMS": str(len(targets) + 1), "t-INITIAL_FORMS": str(len(targets)), "reason": "新增指标"}
    for i, t in enumerate(targets):
        data.update({f"t-{i}-id": t.pk, f"t-{i}-metric": t.metric, f"t-{i}-quantity": str(t.quantity),
                     f"t-{i}-unit": t.unit, f"t-{i}-comparator": t.comparator,
                     f"t-{i}-assignee": t.assignee.name if t.assignee else "", f"t-{i}-parent": t.parent_id or ""})
    n = len(targets)
    data.update({f"t-{n}-metric": "社会帮扶资金", f"t-{n}-quantity": "0.1", f"t-{n}-unit": "万元",
                 f"t-{n}-comparator": "=", f"t-{n}-assignee": "区乡村振兴局", f"t-{n}-parent": targets[0].pk})
    response = client.post(reverse("planning:task_targets", args=[task.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = task.targets.order_by("-position").first()
    assert (added.assignee.name, added.quantity, added.parent_id) == ("区民政局", Decimal("0.1"), targets[0].pk)
    page = client.get(reverse("planning:edit", args=[work["plan"].pk])).content.decode()
    row = page[page.index(f'id="task-{task.pk}"'):]
    assert 'data-code="breakdown_remainder"' not in row[:row.index("</tr>")]  # 100 = 3 × 33.3 + 0.1


def test_the_task_page_says_what_a_delete_would_lose(client, work, office):
    report_on(work)
    client.force_login(office)
    page = client.get(reverse("planning:task", args=[work["task"].pk])).content.decode()
    assert "本任务已有1份进度报告（鼓东街道；2026年11月），1个填报数字（社会帮扶资金·鼓东街道（1条））" in page
    response = client.post(reverse("planning:task_delete", args=[work["task"].pk]), {"delete-reason": "重复"})
    assert response.status_code == 400 and "不能删除第1项" in response.content.decode()
    assert Task.objects.filter(pk=work["task"].pk).exists()


def test_another_office_gets_404_and_a_reporter_403(client, work, foreign_admin):
    url = reverse("planning:task", args=[work["task"].pk])
    client.force_login(foreign_admin)
    assert client.get(url).status_code == 404
    client.force_login(work["people"]["gudong"])
    assert client.get(url).status_code == 403


def test_a_new_plan_from_the_plan_list(client, work, office):
    client.force_login(office)
    assert "新建方案" in client.get(reverse("plans:list")).content.decode()
    response = client.post(reverse("planning:plan_new"), {"title": "2027年鼓楼区协作方案", "year": "2027",
                                                          "kind": work["plan"].kind, "doc_number": ""})
    assert response.status_code == 302
    plan = work["units"]["区民政局"].plans_kept.get(title="2027年鼓楼区协作方案")
    assert response.url == reverse("planning:edit", args=[plan.pk])
    response = client.post(reverse("planning:task_new", args=[plan.pk]), {
        "ref": "1", "text": "选派教师。", "lead_units": "区教育局", "deadline_text": "持续推进"})
    assert response.status_code == 302
    assert plan.tasks.get().assignments.get().unit == work["units"]["区教育局"]
