"""Where a target stands: completion against time progress, the light and the warning.

In reporting (not oversight) so that every app after it — oversight, funds (拨付率 and
支出率 against dated milestones) — shares one rule; `oversight.status` re-exports it.

Pure functions over plain data, so the dashboard, the bulletin, the ledger and
the API compute every figure the same way and tests need no database.

- 完成率 (completion) = reported ÷ target, uncapped (a unit may exceed its quota).
- 时序进度 (time progress) = the share of the period gone, counted in days from
  the period's first day to its deadline, inclusive: on 30 November a task due
  31 December is at 334/365.
- Light: green when completion keeps up with time progress (or the target is
  met), yellow when behind it by less than LAG_TOLERANCE, red when further
  behind or overdue.
- Warning, in the colours offices use: red 逾期未完成 (deadline passed, not met),
  yellow 落后时序进度 (behind time progress), blue 临近时限 (deadline within NEAR_DAYS, not met).

The words for lights and warnings are defined here once (LIGHT_*, WARNING_*) and
every page, chart, bulletin, ledger and API description takes them from here: a
light and a warning are different things, so no word names both (a yellow light
is 偏慢, a yellow warning 落后时序进度; 滞后 is only the red light's 严重滞后).
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from intake.interpret.numbers import printed

# Behind time progress by less than 20 percentage points is yellow; more is red.
LAG_TOLERANCE = Decimal("0.20")
# A deadline within this many days, target not met: the blue warning.
NEAR_DAYS = 30

# -- The one vocabulary of lights and warnings ------------------------------------------
# A light says how completion compares with time progress (each target has one);
# a warning says what is wrong with a target not yet met (none, or one).
GREEN, YELLOW, RED = "green", "yellow", "red"
LIGHT_NAMES = {GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯"}
LIGHT_LABELS = {GREEN: "正常", YELLOW: "偏慢", RED: "严重滞后"}
LIGHT_MEANINGS = {
    GREEN: "完成率不低于时序进度，或已完成",
    YELLOW: f"完成率比时序进度低不到{int(LAG_TOLERANCE * 100)}个百分点",
    RED: f"完成率比时序进度低{int(LAG_TOLERANCE * 100)}个百分点及以上，或已过完成时限仍未完成",
}
WARN_BLUE, WARN_YELLOW, WARN_RED = "blue", "yellow", "red"
WARNING_NAMES = {WARN_RED: "红色预警", WARN_YELLOW: "黄色预警", WARN_BLUE: "蓝色预警"}
WARNING_LABELS = {WARN_RED: "逾期未完成", WARN_YELLOW: "落后时序进度", WARN_BLUE: "临近时限"}
WARNING_MEANINGS = {
    WARN_RED: "已过完成时限，尚未完成",
    WARN_YELLOW: "未到完成时限，完成率低于时序进度",
    WARN_BLUE: f"{NEAR_DAYS}天内到期，尚未完成（完成率不低于时序进度）",
}
LIGHT_ORDER = (RED, YELLOW, GREEN)
WARNING_ORDER = (WARN_RED, WARN_YELLOW, WARN_BLUE)


def light_text(light: str | None) -> str:
    """"黄灯·偏慢": how a light is named wherever it is shown."""
    return f"{LIGHT_NAMES[light]}·{LIGHT_LABELS[light]}" if light else "—"


def warning_text(warning: str | None) -> str:
    """"黄色预警·落后时序进度": how a warning is named wherever it is shown in full."""
    return f"{WARNING_NAMES[warning]}·{WARNING_LABELS[warning]}" if warning else ""


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "light" | "warning"
    colour: str
    name: str  # 黄灯 / 黄色预警
    label: str  # 偏慢 / 落后时序进度
    meaning: str

    @property
    def text(self) -> str:
        return f"{self.name}·{self.label}"


def legend() -> dict[str, list[LegendItem]]:
    """The lights and the warnings with what each means, for every page and document that counts them."""
    return {
        "lights": [LegendItem("light", c, LIGHT_NAMES[c], LIGHT_LABELS[c], LIGHT_MEANINGS[c]) for c in LIGHT_ORDER],
        "warnings": [LegendItem("warning", c, WARNING_NAMES[c], WARNING_LABELS[c], WARNING_MEANINGS[c])
                     for c in WARNING_ORDER],
    }


LIGHTS_COUNT_NOTE = "亮灯只统计总指标（分解到单位的部分计入各单位排名）"
WARNINGS_COUNT_NOTE = "预警统计全部指标，含分解到单位的部分"

RATIO_PLACES = Decimal("0.0001")


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """part ÷ whole to four places (percent to two), or None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)


