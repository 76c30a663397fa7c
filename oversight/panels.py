"""The plan page's progress section: each task's completion and light this month."""

from django.template.loader import render_to_string
from django.utils import timezone

from plans import panels
from oversight import access
from oversight.snapshot import build_snapshot


def plan_page(request, plan) -> str:
    if not access.plans_visible_to(request.user, include_inactive=True).filter(pk=plan.pk).exists():
        return ""
    snapshot = build_snapshot([plan], None, timezone.localdate())
    rows = [(task, snapshot.by_task.get(task.id)) for task in snapshot.tasks.values()]
    return render_to_string("oversight/_plan_panel.html", {
        "plan": plan, "snapshot": snapshot, "rows": rows,
    }, request=request)


panels.PLAN_PAGE.append(plan_page)
