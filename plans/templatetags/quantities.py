from django import template

from intake.interpret.numbers import printed

register = template.Library()


@register.filter
def qty(value):
    """A Decimal as printed in documents: every digit kept, no trailing zeros,
    never in exponent form (141.832000 -> 141.832, 7.5E+4 -> 75000)."""
    if value is None or value == "":
        return ""
    return printed(value)


@register.filter
def absval(value):
    return abs(value) if value is not None else value
