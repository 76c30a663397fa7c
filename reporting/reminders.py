"""Reminders to units whose monthly report is not yet in.

Run once a day (`manage.py send_reminders`): N days before a cycle's due date
and on the day after it, every unit with a report still pending or returned
gets one notification (in the app, and by e-mail for its users who have one);
each office's group robots then get one digest of the units reminded.

Each reminder is claimed before it is sent by inserting a ReminderSent row;
its unique constraint (cycle, unit, kind) is the compare-and-swap, so a second
run the same day, or a run in parallel, finds it taken and sends nothing.
"""

import datetime
import logging
from dataclasses import dataclass
from functools import partial

from django.db.models import Count, Q

from notifications.claims import claim
from notifications.models import Kind as NoticeKind
from notifications.services import notify, notify_robots
from orgs.models import Unit
from plans.models import Plan
from reporting import services
from reporting.models import ProgressReport, ReminderSent, ReportingCycle

logger = logging.getLogger(__name__)

Kind = ReminderSent.Kind
Status = services.Status
NOT_IN = (Status.PENDING, Status.RETURNED)  # submitted and approved count as in

REMINDER_URL = "/reporting/"

# Reminders of later apps' monthly returns on the same calendar (funds' 资金使用进度), each
# `run(today, days_before) -> list` of what it sent, appended in their AppConfig.ready(), so the
# one daily send_reminders chases them all without reporting importing them.
EXTRA_REMINDERS: list = []


@dataclass(frozen=True)
class Sent:
    unit: Unit
    cycle: ReportingCycle
    kind: str  # a ReminderSent.Kind
    outstanding: int = 0
    returned: int = 0
    email_error: str = ""  # the in-app notification is saved even when the e-mail fails


def send_reminders(today: datetime.date, days_before: int) -> list[Sent]:
    """Send today's reminders and return those sent by this run (none already sent)."""
    if days_before < 0:
        raise ValueError("days_before must not be negative")
    due_soon = today + datetime.timedelta(days=days_before)
    services.open_cycles(today, on_error=services.log_open_failure)  # a plan failing here stops no reminder
    if (due_soon.year, due_soon.month) > (today.year, today.month):
        # A due day early in next month (due_day <= N) is reminded of in this
        # month: open that cycle now, but only for the plans due on that day.
        services.open_cycles(due_soon, plans=Plan.objects.filter(
            reporting_schedule__active=True, reporting_schedule__due_day=due_soon.day), on_error=services.log_open_failure)
    sent = []
    for kind, due_on in ((Kind.BEFORE_DUE, due_soon), (Kind.OVERDUE, today - datetime.timedelta(days=1))):
        # A plan made reference or archived keeps its old reports, but nobody is chased for them.
        cycles = (ReportingCycle.objects.filter(due_on=due_on, plan__reporting_schedule__active=True,
                                                plan__state=Plan.State.ACTIVE)
                  .select_related("plan").order_by("plan__title", "plan_id"))
        for cycle in cycles:
            sent += _remind_cycle(cycle, kind, today)
    for office, lines in robot_digests(sent, today):
        notify_robots(office, NoticeKind.REMINDER, f"填报提醒（{today.month}月{today.day}日）", lines)
    return sent


def robot_digests(sent: list[Sent], today: datetime.date) -> list[tuple[Unit, list[str]]]:
    """One digest per office of the reminders this run sent: each cycle, then its units still
    missing. Robots are rate limited (20 posts a minute), so never one post per unit."""
    by_office: dict[int, tuple[Unit, list[str]]] = {}
    by_cycle: dict[int, list[Sent]] = {}
    for s in sent:
        by_cycle.setdefault(s.cycle.pk, []).append(s)
    for reminded in by_cycle.values():
        cycle, kind = reminded[0].cycle, reminded[0].kind
        office = cycle.plan.office
        if office is None:
            continue
        due = f"截止{cycle.due_on.month}月{cycle.due_on.day}日"
        if kind == Kind.OVERDUE:
            due += f"，已逾期{(today - cycle.due_on).days}天"
        lines = by_office.setdefault(office.pk, (office, []))[1]
        lines.append(f"《{cycle.plan.title}》{cycle.label}（{due}）尚有{len(reminded)}个单位未报送完毕：")
        lines += [f"- {s.unit.name}：{s.outstanding}项未报送" + (f"（其中退回待修改{s.returned}项）" if s.returned else "")
                  for s in reminded]
    return list(by_office.values())


def outstanding_by_unit(cycle: ReportingCycle) -> list[tuple[Unit, int, int]]:
    """(unit, reports not in, of which returned) for each unit with any report not in."""
    rows = (ProgressReport.objects.filter(cycle=cycle, status__in=NOT_IN).values("unit_id")
            .annotate(total=Count("id"), returned=Count("id", filter=Q(status=Status.RETURNED))))
    counts = {row["unit_id"]: (row["total"], row["returned"]) for row in rows}
    units = Unit.objects.filter(pk__in=counts).order_by("name", "pk")
    return [(unit, *counts[unit.pk]) for unit in units]


def reminder_message(cycle: ReportingCycle, kind: str, today: datetime.date, outstanding: int, returned: int = 0) -> str:
    due = f"{cycle.due_on.month}月{cycle.due_on.day}日"
    items = f"尚有{outstanding}项未报送" + (f"（其中退回待修改{returned}项）" if returned else "")
    head = f"《{cycle.plan.title}》{cycle.label}进度{items}"
    if kind == Kind.OVERDUE:
        late = (today - cycle.due_on).days
        return f"{head}，已逾期{late}天（报送截止日为{due}），请尽快填报。"
    return f"{head}，请于{due}前填报。"


def _remind_cycle(cycle: ReportingCycle, kind: str, today: datetime.date) -> list[Sent]:
    sent = []
    for unit, outstanding, returned in outstanding_by_unit(cycle):
        message = reminder_message(cycle, kind, today, outstanding, returned)
        email_error = ""
        try:
            # The claim and the notification commit together; the e-mail
            # (notify sends it on commit) goes only once both are saved.
            if not claim(ReminderSent, then=partial(notify, unit, message, url=REMINDER_URL, kind=NoticeKind.REMINDER),
                         cycle=cycle, unit=unit, kind=kind, sent_on=today):
                continue  # already claimed: sent by an earlier or a parallel run
        except OSError as error:  # smtplib errors are OSErrors too; raised after the commit
            logger.exception("reminder e-mail to %s failed", unit)
            email_error = str(error) or error.__class__.__name__
        sent.append(Sent(unit=unit, cycle=cycle, kind=kind, outstanding=outstanding, returned=returned,
                         email_error=email_error))
    return sent
