"""Links into issuance from pages of earlier layers: the plan page (plans.panels) and 我的填报
(reporting.panels), each shown only to those issuance.access lets in."""

from django.template.loader import render_to_string

from issuance import access, services
from plans import panels as plan_panels
from reporting import panels as reporting_panels


def plan_page(request, plan) -> str:
    user = request.user
    if access.office_plans(user).filter(pk=plan.pk).exists():
        status = services.sign_status(plan)
        return render_to_string("issuance/_plan_panel.html", {
            "plan": plan, "office": True, "latest": services.latest_version(plan),
            "asked": len(status), "unsigned": sum(1 for r in status if not r.signed),
        }, request=request)
    receipt = (access.own_receipts(user).filter(version__plan=plan).select_related("version")
               .order_by("-version__number").first())
    if receipt is None:
        return ""
    return render_to_string("issuance/_plan_panel.html", {"plan": plan, "office": False, "receipt": receipt},
                            request=request)


def my_work(request) -> str:
    pending = list(access.own_receipts(request.user).filter(signed_at__isnull=True)
                   .select_related("version__plan").order_by("-version__issued_at"))
    if not pending:
        return ""
    return render_to_string("issuance/_pending_panel.html", {"pending": pending}, request=request)


plan_panels.PLAN_PAGE.append(plan_page)
reporting_panels.MY_WORK.append(my_work)
