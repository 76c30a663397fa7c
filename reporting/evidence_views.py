"""Uploading, downloading and deleting a report's evidence.

Each file is served only through `download`, to those who may see its report
(access.evidence_for); anyone else gets 404, with no hint that it exists.
"""

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from reporting import access
from reporting.evidence import EvidenceError, check_size, download_name
from reporting.evidence_actions import add_file, add_link, remove
from reporting.services import WorkflowError


@login_required
@require_POST
def upload(request, report_pk):
    report = access.report_for(request.user, report_pk)
    access.require(access.may_edit(request.user, report), "只有本单位的填报员可以上传佐证材料")
    back = redirect("reporting:report", pk=report.pk)
    file = request.FILES.get("file")
    url = request.POST.get("url", "").strip()
    caption = request.POST.get("caption", "")
    try:
        if file is not None and url:
            raise EvidenceError("一次请只上传一个文件或只填写一个链接。")
        if file is not None:
            check_size(file.size)  # before reading: a 100 MB upload is never read into memory
            evidence, note = add_file(report, user=request.user, name=file.name, data=file.read(), caption=caption)
            cleaned = "，照片中的拍摄位置信息已去除" if evidence.content_type.startswith("image/") else ""
            messages.success(request, f"已上传“{evidence.original_name}”{cleaned}。")
            if note:
                messages.warning(request, note)
        elif url:
            add_link(report, user=request.user, url=url, caption=caption)
            messages.success(request, "已添加链接。")
        else:
            messages.error(request, "请选择要上传的文件，或填写链接（如新闻报道的网址）。")
    except (EvidenceError, WorkflowError) as problem:
        messages.error(request, f"未上传：{problem.message}")
    return back


@login_required
@require_GET
def download(request, pk):
    evidence = access.evidence_for(request.user, pk)
    if not evidence.file:
        raise Http404("这是链接，不是文件")
    try:
        handle = evidence.file.open("rb")
    except OSError:
        raise Http404("文件不存在") from None
    content_type = evidence.content_type or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, content_type=content_type,
                            filename=download_name(evidence.original_name, PurePosixPath(evidence.file.name).suffix.lower()))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def delete(request, pk):
    evidence = access.evidence_for(request.user, pk)
    report = evidence.report
    access.require(access.may_edit(request.user, report), "只有本单位的填报员可以删除佐证材料")
    try:
        remove(evidence, user=request.user)
    except (EvidenceError, WorkflowError) as problem:
        messages.error(request, f"未删除：{problem.message}")
    else:
        messages.success(request, f"已删除“{evidence}”。")
    return redirect("reporting:report", pk=report.pk)
