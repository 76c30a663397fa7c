"""Finding units by the names documents use, and expanding group units."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Q

from orgs.models import GroupMembership, Region, Unit, UnitAlias
from orgs.names import normalize_name

if TYPE_CHECKING:
    from intake.api import Registry


@dataclass(frozen=True)
class UnitResolution:
    """What a printed name resolved to.

    `unit` is set only when exactly one unit fits; `candidates` holds every
    unit that fits, so an ambiguous name can be shown to a person to choose.
    """

    printed: str
    unit: Unit | None
    matched_by: str | None  # "name" | "alias" | None
    candidates: list[Unit] = field(default_factory=list)

    @property
    def is_ambiguous(self) -> bool:
        return self.unit is None and len(self.candidates) > 1


def scope_region_ids(scope: Region) -> set[int]:
    """The scope region, its ancestors and its whole subtree.

    "区民政局" in a 鼓楼区 document means 鼓楼区's bureau; "福州市" means the
    city above it; "鼓东街道" a street below it.
    """
    return {r.pk for r in scope.lineage()} | subtree_region_ids(scope.pk)


def subtree_region_ids(region_id: int) -> set[int]:
    """The region and every region below it, in one recursive query (a province's
    tree is five levels deep; walking it level by level cost a query per level on
    every dashboard). UNION, not UNION ALL, so a cycle in bad data ends the walk."""
    table = connection.ops.quote_name(Region._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE subtree(id) AS (SELECT id FROM {table} WHERE id = %s"
            f" UNION SELECT child.id FROM {table} child JOIN subtree ON child.parent_id = subtree.id)"
            " SELECT id FROM subtree", [region_id])
        return {row[0] for row in cursor.fetchall()}


def resolve_unit(printed: str, scope: Region | None = None) -> UnitResolution:
    """Match a printed unit name to the registry by exact name, then by alias."""
    name = normalize_name(printed)
    units = Unit.objects.select_related("region").filter(is_active=True)
    region_ids = scope_region_ids(scope) if scope else None
    if region_ids is not None:
        units = units.filter(region_id__in=region_ids)
    for matched_by, condition in (("name", Q(name=name)), ("alias", Q(aliases__name=name))):
        found = list(units.filter(condition).distinct())
        if len(found) == 1:
            return UnitResolution(printed, found[0], matched_by, found)
        if found:
            return UnitResolution(printed, None, None, _nearest_first(found, scope))
    return UnitResolution(printed, None, None, [])


def _nearest_first(units: list[Unit], scope: Region | None) -> list[Unit]:
    if scope is None:
        return units
    return sorted(units, key=lambda u: (u.region_id != scope.pk, u.region.level, u.name))


def expand_group(unit: Unit) -> list[Unit]:
    """The member units a group stands for, nested groups expanded, in order.

    A unit that is not a group stands for itself. A cycle in the registry
    (a group that contains itself through others) is cut, not followed.
    """
    result: list[Unit] = []
    seen: set[int] = set()

    def visit(node: Unit):
        if node.pk in seen:
            return
        seen.add(node.pk)
        if not node.is_group:
            result.append(node)
            return
        for membership in GroupMembership.objects.filter(group=node).select_related("member"):
            visit(membership.member)

    visit(unit)
    return result


def intake_registry(scope: Region | None = None) -> "Registry":
    """What the importer may know of the registry, as plain data.

    Unit names and aliases in scope, and each group unit's members, so that
    "十街镇…各不低于350万元" can be split among the streets.
    """
    from intake.api import Registry

    units = Unit.objects.filter(is_active=True)
    if scope is not None:
        units = units.filter(region_id__in=scope_region_ids(scope))
    names = set(units.values_list("name", flat=True))
    aliases = dict(UnitAlias.objects.filter(unit__in=units).values_list("name", "unit__name"))
    return Registry(unit_names=names, aliases=aliases, groups=group_members(units))


def group_members(units=None) -> dict[str, list[str]]:
    """Each active group unit's name → its members' names, in printed order."""
    units = Unit.objects.filter(is_active=True) if units is None else units
    return {group.name: [m.name for m in expand_group(group)] for group in units.filter(is_group=True)}
