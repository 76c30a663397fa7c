"""Editing a plan in place: its facts, its tasks (add, change, reorder, split, merge, delete or
archive) and their targets. One `do_*` per change, each in one transaction inside
`acting(actor, reason)`, so every row it saves leaves a history row naming who and why
(history.records). Each checks the actor's right itself (planning.access.may_edit): a page, a
command or a test calling it gets the same answer.

A task whose units have reported on it never loses what they reported (planning.report_guard):
deleting it is refused with what would be lost, and the office moves the reports to another
task or archives the task instead; merging moves them with its targets.

Bad input raises EditError with a Chinese message and the form field concerned.
"""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q

from history.records import acting
from plans import hooks
from plans.access import plans_visible_to
from plans.models import Assignment, Plan, Target, Task
from plans.services import do_change_plan_state
from planning import access
from planning.report_guard import GuardError, move_reports, placeholders, summarize, target_label

PLAN_FIELDS = ("title", "doc_number", "issuer", "issued_on", "year", "end_year", "kind", "parent")
TASK_FIELDS = ("list_name", "ref", "category", "text", "measures", "deadline", "deadline_text", "optional", "score",
               "evidence_required", "upper_task")
TARGET_FIELDS = ("metric", "quantity", "unit", "comparator", "max_quantity", "per", "carried_over", "printed_text")


class EditError(Exception):
    """A change that cannot be made, in Chinese; `field` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _reason(reason: str, required: str | None = None) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise EditError(f"请填写原因（{required}）", field="reason")
    return reason


def _clean(obj, where: str = "") -> None:
    """The model's own validation (units of measure, ranges, constraints) as one EditError."""
    try:
        obj.full_clean()
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        label = "" if name == NON_FIELD_ERRORS else f"“{obj._meta.get_field(name).verbose_name}”"
        raise EditError(f"{where}{label}{'；'.join(messages)}", field=None if name == NON_FIELD_ERRORS else name) from None


def _save(obj, where: str = "") -> None:
    _clean(obj, where)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise EditError(f"{where}保存失败：与已有记录冲突（{error}）") from None


def task_name(task: Task) -> str:
    return f"{task.list_name + ' ' if task.list_name else ''}第{task.ref}项"


# --- the plan's facts ------------------------------------------------------------------------

def do_create_plan(actor, *, reason: str = "", **facts) -> Plan:
    """A new plan kept by the actor's office, written on the pages rather than imported."""
    if not access.may_create_plan(actor):
        raise PermissionDenied("只有协作办公室管理员可以新建方案")
    unknown = set(facts) - set(PLAN_FIELDS)
    if unknown:
        raise EditError(f"不能填写：{'、'.join(sorted(unknown))}")
    with transaction.atomic(), acting(actor, _reason(reason) or "新建方案"):
        plan = Plan(office_id=actor.unit_id, **{k: v.strip() if isinstance(v, str) else v for k, v in facts.items()})
        _check_parent(actor, plan)
        if plan.doc_number:
            other = Plan.objects.filter(office_id=actor.unit_id, doc_number=plan.doc_number).first()
            if other:
                raise EditError(f"文号“{plan.doc_number}”已由本单位的方案《{other.title}》使用", field="doc_number")
        _save(plan)
        hooks.plan_saved(plan)
    return plan


