"""Importing a document through the browser: upload → review → save.

Only office admins (管理员) import. The logic lives in plans.importing; these
views move data between the request, the forms and those functions.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files import File
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from intake.errors import IntakeError
from plans.import_forms import ReviewForms, UploadForm
from plans import access, panels
from plans.importing import find_existing_plan, parse_upload, scope_for
from plans.importing.diff import diff_plan
from plans.importing.matching import match_units, printed_unit_names, units_in_scope
from plans.importing.saving import ImportSaveError, save_plan
from plans.models import PendingImport


def office_admin_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not access.may_import(request.user):
            return render(request, "plans/import_forbidden.html", status=403)
        return view(request, *args, **kwargs)
    return wrapper


@office_admin_required
def import_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, scope = form.cleaned_data["file"], scope_for(request.user)
        try:
            plan_json = parse_upload(upload.read(), upload.name, scope)
        except IntakeError as error:
            where = f"（{error.where}）" if error.where and error.where != upload.name else ""
            form.add_error("file", f"无法导入“{upload.name}”：{error.message}{where}")
        else:
            upload.seek(0)
            pending = PendingImport.objects.create(
                uploaded_file=upload, original_name=upload.name, plan_json=plan_json,
                kind=form.cleaned_data["kind"], scope=scope, created_by=request.user,
            )
            return redirect("plans:import_review", pk=pending.pk)
    unfinished = PendingImport.objects.filter(created_by=request.user, plan__isnull=True)[:10]
    return render(request, "plans/import_upload.html", {"form": form, "unfinished": unfinished})


@office_admin_required
def import_review(request, pk):
    pending = get_object_or_404(PendingImport.objects.select_related("scope"), pk=pk, created_by=request.user)
    if pending.plan_id:
        messages.info(request, f"文件“{pending.original_name}”已于 {timezone.localtime(pending.saved_at):%Y-%m-%d %H:%M} 导入。")
        return redirect("plans:detail", pk=pending.plan_id)

    plan_json = pending.plan_json
    matches = match_units(printed_unit_names(plan_json), pending.scope)
    existing = find_existing_plan(plan_json, access.office_plans(request.user))
    forms = ReviewForms(plan_json, matches, units_in_scope(pending.scope), pending.kind,
                        data=request.POST if request.method == "POST" else None,
                        today=timezone.localdate(), existing=existing)
    if request.method == "POST" and forms.is_valid():
        edited = forms.edited_plan_json()
        existing = find_existing_plan(edited, access.office_plans(request.user))
        if str(existing.pk if existing else "") != request.POST.get("existing", ""):
            # An edited 文号 or title, or someone else's import meanwhile, changed which plan
            # this would update: show that diff before saving over it.
            forms.errors.append("文号或标题对应的已有方案与页面显示时不同（修改了文号或标题，或他人刚导入了同一方案），"
                                "请核对下方将要更新的内容后再保存。")
            plan_json = edited
        else:
            try:
                with transaction.atomic():
                    plan = _save(pending, edited, forms.decisions(), request.user, existing, forms.chosen_state())
            except ImportSaveError as error:
                forms.add_save_error(error)
            else:
                messages.success(request, f"已导入 {plan.tasks.count()} 项任务。")
                return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/import_review.html", {
        "pending": pending, "forms": forms, "existing": existing,
        "diff": diff_plan(plan_json, existing) if existing else None,
        "has_errors": request.method == "POST",
        "panels": panels.render(panels.IMPORT_REVIEW, request, plan_json, pending.scope),
    })


def _save(pending: PendingImport, plan_json: dict, decisions: dict, user, existing, state: str):
    with pending.uploaded_file.open("rb") as handle:
        plan = save_plan(plan_json, decisions, user=user, scope=pending.scope,
                         source_file=File(handle, name=pending.original_name), existing=existing, state=state)
    pending.plan, pending.saved_at = plan, timezone.now()
    pending.save(update_fields=["plan", "saved_at"])
    return plan

