"""Quantities are Decimals end to end and never lose a digit in the database."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from plans.models import QUANTITY_DIGITS, QUANTITY_PLACES, Target
from plans.templatetags.quantities import qty


def test_141_832_wan_yuan_stays_141_832(funding_task):
    target = Target.objects.create(task=funding_task, metric="2025年社会帮扶资金差额",
                                   quantity=Decimal("141.832"), unit="万元")
    stored = Target.objects.get(pk=target.pk).quantity
    assert stored == Decimal("141.832")
    assert isinstance(stored, Decimal)
    assert qty(stored) == "141.832"


def test_sum_in_database_keeps_every_digit(funding_task):
    for value in ("0.1", "0.2", "8.77", "20.49", "141.832"):
        Target.objects.create(task=funding_task, metric="差额", quantity=Decimal(value), unit="万元")
    from django.db.models import Sum
    total = Target.objects.filter(metric="差额").aggregate(s=Sum("quantity"))["s"]
    assert Decimal(total) == Decimal("171.392")


def test_more_decimals_than_kept_is_refused_not_rounded(funding_task):
    target = Target(task=funding_task, metric="社会帮扶资金", quantity=Decimal("1.0000001"), unit="万元")
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert "quantity" in error.value.message_dict


def test_negative_quantity_is_refused(funding_task):
    target = Target(task=funding_task, metric="社会帮扶资金", quantity=Decimal("-1"), unit="万元")
    with pytest.raises(ValidationError):
        target.full_clean()


@pytest.mark.parametrize("printed_unit, canonical", [("亿元", "万元"), ("元", "万元"), ("名", "人")])
def test_non_canonical_unit_must_be_converted_first(funding_task, printed_unit, canonical):
    target = Target(task=funding_task, metric="指标", quantity=Decimal("1"), unit=printed_unit)
    with pytest.raises(ValidationError, match=canonical):
        target.full_clean()


def test_part_must_share_its_parent_unit(funding_task):
    total = funding_task.targets.get(parent=None)
    part = Target(task=funding_task, metric="培训", quantity=Decimal("1"), unit="人", parent=total)
    with pytest.raises(ValidationError, match="计量单位"):
        part.full_clean()


@pytest.mark.parametrize("value, shown", [
    (Decimal("141.832000"), "141.832"), (Decimal("7.5E+4"), "75000"), (Decimal("0.000001"), "0.000001"),
    (Decimal("25.50"), "25.5"), (Decimal("300"), "300"),
])
def test_quantities_print_as_documents_write_them(value, shown):
    assert qty(value) == shown


LARGEST = Decimal(10) ** (QUANTITY_DIGITS - QUANTITY_PLACES) - Decimal(10) ** -QUANTITY_PLACES


class TestRoundTrip(TestCase):
    """Any value the field accepts comes back from the database unchanged."""

    @classmethod
    def setUpTestData(cls):
        from orgs.models import Programme
        from plans.models import Plan, Task

        plan = Plan.objects.create(title="往返测试", year=2026, kind=Programme.EAST_WEST)
        cls.task = Task.objects.create(plan=plan, ref="1")

    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    @given(st.decimals(min_value=0, max_value=LARGEST, places=QUANTITY_PLACES, allow_nan=False, allow_infinity=False))
    def test_every_storable_quantity_round_trips(self, value):
        target = Target(task=self.task, metric="金额", quantity=value, unit="万元")
        target.full_clean()
        target.save()
        assert Target.objects.get(pk=target.pk).quantity == value
