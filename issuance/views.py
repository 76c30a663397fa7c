"""Issuance pages: thin views over issuance.services and issuance.access."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from issuance import access, services
from issuance.diff import changes_for_unit
from issuance.division_table import division_table
from issuance.models import PlanVersion
from issuance.snapshot import own_targets, tasks_of_unit

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def plan_page(request, pk):
    """The office's page: versions issued, who has signed, and the forms to issue, adjust, remind."""
    plan = access.office_plan_for(request.user, pk)
    versions = list(plan.versions.select_related("issued_by").order_by("-number").annotate(
        asked=Count("receipts"), signed=Count("receipts", filter=Q(receipts__signed_at__isnull=False))))
    status = services.sign_status(plan)
    return render(request, "issuance/plan.html", {
        "plan": plan, "versions": versions, "latest": versions[0] if versions else None,
        "status": status, "unsigned": [r for r in status if not r.signed],
        "pending": services.pending_changes(plan) if versions else None,
        "may_issue": access.may_issue(request.user, plan),
        "default_body": services.default_body(plan, PlanVersion.Kind.ADJUSTMENT if versions else PlanVersion.Kind.ISSUE),
    })


def _back_to_plan(request, plan, action):
    try:
        result = action()
    except services.IssuanceError as error:
        messages.error(request, f"未完成：{error.message}")
        return redirect("issuance:plan", plan.pk)
    return result


@login_required
@require_POST
def issue(request, pk):
    plan = access.office_plan_for(request.user, pk)
    access.require_issuer(request.user, plan)

    def action():
        version = services.do_issue_plan(request.user, plan, doc_number=request.POST.get("doc_number", ""),
                                         body=request.POST.get("body", ""))
        messages.success(request, f"已下达《{plan.title}》（{version.label}），已通知{version.receipts.count()}个责任单位签收")
        return redirect("issuance:plan", plan.pk)
    return _back_to_plan(request, plan, action)


@login_required
@require_POST
def adjust(request, pk):
    plan = access.office_plan_for(request.user, pk)
    access.require_issuer(request.user, plan)

    def action():
        version = services.do_issue_adjustment(request.user, plan, reason=request.POST.get("reason", ""),
                                               doc_number=request.POST.get("doc_number", ""),
                                               body=request.POST.get("body", ""))
        messages.success(request, f"已调整下达（{version.label}）：{len(version.changes)}项调整，"
                                  f"已通知涉及调整的{version.receipts.count()}个单位重新签收")
        return redirect("issuance:plan", plan.pk)
    return _back_to_plan(request, plan, action)


@login_required
@require_POST
def remind(request, pk):
    plan = access.office_plan_for(request.user, pk)
    access.require_issuer(request.user, plan)
    reminded, skipped = services.do_remind_unsigned(request.user, plan)
    if reminded:
        messages.success(request, f"已提醒{len(reminded)}个单位签收：{'、'.join(u.name for u in reminded)}")
    if skipped:
        messages.info(request, f"{skipped}个单位今天已提醒过，未重复提醒")
    if not reminded and not skipped:
        messages.info(request, "所有单位均已签收，无需提醒")
    return redirect("issuance:plan", plan.pk)


@login_required
def version_page(request, pk):
    """A version: for a unit its tasks, what changed for it and its 签收; for the office every unit's."""
    version = access.version_for(request.user, pk)
    whole = access.sees_whole(request.user, version)
    unit_id = request.user.unit_id
    receipt = access.own_receipts(request.user).filter(version=version).select_related("signed_by").first()
    snapshot = version.snapshot
    own_unit = not whole or receipt is not None
    tasks = ([own_targets(snapshot, task, unit_id) for task in tasks_of_unit(snapshot, unit_id)]
             if own_unit and unit_id else snapshot["tasks"])
    changes = changes_for_unit(version.changes, unit_id) if own_unit and unit_id else version.changes
    return render(request, "issuance/version.html", {
        "version": version, "plan": version.plan, "whole": whole, "receipt": receipt,
        "may_sign": receipt is not None and not receipt.signed and access.may_sign(request.user, receipt),
        "table": division_table({**snapshot, "tasks": tasks}), "task_count": len(tasks),
        "changes": changes, "own_unit": own_unit,
        "versions": list(version.plan.versions.order_by("-number")),
        "receipts": list(version.receipts.select_related("unit", "signed_by")) if whole else [],
    })


@login_required
@require_POST
def sign(request, pk):
    version = access.version_for(request.user, pk)
    receipt = access.own_receipts(request.user).filter(version=version).first()
    if receipt is None:
        raise PermissionDenied("本单位在这一版中没有需要签收的任务")
    try:
        services.do_sign(request.user, receipt)
    except services.IssuanceError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, f"已签收《{version.plan.title}》{version.label}中本单位的任务")
    return redirect("issuance:version", version.pk)


def _download(field, name: str, content_type: str):
    response = FileResponse(field.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename=\"download\"; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def notice(request, pk):
    version = access.version_for(request.user, pk)
    return _download(version.notice, f"{version.title}（{version.label}）.docx", DOCX_TYPE)


@login_required
def table(request, pk):
    version = access.version_for(request.user, pk)
    return _download(version.table, f"{version.plan.title}任务分工表（{version.label}）.xlsx", XLSX_TYPE)


@login_required
def mine(request):
    """我的签收: the versions the unit must sign, then those it signed."""
    receipts = list(access.own_receipts(request.user).select_related("version__plan", "signed_by")
                    .order_by("signed_at", "-version__issued_at"))
    return render(request, "issuance/mine.html", {
        "pending": [r for r in receipts if not r.signed], "signed": [r for r in receipts if r.signed],
    })

