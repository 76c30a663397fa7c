"""The office's pages for editing a plan in place. Thin: who may open what is planning.access,
every change one planning.editing action; a refused form comes back with its errors (400).
The checks run on every page load, so after each save their findings sit beside the rows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from plans.access import plans_visible_to
from plans.queries import group_by_list, plan_task_rows
from planning import access, editing, unit_lookup
from planning.edit_checks import placed_findings
from planning.edit_forms import (MergeForm, MoveReportsForm, PlanFactsForm, ReasonForm, SplitForm, TargetFormSet,
                                 TaskForm, target_initial)
from planning.editing import EditError, task_name
from planning.report_guard import summarize, targets_with_figures


def _attempt(form, action):
    """Run an action; its EditError becomes the form's error beside the field it names."""
    try:
        return action() or True
    except EditError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


# --- the plan ---------------------------------------------------------------------------------

def _plan_page(request, plan, *, facts_form=None, new_task_form=None, status=200):
    rows = plan_task_rows(plan)
    findings = placed_findings(plan, request.user)
    for row in rows:
        row.findings = findings.of(row.task)
    last = rows[-1].task if rows else None
    units = access.units_to_pick(request.user)
    return render(request, "planning/plan_edit.html", {
        "plan": plan, "lists": group_by_list(rows), "task_count": len(rows), "plan_findings": findings.plan,
        "archived": plan_task_rows(plan, archived=True),
        "facts_form": facts_form or PlanFactsForm(instance=plan, uppers=plans_visible_to(request.user)),
        "new_task_form": new_task_form or TaskForm(units=units, plan=plan, initial={
            "list_name": last.list_name if last else "", "ref": _next_ref(rows)}),
    }, status=status)


def _next_ref(rows) -> str:
    numbers = [int(r.task.ref) for r in rows if r.task.ref.isdigit()]
    return str(max(numbers) + 1) if numbers else "1"


