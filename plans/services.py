"""Changing a plan's state (执行中 / 参考（不填报） / 已归档), audited.

The history is django-simple-history's (`Plan.history`): every save of a plan
records who, when, the plan as it then stood and why. A state's changes are
read back from it as old → new by comparing each record with the one before.
"""

from dataclasses import dataclass
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from plans import hooks
from plans.access import may_change_state
from plans.models import Plan

IMPORT_REASON = "导入时设定"


def proposed_state(year, end_year=None, *, today: datetime.date) -> str:
    """What an imported document should become: a plan whose (last) year has ended is
    proposed as reference — a 2023 document imported in 2026 has nothing left to report."""
    last = end_year or year
    try:
        ended = last is not None and int(last) < today.year
    except (TypeError, ValueError):
        ended = False
    return Plan.State.REFERENCE if ended else Plan.State.ACTIVE


def proposal_note(year, end_year=None, *, today: datetime.date) -> str:
    """Why reference is proposed, for the review page and the command; empty when it is not."""
    if proposed_state(year, end_year, today=today) != Plan.State.REFERENCE:
        return ""
    years = f"{year}—{end_year}年" if end_year and end_year != year else f"{end_year or year}年"
    return f"该文件年度（{years}）已结束，建议作为参考文件保存，不生成填报任务"


def do_change_plan_state(plan: Plan, state: str, *, user, reason: str = "") -> Plan:
    """Set the plan's state, recording who, when, old → new and why in one transaction.

    A reason is required to take a plan out of the live work (参考 or 已归档); making it
    live again may go without one. Nothing is deleted: cycles and reports already opened
    stay as they were and leave the live lists with the plan. Made live again, the plan's
    missing months are opened with their reports once this commits (plans.hooks.PLAN_SAVED).
    """
    if state not in Plan.State.values:
        raise ValidationError({"state": f"方案状态“{state}”无效，可选：" + "、".join(Plan.State.labels)})
    reason = (reason or "").strip()
    if state != Plan.State.ACTIVE and not reason:
        raise ValidationError({"reason": f"将方案设为“{Plan.State(state).label}”须填写原因。"})
    # user=None is a script run by the server's operator (no request, nobody to check);
    # every view passes the person asking.
    if user is not None and not may_change_state(user, plan):
        raise PermissionDenied("只有主办单位的管理员可以更改方案状态")
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)  # two changes at once wait for each other
        if locked.state == state:
            raise ValidationError({"state": f"方案已是“{locked.get_state_display()}”，无需更改。"})
        locked.state = state
        locked._change_reason = reason or None
        locked._history_user = user
        locked.save(update_fields=["state", "updated_at"])
        if locked.is_live:
            hooks.plan_saved(locked)  # made live again: its months are opened once this commits
    plan.state, plan.updated_at = locked.state, locked.updated_at
    return plan


@dataclass(frozen=True)
class StateChange:
    when: datetime.datetime
    user: object  # a User, or None for the command line or a migration
    old: str | None  # a Plan.State value; None when the plan was created
    new: str
    reason: str

    @property
    def old_label(self) -> str:
        return Plan.State(self.old).label if self.old else "—"

    @property
    def new_label(self) -> str:
        return Plan.State(self.new).label


def state_history(plan: Plan) -> list[StateChange]:
    """The plan's state as it was set, oldest first: its creation and each change of state
    (edits of other fields are left out). Two queries, however long the history."""
    records = list(plan.history.order_by("history_date", "history_id")
                   .select_related("history_user")
                   .only("state", "history_date", "history_change_reason", "history_type", "history_user"))
    changes, previous = [], None
    for record in records:
        if record.history_type == "-":
            continue
        if previous is None or record.state != previous:
            changes.append(StateChange(when=record.history_date, user=record.history_user, old=previous,
                                       new=record.state, reason=record.history_change_reason or ""))
        previous = record.state
    return changes
