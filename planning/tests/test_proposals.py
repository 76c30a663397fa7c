"""Units' own optional tasks (自选动作): a street proposes, the office accepts or returns, the
accepted task joins the plan and this month's reporting."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from notifications.models import Notification
from orgs.models import Unit
from planning.models import Proposal
from planning.proposals import (
    LIST_NAME, ProposalError, do_accept, do_propose, do_return, do_revise, parse_figures,
)
from plans.models import Assignment, Plan
from reporting.models import ProgressReport
from reporting.targets import targets_of
from reporting.tests.conftest import person, work  # noqa: F401  (fixtures)


@pytest.fixture
def proposal(work):
    return do_propose(work["people"]["gudong"], work["plan"], text="开展鼓东街道消费帮扶进社区活动",
                      measures="每季度组织一次展销", deadline=datetime.date(2026, 12, 31),
                      figures=parse_figures([("消费帮扶销售额", "20.5", "万元"), ("", "", ""), ("参与企业", "3", "家")]))


def test_a_street_proposes_and_the_office_is_told(work, proposal):
    assert (proposal.state, proposal.unit, proposal.plan) == (Proposal.State.SUBMITTED, work["units"]["鼓东街道"], work["plan"])
    assert [(f.metric, f.quantity, f.unit) for f in proposal.figures.all()] == [
        ("消费帮扶销售额", Decimal("20.5"), "万元"), ("参与企业", Decimal(3), "家")]
    told = Notification.objects.filter(message__contains="鼓东街道申报了自选动作“开展鼓东街道消费帮扶进社区活动”")
    assert set(told.values_list("user__username", flat=True)) == {"office", "reviewer"}
    assert told.first().url == f"/planning/proposals/{proposal.pk}/"
    record = proposal.history.get()
    assert (record.history_user, record.history_change_reason) == (work["people"]["gudong"], "申报自选动作")


def test_accepting_adds_an_optional_task_led_by_the_unit_with_its_targets_in_this_months_reporting(work, proposal):
    office, street = work["people"]["office"], work["units"]["鼓东街道"]
    task = do_accept(office, proposal)
    proposal.refresh_from_db()
    assert (proposal.state, proposal.task, proposal.decided_by) == (Proposal.State.ACCEPTED, task, office)
    assert (task.plan, task.list_name, task.ref, task.optional) == (work["plan"], LIST_NAME, "1", True)
    assert (task.text, task.measures, task.deadline, task.deadline_text) == (
        "开展鼓东街道消费帮扶进社区活动", "每季度组织一次展销", datetime.date(2026, 12, 31), "2026年12月31日前")
    assert list(task.assignments.values_list("unit__name", "role")) == [("鼓东街道", Assignment.Role.LEAD)]
    assert [(t.metric, t.quantity, t.unit, t.assignee) for t in task.targets.all()] == [
        ("消费帮扶销售额", Decimal("20.5"), "万元", street), ("参与企业", Decimal(3), "家", street)]
    # November is open: the street's report for the new task is there now, with its own targets.
    report = ProgressReport.objects.get(cycle=work["cycle"], task=task)
    assert report.unit == street and [t.metric for t in targets_of(report)] == ["消费帮扶销售额", "参与企业"]
    assert Notification.objects.filter(user=work["people"]["gudong"], message__contains="已被采纳").exists()
    assert task.history.get().history_user == office and proposal.history.first().history_change_reason == "采纳自选动作"
    # A second accepted proposal is the list's next number.
    second = do_propose(work["people"]["guxi"], work["plan"], text="组织志愿者帮扶", figures=[])
    assert do_accept(office, second).ref == "2"
    with pytest.raises(ProposalError, match="已采纳"):
        do_accept(office, proposal)
    with pytest.raises(ProposalError, match="已被采纳，不能再修改"):
        do_revise(work["people"]["gudong"], proposal, text="改")


def test_a_returned_proposal_needs_a_reason_and_is_revised_and_submitted_again(work, proposal):
    office, gudong = work["people"]["office"], work["people"]["gudong"]
    with pytest.raises(ProposalError, match="请填写退回原因"):
        do_return(office, proposal, "  ")
    returned = do_return(office, proposal, "指标偏低，请提高到30万元")
    assert (returned.state, returned.return_reason) == (Proposal.State.RETURNED, "指标偏低，请提高到30万元")
    assert Notification.objects.filter(user=gudong, message__contains="被退回：指标偏低，请提高到30万元").exists()
    with pytest.raises(ProposalError, match="只有待审核的申报可以采纳"):
        do_accept(office, returned)
    revised = do_revise(gudong, returned, text="开展鼓东街道消费帮扶进社区活动", measures="每月组织一次展销",
                        figures=parse_figures([("消费帮扶销售额", "30", "万元")]))
    assert (revised.state, revised.return_reason, revised.deadline) == (Proposal.State.SUBMITTED, "", None)
    assert [(f.metric, f.quantity) for f in revised.figures.all()] == [("消费帮扶销售额", Decimal(30))]
    reasons = list(revised.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert reasons == ["申报自选动作", "退回：指标偏低，请提高到30万元", "修改后重新提交自选动作"]
    assert do_accept(office, revised).targets.get().quantity == Decimal(30)


def test_only_the_plans_office_admins_decide(work, proposal):
    units = work["units"]
    others = [work["people"]["reviewer"], work["people"]["gudong"], work["people"]["leader"],
              person("cangshan_admin", units["仓山区民政局"], Role.OFFICE_ADMIN)]
    for someone in others:
        with pytest.raises(PermissionDenied):
            do_accept(someone, proposal)
        with pytest.raises(PermissionDenied):
            do_return(someone, proposal, "不行")
    assert Proposal.objects.get().state == Proposal.State.SUBMITTED and not work["plan"].tasks.filter(optional=True).exists()


def test_only_units_with_work_in_the_live_plan_propose(work, proposal):
    units, plan = work["units"], work["plan"]
    education = person("jiaoyu", units["区教育局"], Role.REPORTER)  # no work in the plan
    for someone in (work["people"]["office"], work["people"]["reviewer"], work["people"]["leader"], education):
        with pytest.raises(PermissionDenied):
            do_propose(someone, plan, text="自选")
    with pytest.raises(PermissionDenied):  # another unit's proposal is not the street's to revise
        do_revise(work["people"]["guxi"], proposal, text="改")
    Plan.objects.filter(pk=plan.pk).update(state=Plan.State.ARCHIVED)
    plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        do_propose(work["people"]["gudong"], plan, text="自选")



def test_a_proposal_without_text_is_refused(work):
    with pytest.raises(ProposalError, match="请填写自选动作内容"):
        do_propose(work["people"]["gudong"], work["plan"], text=" ")
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("rows, message, field", [
    ([("社会帮扶资金", "", "万元")], "第1个指标（社会帮扶资金）：请填写数量", "quantity_1"),
    ([("", "", ""), ("", "5", "人")], "第2个指标：请填写指标名称", "metric_2"),
    ([("社会帮扶资金", "200000", "元")], "计量单位“元”请换算为“万元”", "unit_1"),
    ([("培训人数", "五十", "人")], "数量“五十”不是数字", "quantity_1"),
    ([("培训人数", "-3", "人")], "数量须为不小于0的数字", "quantity_1"),
    ([("社会帮扶资金", "1.1234567", "万元")], "最多6位小数", "quantity_1"),
    ([("社会帮扶资金", "12", "")], "请填写计量单位", "unit_1"),
])
def test_figures_typed_wrong_are_refused_naming_the_row(rows, message, field):
    with pytest.raises(ProposalError, match=message) as refused:
        parse_figures(rows)
    assert refused.value.field == field


def test_figures_are_read_exactly():
    assert parse_figures([("社会帮扶资金", "1,234.567891", "万元")])[0].quantity == Decimal("1234.567891")


def test_a_group_member_with_work_only_through_its_group_may_propose(work):
    # Without a target of its own, 洪山镇 still has work: 三街镇, its group, is the task's partner.
    street = Unit.objects.get(name="洪山镇")
    work["plan"].tasks.get().targets.filter(assignee=street).delete()
    reporter = person("hongshan", street, Role.REPORTER)
    assert do_propose(reporter, work["plan"], text="洪山镇自选动作").unit == street
