"""What one score sheet's page shows, for whoever opens it: each item with its 满分, the
考核要求 as a checklist with the evidence attached to each line, the unit's 自评, and — only
for those who may see results — 得分, reason, total, rank and grade."""

from dataclasses import dataclass, field

from django.utils import timezone

from assessment import access
from assessment.evidence import report_evidence, requirements
from assessment.models import Item, Scheme, ScoreSheet
from assessment.queries import Row, score_table
from assessment.scoring import past_due


@dataclass
class Requirement:
    text: str
    attached: list = field(default_factory=list)


@dataclass
class ItemView:
    item: Item
    score: object  # the ItemScore, or None before anyone wrote one
    requirements: list[Requirement]
    choices: list  # the unit's monthly-report evidence for this item


@dataclass
class SheetView:
    items: list[ItemView]
    row: Row | None  # the table row (total, rank, grade) for those who may see results
    results: bool
    may_edit: bool
    may_appeal: bool
    may_manage: bool
    past_due: bool
    veto: str = Item.Kind.VETO


def sheet_view(sheet: ScoreSheet, user) -> SheetView:
    scheme = sheet.scheme
    items = [i for i in scheme.items.select_related("scoring_unit").order_by("position", "id") if i.applies_to(sheet.unit)]
    scores = {s.item_id: s for s in sheet.scores.all()}
    attached: dict[tuple[int, str], list] = {}
    for found in sheet.evidence.select_related("report_evidence__report__cycle").order_by("pk"):
        attached.setdefault((found.item_id, found.requirement), []).append(found)
    own = access.may_self_assess(user, sheet)
    editing = own and scheme.state == Scheme.State.OPEN and sheet.state == ScoreSheet.State.PENDING and not past_due(scheme)
    pool = list(report_evidence(sheet)) if editing else []
    views = []
    for item in items:
        lines = [Requirement(text, attached.get((item.pk, text), [])) for text in requirements(item)]
        choices = [e for e in pool if not item.task_id or e.report.task_id == item.task_id]
        views.append(ItemView(item, scores.get(item.pk), lines, choices))
    results = access.may_see_results(user, sheet)
    row = next((r for r in score_table(scheme).rows if r.sheet.pk == sheet.pk), None) if results else None
    return SheetView(
        items=views, row=row, results=results, may_edit=editing,
        may_appeal=(own and scheme.state == Scheme.State.PUBLISHED and not sheet.appealed_at
                    and timezone.now() <= scheme.appeal_until()),
        may_manage=access.may_manage(user, scheme), past_due=past_due(scheme))
