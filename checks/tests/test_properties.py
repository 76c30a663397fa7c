"""Property tests: consistent breakdown trees raise nothing; every perturbation
raises the finding that names it, with the right numbers."""

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checks.rules import check_plan

MONEY = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)
STREETS = [f"第{i}街道" for i in range(1, 13)]


@st.composite
def breakdowns(draw):
    """A district total split among departments and streets, with carry-over."""
    parts = draw(st.lists(MONEY, min_size=2, max_size=10))
    shortfalls = draw(st.lists(st.one_of(st.none(), MONEY), min_size=len(parts), max_size=len(parts)))
    return parts, shortfalls


def plan(targets):
    return {"plan": {"doc_number": "测〔2026〕1号", "year": 2026},
            "tasks": [{"ref": "1", "text": "落实社会帮扶资金。", "lead_units": ["区民政局"], "partner_units": [],
                       "deadline": "2026-12-31", "targets": targets}]}


def tree(parts, shortfalls, total=None, district_shortfall=None, totals_off=None):
    total = sum(parts) if total is None else total
    targets = [{"metric": "社会帮扶资金", "value": total, "unit": "万元", "assignee": "鼓楼区"}]
    if any(s is not None for s in shortfalls):
        carried = sum(s for s in shortfalls if s is not None)
        targets.append({"metric": "社会帮扶资金缺口", "value": carried if district_shortfall is None else district_shortfall,
                        "unit": "万元", "assignee": "鼓楼区"})
    for street, value, shortfall in zip(STREETS, parts, shortfalls):
        targets.append({"metric": "社会帮扶资金", "value": value, "unit": "万元", "assignee": street, "part_of": 0})
        if shortfall is not None:
            targets.append({"metric": "差额", "value": shortfall, "unit": "万元", "assignee": street})
            owed = value + shortfall + (totals_off if totals_off and street == STREETS[0] else 0)
            targets.append({"metric": "下达总任务", "value": owed, "unit": "万元", "assignee": street})
    return plan(targets)


BREAKDOWN_CODES = {"each_count", "breakdown_over", "breakdown_remainder", "carry_over_last_year",
                   "carry_over_this_year", "shortfall_sum", "carry_over_breakdown"}


def breakdown_findings(plan_json):
    return [f for f in check_plan(plan_json) if f.code in BREAKDOWN_CODES]


@settings(max_examples=150)
@given(breakdowns())
def test_consistent_trees_raise_nothing(tree_data):
    parts, shortfalls = tree_data
    assert breakdown_findings(tree(parts, shortfalls)) == []


@settings(max_examples=150)
@given(breakdowns(), MONEY)
def test_parts_over_the_total_are_reported_with_the_excess(tree_data, excess):
    parts, _ = tree_data
    found = breakdown_findings(tree(parts, [None] * len(parts), total=sum(parts) - excess))
    assert [(f.code, f.expected, f.found) for f in found] == [("breakdown_over", sum(parts) - excess, sum(parts))]


@settings(max_examples=150)
@given(breakdowns(), MONEY)
def test_a_remainder_is_named(tree_data, gap):
    parts, _ = tree_data
    found = breakdown_findings(tree(parts, [None] * len(parts), total=sum(parts) + gap))
    assert [(f.code, f.numbers["remainder"]) for f in found] == [("breakdown_remainder", gap)]


@settings(max_examples=150)
@given(breakdowns(), MONEY)
def test_a_wrong_district_shortfall_is_reported(tree_data, delta):
    parts, shortfalls = tree_data
    if all(s is None for s in shortfalls):
        shortfalls[0] = Decimal("1.00")
    carried = sum(s for s in shortfalls if s is not None)
    found = breakdown_findings(tree(parts, shortfalls, district_shortfall=carried + delta))
    codes = {f.code: f for f in found}
    assert set(codes) == {"shortfall_sum", "carry_over_breakdown"}
    assert (codes["shortfall_sum"].expected, codes["shortfall_sum"].found) == (carried + delta, carried)


@settings(max_examples=150)
@given(breakdowns(), MONEY)
def test_a_street_total_off_by_something_is_reported(tree_data, delta):
    parts, shortfalls = tree_data
    shortfalls[0] = shortfalls[0] or Decimal("2.50")
    found = breakdown_findings(tree(parts, shortfalls, totals_off=delta))
    this_year = [f for f in found if f.code == "carry_over_this_year"]
    assert len(this_year) == 1 and this_year[0].message.startswith(STREETS[0])
    assert this_year[0].found - this_year[0].expected == delta


@settings(max_examples=100)
@given(st.integers(min_value=2, max_value=12), MONEY, st.integers(min_value=-3, max_value=3).filter(bool))
def test_each_n_times_the_units_against_the_stated_total(count, each, miscount):
    assume(count + miscount >= 1)
    targets = [{"metric": "社会帮扶资金", "value": each * (count + miscount), "unit": "万元", "assignee": None}]
    targets += [{"metric": "社会帮扶资金", "value": each, "unit": "万元", "assignee": STREETS[i], "part_of": 0, "each": count}
                for i in range(count)]
    found = breakdown_findings(plan(targets))
    assert [(f.code, f.expected, f.found) for f in found] == [("each_count", each * (count + miscount), each * count)]
