"""A task's targets seen as breakdowns and carry-over figures (plain data in)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from intake.interpret.metrics import DONE, QUOTA, SHORTFALL, TOTAL, metric_kind


def dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass
class TargetView:
    index: int
    value: Decimal
    unit: str
    assignee: str | None
    kind: str
    comparator: str
    printed: str
    each: int | None
    part_of: int | None


@dataclass
class TaskView:
    task: dict
    targets: list[TargetView]
    parts: dict[int, list[TargetView]] = field(default_factory=dict)  # total index -> its parts
    by_unit: dict[str | None, dict[str, list[TargetView]]] = field(default_factory=dict)  # assignee -> kind -> targets

    @classmethod
    def of(cls, task: dict, cache: dict | None = None) -> "TaskView":
        """The view of a task; `cache` (keyed by the task dict's id) saves rebuilding it
        when one run compares the same plan with many others."""
        if cache is not None:
            key = id(task)
            if key not in cache:
                cache[key] = (task, cls.of(task))  # holding the task keeps its id from being reused
            return cache[key][1]
        targets = []
        raw = task.get("targets") or []
        for index, t in enumerate(raw):
            if t.get("value") is None:
                continue
            part_of = t.get("part_of")
            targets.append(TargetView(
                index=index, value=dec(t["value"]), unit=t.get("unit") or "", assignee=t.get("assignee"),
                kind=metric_kind(t.get("metric")), comparator=t.get("comparator") or "=",
                printed=t.get("printed") or "", each=t.get("each"),
                part_of=part_of if isinstance(part_of, int) and part_of != index else None,
            ))
            if t.get("carried_over"):
                # A saved target may hold last year's shortfall on itself rather than
                # as a figure of its own: read it as that unit's shortfall.
                targets.append(TargetView(
                    index=len(raw) + index, value=dec(t["carried_over"]), unit=t.get("unit") or "",
                    assignee=t.get("assignee"), kind=SHORTFALL, comparator="=", printed="", each=None, part_of=None,
                ))
        view = cls(task, targets)
        by_index = {t.index: t for t in targets}
        parts = defaultdict(list)
        by_unit: dict = defaultdict(lambda: defaultdict(list))
        for target in targets:
            if target.part_of is not None and target.part_of in by_index:
                parts[target.part_of].append(target)
            by_unit[target.assignee][target.kind].append(target)
        view.parts = dict(parts)
        view.by_unit = by_unit
        return view

    def target(self, index: int) -> TargetView:
        return next(t for t in self.targets if t.index == index)

    def first(self, assignee: str | None, kind: str) -> TargetView | None:
        found = self.by_unit.get(assignee, {}).get(kind)
        return found[0] if found else None

    def this_year(self, part: TargetView) -> Decimal:
        """What a unit owes this year: its stated total, else its quota plus any shortfall."""
        total = self.first(part.assignee, TOTAL)
        if total is not None:
            return total.value
        shortfall = self.first(part.assignee, SHORTFALL)
        return part.value + (shortfall.value if shortfall else 0)


__all__ = ["DONE", "QUOTA", "SHORTFALL", "TOTAL", "TaskView", "TargetView", "dec"]
