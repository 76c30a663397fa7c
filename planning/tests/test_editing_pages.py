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


def test_a_reported_task_is_archived_or_its_reports_moved_on_the_page(client, work, office):
    from plans.models import Target
    from planning import editing
    from reporting.models import ReportedFigure

    report_on(work)
    units, task = work["units"], work["task"]
    client.force_login(office)
    other = editing.do_add_task(office, work["plan"], ref="2", text="调整后的资金任务", partner_units=[units["三街镇"]])
    new_target = editing.do_set_targets(office, other, [{"metric": "社会帮扶资金", "quantity": Decimal(40), "unit": "万元",
                                                        "comparator": "=", "assignee": units["鼓东街道"]}])[0]
    page = client.get(reverse("planning:task", args=[task.pk])).content.decode()
    assert "“社会帮扶资金·鼓东街道”的数字移到" in page and "移动填报" in page
    old_target = task.targets.get(assignee=units["鼓东街道"])
    refused = client.post(reverse("planning:task_move_reports", args=[task.pk]),
                          {"move-to_task": other.pk, "move-reason": "口径调整"})
    assert refused.status_code == 400  # the target to take the figure is not chosen
    moved = client.post(reverse("planning:task_move_reports", args=[task.pk]),
                        {"move-to_task": other.pk, f"move-map_{old_target.pk}": new_target.pk, "move-reason": "口径调整"})
    assert moved.status_code == 302
    assert ReportedFigure.objects.get().target == Target.objects.get(pk=new_target.pk)
    deleted = client.post(reverse("planning:task_delete", args=[task.pk]), {"delete-reason": "已移走填报"})
    assert deleted.status_code == 302 and not Task.objects.filter(pk=task.pk).exists()
    archived = client.post(reverse("planning:task_archive", args=[other.pk]), {"archive-reason": "任务取消"})
    assert archived.status_code == 302 and Task.objects.get(pk=other.pk).archived
    page = client.get(reverse("planning:edit", args=[work["plan"].pk])).content.decode()
    assert "已归档的任务" in page and f'id="task-{other.pk}"' in page
    restored = client.post(reverse("planning:task_restore", args=[other.pk]))
    assert restored.status_code == 302 and not Task.objects.get(pk=other.pk).archived


def test_tasks_split_and_merged_on_the_page(client, work, office):
    from reporting.models import ReportedFigure

    report_on(work)
    task = work["task"]
    client.force_login(office)
    total = task.targets.get(assignee=None)
    split = client.post(reverse("planning:task_split", args=[task.pk]), {
        "split-ref": "1.1", "split-text": "社会帮扶资金单列", "split-targets": [total.pk], "split-reason": "单列资金"})
    assert split.status_code == 302
    new = Task.objects.get(plan=work["plan"], ref="1.1")
    assert split.url == reverse("planning:task", args=[new.pk])
    assert new.targets.count() == 4 and ReportedFigure.objects.get().report.task == new
    page = client.get(reverse("planning:task", args=[task.pk])).content.decode()
    assert "已有1份填报，一并移入" in page  # the merge choice says the new task brings its report
    # Both now hold 鼓东街道's November report (the words stayed, the figure moved): not merged back.
    refused = client.post(reverse("planning:task_merge", args=[task.pk]), {"merge-other": new.pk, "merge-reason": "合回"})
    assert refused.status_code == 400 and "鼓东街道2026年11月" in refused.content.decode()
    assert Task.objects.filter(pk=new.pk).exists()
    from planning import editing
    spare = editing.do_add_task(office, work["plan"], ref="3", text="宣传报道。", lead_units=[work["units"]["区教育局"]])
    merged = client.post(reverse("planning:task_merge", args=[new.pk]), {"merge-other": spare.pk, "merge-reason": "并入"})
    assert merged.status_code == 302 and not Task.objects.filter(pk=spare.pk).exists()
    assert "宣传报道。" in Task.objects.get(pk=new.pk).text and ReportedFigure.objects.get().report.task == new


def test_an_archived_task_is_listed_apart_on_the_plan_page(client, work, office):
    from planning import editing

    report_on(work)
    editing.do_archive_task(office, work["task"], reason="任务取消")
    client.force_login(work["people"]["reviewer"])
    page = client.get(reverse("plans:detail", args=[work["plan"].pk])).content.decode()
    archived = page[page.index('id="archived"'):]
    assert f'id="task-{work["task"].pk}"' in archived and "已归档的任务" in archived
    assert "此方案还没有任务" in page  # no live task left in the table


def test_the_blank_new_row_as_a_browser_sends_it_is_left_out(client, work, office):
    # The empty last row posts its select's first option (比较 "="): that alone is not a new target.
    client.force_login(office)
    task = work["task"]
    targets = list(task.targets.order_by("position", "id"))
    data = {"t-TOTAL_FORMS": str(len(targets) + 1), "t-INITIAL_FORMS": str(len(targets)), "reason": "改数"}
    for i, t in enumerate(targets):
        data.update({f"t-{i}-id": t.pk, f"t-{i}-metric": t.metric, f"t-{i}-quantity": str(t.quantity),
                     f"t-{i}-unit": t.unit, f"t-{i}-comparator": t.comparator, f"t-{i}-per": "",
                     f"t-{i}-assignee": t.assignee.name if t.assignee else "", f"t-{i}-parent": t.parent_id or ""})
    n = len(targets)
    data.update({f"t-{n}-metric": "", f"t-{n}-quantity": "", f"t-{n}-unit": "", f"t-{n}-comparator": "=",
                 f"t-{n}-per": "", f"t-{n}-assignee": "", f"t-{n}-parent": ""})
    response = client.post(reverse("planning:task_targets", args=[task.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert task.targets.count() == len(targets)
