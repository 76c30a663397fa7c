"""Forms for importing a document: the upload, and the review of what was read."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from orgs.models import Programme, Unit
from plans.importing import MAX_UPLOAD_BYTES, task_key, task_label
from plans.importing.diff import describe_target, json_target_signature
from plans.importing.matching import Status, UnitMatch
from plans.importing.saving import CREATE, PLAN_EDITABLE, SKIP, TASK_EDITABLE, ImportSaveError, apply_edits
from plans.models import Plan
from plans.services import proposal_note, proposed_state


class UploadForm(forms.Form):
    file = forms.FileField(label="文件", allow_empty_file=True, help_text="Word、PDF、Excel 或文本格式的任务分工方案，不超过 50 MB",
                           error_messages={"required": "请选择要导入的文件。"})
    kind = forms.ChoiceField(label="协作类型", choices=Programme.choices, initial=Programme.EAST_WEST)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Checked before the parser ever sees the bytes.
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"文件“{upload.name}”超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB，不能导入。")
        if upload.size == 0:
            raise forms.ValidationError(f"文件“{upload.name}”是空的（0 字节），请检查后重新选择。")
        return upload


class PlanFactsForm(forms.Form):
    title = forms.CharField(label="标题", max_length=255)
    doc_number = forms.CharField(label="文号", max_length=64, required=False)
    issuer = forms.CharField(label="发文机关", max_length=255, required=False)
    issued_on = forms.DateField(label="成文日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    year = forms.IntegerField(label="年度", min_value=1949, max_value=2100)
    end_year = forms.IntegerField(label="截止年度", min_value=1949, max_value=2100, required=False,
                                  help_text="多年规划填写")
    kind = forms.ChoiceField(label="协作类型", choices=Programme.choices)

    def clean(self):
        data = super().clean()
        if data.get("end_year") and data.get("year") and data["end_year"] < data["year"]:
            self.add_error("end_year", "截止年度不能早于年度。")
        return data


class StateForm(forms.Form):
    """What the saved plan becomes: live work, or a document kept for reference."""

    state = forms.ChoiceField(label="保存为", choices=Plan.State.choices, widget=forms.RadioSelect,
                              error_messages={"required": "请选择方案状态。", "invalid_choice": "方案状态无效，请重新选择。"})


class TaskForm(forms.Form):
    ref = forms.CharField(label="序号", max_length=32)
    category = forms.CharField(label="类别", max_length=128, required=False)
    text = forms.CharField(label="任务内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    measures = forms.CharField(label="落实措施", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label="完成时限", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deadline_text = forms.CharField(label="完成时限（原文）", max_length=128, required=False)
    optional = forms.BooleanField(label="自选动作", required=False)
    score = forms.DecimalField(label="分值", max_digits=7, decimal_places=2, min_value=0, required=False)
    evidence_required = forms.CharField(label="考核要求", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class UnitDecisionForm(forms.Form):
    """What to do with one printed unit name the registry did not match."""

    choice = forms.ChoiceField(label="处理方式", required=False)
    new_name = forms.CharField(label="新单位名称", max_length=128, required=False)
    new_kind = forms.ChoiceField(label="单位类型", choices=Unit.Kind.choices)

    def __init__(self, *args, match: UnitMatch, others: list[Unit], **kwargs):
        self.match = match
        kwargs.setdefault("initial", {
            "choice": CREATE if match.status == Status.UNKNOWN else "",
            "new_name": match.proposed_name or match.printed, "new_kind": match.proposed_kind or Unit.Kind.OTHER,
        })
        super().__init__(*args, **kwargs)
        offered = {u.pk for u in match.candidates}
        choices = [("", "请选择…")]
        if match.candidates:
            choices.append(("近似单位", [(f"unit:{u.pk}", _unit_label(u)) for u in match.candidates]))
        choices.append(("处理", [(CREATE, "新建单位"), (SKIP, "不导入")]))
        rest = [(f"unit:{u.pk}", _unit_label(u)) for u in others if u.pk not in offered]
        if rest:
            choices.append(("单位库中的其他单位", rest))
        self.fields["choice"].choices = choices

    def clean(self):
        data = super().clean()
        if not data.get("choice"):
            self.add_error("choice", f"请为“{self.match.printed}”选择对应单位、新建单位或不导入。")
        elif data["choice"] == CREATE and not data.get("new_name"):
            self.add_error("new_name", "请填写新单位的名称。")
        return data

    def decision(self):
        choice = self.cleaned_data["choice"]
        if choice == CREATE:
            return {"action": CREATE, "name": self.cleaned_data["new_name"], "kind": self.cleaned_data["new_kind"]}
        if choice == SKIP:
            return SKIP
        return int(choice.removeprefix("unit:"))


def _unit_label(unit: Unit) -> str:
    return f"{unit.name}（{unit.region.name}）"


# The importer's per-task "unsure" fields (intake/interpret/items.py), as the page names them.
UNSURE_LABELS = {"task": "是否为任务", "units": "责任单位", "deadline": "完成时限"}


@dataclass
class ReviewRow:
    """One task on the review page: the source beside the editable fields."""

    form: TaskForm
    label: str
    source_location: str
    source_text: str
    units: list[tuple[str, str, UnitMatch]]  # (role label, printed, match)
    targets: list[str]
    # What the importer only proposed and the clerk should confirm ("责任单位", "完成时限").
    unsure: list[str] = field(default_factory=list)


class ReviewForms:
    """All forms of the review page, bound together and saved together."""

    def __init__(self, plan_json: dict, matches: dict[str, UnitMatch], others: list[Unit], kind: str, data=None, *,
                 today=None, existing: Plan | None = None):
        self.plan_json, self.matches = plan_json, matches
        facts = plan_json["plan"]
        self.facts = PlanFactsForm(data, prefix="plan", initial={
            **{k: facts.get(k) for k in PLAN_EDITABLE}, "kind": facts.get("kind") or kind})
        # A new plan whose year has ended is proposed as reference; an update keeps its plan's state.
        if existing is not None:
            initial, self.state_note = existing.state, ""
        elif today is not None:
            initial = proposed_state(facts.get("year"), facts.get("end_year"), today=today)
            self.state_note = proposal_note(facts.get("year"), facts.get("end_year"), today=today)
        else:
            initial, self.state_note = Plan.State.ACTIVE, ""
        self.state = StateForm(data, prefix="plan", initial={"state": initial})
        self.tasks = [TaskForm(data, prefix=f"t{i}", initial={k: t.get(k) for k in TASK_EDITABLE})
                      for i, t in enumerate(plan_json["tasks"])]
        # Names needing a choice first: a close or ambiguous match has no default.
        order = {Status.AMBIGUOUS: 0, Status.CLOSE: 1, Status.UNKNOWN: 2}
        unresolved = sorted((m for m in matches.values() if not m.is_resolved), key=lambda m: order[m.status])
        self.units = [UnitDecisionForm(data, prefix=f"u{i}", match=m, others=others) for i, m in enumerate(unresolved)]
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        results = [f.is_valid() for f in [self.facts, self.state, *self.tasks, *self.units]]  # every form, so all errors show
        return all(results)

    def edited_plan_json(self) -> dict:
        return apply_edits(self.plan_json, self.facts.cleaned_data, [f.cleaned_data for f in self.tasks])

    def chosen_state(self) -> str:
        return self.state.cleaned_data["state"]

    def decisions(self) -> dict:
        return {f.match.printed: f.decision() for f in self.units}

    def add_save_error(self, error: ImportSaveError) -> None:
        """Show a saving error next to the field it concerns, or at the top."""
        if error.task_index is not None and error.task_index < len(self.tasks):
            form = self.tasks[error.task_index]
            form.add_error(error.field if error.field in form.fields else None, error.message)
        elif error.unit is not None and any(f.match.printed == error.unit for f in self.units):
            form = next(f for f in self.units if f.match.printed == error.unit)
            form.add_error(None, error.message)
        elif error.field in self.facts.fields:
            self.facts.add_error(error.field, error.message)
        else:
            self.errors.append(error.message)

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for every error on the page, so none is missed far down a long page."""
        summary = [("plan-facts", f"方案信息：{_errors_text(self.facts)}")] if self.facts.errors else []
        if self.state.errors:
            summary.append(("plan-state", f"方案状态：{_errors_text(self.state)}"))
        for index, form in enumerate(self.tasks):
            if form.errors:
                label = task_label(task_key(self.plan_json["tasks"][index]))
                summary.append((f"review-task-{index}", f"{label}：{_errors_text(form)}"))
        summary += [("unit-decisions", f"单位“{f.match.printed}”：{_errors_text(f)}") for f in self.units if f.errors]
        return summary + [("", message) for message in self.errors]

    @property
    def rows(self) -> list[ReviewRow]:
        rows = []
        for form, task in zip(self.tasks, self.plan_json["tasks"]):
            source = task.get("source") if isinstance(task.get("source"), dict) else {}
            units = [(role, printed, self.matches[printed])
                     for role, key in (("牵头", "lead_units"), ("配合", "partner_units"))
                     for printed in task.get(key) or [] if printed in self.matches]
            rows.append(ReviewRow(
                form=form, label=task_label(task_key(task)),
                source_location=source.get("location") or "",
                # Without the parser's source text, show what it read, so there is still something to compare.
                source_text=source.get("text") or "\n".join(filter(None, [task.get("text"), task.get("measures")])),
                units=units, targets=_describe_targets(task.get("targets") or []),
                unsure=[UNSURE_LABELS.get(name, name) for name in task.get("unsure") or []],
            ))
        return rows


def _errors_text(form: forms.Form) -> str:
    return "；".join("；".join(messages) if name == NON_FIELD_ERRORS else f"{form.fields[name].label}：{'；'.join(messages)}"
                    for name, messages in form.errors.items())


def _describe_targets(targets: list) -> list[str]:
    lines = []
    for position, target in enumerate(targets, start=1):
        if not isinstance(target, dict):
            continue
        line = describe_target(json_target_signature(target))
        if target.get("printed"):
            line += f"（原文：{target['printed']}）"
        if isinstance(target.get("part_of"), int):
            line += f"，分解自第{target['part_of'] + 1}个"
        lines.append(line)
    return lines
