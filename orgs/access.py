"""Which units, regions and pairings are an office's: the one home of these rules, used by the
registry pages (`registry`) and the admin (`orgs.admin_scope`) alike.

An office's registry is its unit's region and everything below it: a district office keeps
the district's departments and streets, never a neighbour's. The other side of its pairings
(a Ningxia county for a Fuzhou district) is seen and picked, never changed.
"""

from django.db.models import Q, QuerySet

from orgs.models import Pairing, Region, Unit
from orgs.services import subtree_region_ids

NOTHING = Q(pk__in=[])


def by_region(path: str):
    """A rule `user -> Q`: rows whose region (reached through `path`) is the person's unit's
    region or below. A superuser is given no exception here: callers decide that."""
    def rule(user) -> Q:
        if not user.unit_id:
            return NOTHING
        return Q(**{f"{path}__in": subtree_region_ids(user.unit.region_id)})
    return rule


units_of_office = by_region("region")
regions_of_office = by_region("pk")


def units_paired_with_office(user) -> Q:
    """The other side of the office's pairings: seen and picked, never changed."""
    if not user.unit_id:
        return NOTHING
    regions = subtree_region_ids(user.unit.region_id)
    return (Q(pk__in=Pairing.objects.filter(helper__region_id__in=regions).values("helped_id"))
            | Q(pk__in=Pairing.objects.filter(helped__region_id__in=regions).values("helper_id")))


def pairings_of_office(user) -> Q:
    """Pairings with either side in the office's region or below."""
    return by_region("helper__region")(user) | by_region("helped__region")(user)


def units_in_paired_regions(user) -> Q:
    """Units in the regions of the office's pairings' other side and below: a town-level pairing
    inside a partner county the district already pairs with picks that county's towns."""
    if not user.unit_id:
        return NOTHING
    regions = subtree_region_ids(user.unit.region_id)
    other = set(Unit.objects.filter(units_paired_with_office(user))
                .exclude(region_id__in=regions).values_list("region_id", flat=True))
    below = set()
    for region_id in other:
        below |= subtree_region_ids(region_id)
    return Q(region_id__in=below) if below else NOTHING


def pairing_partners(user) -> QuerySet[Unit]:
    """What an office may pick as a pairing's side: its own units, the other side of its
    pairings, and the units below those in the partner's region."""
    units = Unit.objects.select_related("region")
    if user.is_superuser:
        return units
    return units.filter(units_of_office(user) | units_paired_with_office(user) | units_in_paired_regions(user))


def office_units(user) -> QuerySet[Unit]:
    """The units of the person's office's region and below (every unit for a superuser)."""
    units = Unit.objects.select_related("region")
    return units if user.is_superuser else units.filter(units_of_office(user))


def pickable_units(user) -> QuerySet[Unit]:
    """The office's units and the other side of its pairings: what it may pick (a pairing's
    other side, a group's member) without changing it."""
    units = Unit.objects.select_related("region")
    return units if user.is_superuser else units.filter(units_of_office(user) | units_paired_with_office(user))


def office_regions(user) -> QuerySet[Region]:
    regions = Region.objects.all()
    return regions if user.is_superuser else regions.filter(regions_of_office(user))


def office_pairings(user) -> QuerySet[Pairing]:
    pairings = Pairing.objects.select_related("helper__region", "helped__region")
    return pairings if user.is_superuser else pairings.filter(pairings_of_office(user))
