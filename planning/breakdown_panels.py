"""The plan page's links to 预分解 and 承接 (plans.panels), for those who may use them: the plan's
office's admins see each target with what is left to break down; an office below the plan's
sees 承接此方案 (or the plan it already made)."""

from django.template.loader import render_to_string

from planning import access
from plans import panels
from plans.breakdown import build_breakdown
from plans.models import Plan, Target


def _nodes(plan: Plan) -> list:
    """Every total and every target already broken down, in the plan's order, with its remainder."""
    targets = list(Target.objects.filter(task__plan=plan).select_related("task", "assignee")
                   .order_by("task__position", "task_id", "position", "pk"))
    by_task: dict[int, list[Target]] = {}
    for target in targets:
        by_task.setdefault(target.task_id, []).append(target)
    rows = []

    def walk(node):
        if node.target.parent_id is None or node.parts:
            rows.append(node)
        for part in node.parts:
            walk(part)
    for task_targets in by_task.values():
        for root in build_breakdown(task_targets):
            walk(root)
    return rows


def plan_page(request, plan) -> str:
    user = request.user
    if access.may_break_down(user, plan):
        return render_to_string("planning/_plan_panel.html", {"plan": plan, "nodes": _nodes(plan)}, request=request)
    if access.upper_plans(user).filter(pk=plan.pk).exists():
        mine = Plan.objects.filter(office_id=user.unit_id, parent=plan).first()
        return render_to_string("planning/_implement_panel.html", {"plan": plan, "mine": mine}, request=request)
    return ""


panels.PLAN_PAGE.append(plan_page)
