"""The plan page's link to the editing pages, for those who may edit (plans.panels)."""

from django.urls import reverse
from django.utils.html import format_html

from plans import panels
from planning.access import may_edit


def edit_link(request, plan) -> str:
    if not may_edit(request.user, plan):
        return ""
    return format_html('<p class="plan-edit-link"><a href="{}" class="button-link" id="edit-plan">编辑方案</a>'
                       '<span class="muted small">　修改方案信息、任务、单位和指标；每次保存后重新核查</span></p>',
                       reverse("planning:edit", args=[plan.pk]))


panels.PLAN_PAGE.insert(0, edit_link)  # above the findings, which it helps to fix
