"""The exchange pages' forms: parsing only; the rules and the writing are exchanges.services'."""

from django import forms

from exchanges.models import Exchange
from orgs.models import Pairing

REASON = forms.CharField(label="修改原因", required=False, max_length=255)


class ExchangeForm(forms.ModelForm):
    reason = REASON

    class Meta:
        model = Exchange
        fields = ["date", "direction", "leader_name", "leader_post", "is_principal", "delegation_size", "topic",
                  "evidence_url", "evidence_note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        field_classes = {"evidence_url": lambda **kw: forms.URLField(assume_scheme="https", **kw)}

    def _post_clean(self):  # the service validates, with the pairing's years
        pass


class _MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one input; each is checked by exchanges.services (size, type), so this
    only collects them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", _MultipleFileInput(attrs={"multiple": True}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if self.required and not files:
            raise forms.ValidationError("请选择要上传的文件（照片、会议纪要、新闻稿等）。")
        return files


def _files(required: bool) -> FilesField:
    return FilesField(label="佐证文件", required=required,
                      help_text="可选多个：照片（JPG/PNG/WebP）、会议纪要或新闻稿（PDF、Word、Excel）")


class RecordForm(ExchangeForm):
    files = _files(required=False)


class EvidenceForm(forms.Form):
    files = _files(required=True)


class LinkForm(forms.Form):
    level = forms.ChoiceField(label="结对层级", choices=[("", "不限")] + Pairing.Level.choices, required=False)
    principal_only = forms.BooleanField(label="只计主要负责同志赴受援方", required=False)
    clear = forms.BooleanField(label="取消计数规则（改由单位填报）", required=False)
    reason = REASON
