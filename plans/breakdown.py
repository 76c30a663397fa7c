"""Breakdown trees: a target divided into parts, and what is left unassigned.

Pure functions over Target instances already loaded, so a page with many
tasks builds every tree from one query.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from plans.models import Target


@dataclass
class TargetNode:
    target: Target
    parts: list["TargetNode"] = field(default_factory=list)

    @property
    def parts_total(self) -> Decimal:
        return sum((part.target.total for part in self.parts), Decimal(0))

    @property
    def remainder(self) -> Decimal | None:
        """Total minus the parts: positive is unassigned, negative is over-assigned.

        None when the target is not broken down at all.
        """
        if not self.parts:
            return None
        return self.target.total - self.parts_total


def build_breakdown(targets: Iterable[Target]) -> list[TargetNode]:
    """Arrange one task's targets into trees, roots and parts in printed order.

    A part whose parent is not among `targets` is shown as a root rather than
    dropped, so nothing saved ever disappears from the page.
    """
    ordered = sorted(targets, key=lambda t: (t.position, t.pk or 0))
    nodes = {t.pk: TargetNode(t) for t in ordered}
    children: dict[int, list[TargetNode]] = defaultdict(list)
    roots = []
    for target in ordered:
        node = nodes[target.pk]
        if target.parent_id in nodes and target.parent_id != target.pk:
            children[target.parent_id].append(node)
        else:
            roots.append(node)
    for parent_id, parts in children.items():
        nodes[parent_id].parts = parts
    return roots
