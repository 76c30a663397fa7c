from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from plans import panels
from plans.models import Plan
from plans.queries import group_by_list, plan_task_rows, plans_for_list


@login_required
def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": plans_for_list()})


@login_required
def plan_detail(request, pk):
    plan = get_object_or_404(Plan.objects.select_related("parent", "office"), pk=pk)
    rows = plan_task_rows(plan)
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "lists": group_by_list(rows),
        "task_count": len(rows),
        "implementing": plan.implementing_plans.all(),
        "panels": panels.render(panels.PLAN_PAGE, request, plan),
    })
