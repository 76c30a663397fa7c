"""Dashboards and the lists behind every figure: thin views over oversight.snapshot."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from funds.queries import funds_summary
from ledgers.models import Ledger
from oversight import access, exports, queries
from oversight import status as st
from oversight.bulletin_people import pairings, roster
from oversight.charts import dashboard_charts
from oversight.officialdoc import format_date
from oversight.ledger import ledger_title, write_ledger
from oversight.snapshot import build_snapshot, month_label, month_text, parse_month, refuse_future_month
from exchanges.access import may_link
from exchanges.queries import by_pairing as exchanges_by_pairing
from orgs.models import Unit
from people.queries import in_post_by_unit
from exchanges.models import TargetLink
from people.access import may_set_rule
from people.models import TargetRule
from xiezuo.xlsx import list_workbook, xlsx_response


OVERVIEW_PLANS = 50


def _today() -> datetime.date:
    return timezone.localdate()


def _month(request):
    try:
        month = parse_month(request.GET.get("month"))
        refuse_future_month(month, _today())
    except ValueError as error:
        raise Http404(str(error)) from None
    return month


def _scoped_snapshot(request, kind, pk):
    """The scope a dashboard page covers (?month=, ?year=) and its snapshot, for overseers only."""
    access.require_overseer(request.user)
    month = _month(request)
    year = request.GET.get("year", "")
    scope = access.dashboard_scope(request.user, kind, pk, month=month, today=_today(),
                                   year=int(year) if year.isdigit() else None)
    return scope, build_snapshot(scope.plans, month, _today())


def _row_urls() -> dict:
    """The two links every row of the dashboard's tables carries, reversed once per page
    instead of once per row (a county's page has a few hundred rows); the target's id
    follows the prefix, as in /oversight/targets/12/."""
    return {"review_url": reverse("reporting:review"), "target_url": reverse("oversight:target", args=[0])[:-2]}


@login_required
def overview(request):
    access.require_overseer(request.user)
    visible = access.plans_visible_to(request.user).order_by("-year", "-pk")
    # A province's leaders may see thousands of plans: list the latest, and the regions for the rest.
    plans = list(visible[:OVERVIEW_PLANS])
    snapshot = build_snapshot(plans, None, _today()) if plans else None
    return render(request, "oversight/overview.html", {
        "plans": plans, "snapshot": snapshot, "regions": queries.regions_of(plans),
        "more": visible.count() - len(plans) if len(plans) == OVERVIEW_PLANS else 0,
    })


@login_required
def dashboard(request, kind, pk):
    scope, snapshot = _scoped_snapshot(request, kind, pk)
    return render(request, "oversight/dashboard.html", {
        **_row_urls(),
        "years": scope.years,
        "scope": scope, "snapshot": snapshot, "charts": dashboard_charts(scope, snapshot),
        "months": queries.months_of(scope.plans), "month": month_text(snapshot.month),
        "may_publish": access.may_publish_scope(request.user, scope),
        "legend": st.legend(), "warning_names": st.WARNING_NAMES, "warning_labels": st.WARNING_LABELS,
        "export_query": request.GET.urlencode(),
        "funds": funds_summary(scope.plans, snapshot.month, _today()),  # 协作资金项目 (funds), drilling down to projects
        **_rows_panels(scope, snapshot),
    })


def _filters(request) -> dict:
    return {key: request.GET.get(key, "") for key in queries.FILTERS}


@login_required
def target_list(request, kind, pk):
    scope, snapshot = _scoped_snapshot(request, kind, pk)
    filters = _filters(request)
    rows = queries.filter_statuses(snapshot, **filters)
    return render(request, "oversight/targets.html", {
        **_row_urls(),
        "scope": scope, "snapshot": snapshot, "rows": rows, "filters": filters,
        "month": month_text(snapshot.month), "filter_label": queries.describe_filters(snapshot, **filters),
        "export_query": request.GET.urlencode(),
    })


# -- Excel of the list pages: the same scope, access and filters as the page; a GET writes nothing.

@login_required
def target_list_xlsx(request, kind, pk):
    scope, snapshot = _scoped_snapshot(request, kind, pk)
    filters = _filters(request)
    label = queries.describe_filters(snapshot, **filters)
    headers, rows = exports.target_rows(snapshot, queries.filter_statuses(snapshot, **filters))
    note = f"{scope.title} · {label} · {snapshot.label}，截至{format_date(snapshot.as_of)}（共{len(rows)}项）"
    return xlsx_response(f"{scope.title}-{label}-{snapshot.label}.xlsx",
                         list_workbook("指标", headers, rows, note=note))


@login_required
def unreported_xlsx(request, kind, pk):
    scope, snapshot = _scoped_snapshot(request, kind, pk)
    headers, rows = exports.unreported_rows(snapshot)
    note = f"{scope.title} · {snapshot.label}未报送单位（共{len(rows)}个）"
    return xlsx_response(f"{scope.title}-{snapshot.label}未报送单位.xlsx",
                         list_workbook("未报送单位", headers, rows, note=note))


@login_required
def reporting_xlsx(request, kind, pk):
    scope, snapshot = _scoped_snapshot(request, kind, pk)
    headers, rows = exports.reporting_by_month_rows(snapshot)
    note = f"{scope.title} · 逐月报送情况（截至{snapshot.label}）"
    return xlsx_response(f"{scope.title}-逐月报送情况（截至{snapshot.label}）.xlsx",
                         list_workbook("逐月报送情况", headers, rows, note=note))


@login_required
def target_detail(request, pk):
    access.require_overseer(request.user)
    target = get_object_or_404(queries.targets_visible_to(request.user), pk=pk)
    plan = target.task.plan
    snapshot = build_snapshot([plan], _month(request), _today())
    status = snapshot.statuses[target.pk]
    return render(request, "oversight/target.html", {
        **_row_urls(),
        "target": target, "plan": plan, "status": status, "snapshot": snapshot,
        "month": month_text(snapshot.month), "history": queries.figure_history(target, snapshot.month),
        "monthly": [(m, snapshot.monthly_values.get(target.pk, {}).get(m)) for m in snapshot.months],
        "warning_labels": st.WARNING_LABELS, "difference": st.difference_text(status),
        **_roster_context(request.user, target),
        **_ledger_context(target),
    })


def _rows_panels(scope, snapshot) -> dict:
    """People in post (people) and exchanges by pairing (exchanges) for the plans' offices, as of
    the dashboard's day; each row links to its rows."""
    offices = list(Unit.objects.filter(pk__in={p.office_id for p in scope.plans if p.office_id}))
    roster = in_post_by_unit(scope.plans, snapshot.as_of)
    return {"roster": roster, "roster_total": sum(r["in_post"] for r in roster),
            "exchange_rows": exchanges_by_pairing(offices, snapshot.as_of)}


def _roster_context(user, target) -> dict:
    """Whether the roster of dispatched people (people.TargetRule) or exchanges
    (exchanges.TargetLink) count this target, and whether the office may make it so (a count of
    人, of 次)."""
    return {"roster_rule": TargetRule.objects.filter(target=target).first(),
            "exchange_link": TargetLink.objects.filter(target=target).first(),
            "may_count_roster": target.unit == "人" and may_set_rule(user, target),
            "may_count_exchanges": target.unit == "次" and may_link(user, target)}


def _ledger_context(target) -> dict:
    """Whether a detail ledger computes this target (ledgers.sums), and where its rows are listed."""
    ledger = Ledger.objects.filter(task_id=target.task_id, metric=target.metric).first()
    if ledger is None:
        return {}
    unit = target.assignee_id if target.assignee_id and not target.assignee.is_group else None
    return {"ledger": ledger, "ledger_url": reverse("ledgers:ledger", args=[ledger.pk]) + (f"?unit={unit}" if unit else "")}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    """A Chinese file name that every browser saves as written (RFC 6266)."""
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def ledger(request, pk):
    """The plan's 工作台账 with each month's figures up to the month chosen and links to the evidence."""
    access.require_overseer(request.user)
    scope = access.plan_scope(request.user, pk)
    snapshot = build_snapshot(scope.plans, _month(request), _today())
    months = [(month_label(m), m) for m in snapshot.months]
    data = write_ledger(scope.plan, months, snapshot.monthly_values,
                        queries.ledger_evidence(scope.plan, snapshot.month), base_url=request.build_absolute_uri("/"),
                        notes={s.target.id: f"{snapshot.label}：{st.difference_text(s)}。计入的是直接填报数。"
                               for s in snapshot.mismatched},
                        funds=funds_summary(scope.plans, snapshot.month, _today()), funds_label=snapshot.label,
                        people=roster(scope.plans, snapshot.as_of), pairings=pairings(scope.plans, snapshot.as_of),
                        as_of=snapshot.as_of)
    return attachment(HttpResponse(data, content_type=XLSX), f"{ledger_title(scope.plan)}（截至{snapshot.label}）.xlsx")
