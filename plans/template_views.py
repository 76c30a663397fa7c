"""Downloads of the Excel plan template: blank from the import page, filled from a plan page.

GETs that write nothing. The blank template is for those who import (it lists the
office's units); a plan's template for anyone who may read the plan.
"""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from plans import access
from plans.import_views import office_admin_required
from plans.importing import scope_for
from plans.plan_template import template_response, template_workbook, units_for_template


@require_GET
@office_admin_required
def blank_template(request):
    content = template_workbook(units_for_template(scope_for(request.user)))
    return template_response("任务分工方案模板.xlsx", content)


@require_GET
@login_required
def plan_as_template(request, pk):
    plan = access.plan_for(request.user, pk)
    # The units the reader's own import resolves, and those the plan names (already on its page):
    # never another district's registry.
    content = template_workbook(units_for_template(scope_for(request.user), plan=plan), plan)
    return template_response(f"{plan.title[:80]}（模板）.xlsx", content)
