"""预分解's arithmetic: the shares of one target among units, the ways to fill them, what is
left. Pure functions over plain rows (no database), so each fill mode is tested directly and the
page only shows what they return. Quantities are Decimals end to end.
"""

import unicodedata
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from intake.interpret.numbers import printed
from plans.models import QUANTITY_PLACES

# Counted things are split in whole numbers (a person is not divided); money and other
# measures to the hundredth, as documents print them (8.77万元).
WHOLE_UNITS = {"人", "名", "期", "篇", "个", "家", "所", "场", "次", "批", "村", "户", "项", "条"}


@dataclass(frozen=True)
class Share:
    """One unit's row in a breakdown: its share (`quantity`), last year's shortfall carried over,
    and what the page can fill them from (the upper plan's figures, last year's quota and result)."""

    unit_id: int
    name: str
    quantity: Decimal | None = None
    carried_over: Decimal | None = None
    upper_quantity: Decimal | None = None
    upper_carried: Decimal | None = None
    last_quota: Decimal | None = None  # last year's total (quota + its own carry-over)
    last_result: Decimal | None = None  # last year's approved cumulative figure

    @property
    def total(self) -> Decimal:
        return (self.quantity or Decimal(0)) + (self.carried_over or Decimal(0))

    @property
    def last_shortfall(self) -> Decimal | None:
        """Last year's quota not met (never negative); None without both figures."""
        if self.last_quota is None or self.last_result is None:
            return None
        return max(self.last_quota - self.last_result, Decimal(0))


class FillError(ValueError):
    """A fill that cannot be done, said in Chinese."""


def places_for(unit: str) -> int:
    return 0 if unit in WHOLE_UNITS else 2


def parse_quantity(text: str, where: str) -> Decimal | None:
    """A figure typed in a cell: blank is None; full-width digits and thousands commas are
    read; a negative, a non-number or more than six decimal places is refused, naming `where`."""
    text = unicodedata.normalize("NFKC", text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FillError(f"{where}“{text}”不是数字") from None
    if not value.is_finite():
        raise FillError(f"{where}“{text}”不是数字")
    if value < 0:
        raise FillError(f"{where}不能为负数（{text}）")
    if -value.as_tuple().exponent > QUANTITY_PLACES:
        raise FillError(f"{where}最多保留{QUANTITY_PLACES}位小数（{text}）")
    return value


def split_equally(amount: Decimal, count: int, places: int) -> list[Decimal]:
    """`amount` in `count` equal shares rounded down to `places`; what rounding leaves over goes
    one smallest step each to the first shares, so the shares always add up to `amount`."""
    if count <= 0:
        return []
    step = Decimal(1).scaleb(-places)
    share = (amount / count).quantize(step, rounding=ROUND_DOWN)
    left = amount - share * count
    shares = [share] * count
    index = 0
    while left >= step:  # at most count - 1 steps
        shares[index] += step
        left -= step
        index += 1
    if left:  # an amount finer than `places`: the last bit stays with the first share
        shares[0] += left
    return shares


def fill_equally(shares: list[Share], quantity: Decimal, unit: str) -> list[Share]:
    """The total's quantity not yet given, in equal shares to the rows without a share; every
    row shares the whole when none is blank."""
    if not shares:
        raise FillError("请先添加要分解到的单位")
    blank = [i for i, s in enumerate(shares) if s.quantity is None]
    if not blank:
        blank, left = list(range(len(shares))), quantity
    else:
        left = quantity - sum((s.quantity for s in shares if s.quantity is not None), Decimal(0))
    if left < 0:
        raise FillError(f"已填的分解数合计超出总数{_n(-left)}{unit}，无法平均分配")
    amounts = split_equally(left, len(blank), places_for(unit))
    result = list(shares)
    for index, amount in zip(blank, amounts):
        result[index] = replace(result[index], quantity=amount)
    return result


def fill_from_upper(shares: list[Share]) -> tuple[list[Share], int]:
    """Each row's share (and carry-over) as the upper plan set it for that unit; rows the upper
    plan gives no figure keep theirs. Returns the rows and how many were filled."""
    result, filled = [], 0
    for share in shares:
        if share.upper_quantity is None:
            result.append(share)
            continue
        filled += 1
        result.append(replace(share, quantity=share.upper_quantity,
                              carried_over=share.upper_carried if share.upper_carried is not None else share.carried_over))
    return result, filled


def fill_from_last_year(shares: list[Share]) -> tuple[list[Share], int]:
    """Each row's share as what the unit achieved last year (its approved figure)."""
    result, filled = [], 0
    for share in shares:
        if share.last_result is None:
            result.append(share)
            continue
        filled += 1
        result.append(replace(share, quantity=share.last_result))
    return result, filled


def fill_shortfall(shares: list[Share]) -> tuple[list[Share], int]:
    """Each row's carry-over as last year's shortfall (none where the unit met its quota)."""
    result, filled = [], 0
    for share in shares:
        shortfall = share.last_shortfall
        if shortfall is None:
            result.append(share)
            continue
        filled += 1
        result.append(replace(share, carried_over=shortfall or None))
    return result, filled


def remainder(quantity: Decimal, carried_over: Decimal | None, shares: list[Share]) -> Decimal:
    """The total (quantity + carry-over) less every row's total: positive is 未分配, negative 超出."""
    return quantity + (carried_over or Decimal(0)) - sum((s.total for s in shares), Decimal(0))


def _n(value: Decimal) -> str:
    return printed(value)
