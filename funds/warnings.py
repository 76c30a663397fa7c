"""Warnings for projects behind a milestone (拨付率 / 支出率), as oversight warns targets.

Run by `manage.py send_warnings` (oversight's command calls `send_funds_warnings`): on the day
after a cycle's due day, the responsible unit of every project of the cycle's year whose
milestone light carries a warning (red 逾期未完成, yellow 落后时序进度, blue 临近时限 —
`reporting.status`'s words) gets one notification naming the projects, rates and milestones;
each office's robots one digest. Each (project, cycle) is claimed by inserting a
FundsWarningSent row first, so a second run warns nobody twice.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction

from funds.models import FundsWarningSent, Project
from funds.queries import ProjectRow, project_rows
from notifications.claims import claim
from notifications.models import Kind as NoticeKind
from notifications.services import notify, notify_robots
from orgs.models import Unit
from plans.models import Plan
from reporting import status as st
from reporting.models import ReportingCycle

logger = logging.getLogger(__name__)
FUNDS_URL = "/funds/"
MEASURE_NAMES = {"disbursed": "拨付率", "spent": "支出率"}


@dataclass(frozen=True)
class Sent:
    unit: Unit
    cycle: ReportingCycle
    projects: tuple[str, ...]
    email_error: str = ""


def warned(row: ProjectRow) -> dict[str, str]:
    """measure → warning kind, for the project's milestones that carry a warning."""
    return {measure: status.warning for measure, status in row.lights.items() if status and status.warning}


def project_line(row: ProjectRow) -> str:
    """“单家集村肉牛养殖基地拨付率50.00%（9月30日前拨付率达到80%，红色预警·逾期未完成）”."""
    parts = []
    for measure, status in row.lights.items():
        if status and status.warning:
            parts.append(f"{MEASURE_NAMES[measure]}{st.percent(status.rate)}"
                         f"（{status.milestone.label}，{status.warning_text}）")
    return row.project.name + "、".join(parts)


def send_funds_warnings(today: datetime.date) -> list[Sent]:
    """Warn, for each cycle due yesterday, the units of projects behind a milestone."""
    sent = []
    cycles = (ReportingCycle.objects.filter(due_on=today - datetime.timedelta(days=1), plan__reporting_schedule__active=True,
                                            plan__state=Plan.State.ACTIVE)
              .select_related("plan").order_by("plan__title", "plan_id"))
    for cycle in cycles:
        projects = (Project.objects.filter(plan_id=cycle.plan_id, year=cycle.period_start.year)
                    .select_related("responsible_unit").order_by("responsible_unit__name", "pk"))
        by_unit: dict[Unit, list[ProjectRow]] = {}
        for row in project_rows(projects, today):
            if warned(row):
                by_unit.setdefault(row.project.responsible_unit, []).append(row)
        for unit, rows in by_unit.items():
            found = _warn(cycle, today, unit, rows)
            if found is not None:
                sent.append(found)
    for office, lines in robot_digests(sent):
        notify_robots(office, NoticeKind.WARNING, f"资金进度预警（{today.month}月{today.day}日）", lines)
    return sent


def _warn(cycle, today, unit, rows) -> Sent | None:
    lines, email_error = [], ""
    try:
        with transaction.atomic():
            for row in rows:
                if claim(FundsWarningSent, project=row.project, cycle=cycle, sent_on=today, warnings=warned(row)):
                    lines.append(project_line(row))  # else claimed by an earlier or a parallel run
            if lines:
                notify(unit, f"【资金进度预警】《{cycle.plan.title}》截至{cycle.label}，您单位{len(lines)}个项目资金进度"
                             f"未达节点要求：{'；'.join(lines)}。请加快拨付和支出，并在下月资金月报中说明。",
                       url=FUNDS_URL, kind=NoticeKind.WARNING)
    except OSError as error:  # the e-mail failed after the notification was saved
        logger.exception("funds warning e-mail to %s failed", unit)
        email_error = str(error) or error.__class__.__name__
    return Sent(unit, cycle, tuple(lines), email_error) if lines else None


def robot_digests(sent: list[Sent]) -> list[tuple[Unit, list[str]]]:
    by_office: dict[int, tuple[Unit, list[str]]] = {}
    for s in sent:
        office = s.cycle.plan.office
        if office is not None:
            by_office.setdefault(office.pk, (office, []))[1].append(
                f"- 《{s.cycle.plan.title}》{s.cycle.label}{s.unit.name}：" + "；".join(s.projects))
    return list(by_office.values())
