"""A milestone's light is a target's light: reporting.status's rule over 拨付率 ÷ the share due."""

import datetime
from decimal import Decimal as D

from funds import progress as pg

SEPT = pg.MilestoneInfo("disbursed", datetime.date(2026, 9, 30), D(80), "9月30日前拨付率达到80%")
DEC = pg.MilestoneInfo("disbursed", datetime.date(2026, 12, 31), D(100), "12月31日前拨付率达到100%")


def test_keeping_up_with_time_is_green_and_falling_behind_yellow_then_red():
    # 25 August: 237 of 273 days gone (86.8%); 70% of the 80% due is 87.5% complete.
    assert pg.milestone_status(SEPT, D("0.7"), datetime.date(2026, 8, 25)).light == "green"
    late_summer = pg.milestone_status(SEPT, D("0.7"), datetime.date(2026, 9, 20))
    assert (late_summer.light, late_summer.warning) == ("yellow", "yellow")
    behind = pg.milestone_status(SEPT, D("0.5"), datetime.date(2026, 9, 20))
    assert behind.light == "red" and not behind.overdue


def test_a_milestone_passed_unmet_is_red_and_overdue():
    after = pg.milestone_status(SEPT, D("0.7"), datetime.date(2026, 10, 1))
    assert (after.light, after.warning, after.overdue) == ("red", "red", True)
    assert after.light_text == "红灯·严重滞后" and after.warning_text == "红色预警·逾期未完成"


def test_a_milestone_met_stays_green_after_its_date():
    met = pg.milestone_status(SEPT, D("0.8"), datetime.date(2026, 10, 1))
    assert (met.light, met.warning, met.met) == ("green", None, True)


def test_the_project_is_judged_by_its_earliest_unmet_milestone_else_its_last():
    as_of = datetime.date(2026, 10, 8)
    assert pg.shown([DEC, SEPT], D("0.7"), as_of).milestone == SEPT  # overdue comes first
    assert pg.shown([DEC, SEPT], D("0.85"), as_of).milestone == DEC  # September met: December next
    assert pg.shown([DEC, SEPT], D("1"), as_of).milestone == DEC and pg.shown([DEC, SEPT], D("1"), as_of).met
    assert pg.shown([], D("0.5"), as_of) is None


def test_rates_are_exact_ratios_and_none_without_a_plan():
    assert pg.rate(D("56"), D("70")) == D("0.8")
    assert pg.rate(D("1"), D("3")) == D("0.3333")
    assert pg.rate(D("1"), D("0")) is None
