"""预分解's arithmetic without a database: each fill mode, equal shares with what rounding leaves."""

from decimal import Decimal as D

import pytest

from planning.breakdown_fill import (FillError, Share, fill_equally, fill_from_last_year, fill_from_upper,
                                     fill_shortfall, parse_quantity, remainder, split_equally)


def rows(*quantities):
    return [Share(i, f"单位{i}", quantity=None if q is None else D(q)) for i, q in enumerate(quantities, start=1)]


def test_equal_shares_give_what_rounding_leaves_to_the_first_units_and_add_up():
    assert split_equally(D(100), 3, 2) == [D("33.34"), D("33.33"), D("33.33")]
    assert split_equally(D(11), 3, 0) == [D(4), D(4), D(3)]
    assert split_equally(D("0.05"), 3, 2) == [D("0.02"), D("0.02"), D("0.01")]
    assert sum(split_equally(D("141.832"), 7, 2)) == D("141.832")  # finer than cents: kept on the first


def test_equal_fill_splits_what_is_left_among_the_blank_rows_only():
    shares = fill_equally(rows("4", "5", "3", "6", "2", "25", *[None] * 10), D(300), "万元")
    assert [s.quantity for s in shares] == [D(4), D(5), D(3), D(6), D(2), D(25), *[D("25.5")] * 10]
    assert remainder(D(300), None, shares) == 0


def test_equal_fill_with_no_blank_row_shares_the_whole_and_counts_people_whole():
    assert [s.quantity for s in fill_equally(rows("1", "1", "1"), D(11), "人")] == [D(4), D(4), D(3)]


def test_equal_fill_refuses_when_the_filled_rows_exceed_the_total_or_there_are_none():
    with pytest.raises(FillError, match="已填的分解数合计超出总数2万元"):
        fill_equally(rows("7", "5", None), D(10), "万元")
    with pytest.raises(FillError, match="请先添加"):
        fill_equally([], D(10), "万元")


def test_upper_fill_takes_the_upper_plans_figure_and_carry_over_where_it_set_one():
    shares = [Share(1, "鼓东街道", D(1), upper_quantity=D("25.5"), upper_carried=D("20.7")),
              Share(2, "区妇联", D(3))]
    filled, count = fill_from_upper(shares)
    assert count == 1
    assert [(s.quantity, s.carried_over) for s in filled] == [(D("25.5"), D("20.7")), (D(3), None)]


def test_last_year_fill_takes_the_approved_results_and_shortfall_the_gap_to_last_years_quota():
    shares = [Share(1, "鼓东街道", last_quota=D("25.5"), last_result=D("4.8")),
              Share(2, "洪山镇", D(9), carried_over=D(1), last_quota=D("25.5"), last_result=D("25.5")),
              Share(3, "区科协", D(2))]
    by_result, count = fill_from_last_year(shares)
    assert count == 2 and [s.quantity for s in by_result] == [D("4.8"), D("25.5"), D(2)]
    with_gap, count = fill_shortfall(shares)
    # 洪山镇 met its quota: no carry-over; 区科协 has no figures last year: left as typed.
    assert count == 2 and [s.carried_over for s in with_gap] == [D("20.7"), None, None]
    assert Share(4, "超额", last_quota=D(10), last_result=D(12)).last_shortfall == 0


def test_remainder_counts_carry_over_on_both_sides():
    shares = [Share(1, "a", D(100), D("20.7")), Share(2, "b", D(200))]
    assert remainder(D(300), D("20.7"), shares) == 0
    assert remainder(D(300), None, shares) == D("-20.7")


@pytest.mark.parametrize("text, expected", [("25.5", D("25.5")), ("１，２００", D(1200)), ("  ", None), ("0", D(0))])
def test_typed_figures_are_read(text, expected):
    assert parse_quantity(text, "第1行") == expected


@pytest.mark.parametrize("text, message", [("abc", "第2行分解数“abc”不是数字"), ("-1", "不能为负数"),
                                          ("1.1234567", "最多保留6位小数"), ("NaN", "不是数字")])
def test_bad_figures_are_refused_saying_where(text, message):
    with pytest.raises(FillError, match=message):
        parse_quantity(text, "第2行分解数")
