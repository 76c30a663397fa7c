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


def add_posted(request, report) -> bool | None:
    """Add the file or link this request carries to the report, saying what happened in the
    page's messages. None when it carries neither, else whether it was added. The report page's
    own form calls this too, so filling the page top to bottom keeps what was typed."""
    file = request.FILES.get("file")
    url = request.POST.get("url", "").strip()
    caption = request.POST.get("caption", "")
    if file is None and not url:
        return None
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
        else:
            add_link(report, user=request.user, url=url, caption=caption)
            messages.success(request, "已添加链接。")
    except (EvidenceError, WorkflowError) as problem:
        messages.error(request, f"未上传：{problem.message}")
        return False
    return True


def remove_posted(request, evidence) -> bool:
    try:
        remove(evidence, user=request.user)
    except (EvidenceError, WorkflowError) as problem:
        messages.error(request, f"未删除：{problem.message}")
        return False
    messages.success(request, f"已删除“{evidence}”。")
    return True


@login_required
@require_POST
def upload(request, report_pk):
    report = access.report_for(request.user, report_pk)
    access.require(access.may_edit(request.user, report), "只有本单位的填报员可以上传佐证材料")
    if add_posted(request, report) is None:
        messages.error(request, "请选择要上传的文件，或填写链接（如新闻报道的网址）。")
    return redirect("reporting:report", pk=report.pk)


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
    remove_posted(request, evidence)
    return redirect("reporting:report", pk=report.pk)
