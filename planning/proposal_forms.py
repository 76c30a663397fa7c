"""The forms of the 自选动作 pages: what a unit proposes, and the office's reason for returning.
Figures are typed as text and read by proposals.parse_figures, so an error names its row."""

from django import forms

from planning.proposals import MAX_FIGURES


class ProposalForm(forms.Form):
    text = forms.CharField(label="自选动作内容", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    measures = forms.CharField(label="工作措施", widget=forms.Textarea(attrs={"rows": 4}), required=False,
                               max_length=4000)
    deadline = forms.DateField(label="完成时限", required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
                               help_text="最迟完成日期；持续推进的留空",
                               error_messages={"invalid": "完成时限请填写日期，如2026-12-31"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_FIGURES + 1):
            self.fields[f"metric_{number}"] = forms.CharField(label=f"指标{number}", required=False, max_length=128)
            self.fields[f"quantity_{number}"] = forms.CharField(label="数量", required=False, max_length=32,
                                                                widget=forms.TextInput(attrs={"inputmode": "decimal"}))
            self.fields[f"unit_{number}"] = forms.CharField(label="计量单位", required=False, max_length=16)

    def text_fields(self):
        return [self[name] for name in ("text", "measures", "deadline")]

    def figure_rows(self):
        return [[self[f"{name}_{n}"] for name in ("metric", "quantity", "unit")] for n in range(1, MAX_FIGURES + 1)]

    def figure_input(self):
        data = self.cleaned_data
        return [(data.get(f"metric_{n}", ""), data.get(f"quantity_{n}", ""), data.get(f"unit_{n}", ""))
                for n in range(1, MAX_FIGURES + 1)]

    @staticmethod
    def initial_for(proposal) -> dict:
        initial = {"text": proposal.text, "measures": proposal.measures, "deadline": proposal.deadline}
        for n, figure in enumerate(proposal.figures.all(), start=1):
            initial.update({f"metric_{n}": figure.metric, f"quantity_{n}": f"{figure.quantity.normalize():f}",
                            f"unit_{n}": figure.unit})
        return initial


class ReturnForm(forms.Form):
    reason = forms.CharField(label="退回原因", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                             error_messages={"required": "请填写退回原因"})
