"""Who may see and change detail ledgers and their rows: every ledger page, receipt download and
import asks here.

- The office keeping the plan (admins, reviewers) and leaders above read a ledger and all its
  rows (`plans.access.overseen_plans`); the plan's office admins set ledgers up.
- A unit that reports on the ledger's task (reporting.services.reporting_units: lead, partners,
  those given a target, a group standing for its members) sees the ledger and only its own rows,
  and its reporters record them.
- Anything else is 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.roles import Role
from ledgers.models import Ledger, LedgerRow
from plans.access import overseen_plans, require, units_of  # noqa: F401 (require: the views ask through here)
from plans.models import Plan
from reporting.services import reporting_units


def _unit_condition(user) -> Q:
    units = units_of(user.unit_id)
    return Q(task__assignments__unit_id__in=units) | Q(task__targets__assignee_id__in=units)


def oversees(user, ledger: Ledger) -> bool:
    return user.is_superuser or Plan.objects.filter(overseen_plans(user), pk=ledger.plan_id).exists()


def ledgers_visible_to(user) -> QuerySet[Ledger]:
    ledgers = Ledger.objects.select_related("plan", "task")
    if not getattr(user, "is_authenticated", False):
        return ledgers.none()
    if user.is_superuser:
        return ledgers
    condition = overseen_plans(user, "plan__")
    if user.unit_id and user.has_role(Role.REPORTER):
        condition |= _unit_condition(user)
    return ledgers.filter(pk__in=Ledger.objects.filter(condition).values("pk"))


def ledger_for(user, pk) -> Ledger:
    ledger = ledgers_visible_to(user).filter(pk=pk).first()
    if ledger is None:
        raise Http404("没有找到该台账，或不在您的查看范围内")
    return ledger


def rows_visible_to(user, ledger: Ledger) -> QuerySet[LedgerRow]:
    """The office reads every unit's rows; a unit only its own."""
    rows = ledger.rows.select_related("unit", "created_by")
    return rows if oversees(user, ledger) else rows.filter(unit_id=user.unit_id)


def row_for(user, pk) -> LedgerRow:
    row = LedgerRow.objects.select_related("ledger").filter(pk=pk, ledger__in=ledgers_visible_to(user)).first()
    if row is None or not rows_visible_to(user, row.ledger).filter(pk=row.pk).exists():
        raise Http404("没有找到该台账明细")
    return row


def may_manage(user, plan: Plan) -> bool:
    """Setting up a plan's ledgers: its office admins."""
    if user.is_superuser:
        return True
    return bool(plan.office_id) and user.unit_id == plan.office_id and user.has_role(Role.OFFICE_ADMIN)


def managed_plans(user) -> QuerySet[Plan]:
    if user.is_superuser:
        return Plan.objects.all()
    if not (user.unit_id and user.has_role(Role.OFFICE_ADMIN)):
        return Plan.objects.none()
    return Plan.objects.filter(office_id=user.unit_id)


def may_record(user, ledger: Ledger) -> bool:
    """Recording rows: the reporters of a unit that reports on the ledger's task, for their unit."""
    if not (user.unit_id and user.has_role(Role.REPORTER)):
        return False
    return any(unit.pk == user.unit_id for unit in reporting_units(ledger.task))
