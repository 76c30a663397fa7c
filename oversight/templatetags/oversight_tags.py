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
    if not light:
        return "—"
    return format_html('<span class="light {}">{}</span>', light, st.LIGHT_LABELS[light])


@register.filter
def warning_badge(warning):
    if not warning:
        return ""
    return format_html('<span class="warning {}">{}</span>', warning, st.WARNING_LABELS[warning])


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
