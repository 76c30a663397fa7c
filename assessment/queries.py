"""The score table: every sheet of a scheme with its items' 满分 / 自评 / 得分, totals, ranks.

Read in a fixed number of queries (scheme, items, sheets with their units, scores),
whatever the number of units and items; the page, the .xlsx and the command share it.
"""

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from assessment.models import Item, ItemScore, Scheme, ScoreSheet


@dataclass
class Cell:
    item: Item
    self_score: Decimal | None = None
    score: Decimal | None = None


@dataclass
class Row:
    sheet: ScoreSheet
    cells: dict[int, Cell] = field(default_factory=dict)  # item id → cell, the items the unit answers for
    rank: int | None = None
    grade: str = ""  # by the office's thresholds (Scheme.grade_*), once there is a total
    # The sums below are cached: a city's table asks each of them several times per row (rank,
    # grade, page, workbook). Ranking counts afresh (`recount`), so changed cells are seen.

    def recount(self) -> None:
        for name in ("full_marks", "self_total", "total", "bonus", "deduction", "vetoed"):
            self.__dict__.pop(name, None)

    @property
    def unit(self):
        return self.sheet.unit

    @cached_property
    def full_marks(self) -> Decimal:
        """满分: the unit's ordinary items (bonus, deduction and veto items are not marks to earn)."""
        return sum((c.item.max_points for c in self.cells.values() if c.item.kind == Item.Kind.NORMAL), Decimal(0))

    @cached_property
    def self_total(self) -> Decimal | None:
        return _total(self.cells.values(), "self_score")

    @cached_property
    def total(self) -> Decimal | None:
        return _total(self.cells.values(), "score")

    @cached_property
    def bonus(self) -> Decimal:
        return _sum_kind(self.cells.values(), Item.Kind.BONUS)

    @cached_property
    def deduction(self) -> Decimal:
        return _sum_kind(self.cells.values(), Item.Kind.DEDUCTION)

    @cached_property
    def vetoed(self) -> bool:
        """一票否决: any veto item scored as triggered (1)."""
        return any(c.item.kind == Item.Kind.VETO and c.score for c in self.cells.values())


def _sum_kind(cells, kind, attribute="score") -> Decimal:
    return sum((getattr(c, attribute) or Decimal(0) for c in cells if c.item.kind == kind), Decimal(0))


def _total(cells, attribute) -> Decimal | None:
    """The ordinary items' sum plus bonuses minus deductions, once every ordinary item has its
    score; None before (an empty cell, never a silent 0 for an item nobody has scored). A bonus
    or deduction item nobody scored adds or takes nothing: those are given only when earned."""
    cells = list(cells)
    values = [getattr(c, attribute) for c in cells if c.item.kind == Item.Kind.NORMAL]
    if not values or any(v is None for v in values):
        return None
    return (sum(values, Decimal(0)) + _sum_kind(cells, Item.Kind.BONUS, attribute)
            - _sum_kind(cells, Item.Kind.DEDUCTION, attribute))


def grade_of(scheme: Scheme, total: Decimal | None, vetoed: bool) -> str:
    """The grade by the office's thresholds; a veto makes it the lowest whatever the total."""
    thresholds, names = scheme.thresholds, scheme.grade_names
    if thresholds is None or total is None:
        return ""
    if vetoed:
        return names[-1]
    for threshold, name in zip(thresholds, names):
        if total >= threshold:
            return name
    return names[-1]


@dataclass
class ScoreTable:
    scheme: Scheme
    items: list[Item]
    rows: list[Row]


def score_table(scheme: Scheme) -> ScoreTable:
    items = list(scheme.items.order_by("position", "id"))
    sheets = list(scheme.sheets.select_related("unit").order_by("position", "id"))
    rows = {sheet.pk: Row(sheet) for sheet in sheets}
    for row in rows.values():
        row.cells = {item.pk: Cell(item) for item in items if item.applies_to(row.unit)}
    for sheet_id, item_id, self_score, score in ItemScore.objects.filter(sheet__scheme=scheme).values_list(
            "sheet_id", "item_id", "self_score", "score"):
        cell = rows[sheet_id].cells.get(item_id)
        if cell is not None:
            cell.self_score, cell.score = self_score, score
    ranked = list(rows.values())
    rank_within_kinds(ranked)
    for row in ranked:
        row.grade = grade_of(scheme, row.total, row.vetoed)
    return ScoreTable(scheme, items, ranked)


def rank_within_kinds(rows: list[Row]) -> None:
    """Rank units by total within their kind (departments, towns and streets apart); equal totals
    share a rank and the next rank skips (100, 98, 98, 95 → 1, 2, 2, 4). A vetoed unit ranks
    below every unit not vetoed. Units without a total are not ranked."""
    by_kind: dict[str, list[Row]] = {}
    for row in rows:
        row.recount()
        row.rank = None
        if row.total is not None:
            by_kind.setdefault(row.unit.kind, []).append(row)
    for group in by_kind.values():
        group.sort(key=lambda r: (r.vetoed, -r.total))
        for position, row in enumerate(group):
            before = group[position - 1] if position else None
            same = before is not None and (before.vetoed, before.total) == (row.vetoed, row.total)
            row.rank = before.rank if same else position + 1
