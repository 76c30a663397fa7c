"""Who may see and run a plan's assessment: the one rule for its pages.

The office's rule (oversight.access): the office's admins and reviewers the plans it keeps,
leaders those kept in their region and below, superusers all; reporters get 403 and another
office's plan is a 404. Building a scheme is the office's act: its admins, as for a plan's
state (plans.access.may_change_state), and so is opening it. A unit self-assesses only its own
sheet; an item with a 评分部门 is scored by that department's people (for every unit), one
without by the office. The pages for these come next (docs/architecture.md, 年度考核 待做).
"""

from accounts.roles import Role
from oversight import access as oversight_access
from plans.access import may_change_state
from plans.models import Plan


def require_overseer(user) -> None:
    oversight_access.require_overseer(user)


def plan_for(user, pk: int) -> Plan:
    """The plan whose assessment this person may see, or 404 (no hint that it exists)."""
    return oversight_access.plan_scope(user, pk).plan


def may_build(user, plan: Plan) -> bool:
    return may_change_state(user, plan)


def may_manage(user, scheme) -> bool:
    """Opening, reviewing and publishing a scheme: the admins of the office that organises it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return bool(scheme.office_id) and user.unit_id == scheme.office_id and user.has_role(Role.OFFICE_ADMIN)


def may_self_assess(user, sheet) -> bool:
    """A unit self-assesses its own sheet: its people (reporters and admins), never another unit's."""
    return (getattr(user, "is_authenticated", False) and bool(user.unit_id) and user.unit_id == sheet.unit_id
            and (user.has_role(Role.REPORTER) or user.has_role(Role.OFFICE_ADMIN)))


def may_score(user, item) -> bool:
    """An item is scored by its 评分部门's people for every unit, or, without one, by the office's
    admins and reviewers; a scoring department scores only its own items."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    # Leaders read; a scoring department's people hold one of the working roles.
    if not user.unit_id or not any(user.has_role(r) for r in (Role.OFFICE_ADMIN, Role.REVIEWER, Role.REPORTER)):
        return False
    if item.scoring_unit_id:
        return user.unit_id == item.scoring_unit_id
    return user.unit_id == item.scheme.office_id and (user.has_role(Role.OFFICE_ADMIN) or user.has_role(Role.REVIEWER))
