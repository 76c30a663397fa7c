"""The project library's pages. Thin: who may see what is funds.access, every change a
funds.services action, every figure funds.queries'. A GET never writes; another office's or
another unit's project is 404."""

import datetime
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from funds import access, forms, queries, services
from funds.exports import progress_workbook
from funds.models import FundsReport, Milestone, Source
from funds.services import FundsError
from reporting.evidence import EvidenceError, check_size, download_name
from reporting.models import ReportingCycle
from xiezuo.xlsx import xlsx_response


def _attempt(form, action):
    try:
        return action()
    except FundsError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def _status(request) -> int:
    return 400 if request.method == "POST" else 200


@login_required
@require_GET
def projects(request):
    today = timezone.localdate()
    visible = access.projects_visible_to(request.user).order_by("plan__title", "year", "pk")
    plan_id = request.GET.get("plan", "")
    if plan_id.isdigit():
        visible = visible.filter(plan_id=int(plan_id))
    rows = queries.project_rows(visible[:500], today)
    plans = {row.project.plan for row in rows}
    return render(request, "funds/projects.html", {
        "rows": rows, "today": today, "may_add": access.managed_plans(request.user).exists(),
        "overseen": sorted((p for p in plans if access.may_read_plan(request.user, p)), key=lambda p: p.title)})