def do_update_plan_facts(actor, plan: Plan, *, state: str | None = None, reason: str = "", **facts) -> Plan:
    """Title, 文号, issuer, date, year(s), 协作类型; a new state through plans' own action (which
    asks a reason to leave the live work). 文号 stay unique within the office."""
    access.require_edit(actor, plan)
    unknown = set(facts) - set(PLAN_FIELDS)
    if unknown:
        raise EditError(f"不能修改：{'、'.join(sorted(unknown))}")
    reason = _reason(reason)
    with transaction.atomic(), acting(actor, reason or "修改方案信息"):
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        before = {name: getattr(locked, name) for name in facts}
        for name, value in facts.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _check_parent(actor, locked)
        if locked.doc_number:
            same_office = Q(office_id=locked.office_id) if locked.office_id else Q(office__isnull=True)
            other = Plan.objects.filter(same_office, doc_number=locked.doc_number).exclude(pk=locked.pk).first()
            if other:
                raise EditError(f"文号“{locked.doc_number}”已由本单位的方案《{other.title}》使用", field="doc_number")
        changed = [n for n in facts if getattr(locked, n) != before[n]]
        if changed:
            _save(locked)
        if state and state != locked.state:
            try:
                do_change_plan_state(locked, state, user=actor, reason=reason)
            except ValidationError as error:
                raise EditError("；".join(error.messages), field="reason" if "reason" in error.message_dict else "state") from None
    for name in PLAN_FIELDS + ("state", "updated_at"):
        setattr(plan, name, getattr(locked, name))
    return plan


def _check_parent(actor, plan: Plan) -> None:
    """The upper plan: one the actor may read, never the plan itself or one implementing it."""
    if not plan.parent_id:
        return
    if not plans_visible_to(actor).filter(pk=plan.parent_id).exists():
        raise EditError("所选上级方案不存在或无权查看", field="parent")
    seen, current = {plan.pk}, plan.parent
    while current is not None:
        if current.pk in seen:
            raise EditError("上级方案不能是本方案或落实本方案的方案", field="parent")
        seen.add(current.pk)
        current = current.parent


# --- tasks -----------------------------------------------------------------------------------

def _live_tasks(plan: Plan) -> list[Task]:
    return list(plan.tasks.filter(archived=False).order_by("position", "id"))


def _renumber(tasks: list[Task]) -> None:
    """Positions 1..n in the given order; only rows whose position changes are saved."""
    for position, task in enumerate(tasks, start=1):
        if task.position != position:
            task.position = position
            task.save(update_fields=["position"])


