"""Who sees pairings and their exchanges, and who records them.

Those who oversee an office's work (its admins, reviewers and leaders) see the pairings with a
side in the office's region or below (`orgs.access.pairings_of_office`, the registry's rule); any
other person those where their own unit is a side. Anyone else gets 404 on a pairing or exchange,
and on an exchange's evidence file, which is seen by whoever sees its exchange.
Exchanges are recorded and corrected by the office's admins and by the two sides' reporters and
admins. Linking exchanges to a target: the plan's office admins; the counted list: its overseers.
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from exchanges.models import Exchange, ExchangeEvidence
from orgs.access import pairings_of_office
from orgs.models import Pairing
from plans.access import overseen_plans
from plans.models import Target

OVERSEERS = (Role.OFFICE_ADMIN, Role.REVIEWER, Role.LEADER)


def _authenticated(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _oversees(user) -> bool:
    return any(user.has_role(role) for role in OVERSEERS)


def _visible(user) -> Q | None:
    """The condition on pairings, or None for everything (superusers)."""
    if user.is_superuser:
        return None
    if not user.unit_id:
        return Q(pk__in=[])
    condition = Q(helper_id=user.unit_id) | Q(helped_id=user.unit_id)
    if _oversees(user):
        condition |= pairings_of_office(user)
    return condition


def pairings_visible_to(user) -> QuerySet[Pairing]:
    pairings = Pairing.objects.select_related("helper__region", "helped__region")
    if not _authenticated(user):
        return pairings.none()
    condition = _visible(user)
    return pairings if condition is None else pairings.filter(condition)


def pairing_for(user, pk) -> Pairing:
    return get_object_or_404(pairings_visible_to(user), pk=pk)


def exchange_for(user, pk) -> Exchange:
    return get_object_or_404(Exchange.objects.select_related("pairing__helper", "pairing__helped", "recorded_by"),
                             pk=pk, pairing__in=pairings_visible_to(user))


def evidence_for(user, pk) -> ExchangeEvidence:
    return get_object_or_404(ExchangeEvidence.objects.select_related("exchange"), pk=pk,
                             exchange__pairing__in=pairings_visible_to(user))


def may_record(user, pairing: Pairing) -> bool:
    if user.is_superuser:
        return True
    if not user.unit_id:
        return False
    if user.unit_id in (pairing.helper_id, pairing.helped_id):
        return user.has_role(Role.REPORTER) or user.has_role(Role.OFFICE_ADMIN)
    return user.has_role(Role.OFFICE_ADMIN) and Pairing.objects.filter(pairings_of_office(user), pk=pairing.pk).exists()


def targets_overseen(user) -> QuerySet[Target]:
    targets = Target.objects.select_related("task__plan", "assignee")
    if not _authenticated(user):
        return targets.none()
    return targets if user.is_superuser else targets.filter(overseen_plans(user, "task__plan__"))


def target_for(user, pk) -> Target:
    return get_object_or_404(targets_overseen(user), pk=pk)


def may_link(user, target: Target) -> bool:
    return user.is_superuser or (bool(user.unit_id) and user.unit_id == target.task.plan.office_id
                                 and user.has_role(Role.OFFICE_ADMIN))
