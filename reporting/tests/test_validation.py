"""The figure rules on their own: plain data in, warnings with the numbers out (no database)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from reporting import validation
from reporting.validation import Goal, Thresholds, check_figure

D = Decimal
MONEY = Goal("社会帮扶资金", "万元", D(100))


def months(*values):
    return [(f"2026年{n}月", None if v is None else D(v)) for n, v in enumerate(values, start=1)]


def codes(value, history=(), goal=MONEY, thresholds=Thresholds()):
    return [w.code for w in check_figure(D(value), history=list(history), goal=goal, thresholds=thresholds)]


def test_a_cumulative_figure_below_last_months_is_warned_with_both_numbers():
    (warning,) = check_figure(D(40), history=months("30", "49.9"), goal=MONEY)
    assert warning.code == validation.DECREASE
    assert warning.message == "累计数40低于上月的49.9；累计数应只增不减"


def test_below_an_earlier_month_when_last_month_counted_nothing_names_that_month():
    (warning,) = check_figure(D(40), history=months("49.9", None), goal=MONEY)
    assert warning.message == "累计数40低于2026年1月的49.9；累计数应只增不减"


def test_equal_or_higher_than_last_month_is_fine():
    assert codes("49.9", months("49.9")) == [] and codes("50", months("49.9")) == []


def test_a_jump_beyond_three_times_the_monthly_average_says_the_average_and_the_jump():
    # 10 months, 50 so far: 5 a month on average; this month +60 is 12 times that.
    history = months(*[str(5 * n) for n in range(1, 11)])
    (warning,) = check_figure(D(110), history=history, goal=Goal("社会帮扶资金", "万元", D(1000)))
    assert warning.code == validation.JUMP
    assert warning.message == "本月增加60，是此前月均增量5的12倍（超过3倍）"


def test_a_jump_of_exactly_n_times_is_not_warned_and_n_is_configurable():
    history = months("10", "20")  # 10 a month
    assert codes("50", history, Goal("x", "万元", D(1000))) == []  # +30 = 3 × 10
    assert codes("50.01", history, Goal("x", "万元", D(1000))) == [validation.JUMP]
    assert codes("50.01", history, Goal("x", "万元", D(1000)), Thresholds(jump_times=D(4))) == []


def test_no_jump_warning_without_a_positive_figure_to_average():
    assert codes("80", []) == [] and codes("80", months(None, None)) == [] and codes("80", months("0")) == []


def test_the_average_counts_months_without_a_report_after_the_first_but_not_before():
    # 30 over three months (one unreported) is 10 a month; +40 is 4 times.
    (warning,) = check_figure(D(70), history=months("15", None, "30"), goal=Goal("x", "万元", D(1000)))
    assert warning.message == "本月增加40，是此前月均增量10的4倍（超过3倍）"
    # A first report in March covers January and February: 30 over the one month is the average.
    assert codes("120", months(None, None, "30"), Goal("x", "万元", D(1000))) == []
    (warning,) = check_figure(D(121), history=months(None, None, "30"), goal=Goal("x", "万元", D(1000)))
    assert warning.message == "本月增加91，是此前月均增量30的3.03倍（超过3倍）"


def test_far_above_the_target_is_warned_with_target_and_ratio():
    (warning,) = check_figure(D(160), history=[], goal=MONEY)
    assert warning.code == validation.OVER_TARGET
    assert warning.message == "累计数160超过目标值100万元的150%（为160%）"
    at_least = check_figure(D(151), history=[], goal=Goal("社会帮扶资金", "万元", D(100), ">="))
    assert at_least[0].message == "累计数151超过目标值≥100万元的150%（为151%）"


def test_at_the_ratio_is_fine_and_the_ratio_is_configurable():
    assert codes("150", []) == []
    assert codes("121", [], thresholds=Thresholds(over_target_percent=D(120))) == [validation.OVER_TARGET]


def test_a_target_of_zero_has_no_ratio():
    assert codes("5", [], Goal("x", "万元", D(0))) == []


@pytest.mark.parametrize("goal", [Goal("脱贫人口就业", "%", D(90)), Goal("义务教育巩固率", "", D(95)),
                                  Goal("农村自来水普及比例", "％", D(90))])
def test_a_percentage_over_100_is_warned(goal):
    warnings = check_figure(D(101), history=[], goal=goal)
    assert [w.code for w in warnings] == [validation.OVER_PERCENT]
    assert warnings[0].message == f"{goal.metric}为百分比，填写的101超过100"
    assert codes("100", [], goal) == []


def test_a_metric_named_a_rate_but_counted_in_people_is_not_a_percentage():
    assert not Goal("技能培训覆盖率", "人", D(100)).is_rate
    assert codes("120", [], Goal("技能培训覆盖率", "人", D(100))) == []


def test_several_rules_can_fire_together_in_a_fixed_order():
    # 40 → 400 of a 100% target: a jump, over 150% of target, and over 100%.
    assert codes("400", months("20", "40"), Goal("达标率", "%", D(100))) == [
        validation.JUMP, validation.OVER_TARGET, validation.OVER_PERCENT]


def test_a_blank_figure_raises_nothing():
    assert check_figure(None, history=months("50"), goal=MONEY) == []


def test_thresholds_come_from_settings_and_a_typo_is_refused(settings):
    settings.FIGURE_WARN_JUMP_TIMES, settings.FIGURE_WARN_OVER_TARGET_PERCENT = "2.5", 200
    assert Thresholds.from_settings() == Thresholds(D("2.5"), D(200))
    settings.FIGURE_WARN_JUMP_TIMES = "三"
    with pytest.raises(ImproperlyConfigured, match="FIGURE_WARN_JUMP_TIMES"):
        Thresholds.from_settings()
    settings.FIGURE_WARN_JUMP_TIMES = "0"
    with pytest.raises(ImproperlyConfigured, match="应为正数"):
        Thresholds.from_settings()
