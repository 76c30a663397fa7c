"""Who may see and run a plan's assessment: the one rule for its pages.

The office's rule (oversight.access): the office's admins and reviewers the plans it keeps,
leaders those kept in their region and below, superusers all; reporters get 403 and another
office's plan is a 404. Building a scheme is the office's act: its admins, as for a plan's
state (plans.access.may_change_state), and so is opening it. A unit self-assesses only its own
sheet; an item with a 评分部门 is scored by that department's people (for every unit), one
without by the office.

A score sheet is seen by its unit's people and by those who oversee the plan; anyone else
gets 404. Its unit sees the 得分, rank and grade only once the results are published. The
scoring page is open to whoever may score at least one of the scheme's items, and shows only
those items.
"""

from django.db.models import Q
from django.http import Http404

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


def oversees(user, plan: Plan) -> bool:
    return oversight_access.plans_visible_to(user, include_inactive=True).filter(pk=plan.pk).exists()


def sheet_for(user, pk: int):
    """The score sheet this person may open: its unit's own people, or the plan's overseers."""
    from assessment.models import ScoreSheet

    sheet = ScoreSheet.objects.select_related("scheme", "scheme__plan", "scheme__office", "unit").filter(pk=pk).first()
    if sheet is None or not (is_own_unit(user, sheet) or oversees(user, sheet.scheme.plan)):
        raise Http404("没有这张评分表，或您无权查看")
    return sheet


def is_own_unit(user, sheet) -> bool:
    return getattr(user, "is_authenticated", False) and bool(user.unit_id) and user.unit_id == sheet.unit_id


def may_see_results(user, sheet) -> bool:
    """得分, rank and grade: the overseers always; the unit itself once the results are published."""
    from assessment.models import Scheme

    if oversees(user, sheet.scheme.plan):
        return True
    return is_own_unit(user, sheet) and sheet.scheme.state in (Scheme.State.PUBLISHED, Scheme.State.LOCKED)


def scheme_for(user, pk: int):
    """A scheme of a plan this person oversees, or 404."""
    from assessment.models import Scheme

    scheme = Scheme.objects.select_related("plan", "office").filter(pk=pk).first()
    if scheme is None or not oversees(user, scheme.plan):
        raise Http404("没有这个考核方案，或您无权查看")
    return scheme


def items_scored_by(user, scheme) -> list:
    """The scheme's items this person scores (a department its own, the office the rest)."""
    items = scheme.items.select_related("scoring_unit", "unit", "scheme").order_by("position", "id")
    if not getattr(user, "is_authenticated", False):
        return []
    if not user.is_superuser:
        mine = Q(scoring_unit_id=user.unit_id)
        items = items.filter(mine | Q(scoring_unit__isnull=True) if user.unit_id == scheme.office_id else mine)
    return [item for item in items if may_score(user, item)]


def scoring_scheme_for(user, pk: int):
    """A scheme with at least one item this person scores, and those items; else 404."""
    from assessment.models import Scheme

    scheme = Scheme.objects.select_related("plan", "office").filter(pk=pk).first()
    items = items_scored_by(user, scheme) if scheme is not None else []
    if not items:
        raise Http404("没有这个考核方案，或其中没有由您评分的项目")
    return scheme, items
