"""Saving a 预分解: the target's parts, one per unit, written in one transaction and audited.

The parts are targets like the importer's: `parent` the total, `assignee` the unit, the same
metric, unit, comparator and period, `carried_over` last year's shortfall. So the plan page's
tree, the checks and oversight's roll-up (oversight.status.Breakdowns: a total without its own
figure progresses as its parts report) read them as they read an imported breakdown.

A breakdown that does not add up is saved only with a reason, kept on the total
(`Target.breakdown_reason`) and shown by the checks (`breakdown_reason`) until it adds up.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count

from history.records import acting
from intake.interpret.numbers import printed
from planning import access
from planning.breakdown_data import candidate_units
from planning.breakdown_fill import Share, remainder
from plans import hooks
from plans.models import Target

REASON = "预分解"


class BreakdownError(Exception):
    """A breakdown that cannot be saved, said in Chinese; `field` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Saved:
    created: int
    updated: int
    deleted: int
    remainder: Decimal


def _check_units(target: Target, shares: list[Share]) -> dict:
    allowed = {u.pk: u for u in candidate_units(target).filter(pk__in=[s.unit_id for s in shares])}
    seen = set()
    for number, share in enumerate(shares, start=1):
        unit = allowed.get(share.unit_id)
        if unit is None:
            raise BreakdownError(f"第{number}行：该单位不在本办公室的单位范围内，不能分解给它")
        if unit.is_group:
            raise BreakdownError(f"第{number}行：“{unit.name}”是集合单位，请展开为成员单位后分解")
        if share.unit_id in seen:
            raise BreakdownError(f"第{number}行：“{unit.name}”重复出现，每个单位只能有一行")
        seen.add(share.unit_id)
    return allowed


def do_save_breakdown(user, target: Target, shares: list[Share], *, carried_over: Decimal | None,
                      reason: str = "") -> Saved:
    """Write `target`'s parts as `shares` (rows with neither a share nor a carry-over are left
    out) and its own carry-over. Parts no longer listed are deleted, unless a unit has already
    reported on one or it is broken down further: that is refused, naming them."""
    access.target_for_breakdown(user, target.pk)  # the page's answer: 403 / 404
    reason = (reason or "").strip()
    shares = [s for s in shares if s.quantity is not None or s.carried_over is not None]
    units = _check_units(target, shares)
    left = remainder(target.quantity, carried_over, shares)
    unit = target.unit
    if left and not reason:
        what = f"尚有{printed(left)}{unit}未分配" if left > 0 else f"超出合计{printed(-left)}{unit}"
        raise BreakdownError(f"分解合计与总数不符（{what}）；请调整，或填写原因后保存", field="reason")
    with transaction.atomic(), acting(user, f"{REASON}：{reason}" if reason else REASON):
        target = Target.objects.select_for_update().get(pk=target.pk)
        parts = {p.assignee_id: p for p in target.parts.annotate(
            reports=Count("reported_figures", distinct=True), subparts=Count("parts", distinct=True))}
        wanted = {s.unit_id for s in shares}
        gone = [p for uid, p in parts.items() if uid not in wanted]
        kept_back = [p for p in gone if p.reports or p.subparts]
        if kept_back:
            names = "、".join(f"{p.assignee.name if p.assignee_id else p.assignee_printed}"
                             f"（{'已有' + str(p.reports) + '条填报数据' if p.reports else '已继续分解'}）"
                             for p in kept_back)
            raise BreakdownError(f"不能移除{names}：移除会丢失这些数据。请保留该单位，或将其数字改为0")
        for part in gone:
            part.delete()
        created = updated = 0
        for position, share in enumerate(shares, start=1):
            part = parts.get(share.unit_id)
            quantity = share.quantity if share.quantity is not None else Decimal(0)
            if part is None:
                part = Target(task=target.task, parent=target, assignee=units[share.unit_id],
                              metric=target.metric, unit=unit, comparator=target.comparator, per=target.per,
                              year=target.year, source_location=REASON)
                created += 1
            elif (part.quantity, part.carried_over, part.position) != (quantity, share.carried_over, position):
                updated += 1
            else:
                continue
            part.quantity, part.carried_over, part.position = quantity, share.carried_over, position
            part.full_clean()
            part.save()
        new_reason = reason if left else ""
        if (target.carried_over, target.breakdown_reason) != (carried_over, new_reason):
            target.carried_over, target.breakdown_reason = carried_over, new_reason
            target.full_clean()
            target.save(update_fields=["carried_over", "breakdown_reason"])
        if created:  # a unit new to the plan reports from this month, not from the next daily run
            hooks.plan_saved(target.task.plan)
    return Saved(created, updated, len(gone), left)
