"""Plausibility rules for a reported cumulative figure: pure functions, no database.

A figure that is not a number or is negative is an error (services.parse_figure)
and is never saved. These rules are different: the figure may be right — a
correction of last month's, a large donation arriving at once — so each rule
gives a WARNING with the numbers in Chinese. The reporter may submit anyway
once they have written an explanation (说明); the reviewer sees both.

Thresholds come from settings (FIGURE_WARN_JUMP_TIMES,
FIGURE_WARN_OVER_TARGET_PERCENT): they describe what looks like a typing
mistake (万元 typed as 元, a digit too many), which does not differ by plan.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from intake.interpret.numbers import printed

DECREASE = "decrease"
JUMP = "jump"
OVER_TARGET = "over_target"
OVER_PERCENT = "over_percent"

PERCENT_UNITS = {"%", "％", "百分比"}
RATE_WORDS = ("率", "比例", "占比")
# Counts and money are never rates, even where the metric's name says 率 (覆盖率 counted in 人 is a count).
COUNTING_UNITS = {"万元", "元", "人", "人次", "个", "家", "户", "项", "吨"}


@dataclass(frozen=True)
class FigureWarning:
    code: str
    message: str

    def as_json(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Goal:
    """What the figure is measured against: a target's metric, unit, total and comparator."""

    metric: str
    unit: str
    total: Decimal  # quantity + carried-over shortfall
    comparator: str = "="  # "=" or ">="

    @classmethod
    def of(cls, target) -> "Goal":
        return cls(target.metric, target.unit, target.total, target.comparator)

    @property
    def is_rate(self) -> bool:
        if self.unit in PERCENT_UNITS:
            return True
        return any(word in self.metric for word in RATE_WORDS) and self.unit not in COUNTING_UNITS

    @property
    def stated(self) -> str:
        """"100万元" or "≥100万元", as the target is held."""
        sign = "≥" if self.comparator == ">=" else ""
        return f"{sign}{printed(self.total)}{self.unit}"


@dataclass(frozen=True)
class Thresholds:
    jump_times: Decimal = Decimal(3)  # a month's increase beyond this many times the monthly average
    over_target_percent: Decimal = Decimal(150)  # a cumulative figure beyond this share of the target

    @classmethod
    def from_settings(cls) -> "Thresholds":
        from django.conf import settings

        return cls(_positive(settings, "FIGURE_WARN_JUMP_TIMES"), _positive(settings, "FIGURE_WARN_OVER_TARGET_PERCENT"))


def _positive(settings, name: str) -> Decimal:
    """A threshold setting as a Decimal; a typo stops the action with the setting's name, not a guess."""
    from django.core.exceptions import ImproperlyConfigured

    raw = getattr(settings, name)
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value <= 0:
        raise ImproperlyConfigured(f"设置 {name} 应为正数，实际为 {raw!r}")
    return value


# A month before this one: its label ("2026年10月") and the figure counted that month, or None.
Month = tuple[str, Decimal | None]


def _round(value: Decimal, places: int = 2) -> str:
    return printed(value.quantize(Decimal(10) ** -places, rounding=ROUND_HALF_UP))


def last_counted(history: list[Month]) -> tuple[str, Decimal, bool] | None:
    """The latest counted figure before this month: (label, value, whether it was last month's)."""
    for index in range(len(history) - 1, -1, -1):
        label, value = history[index]
        if value is not None:
            return label, value, index == len(history) - 1
    return None


def decrease(value: Decimal, history: list[Month]) -> FigureWarning | None:
    """A cumulative figure lower than the last one counted: it should only grow."""
    last = last_counted(history)
    if last is None or value >= last[1]:
        return None
    label, before, was_last_month = last
    when = "上月" if was_last_month else label
    return FigureWarning(DECREASE, f"累计数{printed(value)}低于{when}的{printed(before)}；累计数应只增不减")


def jump(value: Decimal, history: list[Month], times: Decimal) -> FigureWarning | None:
    """This month's increase beyond `times` the average monthly increase so far.

    The average is the last counted figure over the months since the unit's
    first counted figure, that month included (a month not reported after it
    counts: the figure was still the one before; months before it are unknown,
    as a first report often covers them). No warning without a positive figure."""
    last = last_counted(history)
    if last is None or last[1] <= 0:
        return None
    first = next(index for index, (_, value) in enumerate(history) if value is not None)
    before, months = last[1], len(history) - first
    increase = value - before
    if increase * months <= times * before:  # increase > times × (before / months), without dividing
        return None
    average = before / months
    return FigureWarning(
        JUMP,
        f"本月增加{printed(increase)}，是此前月均增量{_round(average)}的{_round(increase / average)}倍"
        f"（超过{printed(times)}倍）",
    )


def over_target(value: Decimal, goal: Goal, percent: Decimal) -> FigureWarning | None:
    """Far above the target: often 元 typed for 万元, or a digit too many."""
    if goal.total <= 0 or value * 100 <= goal.total * percent:
        return None
    share = _round(value * 100 / goal.total, 1)
    return FigureWarning(OVER_TARGET, f"累计数{printed(value)}超过目标值{goal.stated}的{printed(percent)}%（为{share}%）")


def over_percent(value: Decimal, goal: Goal) -> FigureWarning | None:
    """A percentage above 100."""
    if not goal.is_rate or value <= 100:
        return None
    return FigureWarning(OVER_PERCENT, f"{goal.metric}为百分比，填写的{printed(value)}超过100")


def check_figure(value: Decimal | None, *, history: list[Month], goal: Goal,
                 thresholds: Thresholds = Thresholds()) -> list[FigureWarning]:
    """Every warning the figure raises, in a fixed order; none for a blank figure."""
    if value is None:
        return []
    found = [
        decrease(value, history),
        jump(value, history, thresholds.jump_times),
        over_target(value, goal, thresholds.over_target_percent),
        over_percent(value, goal),
    ]
    return [w for w in found if w is not None]
