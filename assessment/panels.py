"""The plan page's link to its year-end assessment, for those who may see it."""

from django.urls import reverse
from django.utils.html import format_html

from oversight import access as oversight_access
from plans import panels


def plan_page(request, plan) -> str:
    if not plan.tasks.filter(score__isnull=False).exists():
        return ""
    if not oversight_access.plans_visible_to(request.user, include_inactive=True).filter(pk=plan.pk).exists():
        return ""
    return format_html('<section class="panel"><h2>年度考核</h2><p>本方案的任务写有分值和考核要求。'
                       '<a href="{}">查看年度考核</a></p></section>', reverse("assessment:plan", args=[plan.pk]))


panels.PLAN_PAGE.append(plan_page)
