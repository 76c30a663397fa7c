"""The funds pages' forms: they parse and limit choices to the office's scope; the rules and
the writing are the services'."""

from django import forms

from funds import access
from funds.models import FundsReport, Milestone, Project, Source
from orgs.access import pickable_units


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.region.name}）"


class ProjectForm(forms.Form):
    plan = forms.ModelChoiceField(label="所属方案", queryset=None)
    name = forms.CharField(label="项目名称", max_length=200)
    county = forms.CharField(label="实施县（区）", max_length=64)
    town = forms.CharField(label="乡镇", max_length=64, required=False)
    village = forms.CharField(label="村", max_length=64, required=False)
    kind = forms.ChoiceField(label="项目类别", choices=Project.Kind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    responsible_unit = UnitChoice(label="责任单位（每月报送）", queryset=None)
    planned_fiscal = forms.CharField(label="财政援助资金（万元）", required=False)
    planned_social = forms.CharField(label="社会帮扶资金（万元）", required=False)
    planned_local = forms.CharField(label="地方配套（万元）", required=False)
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="修改原因", required=False, max_length=255,
                             help_text="调整计划投资时必填")

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = access.managed_plans(user).order_by("-year", "title")
        self.fields["responsible_unit"].queryset = pickable_units(user).filter(is_group=False).order_by("region__name", "name")

    @staticmethod
    def initial_for(project: Project) -> dict:
        planned = {f"planned_{f.source}": f"{f.planned.normalize():f}" for f in project.funds.all()}
        return {"plan": project.plan_id, "name": project.name, "county": project.county, "town": project.town,
                "village": project.village, "kind": project.kind, "year": project.year,
                "responsible_unit": project.responsible_unit_id, "note": project.note, **planned}

    def planned(self) -> dict[str, str]:
        return {s: self.cleaned_data.get(f"planned_{s}", "") for s in Source.values}

    def project_fields(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("name", "county", "town", "village", "kind", "year",
                                                   "responsible_unit", "note")}


class MilestoneForm(forms.Form):
    measure = forms.ChoiceField(label="指标", choices=Milestone.Measure.choices)
    due_on = forms.DateField(label="完成时限", widget=forms.DateInput(attrs={"type": "date"}))
    percent = forms.CharField(label="应达到（%）", max_length=8)


PROGRESS_CHOICES = FundsReport.Progress.choices
