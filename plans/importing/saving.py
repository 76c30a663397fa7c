"""Writing reviewed Plan JSON to the database, all of it or nothing.

A new version of a saved plan updates it by task key (list, ref): changed
tasks keep their rows (and so their progress reports), new ones are added,
missing ones deleted — unless someone has already reported on them.
"""

import copy
import json
import datetime
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q

from history.records import acting
from orgs.models import Region, Unit
from orgs.names import normalize_name
from plans import hooks
from plans.importing import task_key, task_label, to_date, to_decimal
from plans.importing.diff import json_target_signature, saved_target_signature
from plans.importing.matching import guess_kind, proposed_name, resolve_printed
from plans.models import Assignment, Plan, Target, Task
from plans.services import IMPORT_REASON

CREATE = "create"
SKIP = "skip"


class ImportSaveError(Exception):
    """Why a plan could not be saved, in Chinese, and where: which task (its
    index in the Plan JSON task list) and field, or which printed unit name."""

    def __init__(self, message: str, *, task_index: int | None = None, field: str | None = None, unit: str | None = None):
        super().__init__(message)
        self.message, self.task_index, self.field, self.unit = message, task_index, field, unit


def save_plan(plan_json: dict, decisions: dict, *, user, scope: Region | None, source_file=None,
              existing: Plan | None = None, state: str | None = None) -> Plan:
    """Create the plan (or update `existing`) with its tasks, assignments and targets.

    `state` (a Plan.State) is set in the same transaction and recorded in the plan's
    history with the reason "导入时设定"; None keeps an existing plan's state (a new
    plan is then 执行中).

    `decisions` maps a printed unit name to a Unit id, "skip" (assignments
    dropped; a target keeps the printed name with no unit) or
    {"action": "create", "name": …, "kind": …} (a new unit in `scope`).
    Names without a decision must resolve exactly or by alias.
    """
    stored = []
    reason = "导入新版本" if existing is not None else "导入文件"
    try:
        with transaction.atomic(), acting(user, reason):  # every task, assignment and target row's history
            units = _Units(decisions or {}, scope)
            plan = _save_plan_facts(plan_json.get("plan") or {}, existing, user, state)
            _save_tasks(plan, plan_json.get("tasks") or [], units)
            if source_file is not None:
                plan.source_file.save(source_file.name.rsplit("/", 1)[-1], source_file, save=False)
                stored.append(plan.source_file.name)
                plan.save(update_fields=["source_file", "updated_at"])
            hooks.plan_saved(plan)  # reporting opens its cycles once this commits
    except IntegrityError as error:
        _delete_files(stored)
        raise ImportSaveError(f"保存失败：数据与已有记录冲突（{error}），请刷新后重试。") from error
    except BaseException:
        _delete_files(stored)
        raise
    return plan


def _delete_files(names: list[str]) -> None:
    for name in names:  # the transaction rolled back: nothing refers to the file
        default_storage.delete(name)


# --- units -------------------------------------------------------------------

class _Units:
    """Printed name → Unit (or None for "skip"), decided once per name."""

    def __init__(self, decisions: dict, scope: Region | None):
        self.decisions, self.scope = decisions, scope
        self.cache: dict[str, Unit | None] = {}
        self.created: dict[str, Unit] = {}

    def get(self, printed: str) -> Unit | None:
        if printed not in self.cache:
            self.cache[printed] = self._decide(printed, self.decisions.get(printed))
        return self.cache[printed]

    def _decide(self, printed: str, decision) -> Unit | None:
        if decision is None:
            match = resolve_printed(printed, self.scope)
            if match is None or match.unit is None:
                why = "对应多个单位" if match else "单位库中没有"
                raise ImportSaveError(f"单位“{printed}”未能识别（{why}）：请选择对应的单位、新建单位或不导入。", unit=printed)
            return match.unit
        if decision == SKIP:
            return None
        if isinstance(decision, Unit):
            return decision
        if decision == CREATE:
            decision = {"action": CREATE}
        if isinstance(decision, dict) and decision.get("action") == CREATE:
            return self._create(printed, normalize_name(decision.get("name") or proposed_name(printed)),
                                decision.get("kind") or guess_kind(printed))
        try:
            unit = Unit.objects.filter(pk=int(decision), is_active=True).first()
        except (TypeError, ValueError):
            unit = None
        if unit is None:
            raise ImportSaveError(f"为“{printed}”选择的单位不存在或已停用，请重新选择。", unit=printed)
        return unit

    def _create(self, printed: str, name: str, kind: str) -> Unit:
        if name in self.created:  # two printed forms of one new unit
            return self.created[name]
        if self.scope is None:
            raise ImportSaveError(f"不能新建单位“{name}”：未确定所在区划。", unit=printed)
        # Name and region identify a unit: one created since the review was shown is the one meant.
        unit = Unit.objects.filter(region=self.scope, name=name).first()
        if unit is None:
            unit = Unit(name=name, kind=kind, region=self.scope)
            _clean_and_save(unit, f"新建单位“{name}”", unit_printed=printed)
        self.created[name] = unit
        return unit


