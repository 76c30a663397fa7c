"""Numbers as documents print them: 2700, 1.33, 三千, 两, 十, 二十五."""

from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万"


def chinese_to_int(text: str) -> int | None:
    """三千 → 3000, 十 → 10, 二十五 → 25, 两 → 2; None if not a numeral."""
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
            continue
        unit = UNITS[ch]
        if unit == 10000:
            total += (section + (digit or 0)) * unit
            section = 0
        else:
            section += (1 if digit is None else digit) * unit
        digit = None
    return total + section + (digit or 0)


def printed(value) -> str:
    """A figure as documents print it: every digit, no exponent, no trailing zeros
    (141.832000 → "141.832", 7.5E+4 → "75000")."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(number.normalize(), "f")


def to_decimal(text: str) -> Decimal | None:
    text = text.replace(",", "").replace("，", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        value = chinese_to_int(text)
        return Decimal(value) if value is not None else None
