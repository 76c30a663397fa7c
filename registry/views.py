"""The office's registry pages: units, people's accounts, pairings, reporting schedules. Thin:
who may see what is registry.access, every change a registry.services (or merge) action. A GET
never writes; another office's object is 404; anyone but an office admin 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import Role, group_name
from orgs.models import Pairing, Unit
from plans.models import Task
from registry import access, forms, services
from registry.history import history_rows
from registry.merge import do_merge_units
from registry.services import RegistryError
from reporting.models import EvidenceRule, ReportingSchedule


def _gate(request):
    access.require_registry(request.user)
    return request.user


def _status(request) -> int:
    """A form shown again after a POST was refused: 400, so a client (and a test) can tell."""
    return 400 if request.method == "POST" else 200


def _attempt(form, action):
    """Run a service action; its RegistryError becomes the form's error beside the field."""
    try:
        return action()
    except RegistryError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


# -- units ---------------------------------------------------------------------------------------

@login_required
def units(request):
    actor = _gate(request)
    rows = (access.units(actor).select_related("parent").prefetch_related("aliases")
            .annotate(people=Count("users", distinct=True)))
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    state = request.GET.get("active", "1")
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(full_name__icontains=q) | Q(aliases__name__icontains=q)).distinct()
    if kind in Unit.Kind.values:
        rows = rows.filter(kind=kind)
    if state in ("1", "0"):
        rows = rows.filter(is_active=state == "1")
    return render(request, "registry/units.html", {
        "units": rows[:500], "q": q, "kind": kind, "active": state, "kinds": Unit.Kind.choices})


def _unit_fields(data) -> dict:
    fields = {k: data[k] for k in services.UNIT_FIELDS if k in data}
    return fields