# --- plan and tasks ------------------------------------------------------------

def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _convert(convert, value, where: str, label: str, **location):
    try:
        return convert(value)
    except ValueError as error:
        raise ImportSaveError(f"{where}的“{label}”：{error}", **location) from None


def _save_plan_facts(facts: dict, existing: Plan | None, user, state: str | None = None) -> Plan:
    # A fresh row, locked: the caller's instance stays as it was if saving fails,
    # and two people saving over the same plan wait for each other.
    plan = Plan.objects.select_for_update().get(pk=existing.pk) if existing else Plan()
    if existing and user is not None and plan.office_id != getattr(user, "unit_id", None):
        # Matching already looks only among the office's plans; this holds if a caller does not.
        raise ImportSaveError(f"方案《{plan.title}》不是本单位主办的方案，不能以导入更新。")
    if existing:
        # An Excel ledger of a saved plan has no 文号, issuer or date: what the
        # new version does not state, the saved plan keeps.
        facts = {k: v for k, v in facts.items() if v not in (None, "", [])}
        facts = {"title": plan.title, "doc_number": plan.doc_number, "issuer": plan.issuer,
                 "issued_on": plan.issued_on.isoformat() if plan.issued_on else None, "year": plan.year,
                 "references": plan.references, **facts}
    plan.title = _text(facts.get("title"))
    plan.doc_number = _text(facts.get("doc_number"))
    plan.issuer = _text(facts.get("issuer"))
    plan.issued_on = _convert(to_date, facts.get("issued_on"), "方案", "成文日期", field="issued_on")
    plan.year = facts.get("year")
    if "end_year" in facts:
        plan.end_year = facts.get("end_year") or None
    plan.kind = facts.get("kind") or plan.kind
    references = facts.get("references") or []
    plan.references = [_text(r) for r in ([references] if isinstance(references, str) else references) if _text(r)]
    if "statements" in facts:
        plan.statements = json.loads(json.dumps(facts.get("statements") or [], default=str))
    # What this version's 合计 rows and headings state (none stated: none kept from an earlier one).
    plan.stated_totals = json.loads(json.dumps(facts.get("stated_totals"), default=str)) or None
    if plan.pk is None and user is not None and getattr(user, "unit_id", None):
        plan.office_id = user.unit_id
    if state is not None and state not in Plan.State.values:
        raise ImportSaveError(f"方案状态“{state}”无效，可选：" + "、".join(Plan.State.labels), field="state")
    if plan.pk is None or (state is not None and state != plan.state):
        plan.state = state or plan.state
        plan._change_reason = IMPORT_REASON  # the history shows the state was chosen on import
    if user is not None:
        plan._history_user = user  # the command line has no request for the history middleware
    if plan.doc_number:
        # 文号 are unique within an office: a district keeps its own copy of the city's document.
        same_office = Q(office_id=plan.office_id) if plan.office_id else Q(office__isnull=True)
        other = Plan.objects.filter(same_office, doc_number=plan.doc_number).exclude(pk=plan.pk).first()
        if other:
            raise ImportSaveError(f"文号“{plan.doc_number}”已由方案《{other.title}》使用：同一文件请以更新方式导入。",
                                  field="doc_number")
    _clean_and_save(plan, "方案")
    return plan