@login_required
def plan_new(request):
    if not access.may_create_plan(request.user):
        raise PermissionDenied("只有协作办公室管理员可以新建方案")
    form = PlanFactsForm(request.POST or None, new=True, uppers=plans_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        plan = _attempt(form, lambda: editing.do_create_plan(request.user, **form.facts()))
        if plan:
            messages.success(request, f"已新建方案《{plan.title}》，请添加任务")
            return redirect("planning:edit", plan.pk)
    return render(request, "planning/plan_new.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
def plan_edit(request, pk):
    return _plan_page(request, access.plan_to_edit(request.user, pk))


@login_required
@require_POST
def plan_facts(request, pk):
    plan = access.plan_to_edit(request.user, pk)
    form = PlanFactsForm(request.POST, instance=access.plan_to_edit(request.user, pk), uppers=plans_visible_to(request.user))
    if form.is_valid() and _attempt(form, lambda: editing.do_update_plan_facts(
            request.user, plan, state=form.cleaned_data["state"], reason=form.cleaned_data["reason"], **form.facts())):
        messages.success(request, "已保存方案信息")
        return redirect(reverse("planning:edit", args=[plan.pk]) + "#facts")
    return _plan_page(request, plan, facts_form=form, status=400)


@login_required
@require_POST
def task_new(request, pk):
    plan = access.plan_to_edit(request.user, pk)
    form = TaskForm(request.POST, units=access.units_to_pick(request.user), plan=plan)
    if form.is_valid():
        data = form.cleaned_data
        task = _attempt(form, lambda: editing.do_add_task(
            request.user, plan, lead_units=data["lead_units"], partner_units=data["partner_units"],
            reason=data["reason"], **form.task_fields()))
        if task:
            messages.success(request, f"已新增{task_name(task)}任务")
            return redirect("planning:task", task.pk)
    return _plan_page(request, plan, new_task_form=form, status=400)


# --- one task ---------------------------------------------------------------------------------

def _task_page(request, task, status=200, **forms):
    units = access.units_to_pick(request.user)
    rows, parents = target_initial(task)
    summary = summarize(task)
    findings = placed_findings(task.plan, request.user)
    with_figures = targets_with_figures(task)
    return render(request, "planning/plan_edit_task.html", {
        "task": task, "plan": task.plan, "findings": findings.of(task), "summary": summary,
        "form": forms.get("form") or TaskForm(instance=task, units=units),
        "targets": forms.get("targets") or TargetFormSet(initial=rows, units=units, parents=parents, prefix="t"),
        "split_form": forms.get("split_form") or SplitForm(task=task, prefix="split"),
        "merge_form": forms.get("merge_form") or MergeForm(task=task, prefix="merge"),
        "delete_form": forms.get("delete_form") or ReasonForm(prefix="delete"),
        "archive_form": forms.get("archive_form") or ReasonForm(prefix="archive"),
        "move_form": forms.get("move_form") or MoveReportsForm(task=task, with_figures=with_figures, prefix="move"),
        "history": task.history.select_related("history_user").order_by("-history_date", "-history_id")[:10],
    }, status=status)


@login_required
def task_edit(request, pk):
    task = access.task_to_edit(request.user, pk)
    if request.method != "POST":
        return _task_page(request, task)
    form = TaskForm(request.POST, instance=access.task_to_edit(request.user, pk), units=access.units_to_pick(request.user))
    if form.is_valid():
        data = form.cleaned_data
        if _attempt(form, lambda: editing.do_update_task(
                request.user, task, lead_units=data["lead_units"], partner_units=data["partner_units"],
                reason=data["reason"], **form.task_fields())):
            messages.success(request, f"已保存{task_name(access.task_to_edit(request.user, pk))}任务")
            return redirect("planning:task", task.pk)
    return _task_page(request, task, status=400, form=form)


@login_required
@require_POST
def task_targets(request, pk):
    task = access.task_to_edit(request.user, pk)
    _, parents = target_initial(task)
    formset = TargetFormSet(request.POST, units=access.units_to_pick(request.user), parents=parents, prefix="t")
    if formset.is_valid():
        try:
            editing.do_set_targets(request.user, task, formset.rows(), reason=request.POST.get("reason", ""))
        except EditError as error:
            formset._non_form_errors = formset.error_class([error.message])
        else:
            messages.success(request, f"已保存{task_name(task)}任务的指标")
            return redirect(reverse("planning:task", args=[task.pk]) + "#targets")
    return _task_page(request, task, status=400, targets=formset)


@login_required
@require_POST
def task_move(request, pk):
    task = access.task_to_edit(request.user, pk)
    tasks = list(task.plan.tasks.filter(archived=False).order_by("position", "id").values_list("pk", "list_name"))
    step = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    to = request.POST.get("to", "")
    if step and task.pk in [pk for pk, _ in tasks]:
        # ↑/↓ swap with the neighbour in the same list (附件), as the page groups them.
        same = [i for i, (_, name) in enumerate(tasks) if name == task.list_name]
        here = same.index(next(i for i, (pk, _) in enumerate(tasks) if pk == task.pk))
        there = same[max(0, min(len(same) - 1, here + step))]
        to = there + 1
    try:
        editing.do_move_task(request.user, task, to=int(to))
    except (TypeError, ValueError):
        messages.error(request, "未调整顺序：请给出要移到的位置（数字）")
    return redirect(reverse("planning:edit", args=[task.plan_id]) + f"#task-{task.pk}")


def _task_action(request, pk, form_class, key, action, done, **form_kwargs):
    """A POST of one of the task page's smaller forms: run the action, or show the page again."""
    task = access.task_to_edit(request.user, pk)
    form = form_class(request.POST, prefix=key.removesuffix("_form"), **{k: v(task) for k, v in form_kwargs.items()})
    if form.is_valid():
        result = _attempt(form, lambda: action(task, form))
        if result:
            messages.success(request, done(task, result))
            return redirect(result if isinstance(result, str) else reverse("planning:task", args=[task.pk]))
    return _task_page(request, task, status=400, **{key: form})


@login_required
@require_POST
def task_split(request, pk):
    def split(task, form):
        data = form.cleaned_data
        new = editing.do_split_task(request.user, task, ref=data["ref"], text=data["text"], targets=data["targets"],
                                    reason=data["reason"])
        return reverse("planning:task", args=[new.pk])
    return _task_action(request, pk, SplitForm, "split_form", split, lambda task, _: f"已从{task_name(task)}拆出新任务",
                        task=lambda task: task)


@login_required
@require_POST
def task_merge(request, pk):
    def merge(task, form):
        other = task.plan.tasks.get(pk=form.cleaned_data["other"])
        editing.do_merge_tasks(request.user, task, other, reason=form.cleaned_data["reason"])
        return True
    return _task_action(request, pk, MergeForm, "merge_form", merge, lambda task, _: f"已将所选任务并入{task_name(task)}",
                        task=lambda task: task)


@login_required
@require_POST
def task_delete(request, pk):
    def delete(task, form):
        editing.do_delete_task(request.user, task, reason=form.cleaned_data["reason"])
        return reverse("planning:edit", args=[task.plan_id])
    return _task_action(request, pk, ReasonForm, "delete_form", delete, lambda task, _: f"已删除{task_name(task)}任务")


@login_required
@require_POST
def task_archive(request, pk):
    def archive(task, form):
        editing.do_archive_task(request.user, task, reason=form.cleaned_data["reason"])
        return reverse("planning:edit", args=[task.plan_id]) + "#archived"
    return _task_action(request, pk, ReasonForm, "archive_form", archive,
                        lambda task, _: f"已归档{task_name(task)}任务，其填报记录保留")


@login_required
@require_POST
def task_restore(request, pk):
    task = access.task_to_edit(request.user, pk)
    try:
        editing.do_restore_task(request.user, task, reason=request.POST.get("reason", ""))
    except EditError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已恢复{task_name(task)}任务")
    return redirect(reverse("planning:edit", args=[task.plan_id]) + f"#task-{task.pk}")


@login_required
@require_POST
def task_move_reports(request, pk):
    moved = []

    def move(task, form):
        to = task.plan.tasks.get(pk=form.cleaned_data["to_task"])
        moved.append(editing.do_move_reports(request.user, task, to, form.target_map(), reason=form.cleaned_data["reason"]))
        return reverse("planning:task", args=[task.pk])
    return _task_action(request, pk, MoveReportsForm, "move_form", move,
                        lambda task, _: f"已将{moved[0]}份进度报告移出{task_name(task)}，现在可以删除该任务",
                        task=lambda task: task, with_figures=targets_with_figures)


# --- type-ahead -------------------------------------------------------------------------------

@login_required
@require_GET
def units_json(request):
    """Units the office may pick whose name, 全称 or an alias contains `q` (the editing pages'
    type-ahead)."""
    if not access.is_editor(request.user):
        return JsonResponse({"detail": "只有协作办公室管理员可以选择单位"}, status=403)
    found = unit_lookup.suggest(access.units_to_pick(request.user), request.GET.get("q", ""))
    return JsonResponse({"units": [s.as_json() for s in found]}, json_dumps_params={"ensure_ascii": False})
