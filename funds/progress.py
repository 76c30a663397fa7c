"""Where a project's money stands against its milestones: pure, no database.

A milestone “9月底前拨付率达到80%” is a target like any other: completion = 拨付率 ÷ 80%,
time progress runs from 1 January of the milestone's year to its date, and the light and
warning are `reporting.status`'s, so a project lags, turns red and is overdue by exactly the
rule a plan's targets follow.

Which milestone a project shows for a measure: the earliest not yet met (an overdue one
first, being the earliest), else the last one (met: green).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from reporting import status as st

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class MilestoneInfo:
    measure: str  # "disbursed" | "spent"
    due_on: datetime.date
    percent: Decimal  # 80 for 80%
    label: str  # “9月30日前拨付率达到80%”


@dataclass(frozen=True)
class MilestoneStatus:
    milestone: MilestoneInfo
    rate: Decimal | None  # 拨付率 or 支出率 to date (0.7 for 70%); None without a planned amount
    completion: Decimal | None  # rate ÷ the milestone's share
    time_progress: Decimal
    overdue: bool
    light: str
    warning: str | None

    @property
    def met(self) -> bool:
        return self.completion is not None and self.completion >= 1

    @property
    def light_text(self) -> str:
        return st.light_text(self.light)

    @property
    def warning_text(self) -> str:
        return st.warning_text(self.warning)


def rate(amount: Decimal | None, planned: Decimal) -> Decimal | None:
    """拨付率 / 支出率 as a ratio to four places (st.ratio), None when nothing is planned."""
    return st.ratio(amount or Decimal(0), planned)


def milestone_status(milestone: MilestoneInfo, to_date: Decimal | None, as_of: datetime.date) -> MilestoneStatus:
    share = milestone.percent / HUNDRED
    done = st.ratio(to_date, share) if to_date is not None and share else None
    progress = st.time_progress(datetime.date(milestone.due_on.year, 1, 1), milestone.due_on, as_of)
    overdue = as_of > milestone.due_on and not (done is not None and done >= 1)
    return MilestoneStatus(milestone, to_date, done, progress, overdue, st.light(done, progress, overdue),
                           st.warning(done, progress, milestone.due_on, as_of, overdue))


def shown(milestones: list[MilestoneInfo], to_date: Decimal | None, as_of: datetime.date) -> MilestoneStatus | None:
    """The milestone a project is judged by today for one measure (see the module's note)."""
    statuses = [milestone_status(m, to_date, as_of) for m in sorted(milestones, key=lambda m: m.due_on)]
    return next((s for s in statuses if not s.met), statuses[-1] if statuses else None)
