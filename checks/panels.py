"""The findings, on each plan's page and on the import review page."""

from django.template.loader import render_to_string

from checks.findings import ERROR, NOTE, WARNING
from checks.services import findings_for_import, findings_for_plan
from plans import access, panels


def _render(request, findings, *, before_saving: bool) -> str:
    counts = {level: sum(1 for f in findings if f.severity == level) for level in (ERROR, WARNING, NOTE)}
    return render_to_string("checks/_findings.html", {
        "findings": findings, "counts": counts, "before_saving": before_saving,
    }, request=request)


def plan_page(request, plan) -> str:
    return _render(request, findings_for_plan(plan, access.plans_visible_to(request.user)), before_saving=False)


def import_review(request, plan_json, scope) -> str:
    return _render(request, findings_for_import(plan_json, scope, access.plans_visible_to(request.user)),
                   before_saving=True)


panels.PLAN_PAGE.append(plan_page)
panels.IMPORT_REVIEW.append(import_review)
