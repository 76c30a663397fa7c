from django import template
from django.utils.html import format_html

from oversight import status as st

register = template.Library()


@register.filter
def pct(value):
    """A ratio as the bulletin prints it: 0.9151 → 91.5%."""
    return st.percent(value)


@register.filter
def light_badge(light):
    """"黄灯·偏慢", in the light's colour: the words oversight.status defines."""
    if not light:
        return "—"
    return format_html('<span class="light {}" title="{}">{}</span>', light, st.LIGHT_MEANINGS[light],
                       st.light_text(light))


@register.filter
def warning_badge(warning):
    """The warning's label (落后时序进度) in its colour; its full name and meaning on hover."""
    if not warning:
        return ""
    return format_html('<span class="warning {}" title="{}：{}">{}</span>', warning, st.warning_text(warning),
                       st.WARNING_MEANINGS[warning], st.WARNING_LABELS[warning])


@register.filter
def difference(status):
    """“牵头单位报…，各单位合计…，相差…” where a total's own figure and its parts' sum differ."""
    return st.difference_text(status)


@register.inclusion_tag("oversight/_legend.html")
def status_legend(show_counts_note=True):
    return {"legend": st.legend(), "show_counts_note": show_counts_note,
            "lights_note": st.LIGHTS_COUNT_NOTE, "warnings_note": st.WARNINGS_COUNT_NOTE}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
