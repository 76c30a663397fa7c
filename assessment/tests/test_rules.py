"""Each 评分标准 form, with its arithmetic as text; floors and caps."""

from decimal import Decimal as D

import pytest

from assessment.models import Item
from assessment.rules import RuleError, full_when_met, per_shortfall, proportional, suggest


def test_full_when_met():
    met = full_when_met(D(10), D(15), D(16))
    assert met.points == D(10) and met.arithmetic == "完成16，达到目标15，得满分10分"
    missed = full_when_met(D(10), D(15), D(14))
    assert missed.points == D(0) and missed.arithmetic == "完成14，未达到目标15，得0分"
    floored = full_when_met(D(10), D(15), D(14), floor=D(2))
    assert floored.points == D(2) and floored.arithmetic.endswith("低于最低得分，按最低得分2分计")


def test_proportional():
    # 完成得满分，未完成按完成比例得分: 25 × 260 ÷ 350 = 18.571… → 18.57
    part = proportional(D(25), D(350), D(260))
    assert part.points == D("18.57") and part.arithmetic == "25 × 260 ÷ 350 = 18.57分"
    assert proportional(D(25), D(350), D(400)).points == D(25)  # never above the item's 分值
    assert proportional(D(25), D(350), D(0)).points == D(0)
    assert proportional(D(25), D(350), D(35), floor=D(5)).points == D(5)
    assert proportional(D(25), D("0.005"), D("0.001")).points == D(5)  # half up: 5.00


def test_per_shortfall_deduction():
    # 每少1篇扣1分: 15 推文 wanted, 12 published → 3 deducted.
    three = per_shortfall(D(10), D(15), D(12), step=D(1), points=D(1))
    assert three.points == D(7) and three.arithmetic == "差3，每少1扣1分，扣3次共3分：10 − 3 = 7分"
    # Part of a step counts as a step: 差1.5 with 每少1 is two deductions.
    assert per_shortfall(D(10), D(15), D("13.5"), step=D(1), points=D(1)).points == D(8)
    # 每少10万元扣2分: 差25万 → three steps, 6 points.
    assert per_shortfall(D(20), D(350), D(325), step=D(10), points=D(2)).points == D(14)
    assert per_shortfall(D(10), D(15), D(15), step=D(1), points=D(1)).points == D(10)


def test_per_shortfall_caps_and_floors():
    # 最多扣完本项分值: never below 0 when no cap is given.
    all_gone = per_shortfall(D(5), D(15), D(0), step=D(1), points=D(1))
    assert all_gone.points == D(0) and "最多扣5分" in all_gone.arithmetic
    capped = per_shortfall(D(10), D(15), D(0), step=D(1), points=D(1), cap=D(4))
    assert capped.points == D(6) and capped.arithmetic == "差15，每少1扣1分，扣15次共15分，最多扣4分：10 − 4 = 6分"
    floored = per_shortfall(D(10), D(15), D(5), step=D(1), points=D(1), floor=D(3))
    assert floored.points == D(3) and "按最低得分3分计" in floored.arithmetic
    with pytest.raises(RuleError, match="须写明每少多少"):
        per_shortfall(D(10), D(15), D(5), step=D(0), points=D(1))


def test_suggest_reads_the_items_rule():
    item = Item(max_points=D(25), rule=Item.Rule.PROPORTIONAL)
    assert suggest(item, D(350), D(175)).points == D("12.5")
    assert suggest(item, D(350), None) is None  # no figure reported: nothing to suggest
    assert suggest(Item(max_points=D(25), rule=Item.Rule.MANUAL), D(350), D(175)) is None
    item = Item(max_points=D(10), rule=Item.Rule.PER_SHORTFALL, rule_step=D(1), rule_points=D(2), rule_cap=D(6))
    assert suggest(item, D(15), D(10)).points == D(4)
    assert suggest(Item(max_points=D(10), rule=Item.Rule.FULL_WHEN_MET), D(1), D(1)).points == D(10)
