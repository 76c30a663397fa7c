"""Reporting pages: my work, one report, the review queue. Thin: the rules are
in access.py (who) and services.py (what)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.redirects import local_next
from orgs.models import Unit
from plans import panels as plan_panels
from reporting import access, derived, evidence, evidence_views, panels, review_queue, services
from reporting.models import ProgressReport, ReportingCycle
from reporting.queries import my_work_rows, parse_filters
from reporting.validation import last_counted
from xiezuo.xlsx import list_workbook, xlsx_response

Status = ProgressReport.Status


@login_required
def my_work(request):
    """The reporter's month: this month's reports, earlier months still open (已退回 and 已逾期
    first), and the unit's history, filtered by plan and month. Reads only: cycles are opened by
    the daily command and when a plan is imported, never by a page."""
    today = timezone.localdate()
    plan_id, month, errors = parse_filters(request.GET)
    work = my_work_rows(request.user, today, plan_id=plan_id, month=month, page=request.GET.get("page") or 1)
    work.errors = errors
    return render(request, "reporting/my_work.html", {"work": work, "rows": work.current, "today": today,
                                                       "panels": plan_panels.render(panels.MY_WORK, request)})


@login_required
def report(request, pk):
    """One report. Its page is one form, top to bottom: figures, progress, evidence, then 保存 /
    保存并提交审核 at the bottom, so evidence chosen last is uploaded with the same click."""
    item = access.report_for(request.user, pk)
    may_edit = access.may_edit(request.user, item)
    targets = services.targets_of(item)
    # Targets computed from rows another app keeps (a detail ledger): shown, never typed.
    computed = derived.shown_on_report(item, targets, timezone.localdate())
    error = None
    if request.method == "POST":
        access.require(may_edit, "只有本单位的填报员可以填写本报告")
        item, error, done = _post_report(request, item, [t for t in targets if t.pk not in computed])
        if done:
            return done
    can_edit = may_edit and item.status in (Status.PENDING, Status.RETURNED)
    saved = {f.target_id: f for f in item.figures.all()}
    earlier = services.previous(item)
    # The figure the unit had counted before this month (a draft does not count), as the warnings use.
    counted_before = {pk: last_counted(months) for pk, months in services.figure_history(item, targets).items()}
    posted = request.POST if error else None
    evidence_items = list(item.evidence.select_related("uploaded_by"))
    return render(request, "reporting/report.html", {
        "report": item, "can_edit": can_edit, "error": error, "posted": posted,
        "status_label": item.status_label(timezone.localdate()),
        "targets": _figure_rows(targets, saved, counted_before, posted, error, computed),
        "previous": earlier,
        "events": item.events.select_related("actor"),
        "evidence": evidence_items,
        "evidence_max_mb": evidence.max_megabytes(),
        "evidence_required": services.evidence_required(item.task, getattr(item.cycle.plan, "reporting_schedule", None)),
        "can_add_evidence": may_edit and item.status != Status.APPROVED,
        "can_withdraw": may_edit and item.status == Status.SUBMITTED,
        # Asked after a submit without evidence where none is required (a GET that only shows).
        "confirm_no_evidence": can_edit and not evidence_items and request.GET.get("confirm") == "submit",
        "can_review": access.may_review(request.user, item) and item.status == Status.SUBMITTED,
        "can_reopen": access.may_reopen(request.user, item) and item.status == Status.APPROVED,
    })


def _figure_rows(targets, saved, counted_before, posted, error, computed) -> list[dict]:
    """Each target's input: the figure (as typed, after an error), the last counted one, the warnings
    stored at the last save and the explanation (说明) beside them; or, for a computed target, its
    value and where it comes from (`computed`, reporting.derived)."""
    rows = []
    for t in targets:
        figure = saved.get(t.pk)
        rows.append({
            "target": t, "value": posted.get(f"target_{t.pk}") if posted else (figure.cumulative_value if figure else None),
            "last": counted_before.get(t.pk), "invalid": bool(error and error.field == f"target_{t.pk}"),
            "warnings": figure.warnings if figure else [],
            "explanation": posted.get(f"explain_{t.pk}", "") if posted else (figure.explanation if figure else ""),
            "explain_invalid": bool(error and error.field == f"explain_{t.pk}"),
            "computed": computed.get(t.pk),
        })
    return rows


def _post_report(request, item, targets):
    """Save what was typed (when the fields were open), then add or remove evidence, then submit.
    Returns the report, an error to show on the page, and a response when done."""
    back = redirect("reporting:report", pk=item.pk)
    if "progress" in request.POST:  # the fields are sent only while the report is open to edit
        try:
            item = services.save_report(
                item, user=request.user, version=int(request.POST.get("version", -1)),
                figures={t.pk: request.POST.get(f"target_{t.pk}", "") for t in targets},
                progress=request.POST.get("progress", ""), problems=request.POST.get("problems", ""),
                next_steps=request.POST.get("next_steps", ""),
                explanations={t.pk: request.POST.get(f"explain_{t.pk}", "") for t in targets},
            )
        except services.WorkflowError as problem:
            return item, problem, None
    added = evidence_views.add_posted(request, item)
    removing = request.POST.get("remove_evidence", "")
    if removing.isdigit():
        gone = access.evidence_for(request.user, int(removing))
        access.require(gone.report_id == item.pk, "只能删除本报告的佐证材料")
        evidence_views.remove_posted(request, gone)
        return item, None, redirect(f"{back.url}#evidence")
    if "submit" in request.POST and added is not False:
        if not request.POST.get("confirm_no_evidence") and not item.evidence.exists():
            schedule = getattr(item.cycle.plan, "reporting_schedule", None)
            if not services.evidence_required(item.task, schedule):
                messages.info(request, "已保存。")
                return item, None, redirect(f"{back.url}?confirm=submit#submit-box")
        try:
            services.submit_report(item, user=request.user, today=timezone.localdate())
        except services.WorkflowError as problem:
            return item, problem, None
        messages.success(request, "已提交，等待审核。审核前如需修改，可以撤回。")
        return item, None, back
    if added is None and "upload" in request.POST:
        messages.error(request, "请选择要上传的文件，或填写链接（如新闻报道的网址）。")
    elif added is None:
        messages.success(request, "已保存。")
    return item, None, redirect(f"{back.url}#evidence") if added is not None or "upload" in request.POST else back


@login_required
@require_POST
def withdraw(request, pk):
    """A submitted report taken back by its unit before review: a draft again."""
    item = access.report_for(request.user, pk)
    access.require(access.may_edit(request.user, item), "只有本单位的填报员可以撤回本报告")
    try:
        services.withdraw_report(item, user=request.user, version=int(request.POST.get("version", -1)))
    except services.WorkflowError as problem:
        messages.error(request, f"未撤回：{problem.message}")
    else:
        messages.success(request, "已撤回，报告改为待填报，可以修改后重新提交。")
    return redirect("reporting:report", pk=item.pk)


@login_required
def review(request):
    """The office's queue: reports of its plans with their figures and warnings, filterable,
    approved many at a time."""
    _require_queue(request.user)
    filters = review_queue.Filters.from_query(request.GET)
    return render(request, "reporting/review.html", {
        "rows": review_queue.review_rows(request.user, filters), "limit": review_queue.LIMIT,
        "status": filters.status or "", "statuses": Status.choices, "today": timezone.localdate(),
        "export_query": request.GET.urlencode(),
        "may_review": access.may_review_any(request.user),
    })


@login_required
def review_export(request):
    """The queue as shown, as an Excel workbook: same filters, same people, reads only."""
    _require_queue(request.user)
    filters = review_queue.Filters.from_query(request.GET)
    rows = review_queue.review_rows(request.user, filters)
    today = timezone.localdate()
    note = f"导出于{today:%Y-%m-%d}，共{len(rows)}份报告" + (f"（仅前{review_queue.LIMIT}份，请缩小筛选范围）" if len(rows) >= review_queue.LIMIT else "")
    content = list_workbook("审核列表", review_queue.HEADERS, review_queue.sheet_rows(rows), note=note)
    return xlsx_response(review_queue.filename(filters, today), content)


def _require_queue(user) -> None:
    access.require(access.may_use_review_queue(user), "只有审核员、管理员和领导可以查看审核列表")


@login_required
@require_POST
def approve(request):
    reports = [access.report_for(request.user, int(pk)) for pk in request.POST.getlist("reports") if pk.isdigit()]
    access.require(access.may_review_any(request.user), "只有审核员和管理员可以审核报告")
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
    return redirect(local_next(request) or "reporting:review")


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