def time_progress(start: datetime.date, deadline: datetime.date, as_of: datetime.date) -> Decimal:
    """Share of the days from `start` to `deadline` (both counted) gone by the end of `as_of`."""
    if as_of < start:
        return Decimal(0)
    if as_of >= deadline:
        return Decimal(1)
    return ratio(Decimal((as_of - start).days + 1), Decimal((deadline - start).days + 1))


def light(completion: Decimal | None, progress: Decimal, overdue: bool) -> str:
    if overdue:
        return RED
    done = completion or Decimal(0)
    if done >= 1 or done >= progress:
        return GREEN
    return YELLOW if progress - done < LAG_TOLERANCE else RED


def warning(completion: Decimal | None, progress: Decimal, deadline: datetime.date,
            as_of: datetime.date, overdue: bool) -> str | None:
    done = completion or Decimal(0)
    if overdue:
        return WARN_RED
    if done >= 1:
        return None
    if done < progress:
        return WARN_YELLOW
    if (deadline - as_of).days <= NEAR_DAYS:
        return WARN_BLUE
    return None


@dataclass(frozen=True)
class TargetInfo:
    """What status needs to know of a target: plain values, read in bulk."""

    id: int
    task_id: int
    parent_id: int | None
    metric: str
    measure: str  # 计量单位: 万元, 人, 篇
    total: Decimal  # quantity + carried-over shortfall
    assignee_id: int | None
    assignee_name: str  # the unit's name, or the task's lead units for a task total
    start: datetime.date
    deadline: datetime.date  # the task's deadline, else the last day of the year


@dataclass
class TargetStatus:
    target: TargetInfo
    reported: Decimal | None  # cumulative to date; None when nothing is reported or rolled up
    direct: bool  # reported directly (True) or the sum of its parts (False)
    completion: Decimal | None
    time_progress: Decimal
    overdue: bool
    light: str
    warning: str | None
    parts: list["TargetStatus"] = field(default_factory=list)
    # The sum of the parts' values, where the target is broken down and any part has one:
    # shown beside a figure the total's own unit reported, so a difference is seen.
    parts_sum: Decimal | None = None

    @property
    def difference(self) -> Decimal | None:
        """Own figure − parts' sum, where the total's unit reported one and the parts add up
        to something else; None when they agree or there is nothing to compare."""
        if not self.direct or self.parts_sum is None or self.reported is None:
            return None
        return (self.reported - self.parts_sum) or None

    @property
    def met(self) -> bool:
        return self.completion is not None and self.completion >= 1

    @property
    def gap(self) -> Decimal:
        """How much is still missing (0 once met)."""
        return max(self.target.total - (self.reported or Decimal(0)), Decimal(0))


class Breakdowns:
    """The breakdown trees of many targets, in order with each target's parts before it:
    built once, rolled up for as many months as needed. A part whose total is not among
    the targets counts as a total itself."""

    def __init__(self, targets: list[TargetInfo]):
        ids = {t.id for t in targets}
        self.children: dict[int, list[int]] = {}
        for target in targets:
            if target.parent_id in ids:
                self.children.setdefault(target.parent_id, []).append(target.id)
        self.order: list[int] = []
        for root in (t.id for t in targets if t.parent_id not in ids):
            stack = [(root, False)]
            while stack:
                pk, expanded = stack.pop()
                if expanded:
                    self.order.append(pk)
                else:
                    stack.append((pk, True))
                    stack.extend((child, False) for child in reversed(self.children.get(pk, ())))

    def rollup(self, reported: dict[int, Decimal]) -> dict[int, Decimal]:
        """Each target's value: its own reported figure, else the sum of its parts' values."""
        return self.rollup_with_sums(reported)[0]

    def rollup_with_sums(self, reported: dict[int, Decimal]) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
        """The values (as `rollup`), and for each broken-down target with a part that has a
        value, the sum of its parts' values — whether or not its own figure was reported."""
        values: dict[int, Decimal] = {}
        sums: dict[int, Decimal] = {}
        for pk in self.order:
            if pk in self.children:
                parts = [values[child] for child in self.children[pk] if child in values]
                if parts:
                    sums[pk] = sum(parts, Decimal(0))
            if pk in reported:
                values[pk] = reported[pk]
            elif pk in sums:
                values[pk] = sums[pk]
        return values, sums