def _save_tasks(plan: Plan, tasks: list[dict], units: _Units) -> None:
    keys = [task_key(t) for t in tasks]
    seen: set = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise ImportSaveError(f"{task_label(key)}：序号重复，同一清单中每项任务的序号须不同。", task_index=index, field="ref")
        seen.add(key)

    saved = {(t.list_name, t.ref): t for t in plan.tasks.all()}
    # An archived task (kept for its reports) stays when a new version leaves it out.
    removed = [t for key, t in saved.items() if key not in seen and not t.archived]
    reported = [t for t in removed if t.progress_reports.exists()]
    if reported:
        names = "、".join(task_label((t.list_name, t.ref)) for t in reported)
        raise ImportSaveError(f"新版本中没有以下任务，但它们已有进度报告，不能删除：{names}。"
                              "请在文件中保留这些任务，或先处理其进度报告后再导入。")
    Task.objects.filter(pk__in=[t.pk for t in removed]).delete()

    for index, (key, data) in enumerate(zip(keys, tasks)):
        task = saved.get(key) or Task(plan=plan)
        _fill_task(task, data, key, index)
        where = f"{task_label(key)}任务"
        _clean_and_save(task, where, task_index=index)
        _save_assignments(task, data, units, where, index)
        rows = _save_targets(task, data, units, where, index)
        # Not through save(): the task's history already has this version.
        Task.objects.filter(pk=task.pk).update(annex_totals=annex_totals(data, rows))


def _fill_task(task: Task, data: dict, key: tuple[str, str], index: int) -> None:
    where = f"{task_label(key)}任务"
    task.list_name, task.ref = key
    task.position = index + 1
    task.category = _text(data.get("category"))
    task.text = _text(data.get("text"))
    task.measures = _text(data.get("measures"))
    task.deadline = _convert(to_date, data.get("deadline"), where, "完成时限", task_index=index, field="deadline")
    task.deadline_text = _text(data.get("deadline_text"))
    task.optional = bool(data.get("optional"))
    task.score = _convert(to_decimal, data.get("score"), where, "分值", task_index=index, field="score")
    task.evidence_required = _text(data.get("evidence_required"))
    source = data.get("source")
    if isinstance(source, dict):  # a new version without it (or a ledger, without the text) keeps what was said
        if "location" in source:
            task.source_location = _text(source.get("location"))
        if "text" in source:
            task.source_text = _text(source.get("text"))


def annex_totals(data: dict, rows: list[Target]) -> list[dict] | None:
    """The task's annex 合计 rows, each with the ids of the saved targets it sums ("targets"):
    a saved target does not say it came from the annex, and an edit keeps its id."""
    specs = [t for t in data.get("targets") or [] if isinstance(t, dict)]
    found = []
    for total in data.get("annex_total") or []:
        ids = [row.pk for row, spec in zip(rows, specs) if spec.get("from_annex")
               and spec.get("metric") == total.get("metric") and spec.get("unit") == total.get("unit")]
        found.append({**json.loads(json.dumps(total, default=str)), "targets": ids})
    return found or None


def _save_assignments(task: Task, data: dict, units: _Units, where: str, index: int) -> None:
    task.assignments.all().delete()  # nothing refers to assignments: rewriting them loses nothing
    for role, key in ((Assignment.Role.LEAD, "lead_units"), (Assignment.Role.PARTNER, "partner_units")):
        placed: set[int] = set()
        for position, printed in enumerate(data.get(key) or [], start=1):
            unit = units.get(printed) if printed else None
            if unit is None or unit.pk in placed:  # skipped, or two printed forms of one unit
                continue
            placed.add(unit.pk)
            _clean_and_save(Assignment(task=task, unit=unit, role=role, printed_name=_text(printed), position=position),
                            f"{where}的{Assignment.Role(role).label}“{printed}”", task_index=index)


