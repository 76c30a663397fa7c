"""The plan page's link to its history (plans cannot import audit; it asks later apps
for sections through plans.panels)."""

from django.urls import reverse
from django.utils.html import format_html

from audit import access
from audit.kinds import kind_named
from oversight.access import may_oversee
from plans import panels


def plan_page(request, plan) -> str:
    user = request.user
    kind = kind_named("plan")
    if not may_oversee(user) or not kind.model.history.model.objects.filter(
            access.visible_history(user, kind), id=plan.pk).exists():
        return ""
    return format_html(
        '<section class="audit-links"><h2>修改记录</h2><p><a href="{}">方案本身的修改记录</a> · '
        '<a href="{}?plan={}">本方案任务、目标、分工、填报的全部修改记录</a></p></section>',
        reverse("audit:object", args=["plan", plan.pk]), reverse("audit:log"), plan.pk)


panels.PLAN_PAGE.append(plan_page)
