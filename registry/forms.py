"""The registry pages' forms: they parse and limit choices to the office's scope; the rules and
the writing are the services'."""

from django import forms

from accounts.roles import Role, grantable_roles
from orgs.models import Pairing, Programme, Unit
from registry import access
from reporting.models import ReportingSchedule

REASON = forms.CharField(label="修改原因", required=False, max_length=255,
                         widget=forms.TextInput(attrs={"placeholder": "如：机构改革、人员调整"}))


def _unit_label(unit: Unit) -> str:
    return f"{unit.name}（{unit.region.name}）"


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _unit_label(obj)


class UnitsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _unit_label(obj)


class UnitForm(forms.Form):
    name = forms.CharField(label="名称", max_length=128, help_text="文件中通常的写法，如“区民政局”")
    full_name = forms.CharField(label="全称", max_length=255, required=False)
    kind = forms.ChoiceField(label="类型", choices=Unit.Kind.choices)
    region = forms.ModelChoiceField(label="所在区划", queryset=None)
    parent = UnitChoice(label="上级单位", queryset=None, required=False)
    aliases = forms.CharField(label="别名", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              help_text="每行一个，或用顿号、逗号分隔")
    is_group = forms.BooleanField(label="集合单位（如“十街镇”）", required=False)
    members = UnitsChoice(label="成员单位", queryset=None, required=False,
                          widget=forms.SelectMultiple(attrs={"size": 8}), help_text="集合单位代表的单位，按住 Ctrl 多选")
    contact_person = forms.CharField(label="联系人", max_length=64, required=False)
    contact_phone = forms.CharField(label="联系电话", max_length=32, required=False)
    is_active = forms.BooleanField(label="在用", required=False, initial=True)
    reason = REASON

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = access.regions(actor)
        self.fields["parent"].queryset = access.units(actor)
        self.fields["members"].queryset = access.pickable(actor)

    def clean_aliases(self):
        text = self.cleaned_data["aliases"]
        for sep in "、，,;；":
            text = text.replace(sep, "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]

    @staticmethod
    def initial_for(unit: Unit) -> dict:
        return {"name": unit.name, "full_name": unit.full_name, "kind": unit.kind, "region": unit.region_id,
                "parent": unit.parent_id, "is_group": unit.is_group, "is_active": unit.is_active,
                "aliases": "\n".join(unit.aliases.values_list("name", flat=True)),
                "members": [m.member_id for m in unit.memberships.all()],
                "contact_person": unit.contact_person, "contact_phone": unit.contact_phone}


class MergeForm(forms.Form):
    other = UnitChoice(label="并入本单位的重复单位", queryset=None)
    reason = forms.CharField(label="修改原因", max_length=255)

    def __init__(self, actor, keep: Unit, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = access.units(actor).exclude(pk=keep.pk)


def _role_choices(actor):
    granted = grantable_roles(actor)
    return [(r.value, r.label) for r in Role if r in granted]


class UserCreateForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=150)
    name = forms.CharField(label="姓名", max_length=64)
    unit = UnitChoice(label="所属单位", queryset=None)
    roles = forms.MultipleChoiceField(label="角色", choices=(), widget=forms.CheckboxSelectMultiple)
    phone = forms.CharField(label="联系电话", max_length=32, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    password = forms.CharField(label="初始密码", required=False, widget=forms.PasswordInput(render_value=True),
                               help_text="不填则自动生成，保存后只显示一次")

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = access.units(actor).filter(is_active=True)
        self.fields["roles"].choices = _role_choices(actor)


class UserForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=64)
    unit = UnitChoice(label="所属单位", queryset=None)
    phone = forms.CharField(label="联系电话", max_length=32, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    reason = REASON

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = access.units(actor)


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label="角色", choices=(), widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label="修改原因", max_length=255)

    def __init__(self, actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = _role_choices(actor)


class ActiveForm(forms.Form):
    reason = forms.CharField(label="修改原因", max_length=255)


class PasswordForm(forms.Form):
    password = forms.CharField(label="新密码", required=False, widget=forms.PasswordInput,
                               help_text="不填则自动生成，只显示一次")
    reason = REASON


class PairingForm(forms.Form):
    helper = UnitChoice(label="帮扶方", queryset=None)
    helped = UnitChoice(label="受援方", queryset=None)
    level = forms.ChoiceField(label="结对层级", choices=Pairing.Level.choices)
    programme = forms.ChoiceField(label="协作类型", choices=Programme.choices)
    role = forms.ChoiceField(label="帮扶角色", choices=Pairing.Role.choices)
    start_year = forms.IntegerField(label="起始年度", min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label="截止年度", min_value=2000, max_value=2100, required=False,
                                  help_text="空表示持续；结束结对请填写截止年度")
    note = forms.CharField(label="备注", max_length=255, required=False)
    reason = REASON

    def __init__(self, actor, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        for side in ("helper", "helped"):
            self.fields[side].queryset = access.partners(actor)
            if editing:  # the two sides of a pairing stay; another pair is a new pairing
                self.fields[side].disabled = True


MONTHS = [(m, f"{m}月") for m in range(1, 13)]


class ScheduleForm(forms.Form):
    due_day = forms.IntegerField(label="每月报送日", min_value=1, max_value=28, help_text="每月几日前报送（1—28日）")
    starts_on = forms.DateField(label="起报月份", widget=forms.DateInput(attrs={"type": "date"}),
                                help_text="从该日所在月份开始按月填报")
    skipped_months = forms.TypedMultipleChoiceField(label="不填报月份", choices=MONTHS, coerce=int, required=False,
                                                    widget=forms.CheckboxSelectMultiple)
    evidence_policy = forms.ChoiceField(label="佐证要求", choices=ReportingSchedule.EvidencePolicy.choices)
    active = forms.BooleanField(label="启用", required=False)
    reason = REASON
