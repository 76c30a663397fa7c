"""承接 pages: the upper plans this office may implement, and one plan's preview and form. Thin:
planning.access decides who may, planning.implement.do_implement_plan makes the plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from planning import access
from planning.implement import ImplementError, default_title, do_implement_plan, tasks_for_office
from plans.models import Plan


@login_required
@require_GET
def implement_list(request):
    access.require_planner(request.user)
    uppers = list(access.upper_plans(request.user).select_related("office").order_by("-year", "title"))
    done = {p.parent_id: p for p in Plan.objects.filter(office_id=request.user.unit_id, parent__in=uppers)}
    return render(request, "planning/implement_list.html", {
        "rows": [(plan, done.get(plan.pk)) for plan in uppers],
        "superuser_without_office": request.user.is_superuser and not access.is_office_admin(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def implement(request, pk):
    upper = access.upper_plan_for(request.user, pk)
    office = request.user.unit
    existing = Plan.objects.filter(office=office, parent=upper).first()
    title, doc_number = default_title(upper, office), ""
    error, field, status = None, None, 200
    if request.method == "POST":
        title, doc_number = request.POST.get("title", ""), request.POST.get("doc_number", "")
        try:
            plan = do_implement_plan(request.user, upper, title=title, doc_number=doc_number)
        except ImplementError as problem:
            error, field, status = problem.message, problem.field, 400
        else:
            messages.success(request, f"已承接上级方案，生成《{plan.title}》，共{plan.tasks.count()}项任务；"
                                      "请填写落实措施并预分解各项指标")
            return redirect("plans:detail", plan.pk)
    return render(request, "planning/implement.html", {
        "upper": upper, "office": office, "taken": tasks_for_office(upper, office), "existing": existing,
        "title": title, "doc_number": doc_number, "error": error, "field": field}, status=status)
