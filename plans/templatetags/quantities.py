from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def qty(value):
    """A Decimal as printed in documents: every digit kept, no trailing zeros,
    never in exponent form (141.832000 -> 141.832, 7.5E+4 -> 75000)."""
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number.normalize(), "f")
    return text


@register.filter
def absval(value):
    return abs(value) if value is not None else value
