"""The editing actions called directly: each change, its history row (who, why), the scope
checks, and the guard that keeps reported figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from plans.models import Assignment, Plan, Target, Task
from planning import editing
from planning.editing import EditError
from planning.tests.conftest import report_on
from reporting.models import ProgressReport, ReportedFigure


def last(model_history):
    return model_history.order_by("-history_id").first()


def test_plan_facts_are_changed_with_who_and_why(work, office):
    plan = work["plan"]
    editing.do_update_plan_facts(office, plan, title="2026年鼓楼区协作方案", doc_number="鼓〔2026〕3号",
                                 issued_on=datetime.date(2026, 3, 1), reason="按正式文件更正")
    plan.refresh_from_db()
    assert (plan.title, plan.doc_number, plan.issued_on) == ("2026年鼓楼区协作方案", "鼓〔2026〕3号", datetime.date(2026, 3, 1))
    record = last(plan.history)
    assert (record.history_user, record.history_change_reason, record.title) == (office, "按正式文件更正", plan.title)


def test_a_doc_number_used_by_another_plan_of_the_office_is_refused(work, office):
    Plan.objects.create(title="另一方案", doc_number="鼓〔2026〕9号", year=2026, kind=work["plan"].kind,
                        office=work["plan"].office)
    with pytest.raises(EditError) as error:
        editing.do_update_plan_facts(office, work["plan"], doc_number="鼓〔2026〕9号")
    assert error.value.field == "doc_number" and "《另一方案》" in error.value.message


def test_leaving_the_live_work_through_the_facts_form_asks_a_reason(work, office):
    with pytest.raises(EditError) as error:
        editing.do_update_plan_facts(office, work["plan"], state=Plan.State.ARCHIVED, title="2026年测试方案")
    assert "原因" in error.value.message
    editing.do_update_plan_facts(office, work["plan"], state=Plan.State.ARCHIVED, reason="工作结束")
    assert Plan.objects.get(pk=work["plan"].pk).state == Plan.State.ARCHIVED


def test_only_the_plans_own_office_admin_edits(work, foreign_admin):
    for person in (foreign_admin, work["people"]["reviewer"], work["people"]["gudong"], work["people"]["leader"]):
        with pytest.raises(PermissionDenied):
            editing.do_update_plan_facts(person, work["plan"], title="改名")
        with pytest.raises(PermissionDenied):
            editing.do_delete_task(person, work["task"], reason="x")
    assert Plan.objects.get(pk=work["plan"].pk).title == "2026年测试方案"


def test_a_task_is_added_after_another_with_its_units(work, office, django_capture_on_commit_callbacks):
    units = work["units"]
    with django_capture_on_commit_callbacks(execute=True):
            second = editing.do_add_task(office, work["plan"], ref="2", text="开展消费帮扶。", deadline_text="12月底前",
                                     deadline=datetime.date(2026, 12, 31), optional=True, score=Decimal("5"),
                                     evidence_required="销售凭证", lead_units=[units["区教育局"]],
                                     partner_units=[units["鼓东街道"], units["鼓西街道"]])
    third = editing.do_add_task(office, work["plan"], ref="1.1", text="补充任务。", after=work["task"],
                                lead_units=[units["区民政局"]])
    order = list(work["plan"].tasks.order_by("position").values_list("ref", flat=True))
    assert order == ["1", "1.1", "2"]
    assert [a.unit.name for a in second.assignments.order_by("role", "position")] == ["区教育局", "鼓东街道", "鼓西街道"]
    assert (second.optional, second.score, second.deadline_text) == (True, Decimal("5"), "12月底前")
    assert last(third.history).history_user == office and last(third.history).history_change_reason == "新增任务"
    # This month's reports for the new task's units are opened once the action commits (plans.hooks).
    november = set(second.progress_reports.filter(cycle=work["cycle"]).values_list("unit__name", flat=True))
    assert november == {"区教育局", "鼓东街道", "鼓西街道"}


def test_a_ref_already_in_the_list_is_refused(work, office):
    with pytest.raises(EditError) as error:
        editing.do_add_task(office, work["plan"], ref="1", text="重复")
    assert error.value.field == "ref" and "序号" in error.value.message


def test_a_task_is_edited_and_its_units_replaced(work, office):
    units, task = work["units"], work["task"]
    editing.do_update_task(office, task, text="落实社会帮扶资金120万元。", deadline=datetime.date(2026, 10, 31),
                           deadline_text="10月底前", lead_units=[units["区民政局"], units["区教育局"]],
                           partner_units=[units["三街镇"]], reason="按调整后的文件")
    task.refresh_from_db()
    assert (task.text, task.deadline_text) == ("落实社会帮扶资金120万元。", "10月底前")
    assert [a.unit.name for a in task.assignments.filter(role="lead").order_by("position")] == ["区民政局", "区教育局"]
    record = last(task.history)
    assert (record.history_user, record.history_change_reason) == (office, "按调整后的文件")
    added = Assignment.history.filter(unit=units["区教育局"]).first()
    assert added.history_user == office and added.history_change_reason == "按调整后的文件"


def test_a_unit_outside_the_office_cannot_be_given_a_task(work, office):
    with pytest.raises(EditError) as error:
        editing.do_update_task(office, work["task"], lead_units=[work["units"]["仓山区民政局"]])
    assert "不在本办公室可选的单位中" in error.value.message and error.value.field == "lead_units"
    assert not work["task"].assignments.filter(unit=work["units"]["仓山区民政局"]).exists()


def test_tasks_are_reordered(work, office):
    second = editing.do_add_task(office, work["plan"], ref="2", text="二")
    editing.do_add_task(office, work["plan"], ref="3", text="三")
    editing.do_move_task(office, second, to=1)
    assert list(work["plan"].tasks.order_by("position").values_list("ref", flat=True)) == ["2", "1", "3"]
    editing.do_move_task(office, second, to=99)
    assert list(work["plan"].tasks.order_by("position").values_list("ref", flat=True)) == ["1", "3", "2"]


# --- targets -------------------------------------------------------------------------------------

def rows_of(task):
    return [{"id": t.pk, "metric": t.metric, "quantity": t.quantity, "unit": t.unit, "comparator": t.comparator,
             "carried_over": t.carried_over, "assignee": t.assignee, "parent": t.parent_id}
            for t in task.targets.order_by("position", "id")]


def test_targets_are_added_changed_and_deleted(work, office):
    task, units = work["task"], work["units"]
    rows = rows_of(task)
    total = rows[0]["id"]
    rows[1]["quantity"], rows[1]["carried_over"] = Decimal("30"), Decimal("3.3")
    hongshan = rows.pop(3)
    rows.append({"metric": "消费帮扶", "quantity": Decimal("50"), "unit": "万元", "comparator": ">=",
                 "assignee": units["区教育局"]})
    editing.do_set_targets(office, task, rows, reason="调整指标")
    targets = list(task.targets.order_by("position"))
    assert [(t.metric, t.assignee.name if t.assignee else None, t.total) for t in targets] == [
        ("社会帮扶资金", None, Decimal(100)), ("社会帮扶资金", "鼓东街道", Decimal("33.3")),
        ("社会帮扶资金", "鼓西街道", Decimal("33.3")), ("消费帮扶", "区教育局", Decimal(50))]
    assert [t.parent_id for t in targets] == [None, total, total, None]
    assert not Target.objects.filter(pk=hongshan["id"]).exists()
    assert last(targets[3].history).history_change_reason == "调整指标"


def test_a_figure_in_yuan_is_refused_with_the_field(work, office):
    rows = rows_of(work["task"]) + [{"metric": "帮扶资金", "quantity": Decimal(5000), "unit": "元", "comparator": "="}]
    with pytest.raises(EditError) as error:
        editing.do_set_targets(office, work["task"], rows)
    assert "万元" in error.value.message and "第5行" in error.value.message
    assert work["task"].targets.count() == 4  # nothing half-written


def test_a_breakdown_cycle_is_refused(work, office):
    rows = rows_of(work["task"])
    rows[0]["parent"] = rows[1]["id"]
    with pytest.raises(EditError) as error:
        editing.do_set_targets(office, work["task"], rows)
    assert "成环" in error.value.message


def test_a_target_with_reported_figures_cannot_be_deleted(work, office):
    report_on(work)
    rows = [r for r in rows_of(work["task"]) if r["assignee"] != work["units"]["鼓东街道"]]
    with pytest.raises(EditError) as error:
        editing.do_set_targets(office, work["task"], rows)
    assert "社会帮扶资金·鼓东街道" in error.value.message
    assert ReportedFigure.objects.count() == 1


# --- the report guard ----------------------------------------------------------------------------

def test_deleting_a_task_with_reports_says_what_would_be_lost(work, office):
    report_on(work)
    report_on(work, "鼓西街道", value="8")
    with pytest.raises(EditError) as error:
        editing.do_delete_task(office, work["task"], reason="重复")
    message = error.value.message
    assert "2份进度报告（鼓东街道、鼓西街道；2026年11月）" in message
    assert "2个填报数字（社会帮扶资金·鼓东街道（1条）、社会帮扶资金·鼓西街道（1条））" in message
    assert "归档" in message
    assert Task.objects.filter(pk=work["task"].pk).exists() and ReportedFigure.objects.count() == 2


def test_a_task_nobody_reported_on_is_deleted_with_its_empty_reports(work, office):
    opened = work["task"].progress_reports.count()
    assert opened >= 3 and not ProgressReport.objects.exclude(status="pending").exists()  # opened, empty
    with pytest.raises(EditError):
        editing.do_delete_task(office, work["task"])  # a reason is asked
    editing.do_delete_task(office, work["task"], reason="与第2项重复")
    assert not Task.objects.filter(pk=work["task"].pk).exists()
    record = Task.history.filter(id=work["task"].pk, history_type="-").get()
    assert (record.history_user, record.history_change_reason) == (office, "删除任务：与第2项重复")


def test_archiving_keeps_reports_and_figures_and_stops_new_months(work, office):
    from reporting import services

    report_on(work)
    editing.do_archive_task(office, work["task"], reason="任务取消")
    task = Task.objects.get(pk=work["task"].pk)
    assert task.archived
    assert list(task.progress_reports.values_list("unit__name", flat=True)) == ["鼓东街道"]  # empty ones went
    assert ReportedFigure.objects.count() == 1
    services.open_cycles(datetime.date(2026, 12, 10), [work["plan"]])
    assert not ProgressReport.objects.filter(task=task, cycle__label="2026年12月").exists()
    editing.do_restore_task(office, task)
    assert not Task.objects.get(pk=task.pk).archived


def test_reports_move_to_another_task_then_it_can_be_deleted(work, office):
    report_on(work)
    units = work["units"]
    other = editing.do_add_task(office, work["plan"], ref="2", text="社会帮扶资金（调整后）",
                                partner_units=[units["三街镇"]])
    editing.do_set_targets(office, other, [{"metric": "社会帮扶资金", "quantity": Decimal(40), "unit": "万元",
                                            "comparator": "=", "assignee": units["鼓东街道"]}])
    old_target = work["task"].targets.get(assignee=units["鼓东街道"])
    new_target = other.targets.get()
    with pytest.raises(EditError) as error:
        editing.do_move_reports(office, work["task"], other, {}, reason="合并口径")
    assert "请选择移到哪个指标" in error.value.message
    moved = editing.do_move_reports(office, work["task"], other, {old_target.pk: new_target}, reason="合并口径")
    assert moved == 1
    figure = ReportedFigure.objects.get()
    assert (figure.target, figure.report.task, figure.report.progress) == (new_target, other, "已拨付")
    editing.do_delete_task(office, work["task"], reason="已移走填报")
    assert ReportedFigure.objects.get().cumulative_value == Decimal("12.5")


def test_merging_moves_targets_units_and_reports(work, office):
    report_on(work)
    units = work["units"]
    other = editing.do_add_task(office, work["plan"], ref="2", text="选派教师。", lead_units=[units["区教育局"]])
    editing.do_set_targets(office, other, [{"metric": "选派教师", "quantity": Decimal(3), "unit": "人",
                                            "comparator": "=", "assignee": None}])
    keep = editing.do_merge_tasks(office, other, work["task"], reason="同一项工作")
    assert not Task.objects.filter(pk=work["task"].pk).exists()
    assert keep.text == "选派教师。\n落实社会帮扶资金100万元。"
    assert sorted(a.unit.name for a in keep.assignments.all()) == ["三街镇", "区教育局", "区民政局"]
    assert keep.targets.count() == 5
    figure = ReportedFigure.objects.get()
    assert figure.report.task == keep and figure.target.task == keep


def test_merging_two_tasks_both_reported_by_one_unit_in_one_month_is_refused(work, office):
    units = work["units"]
    other = editing.do_add_task(office, work["plan"], ref="2", text="二", partner_units=[units["鼓东街道"]])
    from reporting import services
    services.open_cycles(datetime.date(2026, 11, 10), [work["plan"]])
    report_on(work)
    theirs = ProgressReport.objects.get(task=other, unit=units["鼓东街道"])
    services.save_report(theirs, user=work["people"]["gudong"], version=theirs.version, figures={},
                         progress="另一项进展", problems="", next_steps="")
    with pytest.raises(EditError) as error:
        editing.do_merge_tasks(office, other, work["task"], reason="合并")
    assert "鼓东街道2026年11月" in error.value.message
    assert Task.objects.filter(pk=work["task"].pk).exists()


def test_splitting_moves_the_chosen_targets_and_their_figures(work, office):
    report_on(work)
    units = work["units"]
    total = work["task"].targets.get(assignee=None)
    new = editing.do_split_task(office, work["task"], ref="1.2", text="社会帮扶资金。", targets=[total],
                                reason="资金单列")
    assert new.targets.count() == 4 and work["task"].targets.count() == 0
    assert [a.unit.name for a in new.assignments.order_by("role", "position")] == ["区民政局", "三街镇"]
    figure = ReportedFigure.objects.get()
    assert figure.report.task == new and figure.report.unit == units["鼓东街道"]
    assert ProgressReport.objects.get(task=work["task"], unit=units["鼓东街道"], cycle=work["cycle"]).progress == "已拨付"
    assert list(work["plan"].tasks.order_by("position").values_list("ref", flat=True)) == ["1", "1.2"]


# --- a new plan, its upper plan and tasks ----------------------------------------------------------

def test_a_new_plan_is_kept_by_the_creators_office(work, office):
    plan = editing.do_create_plan(office, title="2027年协作方案", year=2027, kind=work["plan"].kind,
                                  doc_number="测〔2027〕1号")
    assert plan.office == work["units"]["区民政局"] and plan.state == Plan.State.ACTIVE
    assert last(plan.history).history_user == office and last(plan.history).history_change_reason == "新建方案"
    with pytest.raises(EditError) as error:
        editing.do_create_plan(office, title="又一个", year=2027, kind=work["plan"].kind, doc_number="测〔2027〕1号")
    assert error.value.field == "doc_number"
    with pytest.raises(PermissionDenied):
        editing.do_create_plan(work["people"]["reviewer"], title="审核员的方案", year=2027, kind=work["plan"].kind)


def test_the_upper_plan_and_task_are_set_and_checked(work, office, foreign_admin):
    from orgs.models import Programme

    city = Plan.objects.create(title="福州市方案", year=2026, kind=Programme.EAST_WEST, office=work["units"]["鼓楼区"])
    city_task = Task.objects.create(plan=city, ref="1", text="市级任务")
    editing.do_update_plan_facts(office, work["plan"], parent=city)
    editing.do_update_task(office, work["task"], upper_task=city_task)
    assert Task.objects.get(pk=work["task"].pk).upper_task == city_task
    own = Task.objects.create(plan=work["plan"], ref="2", text="本方案任务")
    with pytest.raises(EditError) as error:
        editing.do_update_task(office, work["task"], upper_task=own)
    assert error.value.field == "upper_task"
    with pytest.raises(EditError) as error:  # never itself
        editing.do_update_plan_facts(office, work["plan"], parent=work["plan"])
    assert error.value.field == "parent"
    foreign = Plan.objects.create(title="仓山区方案", year=2026, kind=Programme.EAST_WEST, office=work["units"]["仓山区民政局"])
    with pytest.raises(EditError) as error:  # a plan it may not read
        editing.do_update_plan_facts(office, work["plan"], parent=foreign)
    assert "无权查看" in error.value.message


def test_deleting_a_total_keeps_its_parts_as_totals(work, office):
    rows = [r for r in rows_of(work["task"]) if r["assignee"] is not None]  # the 100万元 total left out
    editing.do_set_targets(office, work["task"], rows, reason="只保留各街道指标")
    assert list(work["task"].targets.values_list("parent_id", flat=True)) == [None, None, None]
    assert work["task"].targets.count() == 3


def test_up_and_down_keep_to_the_tasks_list(client, work, office):
    from django.urls import reverse

    a1 = editing.do_add_task(office, work["plan"], ref="1", list_name="附件1", text="附件一第一项")
    a2 = editing.do_add_task(office, work["plan"], ref="2", list_name="附件1", text="附件一第二项")
    client.force_login(office)
    client.post(reverse("planning:task_move", args=[a1.pk]), {"direction": "up"})  # first of its list: stays
    client.post(reverse("planning:task_move", args=[a2.pk]), {"direction": "up"})
    order = list(work["plan"].tasks.order_by("position").values_list("list_name", "ref"))
    assert order == [("", "1"), ("附件1", "2"), ("附件1", "1")]


def test_a_target_with_figures_keeps_its_unit(work, office):
    report_on(work)
    rows = rows_of(work["task"])
    gudong = next(r for r in rows if r["assignee"] == work["units"]["鼓东街道"])
    gudong["assignee"] = work["units"]["鼓西街道"]
    with pytest.raises(EditError) as error:
        editing.do_set_targets(office, work["task"], rows)
    assert "不能改承担单位" in error.value.message
    assert Target.objects.get(pk=gudong["id"]).assignee == work["units"]["鼓东街道"]


# --- an annex's 合计 kept with the targets it sums (checks.totals) -----------------------------------

def _annex_findings(plan):
    from checks.services import findings_for_plan

    return [(f.code, f.ref, f.expected, f.found) for f in findings_for_plan(plan) if f.code.startswith("annex")]


def _with_annex(work, printed=100):
    """The task's three street targets as an annex column whose 合计 row printed `printed`."""
    task = work["task"]
    rows = list(task.targets.exclude(assignee=None).values_list("pk", flat=True))
    task.annex_totals = [{"metric": "社会帮扶资金", "value": printed, "unit": "万元", "targets": rows}]
    task.save()
    return rows


