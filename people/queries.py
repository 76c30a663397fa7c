"""What the office's dashboards show of the roster: people in post per sending unit, as of a day."""

import datetime

from django.db.models import Q

from people.models import Person


def in_post_by_unit(plans, as_of: datetime.date) -> list[dict]:
    """For the offices keeping these plans: per sending unit, the people in post on `as_of`
    (arrived by then, not yet returned), the professionals among them, and those returned."""
    offices = {p.office_id for p in plans if p.office_id}
    plan_ids = [p.pk for p in plans]
    people = (Person.objects.filter(office_id__in=offices).filter(Q(plan__isnull=True) | Q(plan_id__in=plan_ids))
              .values_list("sending_unit_id", "sending_unit__name", "kind", "arrived_on", "returned_on"))
    rows: dict[int, dict] = {}
    for unit_id, name, kind, arrived, returned in people:
        row = rows.setdefault(unit_id, {"unit_id": unit_id, "unit": name, "in_post": 0, "talents": 0, "returned": 0})
        if arrived is None or arrived > as_of:
            continue
        if returned is not None and returned <= as_of:
            row["returned"] += 1
            continue
        row["in_post"] += 1
        row["talents"] += kind == Person.Kind.TALENT
    return sorted(rows.values(), key=lambda r: (-r["in_post"], r["unit"]))
