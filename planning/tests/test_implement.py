"""承接: 区民政局 (鼓楼区's office) implements the city plan: the tasks given to 鼓楼区, each linked
to its upper task, each figure for 鼓楼区 to its upper target; one transaction, audited."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from planning.implement import ImplementError, default_title, do_implement_plan, tasks_for_office
from plans.models import Plan, Target, Task

from planning.tests.breakdown_fixtures import city  # noqa: F401  (fixture)


def implement(city, **kwargs):
    upper, office = city["upper"], city["people"]["office"]
    return do_implement_plan(office, upper, title=kwargs.pop("title", default_title(upper, office.unit)), **kwargs)


def test_the_tasks_given_to_the_district_come_across_linked_to_their_upper_tasks_and_targets(city):
    plan = implement(city, doc_number="鼓委振兴办〔2026〕1号")
    upper = city["upper"]
    assert (plan.parent, plan.office, plan.year, plan.kind) == (upper, city["units"]["区民政局"], 2026, upper.kind)
    assert plan.title == "2026年鼓楼区落实《2026年闽宁协作福州市重点工作任务分工方案》任务分工方案"
    assert plan.references == ["榕委振兴组〔2026〕3号"]
    tasks = list(plan.tasks.order_by("position"))
    # Rows 8, 18 and 23 name 鼓楼区 and set it a figure; row 1 (市委办公厅…) is not the district's.
    assert [(t.list_name, t.ref, t.upper_task.ref) for t in tasks] == [("附件1", "1", "8"), ("附件1", "2", "18"),
                                                                        ("附件1", "3", "23")]
    funds = tasks[2]
    upper_task = funds.upper_task
    assert funds.text == upper_task.text and funds.measures == ""  # 下达任务 beside the measures to write
    assert (funds.deadline, funds.deadline_text) == (upper_task.deadline, "10月底前")
    assert funds.source_location == "承接榕委振兴组〔2026〕3号 附件第23项"
    [target] = funds.targets.all()
    upper_target = upper_task.targets.get(assignee__name="鼓楼区")
    assert target.upper_target == upper_target and upper_target.parent.quantity == Decimal(2700)
    assert (target.metric, target.quantity, target.unit, target.assignee.name, target.parent) == (
        "社会帮扶资金", Decimal(300), "万元", "鼓楼区", None)
    # 鼓楼区党委、政府 is the district itself, not a unit to assign: no assignments come across.
    assert not funds.assignments.exists()
    assert [t.quantity for t in Target.objects.filter(task__plan=plan).order_by("task__position")] == [
        Decimal(8000), Decimal(11), Decimal(300)]


def test_implementing_is_one_audited_act_and_opens_the_plans_months(city, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = implement(city)
    assert plan.cycles.filter(label="2026年11月").exists()
    office = city["people"]["office"]
    reason = "承接上级方案：2026年闽宁协作福州市重点工作任务分工方案（榕委振兴组〔2026〕3号）"
    for record in (plan.history.get(), *Task.history.filter(plan_id=plan.pk), *Target.history.filter(
            task__plan_id=plan.pk)):
        assert (record.history_user, record.history_change_reason, record.history_type) == (office, reason, "+")
    assert Target.history.filter(task__plan_id=plan.pk).count() == 3


def test_a_unit_of_the_district_named_by_the_upper_plan_comes_across_as_assigned(city):
    upper_task = city["upper"].tasks.get(ref="1")
    upper_task.assignments.create(unit=city["units"]["区教育局"], role="partner", position=9)
    plan = implement(city)
    task = plan.tasks.get(upper_task=upper_task)
    assert [(a.unit.name, a.role) for a in task.assignments.all()] == [("区教育局", "partner")]
    assert not task.targets.exists()


def test_the_upper_plans_own_breakdown_below_the_district_comes_across_as_parts(city):
    upper_total = city["upper"].tasks.get(ref="23").targets.get(assignee__name="鼓楼区")
    Target.objects.create(task=upper_total.task, parent=upper_total, position=99, metric="社会帮扶资金",
                          quantity=Decimal(30), unit="万元", assignee=city["units"]["鼓东街道"])
    plan = implement(city)
    total = Target.objects.get(task__plan=plan, upper_target=upper_total)
    [part] = total.parts.all()
    assert (part.assignee.name, part.quantity, part.upper_target.parent) == ("鼓东街道", Decimal(30), upper_total)


def test_implementing_twice_or_without_a_title_is_refused_and_writes_nothing(city):
    with pytest.raises(ImplementError, match="请填写方案标题"):
        implement(city, title=" ")
    plan = implement(city)
    with pytest.raises(ImplementError, match="本办公室已承接该方案"):
        implement(city, title="再来一次")
    assert Plan.objects.filter(parent=city["upper"]).count() == 1 and plan.tasks.count() == 3


def test_only_an_office_below_may_implement(city):
    upper = city["upper"]
    with pytest.raises(PermissionDenied):
        do_implement_plan(city["people"]["street"], upper, title="街道承接")
    with pytest.raises(PermissionDenied):
        do_implement_plan(city["people"]["reviewer"], upper, title="审核员承接")
    own = implement(city)
    with pytest.raises(Http404):  # an office's own plan is not above it
        do_implement_plan(city["people"]["office"], own, title="自己承接自己")
    # 仓山区's office implements the same city plan for 仓山区: its own tasks, its own plan.
    cangshan = do_implement_plan(city["people"]["cangshan"], upper, title="仓山区落实方案")
    assert [t.upper_task.ref for t in cangshan.tasks.all()] == ["8", "18", "23"]
    assert cangshan.tasks.get(upper_task__ref="23").targets.get().upper_target.assignee.name == "仓山区"


def test_tasks_for_office_skips_a_plan_with_nothing_for_the_district(city):
    office = city["people"]["office"].unit
    assert [item.task.ref for item in tasks_for_office(city["upper"], office)] == ["8", "18", "23"]
    city["upper"].tasks.exclude(ref="1").delete()
    with pytest.raises(ImplementError, match="上级方案中没有下达给鼓楼区的任务"):
        implement(city)
