"""Monthly warnings to the units behind: red 逾期未完成, yellow 落后时序进度, blue 临近时限.

Run daily with the reminders (`manage.py send_warnings`): on the day after a
cycle's due date, once the month's figures are in, every unit with a warned
target gets one notification naming its targets, in the app and by e-mail;
each office's group robots then get one digest of the units warned.
Each (cycle, unit) is claimed by inserting a WarningSent row first, so a second
run, or one in parallel, sends nothing twice.
"""

import datetime
import logging
from dataclasses import dataclass

from notifications.claims import claim
from notifications.models import Kind as NoticeKind
from notifications.services import notify, notify_robots
from orgs.services import expand_group
from plans.models import Plan
from reporting import services
from reporting.models import ReportingCycle
from oversight import status as st
from oversight.models import WarningSent
from oversight.snapshot import UnitStatus, build_snapshot

logger = logging.getLogger(__name__)
WARNING_URL = "/reporting/"
NAMED = 5  # targets named in one message; the rest are counted


@dataclass(frozen=True)
class Sent:
    unit_name: str
    cycle: ReportingCycle
    counts: dict
    email_error: str = ""


def warning_message(cycle: ReportingCycle, unit: UnitStatus, tasks) -> tuple[str, dict] | None:
    warned = [s for s in unit.targets if s.warning]
    if not warned:
        return None
    counts = {kind: sum(1 for s in warned if s.warning == kind) for kind in (st.WARN_RED, st.WARN_YELLOW, st.WARN_BLUE)}
    parts = [f"{st.WARNING_LABELS[kind]}{n}项" for kind, n in counts.items() if n]
    order = {st.WARN_RED: 0, st.WARN_YELLOW: 1, st.WARN_BLUE: 2}
    warned.sort(key=lambda s: (order[s.warning], s.completion or 0))
    named = "；".join(
        f"{tasks[s.target.task_id].label}{s.target.metric}完成{st.percent(s.completion)}"
        f"（时序进度{st.percent(s.time_progress)}，时限{s.target.deadline.month}月{s.target.deadline.day}日）"
        for s in warned[:NAMED])
    more = f"等{len(warned)}项" if len(warned) > NAMED else ""
    message = (f"【进度预警】《{cycle.plan.title}》截至{cycle.label}，您单位{'、'.join(parts)}：{named}{more}。"
               f"请抓紧推进，并在下月报送中说明。")
    return message, counts


def send_warnings(today: datetime.date) -> list[Sent]:
    """Warn, for each cycle due yesterday, every unit with a warned target; return those sent now."""
    from orgs.models import Unit

    services.open_cycles(today, on_error=services.log_open_failure)  # a plan failing here stops no warning
    sent = []
    # Only live plans: a reference or archived plan's old reports warn nobody.
    cycles = (ReportingCycle.objects.filter(due_on=today - datetime.timedelta(days=1), plan__reporting_schedule__active=True,
                                            plan__state=Plan.State.ACTIVE)
              .select_related("plan").order_by("plan__title", "plan_id"))
    for cycle in cycles:
        snapshot = build_snapshot([cycle.plan], cycle.period_start, today)
        for unit_status in snapshot.by_unit:
            found = warning_message(cycle, unit_status, snapshot.tasks)
            if found is None:
                continue
            message, counts = found
            unit = Unit.objects.get(pk=unit_status.unit_id)
            email_error = ""
            try:
                # a group's streets are the ones who read it
                if not claim(WarningSent,
                             then=lambda unit=unit, message=message: notify(expand_group(unit), message, url=WARNING_URL,
                                                                  kind=NoticeKind.WARNING),
                             cycle=cycle, unit=unit, sent_on=today, overdue=counts[st.WARN_RED],
                             lagging=counts[st.WARN_YELLOW], near_deadline=counts[st.WARN_BLUE]):
                    continue  # claimed by an earlier or a parallel run
            except OSError as error:  # the e-mail failed after the notification was saved
                logger.exception("warning e-mail to %s failed", unit)
                email_error = str(error) or error.__class__.__name__
            sent.append(Sent(unit.name, cycle, counts, email_error))
    for office, lines in robot_digests(sent):
        notify_robots(office, NoticeKind.WARNING, f"进度预警（{today.month}月{today.day}日）", lines)
    return sent


def robot_digests(sent: list[Sent]) -> list[tuple]:
    """(office, lines): one digest per office of the warnings this run sent, each plan's month then
    its units and their counts. Robots allow 20 posts a minute, so never one post per unit."""
    by_office, by_cycle = {}, {}
    for s in sent:
        by_cycle.setdefault(s.cycle.pk, []).append(s)
    for warned in by_cycle.values():
        cycle = warned[0].cycle
        office = cycle.plan.office
        if office is None:
            continue
        lines = by_office.setdefault(office.pk, (office, []))[1]
        lines.append(f"《{cycle.plan.title}》截至{cycle.label}，{len(warned)}个单位有预警：")
        lines += ["- " + s.unit_name + "：" + "、".join(f"{st.WARNING_LABELS[k]}{n}项" for k, n in s.counts.items() if n)
                  for s in warned]
    return list(by_office.values())
