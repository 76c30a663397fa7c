"""Suggested scores from an item's 评分标准 and the year's figure: pure functions.

A suggestion is never applied by itself: the page shows it with its arithmetic and the
scorer decides. The forms, as the 考核细则 print them:

- 完成得满分 (`full_when_met`): the figure reaches the target, full marks; else nothing
  (or the floor).
- 完成得满分，未完成按完成比例得分 (`proportional`): 分值 × 完成数 ÷ 目标, at most 分值.
- 每少1篇扣1分，最多扣完本项分值 (`per_shortfall`): each step short (a part of a step
  counts as a step: 差1.5篇, 每少1篇 → 2次) deducts the points, at most `cap` (the item's
  分值 when not given).

`floor` (最低得分) holds for every form. Scores are kept to two places, rounded half up.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


class RuleError(ValueError):
    """A rule that cannot be computed; the message says why, in Chinese."""


@dataclass(frozen=True)
class Suggestion:
    points: Decimal
    arithmetic: str  # how it was reached, to show beside the figure


def fmt(value: Decimal) -> str:
    """A number as printed: all its digits, no trailing zeros, no exponent (2.50 → 2.5)."""
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def _points(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _floored(points: Decimal, floor: Decimal | None, text: str) -> Suggestion:
    if floor is not None and points < floor:
        return Suggestion(_points(floor), f"{text}，低于最低得分，按最低得分{fmt(floor)}分计")
    return Suggestion(_points(points), text)


def full_when_met(max_points: Decimal, target: Decimal, actual: Decimal, *, floor: Decimal | None = None) -> Suggestion:
    if actual >= target:
        return Suggestion(_points(max_points), f"完成{fmt(actual)}，达到目标{fmt(target)}，得满分{fmt(max_points)}分")
    return _floored(Decimal(0), floor, f"完成{fmt(actual)}，未达到目标{fmt(target)}，得0分")


def proportional(max_points: Decimal, target: Decimal, actual: Decimal, *, floor: Decimal | None = None) -> Suggestion:
    if target <= 0 or actual >= target:
        return Suggestion(_points(max_points), f"完成{fmt(actual)}，达到目标{fmt(target)}，得满分{fmt(max_points)}分")
    points = _points(max_points * actual / target)
    return _floored(points, floor, f"{fmt(max_points)} × {fmt(actual)} ÷ {fmt(target)} = {fmt(points)}分")


def per_shortfall(max_points: Decimal, target: Decimal, actual: Decimal, *, step: Decimal, points: Decimal,
                  floor: Decimal | None = None, cap: Decimal | None = None) -> Suggestion:
    if step is None or step <= 0 or points is None or points < 0:
        raise RuleError("“每少一定数量扣分”须写明每少多少（大于0）和每次扣几分")
    if actual >= target:
        return Suggestion(_points(max_points), f"完成{fmt(actual)}，达到目标{fmt(target)}，不扣分，得{fmt(max_points)}分")
    shortfall = target - actual
    times = math.ceil(shortfall / step)
    deducted = points * times
    limit = max_points if cap is None else min(cap, max_points)
    text = f"差{fmt(shortfall)}，每少{fmt(step)}扣{fmt(points)}分，扣{times}次共{fmt(deducted)}分"
    if deducted > limit:
        text += f"，最多扣{fmt(limit)}分"
        deducted = limit
    result = max_points - deducted
    return _floored(result, floor, f"{text}：{fmt(max_points)} − {fmt(deducted)} = {fmt(_points(result))}分")


def suggest(item, target: Decimal, actual: Decimal | None) -> Suggestion | None:
    """The suggestion for an Item (its rule and parameters) and the year's figure; None when the
    item is scored by hand or no figure was reported."""
    from assessment.models import Item

    if item.rule == Item.Rule.MANUAL or actual is None or target is None:
        return None
    if item.rule == Item.Rule.FULL_WHEN_MET:
        return full_when_met(item.max_points, target, actual, floor=item.rule_floor)
    if item.rule == Item.Rule.PROPORTIONAL:
        return proportional(item.max_points, target, actual, floor=item.rule_floor)
    return per_shortfall(item.max_points, target, actual, step=item.rule_step, points=item.rule_points,
                         floor=item.rule_floor, cap=item.rule_cap)
