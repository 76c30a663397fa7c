"""Forms of the plan editing pages: they read and check what was typed; the change itself is a
planning.editing action, which checks again."""

from django import forms
from django.db.models import Count

from orgs.models import Unit
from plans.models import Plan, Target, Task
from planning import unit_lookup
from planning.report_guard import reported, target_label
from reporting.models import ProgressReport

REASON = forms.CharField(label="修改原因", required=False, max_length=500,
                         widget=forms.TextInput(attrs={"placeholder": "选填，记入修改记录"}))


class PlanFactsForm(forms.ModelForm):
    state = forms.ChoiceField(label="状态", choices=Plan.State.choices)
    reason = forms.CharField(label="修改原因", required=False, max_length=500,
                             help_text="设为参考或归档时必填", widget=forms.TextInput())

    class Meta:
        model = Plan
        fields = ["title", "doc_number", "issuer", "issued_on", "year", "end_year", "kind", "parent"]
        widgets = {"issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, new=False, uppers=None, **kwargs):
        super().__init__(*args, **kwargs)
        # 上级方案: among the plans the person may read (plans.access), never itself.
        uppers = uppers if uppers is not None else Plan.objects.none()
        self.fields["parent"].queryset = uppers.exclude(pk=self.instance.pk) if self.instance.pk else uppers
        if new:  # a new plan starts 执行中; its state is changed afterwards, with a reason
            del self.fields["state"], self.fields["reason"]
        else:
            self.fields["state"].initial = self.instance.state

    def facts(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}


class UnitsField(forms.CharField):
    """Unit names separated by 、; read into units by planning.unit_lookup (aliases too)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"data-units": "many", "autocomplete": "off"}))
        super().__init__(**kwargs)


class TaskForm(forms.ModelForm):
    lead_units = UnitsField(label="牵头单位", help_text="多个单位以“、”分隔；输入名称或别名可选择")
    partner_units = UnitsField(label="配合单位")
    reason = REASON

    class Meta:
        model = Task
        fields = ["list_name", "ref", "category", "text", "measures", "deadline", "deadline_text", "optional", "score",
                  "evidence_required", "upper_task"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "text": forms.Textarea(attrs={"rows": 3}), "measures": forms.Textarea(attrs={"rows": 3}),
                   "evidence_required": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, units=None, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units if units is not None else Unit.objects.none()
        task = self.instance
        plan = plan or (task.plan if task.plan_id else None)
        # 落实的上级任务: a task of the upper plan (承接 sets it; corrected here).
        self.fields["upper_task"].queryset = (Task.objects.filter(plan_id=plan.parent_id).order_by("position", "id")
                                              if plan is not None and plan.parent_id else Task.objects.none())
        if not self.fields["upper_task"].queryset.exists():
            del self.fields["upper_task"]
        if task.pk and not self.is_bound:
            for role, name in (("lead", "lead_units"), ("partner", "partner_units")):
                self.initial[name] = "、".join(a.unit.name for a in task.assignments.filter(role=role).select_related("unit"))
        if task.pk and not self.is_bound and task.score is not None:
            self.initial["score"] = _plain(task.score)
        self.fields["ref"].widget.attrs["size"] = 6
        self.fields["deadline_text"].help_text = "如“10月底前”“持续推进”"

    def _units(self, name):
        among = self.units
        if self.instance.pk:  # a unit the task names already stays acceptable
            among = (self.units | Unit.objects.filter(assignments__task=self.instance)).distinct()
        try:
            return unit_lookup.read_units(among, self.cleaned_data.get(name, ""))
        except unit_lookup.UnknownUnit as error:
            raise forms.ValidationError(str(error)) from None

    def clean_lead_units(self):
        return self._units("lead_units")

    def clean_partner_units(self):
        return self._units("partner_units")

    def task_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}

    def validate_unique(self):
        pass  # the action says it in Chinese, naming the list (planning.editing._fill_task)


class TargetRowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    metric = forms.CharField(label="指标", max_length=128)
    quantity = forms.DecimalField(label="数量", max_digits=15, decimal_places=6, min_value=0)
    unit = forms.CharField(label="计量单位", max_length=16, widget=forms.TextInput(attrs={"size": 4, "list": "unit-names"}))
    comparator = forms.ChoiceField(label="比较", choices=Target.Comparator.choices,
                                   initial=Target.Comparator.EQUAL)  # so a blank new row is unchanged
    max_quantity = forms.DecimalField(label="上限", required=False, max_digits=15, decimal_places=6, min_value=0)
    per = forms.ChoiceField(label="周期", required=False, choices=[("", "—")] + list(Target.Per.choices))
    carried_over = forms.DecimalField(label="上年缺口结转", required=False, max_digits=15, decimal_places=6, min_value=0)
    assignee = forms.CharField(label="承担单位", required=False, max_length=160,
                               widget=forms.TextInput(attrs={"data-units": "one", "autocomplete": "off",
                                                             "placeholder": "空为任务合计"}))
    parent = forms.TypedChoiceField(label="分解自", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, units=None, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units if units is not None else Unit.objects.none()
        self.fields["parent"].choices = [("", "—")] + list(parents)

    def clean_assignee(self):
        name = self.cleaned_data.get("assignee", "").strip()
        if not name:
            return None
        try:
            return unit_lookup.read_unit(self.units, name)
        except unit_lookup.UnknownUnit as error:
            raise forms.ValidationError(str(error)) from None


class BaseTargetFormSet(forms.BaseFormSet):
    def __init__(self, *args, units=None, parents=(), **kwargs):
        self.units, self.parents = units, parents
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"units": self.units, "parents": self.parents}

    def rows(self) -> list[dict]:
        """What the table says, in order, rows marked for deletion and blank new rows left out."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or (self.can_delete and data.get("DELETE")):
                continue
            rows.append({"id": data.get("id"), "metric": data["metric"], "quantity": data["quantity"],
                         "unit": data["unit"], "comparator": data["comparator"], "carried_over": data.get("carried_over"),
                         "max_quantity": data.get("max_quantity"), "per": data.get("per") or "",
                         "assignee": data.get("assignee"), "parent": data.get("parent")})
        return rows


TargetFormSet = forms.formset_factory(TargetRowForm, formset=BaseTargetFormSet, extra=1, can_delete=True)


def _plain(value):
    """A quantity as typed: all digits, no trailing zeros, no exponent (100, not 1E+2)."""
    return None if value is None else format(value.normalize(), "f")


def target_initial(task: Task) -> tuple[list[dict], list[tuple[int, str]]]:
    """The table's rows for the task's targets, and the 分解自 choices (its targets)."""
    targets = list(task.targets.select_related("assignee__region").order_by("position", "id"))
    rows = [{"id": t.pk, "metric": t.metric, "quantity": _plain(t.quantity), "unit": t.unit, "comparator": t.comparator,
             "carried_over": _plain(t.carried_over), "max_quantity": _plain(t.max_quantity), "per": t.per,
             "assignee": t.assignee.name if t.assignee_id else "", "parent": t.parent_id} for t in targets]
    return rows, [(t.pk, target_label(t)) for t in targets]


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=500)


