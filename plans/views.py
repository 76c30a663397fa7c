from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from plans import access, panels
from plans.models import Plan
from plans.queries import ALL_STATES, group_by_list, plan_task_rows, plans_for_list, state_counts
from plans.services import do_change_plan_state, state_history

STATE_TABS = [(Plan.State.ACTIVE, "执行中"), (Plan.State.REFERENCE, "参考"), (Plan.State.ARCHIVED, "已归档"),
              (ALL_STATES, "全部")]


@login_required
def plan_list(request):
    state = request.GET.get("state", Plan.State.ACTIVE)
    if state not in dict(STATE_TABS):
        state = Plan.State.ACTIVE
    search = request.GET.get("q", "").strip()
    visible = access.plans_visible_to(request.user)
    counts = state_counts(visible)
    return render(request, "plans/plan_list.html", {
        "plans": plans_for_list(visible, state, search), "state": state, "search": search,
        "tabs": [(value, label, counts[value]) for value, label in STATE_TABS], "total": counts[ALL_STATES],
    })


@login_required
def plan_detail(request, pk):
    plan = access.plan_for(request.user, pk)
    visible = access.plans_visible_to(request.user)
    rows = plan_task_rows(plan)
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "lists": group_by_list(rows),
        "task_count": len(rows),
        "archived": plan_task_rows(plan, archived=True),  # kept with their reports, out of the work
        "parent_visible": bool(plan.parent_id) and visible.filter(pk=plan.parent_id).exists(),
        "implementing": plan.implementing_plans.filter(pk__in=visible.values("pk")),
        "panels": panels.render(panels.PLAN_PAGE, request, plan),
        "may_change_state": access.may_change_state(request.user, plan),
        "states": Plan.State.choices,
        "state_history": state_history(plan),
    })


@login_required
@require_POST
def change_state(request, pk):
    plan = access.plan_for(request.user, pk)
    access.require(access.may_change_state(request.user, plan), "只有主办单位的管理员可以更改方案状态")
    try:
        do_change_plan_state(plan, request.POST.get("state", ""), user=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, "未更改方案状态：" + "；".join(error.messages))
    else:
        messages.success(request, f"方案状态已改为“{plan.get_state_display()}”。")
    return redirect("plans:detail", pk=plan.pk)
