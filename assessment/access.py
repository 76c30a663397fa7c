"""Who may see and run a plan's assessment: the one rule for its pages.

The office's rule (oversight.access): the office's admins and reviewers the plans it keeps,
leaders those kept in their region and below, superusers all; reporters get 403 and another
office's plan is a 404. Building a scheme is the office's act: its admins, as for a plan's
state (plans.access.may_change_state). A unit's own sheet (self-assessment) and a scoring
department's items come with the next steps (docs/architecture.md, 年度考核 待做).
"""

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
