"""The bulletin archive of a scope, generating a month, and downloading one.

A bulletin file is served only through `download`, to those who may see every
plan it covers; anyone else gets 404, with no hint that it exists.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from oversight import access, queries
from oversight.bulletin import (BulletinError, bulletins_of, download_name, last_closed_month, open_month_warning,
                                publish_bulletin)
from oversight.models import Bulletin, BulletinRevision
from oversight.snapshot import FutureMonth, month_text, parse_month, refuse_future_month


def _today() -> datetime.date:
    return timezone.localdate()


def _covered(bulletin: Bulletin | BulletinRevision, scope: access.Scope) -> bool:
    """A region's bulletin (each revision) speaks of every plan kept there; a reader must see them all."""
    visible = {p.pk for p in scope.plans}
    return set(bulletin.figures.get("plans", [])) <= visible


@login_required
@require_GET
def archive(request, kind, pk):
    access.require_overseer(request.user)
    scope = access.scope_for(request.user, kind, pk)
    today = _today()
    bulletins = [b for b in bulletins_of(scope).select_related("updated_by", "office")
                 .prefetch_related(Prefetch("revisions", BulletinRevision.objects.select_related("created_by")))
                 if _covered(b, scope)]
    for bulletin in bulletins:
        bulletin.kept = [r for r in bulletin.revisions.all() if _covered(r, scope)]
    may_publish = access.may_publish_scope(request.user, scope)
    # The last month whose due day has passed, unless the office came back to confirm another.
    try:
        chosen = parse_month(request.GET.get("month"))
    except ValueError:
        chosen = None
    chosen = chosen or last_closed_month(scope.plans, today)
    warning = open_month_warning(scope.plans, chosen, today) if may_publish and request.GET.get("month") else ""
    return render(request, "oversight/bulletins.html", {
        "scope": scope, "bulletins": bulletins, "may_publish": may_publish,
        "months": queries.months_of(scope.plans) if may_publish else [],  # those with a reporting cycle
        "default_month": chosen, "open_warning": warning, "confirm_month": month_text(chosen),
    })


@login_required
@require_POST
def generate(request, kind, pk):
    access.require_overseer(request.user)
    try:
        month = parse_month(request.POST.get("month"))
        problem = "请选择要通报的月份"
    except ValueError as error:
        month, problem = None, str(error)
    scope = access.dashboard_scope(request.user, kind, pk, month=month, today=_today())
    if not access.may_publish_scope(request.user, scope):
        raise PermissionDenied("只有主办单位的管理员可以生成通报")
    back = redirect("oversight:bulletins", kind=scope.kind, pk=scope.pk)
    if month is None:
        messages.error(request, f"未生成：{problem}")
        return back
    # A month still open for reports is generated only when the office confirms it knows.
    try:
        refuse_future_month(month, _today())
    except FutureMonth as error:
        messages.error(request, f"未生成：{error}")
        return back
    warning = open_month_warning(scope.plans, month, _today())
    if warning and request.POST.get("confirm") != "1":
        messages.warning(request, f"未生成：{warning}。如确需现在生成，请在下方勾选确认后再生成。")
        return redirect(f"{back.url}?month={month_text(month)}")
    try:
        bulletin = publish_bulletin(scope, month, request.user, _today())
    except BulletinError as error:
        messages.error(request, f"未生成：{error}")
        return back
    again = f"（第{bulletin.revision}版，此前各版仍保留）" if bulletin.revision > 1 else ""
    messages.success(request, f"已生成《{bulletin.title}》{bulletin.issue_label}{again}。")
    return back


def _readable_scope(user, bulletin: Bulletin) -> access.Scope:
    access.require_overseer(user)
    return access.scope_for(user, bulletin.scope_kind, bulletin.scope_pk,
                            year=bulletin.year if bulletin.scope_kind == "region" else None)


@login_required
@require_GET
def download(request, pk):
    """The latest revision."""
    bulletin = get_object_or_404(Bulletin, pk=pk)
    if not _covered(bulletin, _readable_scope(request.user, bulletin)):
        raise Http404("没有这份通报，或您无权查看")
    return _file_response(bulletin.file, download_name(bulletin))


@login_required
@require_GET
def download_revision(request, pk):
    """One kept revision, to those who may read every plan that revision covered."""
    revision = get_object_or_404(BulletinRevision.objects.select_related("bulletin"), pk=pk)
    if not _covered(revision, _readable_scope(request.user, revision.bulletin)):
        raise Http404("没有这份通报，或您无权查看")
    return _file_response(revision.file, download_name(revision.bulletin, revision))


def _file_response(file, name: str) -> FileResponse:
    try:
        handle = file.open("rb")
    except OSError:
        raise Http404("通报文件不存在") from None
    response = FileResponse(handle, as_attachment=True, filename=name,
                            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
