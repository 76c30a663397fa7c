"""Who may read which history: the one rule for audit entries.

The log is for those who oversee an office's work (its admins, reviewers, leaders;
superusers), as oversight's pages are. An office sees the history of what is in its
scope, by the same conditions the pages and the admin use: what hangs off a plan, by
the plan (reporting.access.overseen_plans: the plans its office keeps, for leaders
those kept in their region and below); bulletins and group robots by the office that
owns them, the same way; the registry (units, regions, pairings, aliases, group
members) and people by region (the office's region and below, as the admin's
orgs.admin_scope does), never a superuser's account. Anything else is a 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.access import users_of_office
from accounts.models import User
from audit.kinds import Kind
from oversight.access import may_oversee
from orgs.access import NOTHING
from orgs.services import subtree_region_ids
from plans.models import Plan
from reporting.access import overseen_plans

# How a history row of each kind reaches the plan, or the office, that decides who sees it.
_PLAN_PATHS = {"plan": "", "task": "plan__", "assignment": "task__plan__", "target": "task__plan__",
               "schedule": "plan__", "evidencerule": "task__plan__", "report": "cycle__plan__",
               "figure": "report__cycle__plan__", "evidence": "report__cycle__plan__",
               "scheme": "plan__", "assessmentcategory": "scheme__plan__", "assessmentitem": "scheme__plan__", "scoresheet": "scheme__plan__",
               "itemscore": "sheet__scheme__plan__", "sheetevidence": "sheet__scheme__plan__", "planversion": "plan__", "receipt": "version__plan__",
               "proposal": "plan__", "proposedfigure": "proposal__plan__",
               "bulletin": "", "robot": "",  # these two have an office of their own, as a plan does
               "person": "", "allowance": "person__",  # so do people on the roster (their office)
               "rosterrule": "target__task__plan__", "exchangelink": "target__task__plan__",
               "project": "plan__", "projectfund": "project__plan__", "milestone": "project__plan__",
               "fundsreport": "project__plan__", "fundsfigure": "report__project__plan__",
               "fundsevidence": "report__project__plan__", "ledger": "plan__", "ledgerrow": "ledger__plan__"}
_REGION_PATHS = {"unit": ["region_id"], "alias": ["unit__region_id"], "membership": ["group__region_id"],
                 "pairing": ["helper__region_id", "helped__region_id"], "region": ["id"], "user": ["unit__region_id"],
                 "exchange": ["pairing__helper__region_id", "pairing__helped__region_id"],  # as its pairing
                 "exchangeevidence": ["exchange__pairing__helper__region_id", "exchange__pairing__helped__region_id"]}


def require_reader(user) -> None:
    if not may_oversee(user):
        raise PermissionDenied("只有协作办公室、审核人员和领导可以查看操作日志")


def visible_history(user, kind: Kind) -> Q:
    """The history rows of `kind` this person may read, as a condition on its history model."""
    if user.is_superuser:
        return Q()
    if kind.slug in _PLAN_PATHS:
        return overseen_plans(user, _PLAN_PATHS[kind.slug])
    if not user.unit_id:
        return NOTHING
    regions = subtree_region_ids(user.unit.region_id)
    condition = NOTHING
    for path in _REGION_PATHS[kind.slug]:
        condition |= Q(**{f"{path}__in": regions})
    if kind.slug == "user":
        condition &= Q(is_superuser=False)
    return condition


def people_in_scope(user):
    """Whom the log's “操作人” filter offers: the people of the office's region and below."""
    people = User.objects.order_by("username")
    return people if user.is_superuser else people.filter(users_of_office(user))


def plans_in_scope(user):
    """The plans the log's “方案” filter offers: those the person oversees."""
    plans = Plan.objects.order_by("-year", "title")
    return plans if user.is_superuser else plans.filter(overseen_plans(user))
