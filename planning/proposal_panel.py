"""The plan page's 自选动作 section: a unit with work in the plan is offered to propose one; the
office keeping it sees how many await its decision."""

from django.urls import reverse
from django.utils.html import format_html

from planning import access
from planning.models import Proposal
from plans import panels


def plan_page(request, plan) -> str:
    user = request.user
    if access.may_propose(user, plan):
        return format_html('<section class="panel proposals-panel"><h2>自选动作</h2><p>本单位可在方案之外自行提出工作，'
                           '经协作办公室采纳后列入方案。<a href="{}">申报自选动作</a></p></section>',
                           reverse("planning:proposal_new", args=[plan.pk]))
    if access.may_decide(user, plan) or access.reads_for_office(user, plan):
        waiting = plan.proposals.filter(state=Proposal.State.SUBMITTED).count()
        return format_html('<section class="panel proposals-panel"><h2>自选动作</h2><p>各单位申报的自选动作：{} 件待审核。'
                           '<a href="{}?state=submitted">查看申报</a></p></section>',
                           waiting, reverse("planning:proposals"))
    return ""


panels.PLAN_PAGE.append(plan_page)
