"""The 自选动作 pages: a unit proposes and revises, the office accepts or returns. Thin: who may see
what is planning.access, every change a planning.proposals action. A GET never writes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from planning import access
from planning.models import Proposal
from planning.proposal_forms import ProposalForm, ReturnForm
from planning.proposals import ProposalError, do_accept, do_propose, do_return, do_revise, parse_figures


def _attempt(form, action):
    """Run an action; its ProposalError becomes the form's error beside the field."""
    try:
        return action()
    except ProposalError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def _status(request) -> int:
    return 400 if request.method == "POST" else 200


@login_required
def proposals(request):
    """The unit's own proposals and the plans it may propose for; the office's proposals to decide."""
    rows = access.proposals_visible_to(request.user).prefetch_related("figures")
    state = request.GET.get("state", "")
    if state in Proposal.State.values:
        rows = rows.filter(state=state)
    return render(request, "planning/proposals.html", {
        "proposals": rows[:500], "state": state, "states": Proposal.State.choices,
        "plans": access.plans_to_propose_for(request.user)})


@login_required
def proposal_new(request, plan_pk):
    plan = access.plan_for_proposing(request.user, plan_pk)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposal = _attempt(form, lambda: do_propose(
            request.user, plan, text=data["text"], measures=data["measures"], deadline=data["deadline"],
            figures=parse_figures(form.figure_input())))
        if proposal is not None:
            messages.success(request, "自选动作已提交，等待协作办公室审核。")
            return redirect("planning:proposal", proposal.pk)
    return render(request, "planning/proposal_form.html", {"form": form, "plan": plan}, status=_status(request))


def _page(request, proposal, form=None, return_form=None, status=200):
    may_revise = access.may_revise(request.user, proposal) and proposal.state != Proposal.State.ACCEPTED
    may_decide = access.may_decide(request.user, proposal.plan) and proposal.state == Proposal.State.SUBMITTED
    if may_revise and form is None:
        form = ProposalForm(initial=ProposalForm.initial_for(proposal))
    return render(request, "planning/proposal.html", {
        "proposal": proposal, "figures": proposal.figures.all(), "form": form if may_revise else None,
        "may_decide": may_decide, "return_form": return_form or ReturnForm()}, status=status)


@login_required
def proposal_detail(request, pk):
    """The proposal; a POST is the unit revising it (and submitting it again)."""
    proposal = access.proposal_for(request.user, pk)
    if request.method != "POST":
        return _page(request, proposal)
    access.require(access.may_revise(request.user, proposal), "只有申报单位可以修改自己的自选动作申报")
    form = ProposalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = _attempt(form, lambda: do_revise(
            request.user, proposal, text=data["text"], measures=data["measures"], deadline=data["deadline"],
            figures=parse_figures(form.figure_input())))
        if done is not None:
            messages.success(request, "已修改并重新提交，等待协作办公室审核。")
            return redirect("planning:proposal", proposal.pk)
    return _page(request, proposal, form=form, status=400)


@login_required
@require_POST
def proposal_accept(request, pk):
    proposal = access.proposal_for(request.user, pk)
    access.require(access.may_decide(request.user, proposal.plan), "只有方案主办单位的管理员可以审核自选动作")
    try:
        task = do_accept(request.user, proposal)
    except ProposalError as error:
        messages.error(request, "未采纳：" + error.message)
    else:
        messages.success(request, f"已采纳，列入方案“{task.list_name}”第{task.ref}项，{proposal.unit.name}本月起按月填报。")
    return redirect("planning:proposal", proposal.pk)


@login_required
@require_POST
def proposal_return(request, pk):
    proposal = access.proposal_for(request.user, pk)
    access.require(access.may_decide(request.user, proposal.plan), "只有方案主办单位的管理员可以审核自选动作")
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            do_return(request.user, proposal, form.cleaned_data["reason"])
        except ProposalError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"已退回{proposal.unit.name}，对方可修改后重新提交。")
            return redirect("planning:proposal", proposal.pk)
    return _page(request, proposal, return_form=form, status=400)
