"""Which people are an office's, and what it may do to their accounts: one home of these rules
for the registry pages (`registry`) and the admin (`orgs.admin_scope`, accounts' admin).

An office keeps the accounts of the units in its region and below, never a superuser's; it
changes only accounts that are not staff and whose roles it could grant itself
(`roles.grantable_roles`), so it can neither raise anyone beyond its own rights nor take over
another admin's or a leader's account.
"""

from django.db.models import Q, QuerySet

from accounts.models import User
from accounts.roles import Role, grantable_roles
from orgs.access import by_region


def keeps_registry(user) -> bool:
    """Office admins keep their region's registry and accounts (superusers everyone's)."""
    return user.is_authenticated and user.is_active and (
        user.is_superuser or (bool(user.unit_id) and user.has_role(Role.OFFICE_ADMIN)))


def users_of_office(user) -> Q:
    """People of the units in the office's region and below; never a superuser."""
    return by_region("unit__region")(user) & Q(is_superuser=False)


def office_users(user) -> QuerySet[User]:
    users = User.objects.select_related("unit__region").prefetch_related("groups")
    return users if user.is_superuser else users.filter(users_of_office(user))


def within_rights(actor, target: User) -> bool:
    """Is `target`'s account no more than `actor` could make? Not staff, not a superuser, every
    role one the actor may grant (so taking it over would give nothing beyond its own rights)."""
    if actor.is_superuser:
        return True
    return not target.is_staff and not target.is_superuser and target.role_set <= grantable_roles(actor)


def may_change_user(actor, target: User) -> bool:
    """May `actor` change `target`'s account (activity, password, roles, unit)? Never its own
    (an office does not raise or lock itself), never a staff or superuser account, never one
    holding a role the actor could not grant (another office admin's with 领导, a leader's)."""
    if actor.is_superuser:
        return True
    return keeps_registry(actor) and target.pk != actor.pk and within_rights(actor, target)
