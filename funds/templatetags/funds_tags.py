"""Lights, warnings and rates on the funds pages, in reporting.status's words (the same the
dashboards print), so a project's 拨付率 light reads exactly as a target's."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from reporting import status as st

register = template.Library()


@register.filter
def rate(value):
    """0.7 → 70.0%."""
    return st.percent(value)


@register.filter
def milestone_light(status):
    """The light of the milestone a project is judged by, with its warning and what it asks."""
    if status is None:
        return mark_safe('<span class="muted">未设节点</span>')
    warning = ""
    if status.warning:
        warning = format_html(' <span class="warning {}" title="{}">{}</span>', status.warning,
                              st.WARNING_MEANINGS[status.warning], st.WARNING_LABELS[status.warning])
    return format_html('<span class="light {}" title="{}：{}" data-light="{}">{}</span>{}', status.light,
                       status.milestone.label, st.LIGHT_MEANINGS[status.light], status.light,
                       st.light_text(status.light), warning)
