"""Who may use the registry pages, and the objects a page may open. The rules of which units,
regions, pairings and people are an office's live in `orgs.access` and `accounts.access` (the
admin uses them too); this module adds the gate (office admins and superusers) and the 404s.

Another office's unit, account or pairing is answered 404, never 403: it is not said to exist.
Anyone without the office admin role gets 403 on every registry page.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.access import keeps_registry, may_change_user, office_users
from accounts.models import User
from orgs.access import office_pairings, office_regions, office_units, pairing_partners, pickable_units
from orgs.models import Pairing, Region, Unit
from plans.models import Plan

__all__ = ["require_registry", "units", "regions", "pickable", "partners", "pairings", "users", "plans",
           "unit_for", "user_for", "pairing_for", "plan_for", "may_change_user"]


def require_registry(user) -> None:
    if not keeps_registry(user):
        raise PermissionDenied("只有协作办公室管理员可以管理单位与账号")


def units(user) -> QuerySet[Unit]:
    return office_units(user) if keeps_registry(user) else Unit.objects.none()


def regions(user) -> QuerySet[Region]:
    return office_regions(user) if keeps_registry(user) else Region.objects.none()


def pickable(user) -> QuerySet[Unit]:
    return pickable_units(user) if keeps_registry(user) else Unit.objects.none()


def partners(user) -> QuerySet[Unit]:
    return pairing_partners(user) if keeps_registry(user) else Unit.objects.none()


def pairings(user) -> QuerySet[Pairing]:
    return office_pairings(user) if keeps_registry(user) else Pairing.objects.none()


def users(user) -> QuerySet[User]:
    return office_users(user) if keeps_registry(user) else User.objects.none()


def plans(user) -> QuerySet[Plan]:
    """The plans whose reporting schedule the office sets: those it keeps."""
    if not keeps_registry(user):
        return Plan.objects.none()
    return Plan.objects.all() if user.is_superuser else Plan.objects.filter(office_id=user.unit_id)


def _one(queryset, pk, message):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(message)
    return found


def unit_for(user, pk) -> Unit:
    return _one(units(user), pk, "没有找到该单位，或不在本办公室管理范围内")


def user_for(user, pk) -> User:
    return _one(users(user), pk, "没有找到该账号，或不在本办公室管理范围内")


def pairing_for(user, pk) -> Pairing:
    return _one(pairings(user), pk, "没有找到该结对关系，或不在本办公室管理范围内")


def plan_for(user, pk) -> Plan:
    return _one(plans(user), pk, "没有找到该方案，或不是本办公室的方案")
