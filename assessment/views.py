"""The office's assessment pages: thin views over assessment.services and queries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assessment import access
from assessment.editing import scheme_checks
from assessment.errors import AssessmentError
from assessment.exports import score_filename, score_workbook
from assessment.models import Scheme
from assessment.queries import score_table
from assessment.services import build_scheme_from_plan, plan_years
from xiezuo.xlsx import xlsx_response


@login_required
def plan_page(request, pk):
    """A plan's assessment: per year its scheme, and per unit 满分, items and the sheet's state."""
    access.require_overseer(request.user)
    plan = access.plan_for(request.user, pk)
    schemes = {s.year: s for s in Scheme.objects.filter(plan=plan)}
    years = list(plan_years(plan))
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and int(year) in years else (max(schemes) if schemes else years[-1])
    scheme = schemes.get(year)
    table = score_table(scheme) if scheme else None
    has_scores = plan.tasks.filter(score__isnull=False).exists()
    return render(request, "assessment/plan.html", {
        "plan": plan, "years": years, "year": year, "schemes": schemes, "scheme": scheme, "table": table,
        "has_scores": has_scores, "may_build": access.may_build(request.user, plan),
        "may_manage": bool(scheme) and access.may_manage(request.user, scheme),
        "may_score": bool(scheme) and bool(access.items_scored_by(request.user, scheme)),
        "scales": Scheme.Scale.choices, "checks": scheme_checks(scheme, table) if scheme else [],
    })


@login_required
@require_POST
def build(request, pk):
    access.require_overseer(request.user)
    plan = access.plan_for(request.user, pk)
    if not access.may_build(request.user, plan):
        raise PermissionDenied("只有主办该方案的协作办公室管理员可以生成考核方案")
    year = request.POST.get("year", "")
    target = reverse("assessment:plan", args=[plan.pk])
    if not year.isdigit():
        messages.error(request, "请选择考核年度")
        return redirect(target)
    try:
        scheme = build_scheme_from_plan(plan, int(year), request.user)
    except AssessmentError as error:
        messages.error(request, f"未生成：{error.message}")
        return redirect(f"{target}?year={year}")
    messages.success(request, f"已生成《{scheme}》：{scheme.sheets.count()} 个被考核单位，{scheme.items.count()} 个考核项目")
    return redirect(f"{target}?year={scheme.year}")


@login_required
def scores_xlsx(request, pk, year):
    """The score table of one year as .xlsx, the same as `manage.py export_scores`."""
    access.require_overseer(request.user)
    plan = access.plan_for(request.user, pk)
    scheme = Scheme.objects.filter(plan=plan, year=year).first()
    if scheme is None:
        raise Http404(f"{year}年度的考核方案尚未生成")
    table = score_table(scheme)
    return xlsx_response(score_filename(table), score_workbook(table))
