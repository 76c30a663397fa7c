"""A unit's score sheet: self-assessment with evidence per 考核要求, submitting, appealing; and
for the office, reviewing and answering the appeal. Thin views over scoring, evidence, results."""

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from assessment import access, evidence, results, scoring
from assessment.errors import AssessmentError
from assessment.models import Item, ScoreSheet, SheetEvidence
from assessment.sheetview import sheet_view
from reporting.evidence import EvidenceError, check_size, download_name


def _back(request, sheet):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(reverse("assessment:sheet", args=[sheet.pk]))


def _run(request, sheet, action, done: str, *args, failed="未保存"):
    try:
        action(*args)
    except AssessmentError as error:
        messages.error(request, f"{failed}：{error.message}")
    else:
        messages.success(request, done)
    return _back(request, sheet)


@login_required
def sheet_page(request, pk):
    sheet = access.sheet_for(request.user, pk)
    view = sheet_view(sheet, request.user)
    return render(request, "assessment/sheet.html", {"sheet": sheet, "scheme": sheet.scheme, "view": view})


def _item(sheet, item_pk) -> Item:
    return get_object_or_404(Item.objects.select_related("scheme", "scoring_unit"), pk=item_pk, scheme_id=sheet.scheme_id)


@login_required
@require_POST
def self_assess(request, pk, item_pk):
    sheet = access.sheet_for(request.user, pk)
    item = _item(sheet, item_pk)
    return _run(request, sheet, scoring.do_self_assess, f"已保存第{item.ref}项自评", request.user, sheet, item,
                request.POST.get("self_score", ""), request.POST.get("self_note", ""))


@login_required
@require_POST
def add_evidence(request, pk, item_pk):
    sheet = access.sheet_for(request.user, pk)
    item = _item(sheet, item_pk)
    requirement = request.POST.get("requirement", "")
    upload = request.FILES.get("file")
    if upload is not None:
        try:
            check_size(upload.size)  # before reading: a large upload is never read into memory
        except EvidenceError as problem:
            messages.error(request, f"未上传：{problem.message}")
            return _back(request, sheet)
        return _run(request, sheet, evidence.do_upload_evidence, f"已上传“{upload.name}”", request.user, sheet, item,
                    requirement, upload.name, upload.read(), request.POST.get("caption", ""), failed="未上传")
    if not request.POST.get("evidence"):
        messages.error(request, "未添加：请选择月报中的佐证，或上传文件")
        return _back(request, sheet)
    return _run(request, sheet, evidence.do_pick_evidence, "已附上月报中的佐证", request.user, sheet, item,
                requirement, request.POST.get("evidence"), failed="未添加")


def _sheet_evidence(request, pk) -> SheetEvidence:
    found = SheetEvidence.objects.select_related("sheet", "item__scheme", "report_evidence").filter(pk=pk).first()
    if found is None:
        raise Http404("没有这份佐证")
    if not access.may_score(request.user, found.item):  # a scorer reads the evidence of the items it scores
        access.sheet_for(request.user, found.sheet_id)  # 404 for anyone who may not see the sheet
    return found


@login_required
def evidence_download(request, pk):
    """The file (or link) attached to a sheet, uploaded here or picked from a monthly report: a
    scorer reads the evidence of its items here without access to the unit's reports."""
    found = _sheet_evidence(request, pk)
    source = found.report_evidence if found.report_evidence_id else found
    if not source.file:
        return redirect(source.url)  # a link picked from a report (a news report's address)
    extension = PurePosixPath(source.file.name).suffix
    return FileResponse(source.file.open("rb"), as_attachment=True, filename=download_name(source.original_name, extension),
                        content_type=source.content_type or "application/octet-stream")


@login_required
@require_POST
def evidence_delete(request, pk):
    found = _sheet_evidence(request, pk)
    return _run(request, found.sheet, evidence.do_remove_evidence, f"已删除“{found}”", request.user, found,
                failed="未删除")


@login_required
@require_POST
def submit(request, pk):
    sheet = access.sheet_for(request.user, pk)
    return _run(request, sheet, scoring.do_submit, "已提交自评", request.user, sheet, failed="未提交")


@login_required
@require_POST
def appeal(request, pk):
    sheet = access.sheet_for(request.user, pk)
    return _run(request, sheet, results.do_appeal, "已提交申诉", request.user, sheet, request.POST.get("appeal", ""),
                failed="未提交")


@login_required
@require_POST
def answer(request, pk):
    sheet = access.sheet_for(request.user, pk)
    return _run(request, sheet, results.do_answer_appeal, "已答复申诉", request.user, sheet,
                request.POST.get("answer", ""), failed="未答复")


@login_required
@require_POST
def review(request, pk):
    sheet = access.sheet_for(request.user, pk)
    return _run(request, sheet, results.do_review, f"已复核{sheet.unit.name}的评分表", request.user, sheet,
                request.POST.get("note", ""), failed="未复核")


@login_required
@require_POST
def score(request, pk, item_pk):
    """One item's 得分 for one unit, from the scoring page or (during an appeal) the sheet page."""
    sheet = get_object_or_404(ScoreSheet.objects.select_related("scheme", "unit"), pk=pk)
    item = _item(sheet, item_pk)
    if not (access.may_score(request.user, item) or access.oversees(request.user, sheet.scheme.plan)):
        raise Http404("没有这张评分表，或您无权评分")
    return _run(request, sheet, scoring.do_score, f"已保存{sheet.unit.name}第{item.ref}项得分", request.user, sheet,
                item, request.POST.get("score", ""), request.POST.get("reason", ""))

