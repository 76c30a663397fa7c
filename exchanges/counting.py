"""How exchanges count toward a target the office links them to (`TargetLink`), and the values
oversight lays over reported figures (registered with reporting.derived, as the roster's are).

An exchange counts when it falls in the target's year, on or before the day, on a pairing at the
link's level (any if blank) with a side among the target's units — its assignee, a group's
members; for a total given to no unit, the units in the plan's office's region and below — and,
for a link limited to principal visits, when a principal leader led it to the helped side.
"""

import calendar
import datetime
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from exchanges.models import Exchange, TargetLink
from orgs.models import Unit
from orgs.services import expand_group, subtree_region_ids
from reporting.derived import Shown


def _month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _unit_ids(target) -> set[int]:
    if target.assignee_id:
        return {u.pk for u in expand_group(target.assignee)}
    office = target.task.plan.office
    if office is None:
        return set()
    return set(Unit.objects.filter(region_id__in=subtree_region_ids(office.region_id)).values_list("pk", flat=True))


def _year(target) -> int:
    return target.year or target.task.plan.year


def _candidates(link: TargetLink, unit_ids: set[int], year: int):
    exchanges = Exchange.objects.filter(Q(pairing__helper_id__in=unit_ids) | Q(pairing__helped_id__in=unit_ids),
                                        date__year=year)
    if link.level:
        exchanges = exchanges.filter(pairing__level=link.level)
    if link.principal_only:
        exchanges = exchanges.filter(is_principal=True, direction=Exchange.Direction.TO_HELPED)
    return exchanges


def counted_exchanges(link: TargetLink, as_of: datetime.date) -> list[Exchange]:
    target = link.target
    return list(_candidates(link, _unit_ids(target), _year(target)).filter(date__lte=as_of)
                .select_related("pairing__helper", "pairing__helped").order_by("date", "pk"))


def exchange_values(plan_ids, months, today) -> dict[datetime.date, dict[int, Decimal]]:
    """reporting.derived's source: each linked target's count as of each month's end (or today).
    One query per link: offices link a handful of targets."""
    links = list(TargetLink.objects.filter(target__task__plan_id__in=plan_ids)
                 .select_related("target__task__plan__office", "target__assignee"))
    if not links or not months:
        return {}
    dates = {link.target_id: list(_candidates(link, _unit_ids(link.target), _year(link.target))
                                  .values_list("date", flat=True)) for link in links}
    values = {}
    for month in months:
        as_of = min(today, _month_end(month))
        values[month] = {pk: Decimal(sum(1 for d in found if d <= as_of)) for pk, found in dates.items()}
    return values


def shown_for_report(report, targets, today) -> dict:
    """On a unit's report (reporting.derived's explainer): each target exchanges count, with the
    count as of the report's month end and the exchanges page to check it against."""
    links = list(TargetLink.objects.filter(target_id__in=[t.pk for t in targets])
                 .select_related("target__task__plan__office", "target__assignee"))
    until = min(today, report.cycle.period_end)
    shown = {}
    for link in links:
        count = len(counted_exchanges(link, until))
        shown[link.target_id] = Shown(Decimal(count), f"由互访交流登记计算：截至{until:%-m月%-d日}共{count}次",
                                      reverse("exchanges:overview") + f"?year={until.year}")
    return shown
