"""The roster pages: the list, a person, a unit's name list (upload → dry run → apply), the
export and JSON (particulars masked unless the office asks), and a 选派 target's counted people.
Thin: who sees what is people.access, every change a people.services action; a GET never writes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from people import access, forms, services
from people.counting import counted_people
from people.models import Person, TargetRule
from people.roster_xlsx import roster_template
from people.rules import service_findings
from people.services import PeopleError
from xiezuo.xlsx import list_workbook, xlsx_response


def _status(request) -> int:
    return 400 if request.method == "POST" else 200


def _attempt(form, action):
    try:
        return action()
    except PeopleError as error:
        for message in error.errors:
            form.add_error(error.field if error.field in form.fields else None, message)
        return None


def _rows(user, people, today):
    """Each person as the reader may see them, with the months served and the findings."""
    findings = {}
    for finding in service_findings(people, today):
        findings.setdefault(finding.person.pk, []).append(finding)
    return [{"person": p, "shown": access.sees_particulars(user, p),
             **access.particulars(p, access.sees_particulars(user, p)),
             "months": p.months_served(today), "findings": findings.get(p.pk, [])} for p in people]


def _filtered(request):
    people = access.people_visible_to(request.user)
    filters = {k: request.GET.get(k, "") for k in ("plan", "unit", "kind", "status")}
    if filters["plan"].isdigit():
        people = people.filter(plan_id=filters["plan"])
    if filters["unit"].isdigit():
        people = people.filter(sending_unit_id=filters["unit"])
    if filters["kind"] in Person.Kind.values:
        people = people.filter(kind=filters["kind"])
    if filters["status"] in Person.Status.values:
        people = people.filter(status=filters["status"])
    return people, filters


@login_required
def roster(request):
    people, filters = _filtered(request)
    people = list(people[:2000])
    today = timezone.localdate()
    rows = _rows(request.user, people, today)
    units = sorted({p.sending_unit for p in people}, key=lambda u: u.name)
    return render(request, "people/roster.html", {
        "rows": rows, "filters": filters, "units": units, "kinds": Person.Kind.choices, "statuses": Person.Status.choices,
        "in_post": sum(1 for p in people if p.status == Person.Status.IN_POST),
        "may_submit": access.may_submit_lists(request.user),
        "may_export_particulars": access.may_export_particulars(request.user),
        "findings": sum(len(r["findings"]) for r in rows)})


EXPORT_HEADERS = ["姓名", "性别", "类别", "专业领域", "派出单位", "原单位", "原职务", "联系电话", "挂职单位", "挂职职务",
                  "批次", "到岗日期", "计划返回日期", "返回日期", "状态", "服务月数"]


@login_required
def export(request):
    """The list as .xlsx; particulars masked unless the office asks (?particulars=1) for its own."""
    people, _ = _filtered(request)
    asked = request.GET.get("particulars") == "1"
    if asked and not access.may_export_particulars(request.user):
        raise PermissionDenied("只有协作办公室可以导出未脱敏的个人信息")
    today = timezone.localdate()
    rows = []
    for p in people:
        shown = asked and access.sees_particulars(request.user, p)
        info = access.particulars(p, shown)
        rows.append([p.name, info["gender"], p.get_kind_display(), p.get_field_display(), p.sending_unit.name,
                     p.home_unit, p.home_post, info["phone"], p.host_unit, p.host_post, p.batch, p.arrived_on,
                     p.planned_return_on, p.returned_on, p.get_status_display(), p.months_served(today)])
    note = "含个人信息，仅供协作办公室工作使用" if asked else "联系电话、性别已脱敏"
    return xlsx_response("选派人员名单.xlsx", list_workbook("选派人员名单", EXPORT_HEADERS, rows, note=note))


@login_required
def roster_json(request):
    """The visible roster as JSON for other systems, masked like the export unless asked."""
    people, _ = _filtered(request)
    asked = request.GET.get("particulars") == "1"
    if asked and not access.may_export_particulars(request.user):
        raise PermissionDenied("只有协作办公室可以获取未脱敏的个人信息")
    today = timezone.localdate()
    items = []
    for p in people:
        info = access.particulars(p, asked and access.sees_particulars(request.user, p))
        items.append({"id": p.pk, "name": p.name, "gender": info["gender"], "phone": info["phone"],
                      "kind": p.get_kind_display(), "field": p.get_field_display(), "sending_unit": p.sending_unit.name,
                      "home_unit": p.home_unit, "home_post": p.home_post, "host_unit": p.host_unit,
                      "host_post": p.host_post, "batch": p.batch, "status": p.get_status_display(),
                      "arrived_on": p.arrived_on and p.arrived_on.isoformat(),
                      "returned_on": p.returned_on and p.returned_on.isoformat(),
                      "months_served": p.months_served(today)})
    return JsonResponse({"count": len(items), "people": items}, json_dumps_params={"ensure_ascii": False})


@login_required
def person(request, pk):
    person = access.person_for(request.user, pk)
    may_change = access.may_change_person(request.user, person)
    form = forms.PersonForm(request.POST or None, instance=person) if may_change else None
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied("不能修改该选派人员")
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
            saved = _attempt(form, lambda: services.do_update_person(request.user, person, reason=form.cleaned_data["reason"], **data))
            if saved is not None:
                messages.success(request, f"已保存“{saved.name}”")
                return redirect("people:person", saved.pk)
    today = timezone.localdate()
    shown = access.sees_particulars(request.user, person)
    return render(request, "people/person.html", {
        "person": person, "form": form, "shown": shown, **access.particulars(person, shown),
        "months": person.months_served(today), "findings": service_findings([person], today),
        "allowances": person.allowances.select_related("paying_unit"),
        "allowance_form": forms.AllowanceForm() if access.may_record_allowance(request.user, person) else None,
    }, status=_status(request))


@login_required
def person_create(request):
    if not access.may_submit_lists(request.user):
        raise PermissionDenied("只有派出单位和协作办公室可以报送选派人员")
    form = forms.NewPersonForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("reason", "plan", "sending_unit")}
        saved = _attempt(form, lambda: services.do_create_person(
            request.user, plan=form.cleaned_data["plan"], sending_unit=form.cleaned_data["sending_unit"],
            reason=form.cleaned_data["reason"], **data))
        if saved is not None:
            messages.success(request, f"已新增“{saved.name}”")
            return redirect("people:person", saved.pk)
    return render(request, "people/person_new.html", {"form": form}, status=_status(request))


@login_required
@require_POST
def allowance(request, pk):
    person = access.person_for(request.user, pk)
    if not access.may_record_allowance(request.user, person):
        raise PermissionDenied("只有生活补助发放单位可以登记发放")
    form = forms.AllowanceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if _attempt(form, lambda: services.do_record_allowance(request.user, person, month=data["month"],
                                                               amount=data["amount"], paid_on=data["paid_on"],
                                                               note=data["note"])) is not None:
            messages.success(request, f"已登记{data['month']:%Y年%m月}生活补助")
            return redirect("people:person", person.pk)
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    return redirect("people:person", person.pk)


@login_required
def import_upload(request):
    if not access.may_submit_lists(request.user):
        raise PermissionDenied("只有派出单位和协作办公室可以报送选派人员名单")
    form = forms.UploadForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        saved = _attempt(form, lambda: services.do_upload_list(
            request.user, plan=form.cleaned_data["plan"], sending_unit=form.cleaned_data["sending_unit"],
            data=upload.read(), filename=upload.name))
        if saved is not None:
            return redirect("people:import_review", saved.pk)
    return render(request, "people/import_upload.html", {"form": form}, status=_status(request))


@login_required
def import_template(request):
    if not access.may_submit_lists(request.user):
        raise PermissionDenied("只有派出单位和协作办公室可以报送选派人员名单")
    return xlsx_response("选派人员名单模板.xlsx", roster_template())


@login_required
def import_review(request, pk):
    upload = access.import_for(request.user, pk)
    error = None
    if request.method == "POST":
        try:
            diff = services.do_apply_list(request.user, upload)
        except PeopleError as refused:
            error = refused
        else:
            messages.success(request, f"已导入名单：新增{len(diff.added)}人，修改{len(diff.changed)}人，删除{len(diff.removed)}人")
            return redirect(f"{redirect('people:roster').url}?unit={upload.sending_unit_id}")
    return render(request, "people/import_review.html", {
        "upload": upload, "diff": services.roster_diff(upload), "error": error,
    }, status=400 if error else 200)


@login_required
def target(request, pk):
    """A 选派 target: how the roster counts toward it, and each person counted."""
    target = access.target_for(request.user, pk)
    rule = TargetRule.objects.filter(target=target).first()
    may_set = access.may_set_rule(request.user, target)
    initial = {"kind": rule.kind, "field": rule.field, "basis": rule.basis, "min_months": rule.min_months} if rule else {}
    form = forms.RuleForm(request.POST or None, initial=initial) if may_set else None
    if request.method == "POST":
        if not may_set:
            raise PermissionDenied("只有方案所属协作办公室的管理员可以设置计数规则")
        if form.is_valid():
            data = form.cleaned_data
            if data["clear"]:
                services.do_clear_target_rule(request.user, target, reason=data["reason"])
            else:
                services.do_set_target_rule(request.user, target, kind=data["kind"], field=data["field"],
                                            basis=data["basis"], min_months=data["min_months"], reason=data["reason"])
            messages.success(request, "已保存计数规则")
            return redirect("people:target", target.pk)
    today = timezone.localdate()
    people = counted_people(rule, today) if rule else []
    return render(request, "people/target.html", {
        "target": target, "rule": rule, "form": form, "rows": _rows(request.user, people, today),
    }, status=_status(request))
