"""Units' own optional tasks (自选动作): a unit proposes one for a plan it has work in, the plan's
office accepts it — it joins the plan as a Task flagged 自选动作 with the unit as lead and its
figures as the unit's targets, and so enters this month's reporting — or returns it with a
reason, and the unit revises and submits it again.

One `do_*` per change, each in one transaction inside `acting(actor, reason)` so every row it
saves leaves a history row naming who and why. Each checks the actor's rights itself
(planning.access): a page, a command or a test calling it gets the same answer. Bad input raises
ProposalError with a Chinese message naming the field.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from history.records import acting
from notifications.services import notify
from plans.models import QUANTITY_DIGITS, QUANTITY_PLACES, Assignment, Target, Task
from planning import access
from planning.models import Proposal, ProposedFigure
from reporting.services import open_cycles

LIST_NAME = "自选动作"  # accepted proposals are numbered in a list of their own within the plan
MAX_FIGURES = 3


class ProposalError(Exception):
    """A proposal or decision that cannot be made, said in Chinese; `field` names the form field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Figure:
    metric: str
    quantity: Decimal
    unit: str


def parse_figures(rows: list[tuple[str, str, str]]) -> list[Figure]:
    """Rows of (指标, 数量, 计量单位) as typed; empty rows are skipped, a half-filled one is an
    error naming its row. Quantities are read exactly (Decimal), never rounded."""
    figures = []
    for number, (metric, quantity, unit) in enumerate(rows, start=1):
        metric, quantity, unit = (metric or "").strip(), (quantity or "").strip(), (unit or "").strip()
        if not (metric or quantity or unit):
            continue
        where = f"第{number}个指标"
        if not metric:
            raise ProposalError(f"{where}：请填写指标名称", field=f"metric_{number}")
        if not quantity:
            raise ProposalError(f"{where}（{metric}）：请填写数量", field=f"quantity_{number}")
        if not unit:
            raise ProposalError(f"{where}（{metric}）：请填写计量单位，如万元、人、个", field=f"unit_{number}")
        if unit in Target.NON_CANONICAL_UNITS:
            raise ProposalError(f"{where}（{metric}）：计量单位“{unit}”请换算为“{Target.NON_CANONICAL_UNITS[unit]}”",
                                field=f"unit_{number}")
        try:
            value = Decimal(quantity.replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise ProposalError(f"{where}（{metric}）：数量“{quantity}”不是数字", field=f"quantity_{number}") from None
        sign, digits, exponent = value.as_tuple()
        if not value.is_finite() or value < 0:
            raise ProposalError(f"{where}（{metric}）：数量须为不小于0的数字", field=f"quantity_{number}")
        if -exponent > QUANTITY_PLACES or len(digits) - max(-exponent, 0) > QUANTITY_DIGITS - QUANTITY_PLACES:
            raise ProposalError(f"{where}（{metric}）：数量“{quantity}”位数过多（最多{QUANTITY_PLACES}位小数）",
                                field=f"quantity_{number}")
        figures.append(Figure(metric, value, unit))
    return figures


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ProposalError("请填写自选动作内容", field="text")
    return text


def _set_figures(proposal: Proposal, figures: list[Figure]) -> None:
    proposal.figures.all().delete()
    for position, figure in enumerate(figures):
        ProposedFigure.objects.create(proposal=proposal, metric=figure.metric, quantity=figure.quantity,
                                      unit=figure.unit, position=position)


def _url(proposal: Proposal) -> str:
    return reverse("planning:proposal", args=[proposal.pk])


def _tell_office(proposal: Proposal, verb: str) -> None:
    notify(proposal.plan.office, f"{proposal.unit.name}{verb}自选动作“{proposal.text[:30]}”（{proposal.plan.title}），请审核。",
           url=_url(proposal))


def do_propose(actor, plan, *, text: str, measures: str = "", deadline: datetime.date | None = None,
               figures: list[Figure] = ()) -> Proposal:
    """The actor's unit proposes a 自选动作 for `plan`; the plan's office is told."""
    access.require(access.may_propose(actor, plan), "只有在本方案中有任务的单位可以申报自选动作")
    text = _text(text)
    with transaction.atomic(), acting(actor, "申报自选动作"):
        proposal = Proposal.objects.create(
            plan=plan, unit=actor.unit, text=text, measures=(measures or "").strip(), deadline=deadline,
            proposed_by=actor, submitted_at=timezone.now())
        _set_figures(proposal, list(figures))
        _tell_office(proposal, "申报了")
    return proposal


def do_revise(actor, proposal: Proposal, *, text: str, measures: str = "", deadline: datetime.date | None = None,
              figures: list[Figure] = ()) -> Proposal:
    """The unit changes its proposal while it awaits a decision, or after it was returned, and
    submits it again; the office is told."""
    access.require(access.may_revise(actor, proposal), "只有申报单位可以修改自己的自选动作申报")
    text = _text(text)
    with transaction.atomic(), acting(actor, "修改后重新提交自选动作"):
        locked = Proposal.objects.select_for_update(of=("self",)).select_related("plan__office", "unit").get(pk=proposal.pk)
        if locked.state == Proposal.State.ACCEPTED:
            raise ProposalError("该自选动作已被采纳，不能再修改；如需调整请联系协作办公室")
        locked.text, locked.measures, locked.deadline = text, (measures or "").strip(), deadline
        locked.state, locked.return_reason, locked.submitted_at = Proposal.State.SUBMITTED, "", timezone.now()
        locked.save()
        _set_figures(locked, list(figures))
        _tell_office(locked, "修改后重新提交了")
    return locked


def _deadline_text(deadline: datetime.date | None) -> str:
    return f"{deadline.year}年{deadline.month}月{deadline.day}日前" if deadline else "持续推进"


def do_accept(actor, proposal: Proposal) -> Task:
    """The office accepts: the proposal becomes a task of the plan flagged 自选动作, the unit its
    lead, each figure the unit's target; this month's report for it is opened at once, so it
    appears in the unit's 我的填报. The unit is told."""
    access.require(access.may_decide(actor, proposal.plan), "只有方案主办单位的管理员可以审核自选动作")
    with transaction.atomic(), acting(actor, "采纳自选动作"):
        locked = Proposal.objects.select_for_update(of=("self",)).select_related("plan", "unit").get(pk=proposal.pk)
        if locked.state != Proposal.State.SUBMITTED:
            raise ProposalError(f"该申报当前为“{locked.get_state_display()}”，只有待审核的申报可以采纳")
        plan, unit = locked.plan, locked.unit
        in_list = plan.tasks.filter(list_name=LIST_NAME).values_list("ref", flat=True)
        number = max([int(ref) for ref in in_list if ref.isdigit()], default=0) + 1
        position = (plan.tasks.aggregate(last=Max("position"))["last"] or 0) + 1
        task = Task.objects.create(
            plan=plan, list_name=LIST_NAME, ref=str(number), position=position, text=locked.text,
            measures=locked.measures, deadline=locked.deadline, deadline_text=_deadline_text(locked.deadline),
            optional=True, source_location=f"{unit.name}申报的自选动作")
        Assignment.objects.create(task=task, unit=unit, role=Assignment.Role.LEAD, printed_name=unit.name)
        for figure in locked.figures.all():
            Target.objects.create(task=task, metric=figure.metric, quantity=figure.quantity, unit=figure.unit,
                                  assignee=unit, assignee_printed=unit.name, position=figure.position)
        locked.state, locked.task, locked.decided_by, locked.decided_at = (
            Proposal.State.ACCEPTED, task, actor, timezone.now())
        locked.save()
        # The month already opened gets this task's report now, not at the next daily run.
        open_cycles(timezone.localdate(), [plan])
        notify(unit, f"您单位申报的自选动作“{locked.text[:30]}”已被采纳，已列入{plan.title}，请按月填报进度。",
               url=_url(locked))
    return task


def do_return(actor, proposal: Proposal, reason: str) -> Proposal:
    """The office returns the proposal with a reason; the unit is told and may revise it."""
    access.require(access.may_decide(actor, proposal.plan), "只有方案主办单位的管理员可以审核自选动作")
    reason = (reason or "").strip()
    if not reason:
        raise ProposalError("请填写退回原因", field="reason")
    with transaction.atomic(), acting(actor, f"退回：{reason}"):
        locked = Proposal.objects.select_for_update(of=("self",)).select_related("plan", "unit").get(pk=proposal.pk)
        if locked.state != Proposal.State.SUBMITTED:
            raise ProposalError(f"该申报当前为“{locked.get_state_display()}”，只有待审核的申报可以退回")
        locked.state, locked.return_reason = Proposal.State.RETURNED, reason
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.save()
        notify(locked.unit, f"您单位申报的自选动作“{locked.text[:30]}”被退回：{reason}。可修改后重新提交。",
               url=_url(locked))
    return locked