@login_required
def unit_create(request):
    actor = _gate(request)
    form = forms.UnitForm(actor, request.POST or None, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = _attempt(form, lambda: services.do_create_unit(
            actor, aliases=data["aliases"], members=list(data["members"]), reason=data["reason"], **_unit_fields(data)))
        if unit is not None:
            messages.success(request, f"已新增单位“{unit.name}”")
            return redirect("registry:unit", unit.pk)
    return render(request, "registry/unit_form.html", {"form": form, "unit": None}, status=_status(request))


@login_required
def unit_edit(request, pk):
    actor = _gate(request)
    unit = access.unit_for(actor, pk)
    form = forms.UnitForm(actor, request.POST or None, initial=forms.UnitForm.initial_for(unit))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _attempt(form, lambda: services.do_update_unit(
            actor, unit, aliases=data["aliases"], members=list(data["members"]), reason=data["reason"],
            **_unit_fields(data)))
        if done is not None:
            messages.success(request, f"已保存“{done.name}”")
            return redirect("registry:unit", unit.pk)
    return _unit_page(request, actor, unit, form, forms.MergeForm(actor, unit), status=_status(request))


def _unit_page(request, actor, unit, form, merge_form, status=200):
    return render(request, "registry/unit_form.html", {
        "form": form, "unit": unit, "merge_form": merge_form, "history": history_rows(unit),
        "users": unit.users.order_by("username"),
        "pairings": Pairing.objects.filter(Q(helper=unit) | Q(helped=unit)).select_related("helper", "helped"),
    }, status=status)


@login_required
@require_POST
def unit_merge(request, pk):
    actor = _gate(request)
    keep = access.unit_for(actor, pk)
    merge_form = forms.MergeForm(actor, keep, request.POST)
    if merge_form.is_valid():
        other = merge_form.cleaned_data["other"]
        done = _attempt(merge_form, lambda: do_merge_units(actor, keep, other, reason=merge_form.cleaned_data["reason"]))
        if done is not None:
            messages.success(request, f"已将“{other.name}”并入“{keep.name}”，原名称保留为别名")
            return redirect("registry:unit", keep.pk)
    form = forms.UnitForm(actor, initial=forms.UnitForm.initial_for(keep))
    return _unit_page(request, actor, keep, form, merge_form, status=400)


# -- people --------------------------------------------------------------------------------------

@login_required
def users(request):
    actor = _gate(request)
    rows = access.users(actor).order_by("unit__name", "username")
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(Q(username__icontains=q) | Q(name__icontains=q) | Q(unit__name__icontains=q))
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        rows = rows.filter(unit_id=int(unit_id))
    rows = list(rows[:500])
    for row in rows:
        # Roles from the prefetched groups: role_set would otherwise ask once a row.
        names = {g.name for g in row.groups.all()}
        row.role_set = frozenset(role for role in Role if group_name(role) in names)
        row.changeable = access.may_change_user(actor, row)
    return render(request, "registry/users.html", {"users": rows, "q": q})


@login_required
def user_create(request):
    actor = _gate(request)
    initial = {"unit": request.GET.get("unit")} if request.GET.get("unit", "").isdigit() else {}
    form = forms.UserCreateForm(actor, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = _attempt(form, lambda: services.do_create_user(
            actor, username=data["username"], name=data["name"], unit=data["unit"], roles=data["roles"],
            phone=data["phone"], email=data["email"], password=data["password"] or None))
        if created is not None:
            person, password = created
            # The password is shown on this response only, never stored readable or redirected with.
            return render(request, "registry/password_shown.html", {"person": person, "password": password,
                                                                     "created": True})
    return render(request, "registry/user_create.html", {"form": form}, status=_status(request))


def _user_page(request, actor, person, *, form=None, roles_form=None, active_form=None, password_form=None,
               status=200):
    changeable = access.may_change_user(actor, person)
    return render(request, "registry/user.html", {
        "person": person, "changeable": changeable, "history": history_rows(person),
        "form": form or forms.UserForm(actor, initial={"name": person.name, "unit": person.unit_id,
                                                        "phone": person.phone, "email": person.email}),
        "roles_form": roles_form or forms.RolesForm(actor, initial={"roles": [r.value for r in person.role_set]}),
        "active_form": active_form or forms.ActiveForm(),
        "password_form": password_form or forms.PasswordForm(),
    }, status=status)


@login_required
def user_edit(request, pk):
    actor = _gate(request)
    person = access.user_for(actor, pk)
    if request.method != "POST":
        return _user_page(request, actor, person)
    form = forms.UserForm(actor, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if _attempt(form, lambda: services.do_update_user(actor, person, name=data["name"], unit=data["unit"],
                                                          phone=data["phone"], email=data["email"],
                                                          reason=data["reason"])):
            messages.success(request, "已保存账号信息")
            return redirect("registry:user", person.pk)
    return _user_page(request, actor, person, form=form, status=400)


@login_required
@require_POST
def user_roles(request, pk):
    actor = _gate(request)
    person = access.user_for(actor, pk)
    form = forms.RolesForm(actor, request.POST)
    if form.is_valid() and _attempt(form, lambda: services.do_set_roles(
            actor, person, form.cleaned_data["roles"], reason=form.cleaned_data["reason"])):
        messages.success(request, "已调整角色")
        return redirect("registry:user", person.pk)
    return _user_page(request, actor, person, roles_form=form, status=400)


@login_required
@require_POST
def user_active(request, pk):
    actor = _gate(request)
    person = access.user_for(actor, pk)
    form = forms.ActiveForm(request.POST)
    active = request.POST.get("active") == "1"
    if form.is_valid() and _attempt(form, lambda: services.do_set_active(
            actor, person, active, reason=form.cleaned_data["reason"])):
        messages.success(request, "已启用账号" if active else "已停用账号，该用户不能再登录")
        return redirect("registry:user", person.pk)
    return _user_page(request, actor, person, active_form=form, status=400)


@login_required
@require_POST
def user_password(request, pk):
    actor = _gate(request)
    person = access.user_for(actor, pk)
    form = forms.PasswordForm(request.POST)
    if form.is_valid():
        password = _attempt(form, lambda: services.do_reset_password(
            actor, person, password=form.cleaned_data["password"] or None, reason=form.cleaned_data["reason"]))
        if password:
            return render(request, "registry/password_shown.html", {"person": person, "password": password})
    return _user_page(request, actor, person, password_form=form, status=400)


# -- pairings ------------------------------------------------------------------------------------

@login_required
def pairings(request):
    actor = _gate(request)
    rows = list(access.pairings(actor).order_by("programme", "level", "helped__name", "role", "helper__name"))
    own = set(access.units(actor).filter(pk__in={p.helper_id for p in rows} | {p.helped_id for p in rows})
              .values_list("pk", flat=True))
    groups: dict[tuple, list] = {}
    for row in rows:  # the overview: who pairs with each helped side, at which level
        groups.setdefault((row.get_programme_display(), row.get_level_display(), row.helped), []).append(row)
    return render(request, "registry/pairings.html", {"groups": groups, "own": own, "count": len(rows)})


def _pairing_fields(data) -> dict:
    return {k: data[k] for k in services.PAIRING_FIELDS if k in data}


@login_required
def pairing_create(request):
    actor = _gate(request)
    form = forms.PairingForm(actor, request.POST or None, initial={"role": Pairing.Role.LEAD})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pairing = _attempt(form, lambda: services.do_create_pairing(actor, reason=data["reason"], **_pairing_fields(data)))
        if pairing is not None:
            messages.success(request, "已新增结对关系")
            return redirect("registry:pairing", pairing.pk)
    return render(request, "registry/pairing_form.html", {"form": form, "pairing": None}, status=_status(request))


@login_required
def pairing_edit(request, pk):
    actor = _gate(request)
    pairing = access.pairing_for(actor, pk)
    initial = {k: getattr(pairing, k) for k in services.PAIRING_FIELDS}
    form = forms.PairingForm(actor, request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {k: v for k, v in _pairing_fields(data).items() if k not in ("helper", "helped")}
        if _attempt(form, lambda: services.do_update_pairing(actor, pairing, reason=data["reason"], **fields)):
            messages.success(request, "已保存结对关系")
            return redirect("registry:pairing", pairing.pk)
    return render(request, "registry/pairing_form.html", {"form": form, "pairing": pairing,
                                                          "history": history_rows(pairing)}, status=_status(request))


# -- reporting schedules -------------------------------------------------------------------------

@login_required
def schedules(request):
    actor = _gate(request)
    plans = access.plans(actor).select_related("reporting_schedule").order_by("-year", "title")
    return render(request, "registry/schedules.html", {"plans": plans})


RULE_CHOICES = {"": None, "1": True, "0": False}


@login_required
def schedule_edit(request, plan_pk):
    actor = _gate(request)
    plan = access.plan_for(actor, plan_pk)
    schedule = ReportingSchedule.objects.filter(plan=plan).first()
    initial = ({k: getattr(schedule, k) for k in services.SCHEDULE_FIELDS} if schedule else
               {"due_day": 25, "starts_on": f"{plan.year}-01-01", "active": True,
                "evidence_policy": ReportingSchedule.EvidencePolicy.NONE})
    is_schedule = request.method == "POST" and request.POST.get("form") == "schedule"
    form = forms.ScheduleForm(request.POST if is_schedule else None, initial=initial)
    tasks = list(plan.tasks.order_by("list_name", "position", "id").select_related("evidence_rule"))
    rules_error = None
    if is_schedule and form.is_valid():
        data = form.cleaned_data
        fields = {k: data[k] for k in services.SCHEDULE_FIELDS}
        if _attempt(form, lambda: services.do_update_schedule(actor, plan, reason=data["reason"], **fields)):
            messages.success(request, "已保存填报安排；新的月份由每日任务按此生成，已生成的月份不变")
            return redirect("registry:schedule", plan.pk)
    elif request.method == "POST" and request.POST.get("form") == "evidence":
        rules_error = _save_rules(request, actor, tasks)
        if rules_error is None:
            messages.success(request, "已保存各任务的佐证要求")
            return redirect("registry:schedule", plan.pk)
    for task in tasks:
        rule = getattr(task, "evidence_rule", None)
        task.rule_value = "" if rule is None else ("1" if rule.required else "0")
    return render(request, "registry/schedule.html", {
        "plan": plan, "schedule": schedule, "form": form, "tasks": tasks, "rules_error": rules_error,
        "history": history_rows(schedule) if schedule else []},
        status=400 if request.method == "POST" else 200)


def _save_rules(request, actor, tasks: list[Task]) -> str | None:
    reason = request.POST.get("reason", "")
    try:
        with transaction.atomic():  # all the plan's rules or none
            for task in tasks:
                value = request.POST.get(f"rule_{task.pk}", "")
                if value not in RULE_CHOICES:
                    return f"第{task.ref}项的佐证要求无效"
                rule = EvidenceRule.objects.filter(task=task).first()
                current = None if rule is None else rule.required
                if RULE_CHOICES[value] != current:
                    services.do_set_evidence_rule(actor, task, RULE_CHOICES[value], reason=reason)
    except RegistryError as error:
        return error.message
    return None