def _fill_task(task: Task, fields: dict) -> None:
    task._upper_before = task.upper_task_id  # a link kept as it was is not checked again
    unknown = set(fields) - set(TASK_FIELDS)
    if unknown:
        raise EditError(f"不能修改：{'、'.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(task, name, value.strip() if isinstance(value, str) else value)
    if not task.ref:
        raise EditError("请填写任务序号", field="ref")
    if "upper_task" in fields and task.upper_task_id and task.upper_task_id != getattr(task, "_upper_before", None):
        upper = task.upper_task
        if upper.plan_id == task.plan_id or upper.plan_id != task.plan.parent_id:
            raise EditError("落实的上级任务须来自本方案的上级方案", field="upper_task")
    clash = Task.objects.filter(plan_id=task.plan_id, list_name=task.list_name, ref=task.ref).exclude(pk=task.pk).first()
    if clash:
        where = f"“{task.list_name}”中" if task.list_name else ""
        raise EditError(f"{where}已有序号为“{task.ref}”的任务，同一清单中序号不能重复", field="ref")


def _set_units(actor, task: Task, role: str, units) -> None:
    """The task's lead or partner units, in the order given. A unit newly named must be one the
    office may pick; one already on the task may stay (an imported plan names the city's units)."""
    units = list(dict.fromkeys(units))
    current = {a.unit_id: a for a in task.assignments.filter(role=role)}
    already = set(task.assignments.values_list("unit_id", flat=True))
    new = [u.pk for u in units if u.pk not in already]
    allowed = set(access.units_to_pick(actor).filter(pk__in=new).values_list("pk", flat=True))
    label = Assignment.Role(role).label
    for unit in units:
        if unit.pk not in already and unit.pk not in allowed:
            raise EditError(f"“{unit.name}”不在本办公室可选的单位中，不能作为{label}", field=f"{role}_units")
    for unit_id, assignment in current.items():
        if unit_id not in {u.pk for u in units}:
            assignment.delete()
    for position, unit in enumerate(units, start=1):
        assignment = current.get(unit.pk)
        if assignment is None:
            _save(Assignment(task=task, unit=unit, role=role, position=position), f"{label}“{unit.name}”：")
        elif assignment.position != position:
            assignment.position = position
            assignment.save(update_fields=["position"])


def do_add_task(actor, plan: Plan, *, lead_units=(), partner_units=(), after: Task | None = None,
                reason: str = "", **fields) -> Task:
    """A new task at the end of the plan, or just after `after`."""
    access.require_edit(actor, plan)
    with transaction.atomic(), acting(actor, _reason(reason) or "新增任务"):
        task = _new_task(plan, fields, after)
        _set_units(actor, task, Assignment.Role.LEAD, lead_units)
        _set_units(actor, task, Assignment.Role.PARTNER, partner_units)
        hooks.plan_saved(plan)  # this month's reports for its units, once this commits
    return task


def _new_task(plan: Plan, fields: dict, after: Task | None) -> Task:
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # one reordering at a time
    task = Task(plan=plan)
    _fill_task(task, fields)
    tasks = _live_tasks(plan)
    task.position = (tasks[-1].position if tasks else 0) + 1
    _save(task)
    if after is not None and after.plan_id == plan.pk:
        at = next((i for i, t in enumerate(tasks) if t.pk == after.pk), len(tasks) - 1)
        _renumber(tasks[:at + 1] + [task] + tasks[at + 1:])
    return task


def do_update_task(actor, task: Task, *, lead_units=None, partner_units=None, reason: str = "", **fields) -> Task:
    """The task's wording, list and number, deadline (as printed and as a date), 自选动作, 分值,
    考核要求, and its lead and partner units (None: left as they are)."""
    access.require_edit(actor, task.plan)
    with transaction.atomic(), acting(actor, _reason(reason) or "修改任务"):
        locked = Task.objects.select_for_update().get(pk=task.pk)
        before = {name: getattr(locked, name) for name in fields}
        _fill_task(locked, fields)
        if any(getattr(locked, n) != before[n] for n in fields):
            _save(locked, f"{task_name(locked)}：")
        if lead_units is not None:
            _set_units(actor, locked, Assignment.Role.LEAD, lead_units)
        if partner_units is not None:
            _set_units(actor, locked, Assignment.Role.PARTNER, partner_units)
        hooks.plan_saved(locked.plan)  # a unit added reports from this month
    return locked


def do_move_task(actor, task: Task, *, to: int) -> Task:
    """Put the task at position `to` (1-based) among the plan's tasks."""
    access.require_edit(actor, task.plan)
    with transaction.atomic(), acting(actor, "调整任务顺序"):
        Plan.objects.select_for_update().filter(pk=task.plan_id).first()
        tasks = [t for t in _live_tasks(task.plan) if t.pk != task.pk]
        to = max(1, min(int(to), len(tasks) + 1))
        _renumber(tasks[:to - 1] + [Task.objects.get(pk=task.pk)] + tasks[to - 1:])
    return task


def do_split_task(actor, task: Task, *, ref: str, text: str = "", measures: str = "", targets=(),
                  reason: str = "") -> Task:
    """A new task just after this one, with the same list, category, deadline, 自选动作 and
    units, taking the chosen targets (with their parts). Figures reported on a moved target
    move with it, to the same unit's report of the new task for the same month."""
    access.require_edit(actor, task.plan)
    reason = _reason(reason, "拆分任务")
    with transaction.atomic(), acting(actor, f"拆分任务：{reason}"):
        task = Task.objects.select_for_update().get(pk=task.pk)
        chosen = list(task.targets.filter(pk__in=[getattr(t, "pk", t) for t in targets]))
        moving = _with_parts(task, chosen)
        fields = {name: getattr(task, name) for name in TASK_FIELDS}
        fields.update(ref=ref, text=text or "", measures=measures or "")
        if not (fields["text"] or fields["measures"]):
            raise EditError("请填写拆出任务的内容或落实措施", field="text")
        new = _new_task(task.plan, fields, after=task)
        for role in (Assignment.Role.LEAD, Assignment.Role.PARTNER):  # as the task had them, out of scope or not
            _set_units_kept(new, role, [a.unit for a in task.assignments.filter(role=role).select_related("unit")])
        new.upper_task_id = task.upper_task_id
        new.save(update_fields=["upper_task"])
        _move_targets_with_figures(task, new, moving)
        _move_annex_totals(task, new, {t.pk for t in moving})
        hooks.plan_saved(task.plan)
    return new


def _move_annex_totals(source: Task, to: Task, moved: set[int]) -> None:
    """An annex 合计 (checks.totals) goes with the targets it sums when all of them moved."""
    going = [t for t in source.annex_totals or [] if t.get("targets") and set(t["targets"]) <= moved]
    if going:
        Task.objects.filter(pk=source.pk).update(annex_totals=[t for t in source.annex_totals if t not in going] or None)
        Task.objects.filter(pk=to.pk).update(annex_totals=going)


def _with_parts(task: Task, chosen: list[Target]) -> list[Target]:
    """The chosen targets and every part below them; a part whose total stays keeps it."""
    found = {t.pk: t for t in chosen}
    frontier = list(found)
    while frontier:
        parts = list(task.targets.filter(parent_id__in=frontier).exclude(pk__in=found))
        found.update({p.pk: p for p in parts})
        frontier = [p.pk for p in parts]
    return list(found.values())


def _move_targets_with_figures(source: Task, to: Task, targets: list[Target]) -> None:
    """Move targets to another task; each figure on them moves to that unit's report of `to`
    for the same month (made, in the same state, when `to` has none yet)."""
    from reporting.models import ProgressReport, ReportedFigure

    ids = {t.pk for t in targets}
    start = to.targets.aggregate(m=Max("position"))["m"] or 0
    by_id = {t.pk: t for t in targets}
    ordered = sorted(targets, key=lambda t: (t.position, t.pk))
    for position, target in enumerate(ordered, start=start + 1):
        target.task, target.position = to, position
        # Its total stays behind: a part of another task's total cannot be. Kept parts point at
        # the moved instance, so the model's same-task check sees the total's new task.
        target.parent = by_id.get(target.parent_id)
    for target in sorted(ordered, key=lambda t: _depth(t, by_id)):  # totals before their parts
        _save(target, f"指标“{target_label(target)}”：")
    reports: dict[tuple[int, int], ProgressReport] = {
        (r.cycle_id, r.unit_id): r for r in to.progress_reports.all()}
    for figure in ReportedFigure.objects.filter(target_id__in=ids).select_related("report"):
        old = figure.report
        report = reports.get((old.cycle_id, old.unit_id))
        if report is None:
            report = ProgressReport.objects.create(
                cycle_id=old.cycle_id, unit_id=old.unit_id, task=to, status=old.status, submitted_at=old.submitted_at,
                submitted_by_id=old.submitted_by_id, submitted_late=old.submitted_late, reviewed_at=old.reviewed_at,
                reviewed_by_id=old.reviewed_by_id)
            reports[(old.cycle_id, old.unit_id)] = report
        figure.report = report
        figure.save(update_fields=["report"])


def _depth(target: Target, by_id: dict[int, Target]) -> int:
    depth, current = 0, target
    while current.parent_id in by_id and depth < len(by_id):
        depth, current = depth + 1, by_id[current.parent_id]
    return depth


def do_merge_tasks(actor, keep: Task, other: Task, *, reason: str = "") -> Task:
    """Merge `other` into `keep`: its targets, units and reports move to `keep`, its wording is
    added to keep's, and `other` goes. Reports move with their figures (the targets move too);
    two reports of the same unit and month that both hold something are refused."""
    access.require_edit(actor, keep.plan)
    if other.plan_id != keep.plan_id or other.pk == keep.pk:
        raise EditError("只能合并同一方案中的两项不同任务", field="other")
    reason = _reason(reason, "合并任务")
    with transaction.atomic(), acting(actor, f"合并任务：{task_name(other)}并入{task_name(keep)}；{reason}"):
        keep = Task.objects.select_for_update().get(pk=keep.pk)
        other = Task.objects.select_for_update().get(pk=other.pk)
        try:
            move_reports(other, keep, {}, keep_targets=True)
        except GuardError as error:
            raise EditError(error.message, field="other") from None
        offset = (keep.targets.aggregate(m=Max("position"))["m"] or 0)
        for target in other.targets.all():
            target.task, target.position = keep, target.position + offset
            target.save(update_fields=["task", "position"])
        for role in (Assignment.Role.LEAD, Assignment.Role.PARTNER):
            mine = [a.unit for a in keep.assignments.filter(role=role).select_related("unit")]
            theirs = [a.unit for a in other.assignments.filter(role=role).select_related("unit")]
            other.assignments.filter(role=role).delete()  # so _set_units sees them as named already
            _set_units_kept(keep, role, mine + [u for u in theirs if u not in mine])
        for name in ("text", "measures", "evidence_required"):
            mine, theirs = getattr(keep, name), getattr(other, name)
            if theirs and theirs not in mine:
                setattr(keep, name, f"{mine}\n{theirs}".strip())
        if other.score is not None:
            keep.score = (keep.score or Decimal(0)) + other.score
        keep.annex_totals = (keep.annex_totals or []) + (other.annex_totals or []) or None  # with the targets they sum
        Task.objects.filter(upper_task=other).update(upper_task=keep)
        _save(keep)
        placeholders(other).delete()
        other.delete()
    return keep


def _set_units_kept(task: Task, role: str, units) -> None:
    """Units coming from a task of the same plan: no scope check, they were on it already."""
    current = {a.unit_id: a for a in task.assignments.filter(role=role)}
    for position, unit in enumerate(units, start=1):
        if unit.pk in current:
            if current[unit.pk].position != position:
                current[unit.pk].position = position
                current[unit.pk].save(update_fields=["position"])
        else:
            _save(Assignment(task=task, unit=unit, role=role, position=position))


def do_delete_task(actor, task: Task, *, reason: str = "") -> None:
    """Delete a task nobody has reported on (its empty monthly reports go with it). A task with
    reports is refused with what would be lost: move them (do_move_reports) or archive it."""
    access.require_edit(actor, task.plan)
    reason = _reason(reason, "删除任务")
    with transaction.atomic(), acting(actor, f"删除任务：{reason}"):
        task = Task.objects.select_for_update().get(pk=task.pk)
        summary = summarize(task)
        if summary:
            raise EditError(f"不能删除{task_name(task)}：{summary.text}请先把填报移到其他任务，或改为归档。", field="reason")
        Task.objects.filter(upper_task=task).update(upper_task=None)
        task.delete()


def do_archive_task(actor, task: Task, *, reason: str = "") -> Task:
    """Take a task out of the work, keeping its reports and figures: no new months, no checks,
    not in the task table; its empty monthly reports go, so nobody is reminded of them."""
    access.require_edit(actor, task.plan)
    reason = _reason(reason, "归档任务")
    with transaction.atomic(), acting(actor, f"归档任务：{reason}"):
        task = Task.objects.select_for_update().get(pk=task.pk)
        if task.archived:
            raise EditError(f"{task_name(task)}已归档")
        task.archived = True
        task.save(update_fields=["archived"])
        placeholders(task).delete()
    return task


def do_restore_task(actor, task: Task, *, reason: str = "") -> Task:
    """Bring an archived task back into the work (its months are opened again once this commits)."""
    access.require_edit(actor, task.plan)
    with transaction.atomic(), acting(actor, _reason(reason) or "恢复任务"):
        task = Task.objects.select_for_update().get(pk=task.pk)
        if not task.archived:
            raise EditError(f"{task_name(task)}未归档")
        task.archived = False
        tasks = _live_tasks(task.plan)
        task.position = (tasks[-1].position if tasks else 0) + 1
        task.save(update_fields=["archived", "position"])
        hooks.plan_saved(task.plan)
    return task


def do_move_reports(actor, task: Task, to: Task, target_map: dict[int, Target], *, reason: str = "") -> int:
    """Move the reports of `task` (and each figure to the chosen target of `to`), so the task can
    then be deleted without losing anything. Returns how many reports moved."""
    access.require_edit(actor, task.plan)
    if to.plan_id != task.plan_id:
        raise EditError("只能移到同一方案中的任务", field="to_task")
    reason = _reason(reason, "移动填报")
    with transaction.atomic(), acting(actor, f"填报从{task_name(task)}移到{task_name(to)}：{reason}"):
        try:
            return move_reports(task, to, target_map)
        except GuardError as error:
            raise EditError(error.message, field=error.field) from None


# --- targets ---------------------------------------------------------------------------------

def do_set_targets(actor, task: Task, rows: list[dict], *, reason: str = "") -> list[Target]:
    """The task's targets as the table lists them, in order: a row with an `id` updates that
    target, one without adds one, a target not listed is deleted — refused when units have
    reported figures on it. `assignee` is a Unit or None (the task's total); `parent` the id of
    another target of this task kept in the table."""
    access.require_edit(actor, task.plan)
    with transaction.atomic(), acting(actor, _reason(reason) or "修改指标"):
        task = Task.objects.select_for_update().get(pk=task.pk)
        existing = {t.pk: t for t in task.targets.select_related("assignee")}
        kept = {row["id"] for row in rows if row.get("id")}
        unknown = kept - set(existing)
        if unknown:
            raise EditError("指标已被他人修改或删除，请刷新后重试")
        dropped = [t for pk, t in existing.items() if pk not in kept]
        with_figures = [t for t in dropped if t.reported_figures.exists()]
        if with_figures:
            named = "、".join(target_label(t) for t in with_figures)
            raise EditError(f"指标{named}已有填报数字，不能删除；可改数量，或把任务归档", field="targets")
        gone = [t.pk for t in dropped]
        # A kept part of a deleted total becomes a total of its own (no cascade into it).
        task.targets.filter(parent_id__in=gone).exclude(pk__in=gone).update(parent=None)
        for target in dropped:
            target.delete()
        allowed = set(access.units_to_pick(actor).values_list("pk", flat=True)) if rows else set()
        saved = []
        for position, row in enumerate(rows, start=1):
            target = existing.get(row.get("id")) or Target(task=task)
            where = f"第{position}行指标：" if len(rows) > 1 else "指标："
            fields = {n: row[n] for n in TARGET_FIELDS if n in row}
            if target.pk and "unit" in fields and fields["unit"] != target.unit and target.reported_figures.exists():
                raise EditError(f"{where}“{target_label(target)}”已有填报数字，不能改计量单位", field="targets")
            for name, value in fields.items():
                setattr(target, name, value.strip() if isinstance(value, str) else value)
            assignee = row.get("assignee")
            if target.pk and getattr(assignee, "pk", None) != target.assignee_id and target.reported_figures.exists():
                # Its figures were reported by its unit: given to another, they would count for that one.
                raise EditError(f"{where}“{target_label(target)}”已有填报数字，不能改承担单位；可新增一行给新单位", field="targets")
            if assignee is not None and assignee.pk != target.assignee_id and assignee.pk not in allowed:
                raise EditError(f"{where}“{assignee.name}”不在本办公室可选的单位中", field="targets")
            target.assignee = assignee
            if assignee is not None:
                target.assignee_printed = ""
            target.position = position
            parent = row.get("parent") or None
            saved.append((target, where, None if parent in gone else parent))
        _set_parents(saved, {t.pk for t in existing.values() if t.pk in kept}, existing)
        for target, where, _ in saved:
            _save(target, where)
    return [target for target, _, _ in saved]


def _set_parents(saved: list, kept: set[int], existing: dict[int, Target]) -> None:
    """Each row's 分解自: a target of this task kept in the table, forming a tree."""
    parents = {target.pk: parent for target, _, parent in saved if target.pk}
    for target, where, parent_id in saved:
        target.parent = None
        if not parent_id:
            continue
        chain, current = {target.pk}, parent_id
        while current:
            if current not in kept:
                raise EditError(f"{where}“分解自”须是本任务中保留的已有指标", field="targets")
            if current in chain:
                raise EditError(f"{where}分解关系成环", field="targets")
            chain.add(current)
            current = parents.get(current)
        target.parent = existing[parent_id]
