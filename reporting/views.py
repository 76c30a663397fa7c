"""Reporting pages: my work, one report, the review queue. Thin: the rules are
in access.py (who) and services.py (what)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.roles import Role
from orgs.models import Unit
from plans.models import Plan
from reporting import access, evidence, services
from reporting.models import ProgressReport, ReportingCycle
from reporting.queries import my_work_rows, review_rows

Status = ProgressReport.Status


@login_required
def my_work(request):
    """The reporter's month: every task and target of the unit for the current cycle."""
    today = timezone.localdate()
    services.open_cycles(today, Plan.objects.filter(tasks__assignments__isnull=False).distinct())
    rows = my_work_rows(request.user, today)
    return render(request, "reporting/my_work.html", {"rows": rows, "today": today})


@login_required
def report(request, pk):
    item = access.report_for(request.user, pk)
    can_edit = access.may_edit(request.user, item) and item.status in (Status.PENDING, Status.RETURNED)
    targets = services.targets_of(item)
    error = None
    if request.method == "POST":
        access.require(access.may_edit(request.user, item), "只有本单位的填报员可以填写本报告")
        try:
            item = services.save_report(
                item, user=request.user, version=int(request.POST.get("version", -1)),
                figures={t.pk: request.POST.get(f"target_{t.pk}", "") for t in targets},
                progress=request.POST.get("progress", ""), problems=request.POST.get("problems", ""),
                next_steps=request.POST.get("next_steps", ""),
            )
        except services.WorkflowError as problem:
            error = problem
        else:
            if "submit" in request.POST:
                try:
                    services.submit_report(item, user=request.user, today=timezone.localdate())
                except services.WorkflowError as problem:
                    error = problem
                else:
                    messages.success(request, "已提交，等待审核。")
                    return redirect("reporting:report", pk=item.pk)
            if error is None:
                messages.success(request, "已保存。")
                return redirect("reporting:report", pk=item.pk)
    figures = {f.target_id: f.cumulative_value for f in item.figures.all()}
    earlier = services.previous(item)
    earlier_figures = {f.target_id: f.cumulative_value for f in earlier.figures.all()} if earlier else {}
    posted = request.POST if error else None
    return render(request, "reporting/report.html", {
        "report": item, "can_edit": can_edit, "error": error, "posted": posted,
        "status_label": item.status_label(timezone.localdate()),
        "targets": [{"target": t, "value": (posted.get(f"target_{t.pk}") if posted else figures.get(t.pk)),
                     "last": earlier_figures.get(t.pk), "invalid": bool(error and error.field == f"target_{t.pk}")}
                    for t in targets],
        "previous": earlier,
        "events": item.events.select_related("actor"),
        "evidence": item.evidence.select_related("uploaded_by"),
        "evidence_max_mb": evidence.max_megabytes(),
        "can_review": access.may_review(request.user, item) and item.status == Status.SUBMITTED,
        "can_reopen": access.may_reopen(request.user, item) and item.status == Status.APPROVED,
    })


@login_required
def review(request):
    """The office's queue: reports of its plans, filterable, approved many at a time."""
    access.require(request.user.is_superuser or any(request.user.has_role(r) for r in (Role.REVIEWER, Role.OFFICE_ADMIN, Role.LEADER)),
                   "只有审核员、管理员和领导可以查看审核列表")
    status = request.GET.get("status", Status.SUBMITTED)
    rows = review_rows(request.user, status=status or None, cycle_id=request.GET.get("cycle") or None,
                       unit_id=request.GET.get("unit") or None, month=request.GET.get("month") or None)
    return render(request, "reporting/review.html", {
        "rows": rows, "status": status, "statuses": Status.choices, "today": timezone.localdate(),
        "may_review": request.user.is_superuser or request.user.has_role(Role.REVIEWER) or request.user.has_role(Role.OFFICE_ADMIN),
    })


@login_required
@require_POST
def approve(request):
    reports = [access.report_for(request.user, int(pk)) for pk in request.POST.getlist("reports") if pk.isdigit()]
    for item in reports:
        access.require(access.may_review(request.user, item), "只能审核本办公室方案的报告")
    if not reports:
        messages.error(request, "请先勾选要审核通过的报告。")
        return redirect("reporting:review")
    try:
        count = services.approve_reports(reports, reviewer=request.user)
    except services.WorkflowError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, f"已审核通过 {count} 份报告。")
    return redirect(request.POST.get("next") or "reporting:review")


@login_required
@require_POST
def return_report(request, pk):
    item = access.report_for(request.user, pk)
    access.require(access.may_review(request.user, item), "只能审核本办公室方案的报告")
    try:
        services.return_report(item, reviewer=request.user, comment=request.POST.get("comment", ""))
    except services.WorkflowError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, f"已退回{item.unit.name}，对方已收到通知。")
    return redirect("reporting:report", pk=item.pk)


@login_required
@require_POST
def reopen(request, pk):
    item = access.report_for(request.user, pk)
    access.require(access.may_reopen(request.user, item), "只有协作办公室管理员可以重新开放已审核的填报")
    unit = get_object_or_404(Unit, pk=item.unit_id)
    cycle = get_object_or_404(ReportingCycle, pk=item.cycle_id)
    try:
        count = services.reopen_period(unit, cycle, admin=request.user, reason=request.POST.get("reason", ""))
    except services.WorkflowError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, f"已重新开放{unit.name}{cycle.label}的 {count} 份报告。")
    return redirect("reporting:report", pk=item.pk)