@login_required
def project_create(request):
    if not access.managed_plans(request.user).exists():
        raise PermissionDenied("只有协作办公室管理员可以新增项目")
    form = forms.ProjectForm(request.user, request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        project = _attempt(form, lambda: services.do_create_project(
            request.user, plan=form.cleaned_data["plan"], planned=form.planned(), reason=form.cleaned_data["reason"],
            **form.project_fields()))
        if project is not None:
            messages.success(request, f"已新增项目“{project.name}”")
            return redirect("funds:project", project.pk)
    return render(request, "funds/project_form.html", {"form": form, "project": None}, status=_status(request))


@login_required
def project_edit(request, pk):
    project = access.project_for(request.user, pk)
    access.require(access.may_manage(request.user, project.plan), "只有方案所属协作办公室的管理员可以修改项目")
    form = forms.ProjectForm(request.user, request.POST or None, initial=forms.ProjectForm.initial_for(project))
    form.fields["plan"].disabled = True
    if request.method == "POST" and form.is_valid():
        done = _attempt(form, lambda: services.do_update_project(
            request.user, project, planned=form.planned(), reason=form.cleaned_data["reason"], **form.project_fields()))
        if done is not None:
            messages.success(request, f"已保存“{done.name}”")
            return redirect("funds:project", project.pk)
    return render(request, "funds/project_form.html", {"form": form, "project": project}, status=_status(request))


def _months(project, today):
    """The project's months newest first, each with its report (or none yet) and its state."""
    cycles = list(services.cycles_of(project, today))
    reports = {r.cycle_id: r for r in FundsReport.objects.filter(project=project, cycle__in=cycles)}
    months = []
    for cycle in cycles:
        report = reports.get(cycle.pk)
        if report and report.status == FundsReport.Status.SUBMITTED:
            state = "已提交" + ("（逾期）" if report.submitted_late else "")
        else:
            state = "已逾期" if today > cycle.due_on else "待填报"
        months.append({"cycle": cycle, "report": report, "state": state})
    return months


@login_required
@require_GET
def project(request, pk):
    project = access.project_for(request.user, pk)
    today = timezone.localdate()
    row = queries.project_rows([project], today)[0]
    return render(request, "funds/project.html", {
        "project": project, "row": row, "today": today, "months": _months(project, today),
        "milestones": project.milestones.all(), "may_manage": access.may_manage(request.user, project.plan),
        "may_report": access.may_report(request.user, project), "milestone_form": forms.MilestoneForm()})


@login_required
@require_POST
def milestone_add(request, pk):
    project = access.project_for(request.user, pk)
    access.require(access.may_manage(request.user, project.plan), "只有方案所属协作办公室的管理员可以设定资金进度节点")
    form = forms.MilestoneForm(request.POST)
    if form.is_valid():
        done = _attempt(form, lambda: services.do_add_milestone(request.user, project, **form.cleaned_data))
        if done is not None:
            messages.success(request, f"已设定节点：{done}")
            return redirect("funds:project", project.pk)
    messages.error(request, "未设定节点：" + "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("funds:project", project.pk)


@login_required
@require_POST
def milestone_delete(request, pk):
    milestone = Milestone.objects.filter(pk=pk, project__in=access.projects_visible_to(request.user)).first()
    if milestone is None:
        raise Http404("没有找到该节点")
    try:
        services.do_remove_milestone(request.user, milestone, reason=request.POST.get("reason", ""))
        messages.success(request, f"已删除节点：{milestone}")
    except FundsError as error:
        messages.error(request, f"未删除：{error.message}")
    return redirect("funds:project", milestone.project_id)


def _cycle(project, cycle_pk, today) -> ReportingCycle:
    cycle = services.cycles_of(project, today).filter(pk=cycle_pk).first()
    if cycle is None:
        raise Http404("没有找到该月份，或尚未到该月")
    return cycle


@login_required
def report(request, pk, cycle_pk):
    """One month's funds report: the form for the responsible unit, read-only for the office."""
    project = access.project_for(request.user, pk)
    today = timezone.localdate()
    cycle = _cycle(project, cycle_pk, today)
    current = FundsReport.objects.filter(project=project, cycle=cycle).first()
    may_report = access.may_report(request.user, project)
    error = None
    if request.method == "POST":
        access.require(may_report, "只有项目责任单位的填报员可以填报资金使用进度")
        try:
            current = _post_report(request, project, cycle, today)
            return redirect("funds:report", project.pk, cycle.pk)
        except (FundsError, EvidenceError) as problem:
            error = problem
    figures = {f.source: f for f in current.figures.all()} if current else {}
    posted = request.POST if error else None
    sources = [{"source": f.source, "label": Source(f.source).label, "planned": f.planned,
                "disbursed": posted.get(f"disbursed_{f.source}") if posted else getattr(figures.get(f.source), "disbursed", None),
                "spent": posted.get(f"spent_{f.source}") if posted else getattr(figures.get(f.source), "spent", None)}
               for f in project.funds.all()]
    editable = may_report and not (current and current.status == FundsReport.Status.SUBMITTED)
    return render(request, "funds/report.html", {
        "project": project, "cycle": cycle, "report": current, "sources": sources, "editable": editable,
        "may_return": bool(current and current.status == FundsReport.Status.SUBMITTED and (
            access.may_manage(request.user, project.plan) or access.may_review(request.user, project.plan))),
        "error": error, "posted": posted, "progress_choices": FundsReport.Progress.choices,
        "evidence": current.evidence.all() if current else []}, status=400 if error else 200)


def _post_report(request, project, cycle, today):
    """Save (and upload the file chosen, and submit when asked): as the report page of monthly
    progress, a file chosen last goes with the same click. Each step its own transaction; a
    refused step leaves the steps before it saved and says what was refused."""
    data = request.POST
    report = services.do_save_funds_report(
        request.user, project, cycle,
        figures={s: (data.get(f"disbursed_{s}", ""), data.get(f"spent_{s}", "")) for s in Source.values},
        progress=data.get("progress", ""), poor_people=data.get("poor_people", ""),
        farmers_linked=data.get("farmers_linked", ""), note=data.get("note", ""))
    file = request.FILES.get("file")
    if file is not None:
        check_size(file.size)
        services.do_add_funds_evidence(request.user, report, name=file.name, data=file.read())
        messages.success(request, f"已上传“{file.name}”")
    if data.get("action") == "submit":
        services.do_submit_funds_report(request.user, report, today=today)
        messages.success(request, f"{cycle.label}资金月报已提交")
    else:
        messages.success(request, "已保存")
    return report


@login_required
@require_POST
def report_return(request, pk, cycle_pk):
    project = access.project_for(request.user, pk)
    cycle = _cycle(project, cycle_pk, timezone.localdate())
    report = FundsReport.objects.filter(project=project, cycle=cycle).first()
    if report is None:
        raise Http404("该月尚无资金月报")
    try:
        services.do_return_funds_report(request.user, report, reason=request.POST.get("reason", ""))
        messages.success(request, f"已退回{cycle.label}资金月报")
    except FundsError as error:
        messages.error(request, f"未退回：{error.message}")
    return redirect("funds:report", project.pk, cycle.pk)


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = access.evidence_for(request.user, pk)
    extension = PurePosixPath(evidence.file.name).suffix
    return FileResponse(evidence.file.open("rb"), as_attachment=True,
                        filename=download_name(evidence.original_name, extension), content_type=evidence.content_type)


def _month(text: str, today: datetime.date) -> datetime.date:
    try:
        month = datetime.datetime.strptime(text, "%Y-%m").date() if text else today.replace(day=1)
    except ValueError:
        raise Http404("月份应为“2026-11”的形式") from None
    if month > today:
        raise Http404("该月尚未开始")
    return month


@login_required
@require_GET
def progress_xlsx(request, pk):
    """The plan's 资金使用进度 table for a month (?month=2026-11, default this one)."""
    plan = access.plan_for(request.user, pk)
    today = timezone.localdate()
    month = _month(request.GET.get("month", ""), today)
    visible = access.projects_visible_to(request.user).filter(plan=plan, year=month.year).order_by("pk")
    as_of = min(today, (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1))
    rows = queries.project_rows(visible, as_of)
    content = progress_workbook(office=plan.office.name if plan.office else "", title=plan.title, month=month, rows=rows)
    return xlsx_response(f"{plan.title}资金使用进度{month:%Y-%m}.xlsx", content)