def target_statuses(targets: list[TargetInfo], reported: dict[int, Decimal],
                    as_of: datetime.date, breakdowns: Breakdowns | None = None) -> dict[int, TargetStatus]:
    """Every target's status. `reported` holds the directly reported cumulative
    figures; a target without one takes the sum of its parts' (recursively),
    so a total broken down among streets progresses as the streets report.
    The rule: the total's own unit's figure when it reported one, the parts' sum
    otherwise; where both exist and differ, `parts_sum` and `difference` say so."""
    breakdowns = breakdowns or Breakdowns(targets)
    values, sums = breakdowns.rollup_with_sums(reported)
    by_id = {t.id: t for t in targets}
    result: dict[int, TargetStatus] = {}
    for pk in breakdowns.order:
        target, value = by_id[pk], values.get(pk)
        parts = [result[child] for child in breakdowns.children.get(pk, ())]
        done = ratio(value or Decimal(0), target.total) if target.total else None
        progress = time_progress(target.start, target.deadline, as_of)
        overdue = as_of > target.deadline and not (done is not None and done >= 1)
        result[pk] = TargetStatus(target, value, pk in reported or not parts, done, progress, overdue,
                                  light(done, progress, overdue),
                                  warning(done, progress, target.deadline, as_of, overdue), parts,
                                  sums.get(pk))
    return result


def difference_text(status: TargetStatus) -> str:
    """“牵头单位报363.05万元，各单位合计365.45万元，相差2.4万元”, or "" when they agree: one
    wording for the pages, the bulletin and the ledger. The value counted is the first figure."""
    gap = status.difference
    if gap is None:
        return ""
    target = status.target
    who = "牵头单位" if target.assignee_id is None else target.assignee_name
    measure = target.measure
    return (f"{who}报{printed(status.reported)}{measure}，各单位合计{printed(status.parts_sum)}{measure}，"
            f"相差{printed(abs(gap))}{measure}")


@dataclass
class Summary:
    """Progress of a set of targets: a task, a unit, a category, a plan."""

    targets: int = 0
    met: int = 0
    overdue: int = 0
    lights: dict = field(default_factory=lambda: {GREEN: 0, YELLOW: 0, RED: 0})
    completion: Decimal | None = None  # mean of the targets' completion, each capped at 100%
    time_progress: Decimal | None = None  # mean time progress of the same targets

    @property
    def light(self) -> str | None:
        if not self.targets:
            return None
        return light(self.completion, self.time_progress, self.overdue > 0)

    @property
    def percent(self) -> Decimal | None:
        return percent_value(self.completion)

    @property
    def progress_percent(self) -> Decimal | None:
        return percent_value(self.time_progress)


def summarize(statuses) -> Summary:
    """Completion of many targets of different metrics: each counts once, capped at
    100% so one unit's surplus of money cannot hide another's shortfall of people."""
    summary = Summary()
    completions, progresses = [], []
    for status in statuses:
        if status.completion is None:
            continue
        summary.targets += 1
        summary.met += status.met
        summary.overdue += status.overdue
        summary.lights[status.light] += 1
        completions.append(min(status.completion, Decimal(1)))
        progresses.append(status.time_progress)
    if completions:
        summary.completion = ratio(sum(completions), Decimal(len(completions)))
        summary.time_progress = ratio(sum(progresses), Decimal(len(progresses)))
    return summary


def percent_value(value: Decimal | None) -> Decimal | None:
    """0.9154 → 91.5, rounded half up: the one rounding every page, chart and bulletin uses."""
    return None if value is None else (value * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)


def percent(value: Decimal | None) -> str:
    """0.9154 → "91.5%": how the pages, the bulletin and the ledger print a ratio."""
    return "—" if value is None else f"{percent_value(value)}%"
