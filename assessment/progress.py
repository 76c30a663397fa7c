"""The office's view of how the year's assessment is going, and reminders.

Who has self-assessed (submitted), which scoring departments (and the office) have scored how
many of their unit × item cells, and what is missing. Reminders go through notifications.notify
to the units not yet submitted and the scorers with cells left, and one digest of each run to the
office's group robots; each (scheme, unit, kind) is claimed once a day by inserting a
ReminderSent row, so pressing twice sends nothing more.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from assessment.models import Item, ItemScore, ReminderSent, Scheme, ScoreSheet
from notifications.claims import claim
from notifications.models import Kind
from notifications.services import notify, notify_robots
from orgs.models import Unit


@dataclass
class Scorer:
    name: str
    unit_id: int | None  # None: the office
    cells: int = 0
    scored: int = 0
    missing: list[str] = field(default_factory=list)  # "鼓东街道 第2项"

    @property
    def done(self) -> bool:
        return self.cells == self.scored


@dataclass
class Progress:
    sheets: list[ScoreSheet]
    not_submitted: list[ScoreSheet]
    scorers: list[Scorer]


def progress(scheme: Scheme) -> Progress:
    """Four queries: items, sheets, scored cells, and nothing per unit."""
    items = list(scheme.items.select_related("scoring_unit").filter(
        kind=Item.Kind.NORMAL).order_by("position", "id"))
    sheets = list(scheme.sheets.select_related("unit").order_by("position", "id"))
    scored = set(ItemScore.objects.filter(sheet__scheme=scheme, score__isnull=False).values_list("sheet_id", "item_id"))
    by_unit = {s.unit_id: s for s in sheets}
    scorers: dict[int | None, Scorer] = {}
    for item in items:
        key = item.scoring_unit_id
        scorer = scorers.setdefault(key, Scorer(item.scoring_unit.name if key else "协作办公室", key))
        targets = [by_unit[item.unit_id]] if item.unit_id in by_unit else (
            [] if item.unit_id else [s for s in sheets if s.unit.kind == item.unit_kind])
        for sheet in targets:
            scorer.cells += 1
            if (sheet.pk, item.pk) in scored:
                scorer.scored += 1
            else:
                scorer.missing.append(f"{sheet.unit.name} 第{item.ref}项")
    pending = [s for s in sheets if s.state == ScoreSheet.State.PENDING]
    ordered = sorted(scorers.values(), key=lambda s: (s.unit_id is None, s.name))
    return Progress(sheets, pending, ordered)


def _claim(scheme, unit, kind, today) -> bool:
    return claim(ReminderSent, scheme=scheme, unit=unit, kind=kind, sent_on=today)


def send_reminders(scheme: Scheme, today: datetime.date) -> list[str]:
    """Remind today those not done; returns the names reminded by this call (none twice a day)."""
    scheme = Scheme.objects.get(pk=scheme.pk)  # its state now
    if scheme.state != Scheme.State.OPEN:
        return []
    state = progress(scheme)
    sent, digest = [], []
    due = scheme.self_assess_due
    until = f"，截止{due.month}月{due.day}日" if due else ""
    for sheet in state.not_submitted:
        with transaction.atomic():
            if _claim(scheme, sheet.unit, ReminderSent.Kind.SELF_ASSESS, today):
                notify([sheet.unit], f"《{scheme}》本单位尚未提交自评{until}，请尽快自评并附佐证。",
                       url=f"/assessment/sheets/{sheet.pk}/")
                sent.append(sheet.unit.name)
                digest.append(f"{sheet.unit.name}：尚未提交自评")
    for scorer in state.scorers:
        if scorer.done or scorer.unit_id is None:
            continue
        unit = Unit.objects.get(pk=scorer.unit_id)
        with transaction.atomic():
            if _claim(scheme, unit, ReminderSent.Kind.SCORE, today):
                notify([unit], f"《{scheme}》尚有{scorer.cells - scorer.scored}项待您单位评分，请尽快评分。",
                       url=f"/assessment/schemes/{scheme.pk}/score/")
                sent.append(unit.name)
                digest.append(f"{unit.name}：尚有{scorer.cells - scorer.scored}项待评分")
    # The office's group chat gets one digest of this run, as for monthly reminders.
    if scheme.office_id:
        notify_robots(scheme.office, Kind.REMINDER, f"《{scheme}》考核催办（{today.month}月{today.day}日）", digest)
    return sent
