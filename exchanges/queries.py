"""What the office's dashboards show of exchanges: per pairing with a side in the offices'
regions, the year's exchanges up to a day and the rules' results."""

import datetime

from django.db.models import Q

from exchanges import rules
from exchanges.models import Exchange
from orgs.models import Pairing, Unit
from orgs.services import subtree_region_ids


def by_pairing(offices: list[Unit], as_of: datetime.date) -> list[dict]:
    regions = set()
    for office in offices:
        regions |= subtree_region_ids(office.region_id)
    if not regions:
        return []
    year = as_of.year
    pairings = list(Pairing.objects.active_in(year)
                    .filter(Q(helper__region_id__in=regions) | Q(helped__region_id__in=regions))
                    .select_related("helper", "helped").order_by("level", "helped__name", "helper__name"))
    exchanges = list(Exchange.objects.filter(pairing__in=[p.pk for p in pairings], date__year=year, date__lte=as_of))
    results: dict[int, list] = {}
    for result in rules.check(pairings, exchanges, year):
        results.setdefault(result.pairing.pk, []).append(result)
    counts: dict[int, int] = {}
    for exchange in exchanges:
        counts[exchange.pairing_id] = counts.get(exchange.pairing_id, 0) + 1
    return [{"pairing": p, "count": counts.get(p.pk, 0), "results": results.get(p.pk, []),
             "unmet": sum(1 for r in results.get(p.pk, []) if not r.met)} for p in pairings]