def _save_targets(task: Task, data: dict, units: _Units, where: str, index: int) -> list[Target]:
    specs = [t for t in data.get("targets") or [] if isinstance(t, dict)]
    # Keep the rows of unchanged figures: reported progress hangs on them.
    unused = defaultdict(list)
    for target in task.targets.select_related("assignee"):
        unused[saved_target_signature(target)].append(target)
    rows = []
    for spec in specs:
        same = unused.get(json_target_signature(spec))
        rows.append(same.pop(0) if same else Target(task=task))
    leftover = [t.pk for group in unused.values() for t in group]
    if leftover:
        if Target.objects.filter(pk__in=leftover, reported_figures__isnull=False).exists():
            raise ImportSaveError(f"{where}：新版本删除或修改了已有填报数据的指标，不能导入。请保留原指标或先处理填报数据。",
                                  task_index=index, field="targets")
        task.targets.update(parent=None)  # so deleting an old total does not cascade to kept parts
        Target.objects.filter(pk__in=leftover).delete()
    elif task.pk:
        task.targets.update(parent=None)

    for position, (row, spec) in enumerate(zip(rows, specs), start=1):
        label = f"{where}的第{position}个指标（{_text(spec.get('metric')) or '未命名'}）"
        location = {"task_index": index, "field": "targets"}
        row.metric = _text(spec.get("metric"))
        row.quantity = _convert(to_decimal, spec.get("value"), label, "数量", **location)
        row.unit = _text(spec.get("unit"))
        row.comparator = _text(spec.get("comparator")) or Target.Comparator.EQUAL
        row.max_quantity = _convert(to_decimal, spec.get("max"), label, "上限", **location)
        row.per = _text(spec.get("per"))
        row.carried_over = _convert(to_decimal, spec.get("carried_over"), label, "上年缺口结转", **location)
        if "printed" in spec or row.pk is None:  # a ledger states no wording: a kept figure keeps its own
            row.printed_text = _text(spec.get("printed"))
        row.assignee_printed = _text(spec.get("assignee"))
        row.assignee = units.get(spec["assignee"]) if spec.get("assignee") else None
        row.parent, row.position, row.source_location = None, position, task.source_location
        _clean_and_save(row, label, **location)

    for position, (row, spec) in enumerate(zip(rows, specs), start=1):
        parent_index = _part_of(spec, specs, position - 1, f"{where}的第{position}个指标", index)
        if parent_index is not None:
            row.parent = rows[parent_index]
            _clean_and_save(row, f"{where}的第{position}个指标（{row.metric}）", task_index=index, field="targets")
    return rows


def _part_of(spec: dict, specs: list[dict], own: int, where: str, index: int) -> int | None:
    """The index of the total this target is part of, checked to form a tree."""
    part_of = spec.get("part_of")
    if part_of is None:
        return None
    chain, current = {own}, part_of
    while current is not None:
        if isinstance(current, bool) or not isinstance(current, int) or not 0 <= current < len(specs):
            raise ImportSaveError(f"{where}的“分解自”（part_of={part_of}）不是本任务中的指标。", task_index=index, field="targets")
        if current in chain:
            raise ImportSaveError(f"{where}的分解关系成环（part_of={part_of}）。", task_index=index, field="targets")
        chain.add(current)
        current = specs[current].get("part_of")
    return part_of


def _clean_and_save(obj, where: str, *, task_index: int | None = None, field: str | None = None,
                    unit_printed: str | None = None) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ImportSaveError(_describe(obj, where, error), task_index=task_index,
                              field=field or next(iter(error.message_dict), None), unit=unit_printed) from None
    obj.save()


def _describe(obj, where: str, error: ValidationError) -> str:
    parts = []
    for name, messages in error.message_dict.items():
        text = "；".join(str(m) for m in messages)
        if name == NON_FIELD_ERRORS:
            parts.append(text)
        else:
            parts.append(f"“{obj._meta.get_field(name).verbose_name}”{text}")
    return f"{where}：" + "；".join(parts)


# --- review edits ----------------------------------------------------------------

PLAN_EDITABLE = ("title", "doc_number", "issuer", "issued_on", "year", "end_year", "kind")
TASK_EDITABLE = ("ref", "category", "text", "measures", "deadline", "deadline_text", "optional", "score",
                 "evidence_required")


def apply_edits(plan_json: dict, facts: dict, tasks: list[dict]) -> dict:
    """A copy of the Plan JSON with a person's corrections laid over it.

    `facts` and each of `tasks` (one per task, in order) hold only edited
    fields; dates and decimals are written back as text, as in Plan JSON.
    """
    edited = copy.deepcopy(plan_json)
    edited["plan"].update({k: _json_value(v) for k, v in facts.items() if k in PLAN_EDITABLE})
    for task, changes in zip(edited["tasks"], tasks):
        task.update({k: _json_value(v) for k, v in changes.items() if k in TASK_EDITABLE})
    return edited


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