def test_an_annex_total_goes_with_its_rows_when_a_task_is_split(work, office):
    _with_annex(work, printed=110)
    before = _annex_findings(work["plan"])
    assert sorted(code for code, *_ in before) == ["annex_body", "annex_total"]
    total = work["task"].targets.get(assignee=None)
    new = editing.do_split_task(office, work["task"], ref="1.2", text="社会帮扶资金。", targets=[total], reason="资金单列")
    assert Task.objects.get(pk=new.pk).annex_totals[0]["value"] == 110
    assert Task.objects.get(pk=work["task"].pk).annex_totals is None
    assert _annex_findings(work["plan"]) == [(code, "1.2", expected, found) for code, _, expected, found in before]


def test_an_annex_total_goes_with_its_rows_when_tasks_are_merged(work, office):
    _with_annex(work, printed=110)
    before = _annex_findings(work["plan"])
    other = editing.do_add_task(office, work["plan"], ref="2", text="选派教师。", lead_units=[work["units"]["区教育局"]])
    keep = editing.do_merge_tasks(office, other, work["task"], reason="同一项工作")
    assert _annex_findings(work["plan"]) == [(code, keep.ref, expected, found) for code, _, expected, found in before]


def test_editing_an_annex_row_reruns_the_check(work, office):
    rows = _with_annex(work, printed="99.9")  # the three rows add up to it (3 × 33.3)
    task = work["task"]
    assert "annex_total" not in [code for code, *_ in _annex_findings(work["plan"])]
    table = [{"id": t.pk, "metric": t.metric, "quantity": t.quantity + (10 if t.pk == rows[0] else 0), "unit": t.unit,
              "comparator": t.comparator, "assignee": t.assignee, "parent": t.parent_id}
             for t in task.targets.order_by("position", "pk")]
    editing.do_set_targets(office, task, table, reason="改正")
    assert ("annex_total", task.ref) in [(code, ref) for code, ref, *_ in _annex_findings(work["plan"])]