class SplitForm(forms.Form):
    ref = forms.CharField(label="新任务序号", max_length=32)
    text = forms.CharField(label="新任务内容", widget=forms.Textarea(attrs={"rows": 2}))
    targets = forms.TypedMultipleChoiceField(label="移到新任务的指标", required=False, coerce=int,
                                             widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label="原因", max_length=500)

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].choices = [(t.pk, target_label(t)) for t in task.targets.select_related("assignee")]


class MergeForm(forms.Form):
    other = forms.TypedChoiceField(label="并入本任务的任务", coerce=int)
    reason = forms.CharField(label="原因", max_length=500)

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        others = task.plan.tasks.filter(archived=False).exclude(pk=task.pk).order_by("position", "id")
        # Say what moves with each: its reported reports come along, none is lost.
        counts = dict(reported(ProgressReport.objects.filter(task__in=others)).values_list("task_id")
                      .annotate(n=Count("id")).order_by())
        self.fields["other"].choices = [
            (t.pk, f"{t}（已有{counts[t.pk]}份填报，一并移入）" if counts.get(t.pk) else str(t)) for t in others]


class MoveReportsForm(forms.Form):
    """Where a task's reports go before it is deleted: another task, and a target of it for each
    target holding figures."""

    to_task = forms.TypedChoiceField(label="移到任务", coerce=int)
    reason = forms.CharField(label="原因", max_length=500)

    def __init__(self, *args, task=None, with_figures=(), **kwargs):
        super().__init__(*args, **kwargs)
        others = list(task.plan.tasks.filter(archived=False).exclude(pk=task.pk).order_by("position", "id"))
        self.fields["to_task"].choices = [(t.pk, str(t)) for t in others]
        choices = [("", "—")] + [(t.pk, f"第{t.task.ref}项 {target_label(t)}")
                                 for t in Target.objects.filter(task__in=others).select_related("task", "assignee")]
        for target in with_figures:
            self.fields[f"map_{target.pk}"] = forms.TypedChoiceField(
                label=f"“{target_label(target)}”的数字移到", choices=choices, coerce=int)
        self.with_figures = list(with_figures)

    def target_map(self) -> dict[int, Target]:
        ids = {t.pk: self.cleaned_data[f"map_{t.pk}"] for t in self.with_figures}
        found = Target.objects.in_bulk(ids.values())
        return {old: found[new] for old, new in ids.items() if new in found}
