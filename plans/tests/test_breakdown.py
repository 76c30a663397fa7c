from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from plans.breakdown import build_breakdown
from plans.models import Target

MONEY = st.decimals(min_value=0, max_value=Decimal("99999999.999999"), places=6, allow_nan=False, allow_infinity=False)


def _target(pk, quantity, parent=None, carried_over=None, position=0):
    # Unsaved instances: build_breakdown is pure and needs no database.
    return Target(pk=pk, quantity=Decimal(quantity), carried_over=carried_over, unit="万元",
                  parent_id=parent, position=position, metric="社会帮扶资金")


def test_breakdown_remainder_is_shown(funding_task):
    (root,) = build_breakdown(funding_task.targets.all())
    assert [p.target.assignee.name for p in root.parts] == ["区教育局", "鼓东街道"]
    # 30 + (40.5 + 4.5 carried over) = 75 of 100.
    assert root.parts_total == Decimal("75")
    assert root.remainder == Decimal("25")


def test_fully_allocated_breakdown_has_zero_remainder():
    roots = build_breakdown([_target(1, "11"), _target(2, "4", 1), _target(3, "4", 1), _target(4, "3", 1)])
    assert roots[0].remainder == 0


def test_over_allocation_gives_negative_remainder():
    roots = build_breakdown([_target(1, "8500"), _target(2, "5000", 1), _target(3, "3500.000001", 1)])
    assert roots[0].remainder == Decimal("-0.000001")


def test_target_without_parts_has_no_remainder():
    (root,) = build_breakdown([_target(1, "2700")])
    assert root.remainder is None


def test_carried_over_shortfall_counts_in_total():
    target = _target(1, "25.5", carried_over=Decimal("20.7"))
    assert target.total == Decimal("46.2")


def test_nested_breakdown_keeps_each_level_remainder():
    roots = build_breakdown([
        _target(1, "300"), _target(2, "45", 1, position=1), _target(3, "255", 1, position=2),
        _target(4, "25.5", 3), _target(5, "25.5", 3),
    ])
    assert roots[0].remainder == 0
    assert roots[0].parts[1].remainder == Decimal("204")


def test_part_whose_parent_is_missing_still_shows_as_root():
    roots = build_breakdown([_target(2, "5", parent=99)])
    assert [r.target.pk for r in roots] == [2]


@given(parts=st.lists(MONEY, min_size=1, max_size=12), gap=MONEY)
def test_remainder_is_exactly_total_minus_parts(parts, gap):
    total = sum(parts, Decimal(0)) + gap
    targets = [_target(1, total)] + [_target(i + 2, p, parent=1, position=i) for i, p in enumerate(parts)]
    (root,) = build_breakdown(targets)
    assert root.remainder == gap
    assert [n.target.quantity for n in root.parts] == parts
