"""Reminders for the monthly 资金使用进度 report, on reporting's calendar.

Run by `manage.py send_reminders` (reporting.reminders.EXTRA_REMINDERS, filled in
`FundsConfig.ready()`): N days before a cycle's due day and on the day after it, the
responsible unit of every project of the cycle's year whose month is not submitted gets one
notification naming those projects; each office's robots one digest. Each (project, cycle,
kind) is claimed by inserting a FundsReminderSent row first, so no run reminds twice.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction

from funds.models import FundsReminderSent, FundsReport, Project
from notifications.claims import claim
from notifications.models import Kind as NoticeKind
from notifications.services import notify, notify_robots
from orgs.models import Unit
from plans.models import Plan
from reporting.models import ReportingCycle

logger = logging.getLogger(__name__)
BEFORE_DUE, OVERDUE = "before_due", "overdue"  # reporting's ReminderSent.Kind values
FUNDS_URL = "/funds/"


@dataclass(frozen=True)
class Sent:
    unit: Unit
    cycle: ReportingCycle
    kind: str
    projects: tuple[str, ...]
    email_error: str = ""


def unfiled(cycle: ReportingCycle) -> dict[Unit, list[Project]]:
    """Per responsible unit, the projects of the cycle's year with no submitted report for it."""
    submitted = FundsReport.objects.filter(cycle=cycle, status=FundsReport.Status.SUBMITTED).values("project_id")
    projects = (Project.objects.filter(plan_id=cycle.plan_id, year=cycle.period_start.year)
                .exclude(pk__in=submitted).select_related("responsible_unit").order_by("responsible_unit__name", "pk"))
    by_unit: dict[Unit, list[Project]] = {}
    for project in projects:
        by_unit.setdefault(project.responsible_unit, []).append(project)
    return by_unit


def reminder_message(cycle: ReportingCycle, kind: str, today: datetime.date, names: list[str]) -> str:
    due = f"{cycle.due_on.month}月{cycle.due_on.day}日"
    head = f"《{cycle.plan.title}》{cycle.label}资金使用进度尚有{len(names)}个项目未报送（{'、'.join(names)}）"
    if kind == OVERDUE:
        return f"{head}，已逾期{(today - cycle.due_on).days}天（报送截止日为{due}），请尽快填报。"
    return f"{head}，请于{due}前填报。"


def send_funds_reminders(today: datetime.date, days_before: int) -> list[Sent]:
    """Send today's funds reminders (the cycles are opened by reporting's run before this)."""
    sent = []
    for kind, due_on in ((BEFORE_DUE, today + datetime.timedelta(days=days_before)),
                         (OVERDUE, today - datetime.timedelta(days=1))):
        cycles = (ReportingCycle.objects.filter(due_on=due_on, plan__reporting_schedule__active=True,
                                                plan__state=Plan.State.ACTIVE)
                  .select_related("plan").order_by("plan__title", "plan_id"))
        for cycle in cycles:
            for unit, projects in unfiled(cycle).items():
                found = _remind(cycle, kind, today, unit, projects)
                if found is not None:
                    sent.append(found)
    for office, lines in robot_digests(sent):
        notify_robots(office, NoticeKind.REMINDER, f"资金月报提醒（{today.month}月{today.day}日）", lines)
    return sent


def _remind(cycle, kind, today, unit, projects) -> Sent | None:
    names, email_error = [], ""
    try:
        # The claims and the notification commit together; the e-mail goes on commit.
        with transaction.atomic():
            for project in projects:
                if claim(FundsReminderSent, project=project, cycle=cycle, kind=kind, sent_on=today):
                    names.append(project.name)  # else claimed by an earlier or a parallel run
            if names:
                notify(unit, reminder_message(cycle, kind, today, names), url=FUNDS_URL, kind=NoticeKind.REMINDER)
    except OSError as error:  # smtplib errors are OSErrors; raised after the commit
        logger.exception("funds reminder e-mail to %s failed", unit)
        email_error = str(error) or error.__class__.__name__
    return Sent(unit, cycle, kind, tuple(names), email_error) if names else None


def robot_digests(sent: list[Sent]) -> list[tuple[Unit, list[str]]]:
    """One digest per office: each plan's month, then its units and their projects not filed."""
    by_office: dict[int, tuple[Unit, list[str]]] = {}
    for s in sent:
        office = s.cycle.plan.office
        if office is None:
            continue
        lines = by_office.setdefault(office.pk, (office, []))[1]
        lines.append(f"- 《{s.cycle.plan.title}》{s.cycle.label}{s.unit.name}：{len(s.projects)}个项目资金月报未报送"
                     + ("（已逾期）" if s.kind == OVERDUE else ""))
    return list(by_office.values())


send_funds_reminders.label = "资金月报提醒"  # the daily command's line for these
