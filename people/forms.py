"""The roster pages' forms: parsing and choices limited to what the person may pick; the rules
and the writing are people.services'."""

from django import forms

from orgs.models import Unit
from people import access
from people.models import Person, TargetRule

REASON = forms.CharField(label="修改原因", required=False, max_length=255)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.region.name}）"


def _only_choice(field) -> None:
    """A unit's reporter submits for its own unit only: chosen already."""
    if len(field.queryset[:2]) == 1:
        field.empty_label = None


class PersonForm(forms.ModelForm):
    reason = REASON

    class Meta:
        model = Person
        fields = ["name", "gender", "kind", "field", "home_unit", "home_post", "phone", "host_unit", "host_post",
                  "batch", "arrived_on", "planned_return_on", "returned_on", "status", "allowance_unit"]
        widgets = {"arrived_on": DATE, "planned_return_on": DATE, "returned_on": DATE}
        field_classes = {"allowance_unit": UnitChoice}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The paying unit is a 区财政局 of the office's side; any unit may be named, read-only to it.
        self.fields["allowance_unit"].queryset = Unit.objects.filter(is_active=True, is_group=False).select_related("region")

    def _post_clean(self):  # the service validates the whole person (with its office and unit)
        pass


class NewPersonForm(PersonForm):
    plan = forms.ModelChoiceField(label="所属方案", queryset=None)
    sending_unit = UnitChoice(label="派出单位", queryset=None)
    field_order = ["plan", "sending_unit"]

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = access.plans_for_lists(actor)
        self.fields["sending_unit"].queryset = access.submitting_units(actor).select_related("region")
        _only_choice(self.fields["sending_unit"])
        self.order_fields(["plan", "sending_unit"])


class UploadForm(forms.Form):
    plan = forms.ModelChoiceField(label="所属方案", queryset=None)
    sending_unit = UnitChoice(label="派出单位", queryset=None)
    file = forms.FileField(label="名单文件（.xlsx）")

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = access.plans_for_lists(actor)
        self.fields["sending_unit"].queryset = access.submitting_units(actor).select_related("region")
        _only_choice(self.fields["sending_unit"])


class RuleForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=[("", "不限")] + Person.Kind.choices, required=False)
    field = forms.ChoiceField(label="专业领域", choices=[("", "不限")] + Person.Field.choices, required=False)
    basis = forms.ChoiceField(label="计数口径", choices=TargetRule.Basis.choices)
    min_months = forms.IntegerField(label="服务月数下限", min_value=1, max_value=60, initial=6,
                                    help_text="计数口径为“服务满N个月”时适用")
    clear = forms.BooleanField(label="取消计数规则（改由单位填报）", required=False)
    reason = REASON


class AllowanceForm(forms.Form):
    month = forms.DateField(label="月份", widget=forms.DateInput(attrs={"type": "month"}), input_formats=["%Y-%m"])
    amount = forms.DecimalField(label="金额（元）", min_value=0, max_digits=12, decimal_places=2)
    paid_on = forms.DateField(label="发放日期", widget=DATE)
    note = forms.CharField(label="备注", required=False, max_length=255)
