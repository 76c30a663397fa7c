"""The office's actions on a scheme (settings, opening, publishing, locking), its progress page
with reminders, and the Word documents. Thin views over results, progress and documents."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment import access, results, scoring
from assessment.documents import results_notice, sheet_document
from assessment.errors import AssessmentError
from assessment.progress import progress, send_reminders
from assessment.queries import score_table

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f"attachment; filename=\"export.docx\"; filename*=UTF-8''{quote(filename)}"
    return response


def _scheme(request, pk):
    access.require_overseer(request.user)
    scheme = access.scheme_for(request.user, pk)
    if request.method == "POST" and not access.may_manage(request.user, scheme):
        raise PermissionDenied("只有组织考核的协作办公室管理员可以操作")
    return scheme


def _done(request, scheme, action, done, *args, failed="未完成"):
    try:
        action(request.user, scheme, *args)
    except AssessmentError as error:
        messages.error(request, f"{failed}：{error.message}")
    else:
        messages.success(request, done)
    return redirect(f"{reverse('assessment:plan', args=[scheme.plan_id])}?year={scheme.year}")


@login_required
@require_POST
def configure(request, pk):
    scheme = _scheme(request, pk)
    post = request.POST
    return _done(request, scheme, lambda user, s: results.do_configure(
        user, s, self_assess_due=post.get("self_assess_due", ""), appeal_days=post.get("appeal_days", ""),
        grade_scale=post.get("grade_scale", ""), thresholds=[post.get(f"grade_{n}", "") for n in ("first", "second", "third")]),
        "已保存考核安排", failed="未保存")


@login_required
@require_POST
def open_scheme(request, pk):
    scheme = _scheme(request, pk)
    return _done(request, scheme, scoring.do_open_scheme, "已开始自评和评分", failed="未开始")


@login_required
@require_POST
def publish(request, pk):
    scheme = _scheme(request, pk)
    return _done(request, scheme, results.do_publish, "已公布考核结果，已通知各单位", failed="未公布")


@login_required
@require_POST
def lock(request, pk):
    scheme = _scheme(request, pk)
    return _done(request, scheme, results.do_lock, "已锁定考核结果", failed="未锁定")


@login_required
def progress_page(request, pk):
    scheme = _scheme(request, pk)
    return render(request, "assessment/progress.html", {
        "scheme": scheme, "progress": progress(scheme), "may_manage": access.may_manage(request.user, scheme)})


@login_required
@require_POST
def remind(request, pk):
    scheme = _scheme(request, pk)
    sent = send_reminders(scheme, timezone.localdate())
    if sent:
        messages.success(request, f"已提醒{len(sent)}个单位：" + "、".join(sent))
    else:
        messages.info(request, "今天已提醒过，或没有需要提醒的单位")
    return redirect(reverse("assessment:progress", args=[scheme.pk]))


@login_required
def notice_docx(request, pk):
    """考核结果通报 (.docx), once the results are published."""
    scheme = _scheme(request, pk)
    if scheme.published_at is None:
        messages.error(request, "考核结果公布后才能生成结果通报")
        return redirect(f"{reverse('assessment:plan', args=[scheme.plan_id])}?year={scheme.year}")
    table = score_table(scheme)
    return docx_response(f"{scheme.plan.title}-{scheme.year}年度考核结果通报.docx", results_notice(table))


@login_required
def sheet_docx(request, pk):
    """A unit's score sheet with its evidence list; 得分 only for those who may see results."""
    sheet = access.sheet_for(request.user, pk)
    table = score_table(sheet.scheme)
    evidence = list(sheet.evidence.select_related("report_evidence").order_by("pk"))
    content = sheet_document(table, sheet, evidence, results=access.may_see_results(request.user, sheet))
    return docx_response(f"{sheet.unit.name}-{sheet.scheme.year}年度考核评分表.docx", content)


@login_required
def work_record_docx(request, pk, year):
    """A 挂职干部's or 专技人才's annual work record, for those who see their particulars (the
    office's staff and the sending unit); others who see the roster get 403, the rest 404."""
    from people import access as people_access
    from assessment.work_record import work_record

    person = people_access.person_for(request.user, pk)
    if not people_access.sees_particulars(request.user, person):
        raise PermissionDenied("年度工作情况只提供给派出单位和协作办公室")
    return docx_response(f"{person.name}-{year}年度协作工作情况.docx", work_record(person, year))
