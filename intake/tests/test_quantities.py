from decimal import Decimal

import pytest

from intake.interpret.numbers import chinese_to_int
from intake.interpret.quantities import find_quantities


def one(text):
    (quantity,) = find_quantities(text)
    return quantity


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("落实社会帮扶资金2700万元", "2700", "万元", "="),
    ("马尾区1.33亿元", "13300", "万元", "="),
    ("销售农副产品7.5亿元以上", "75000", "万元", ">="),
    ("缺口141.832万元", "141.832", "万元", "="),
    ("数据不低于350万元", "350", "万元", ">="),
    ("鼓楼区11名", "11", "人", "="),
    ("推出15期以上旅游资源宣传推文", "15", "期", ">="),
    ("筹集三千元", "0.3", "万元", "="),
    ("选派两名干部", "2", "人", "="),
    ("培训十人", "10", "人", "="),
    ("确保每个重点帮扶县至少有5家以上", "5", "家", ">="),
    ("各300万", "300", "万元", "="),
    ("开展创业项目成功率达100%以上", "100", "%", ">="),
])
def test_printed_quantities(text, value, unit, comparator):
    quantity = one(text)
    assert (quantity.value, quantity.unit, quantity.comparator) == (Decimal(value), unit, comparator)


def test_range_keeps_both_ends():
    quantity = one("每年举办1-2期")
    assert (quantity.value, quantity.max, quantity.comparator, quantity.per) == (1, 2, ">=", "year")


def test_every_digit_of_money_kept():
    assert one("141.832万元").value == Decimal("141.832")
    assert one("1.34亿元").value == Decimal("13400")


@pytest.mark.parametrize("text", [
    "参加闽宁协作第27次联席会议", "选派第十三批援宁干部", "于11月25日前反馈", "参照36号文件执行",
    "开展“四个一”就业服务", "打造一批闽宁乡村振兴示范村", "2017年和2019年各派一批",
    "帮扶资源向固原2个国家乡村振兴重点帮扶县（西吉县、原州区）倾斜", "从2017年起至2020年", "“一带一路”战略",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_per_period_markers():
    assert one("原则上每月发布一篇").per == "month"
    assert one("每批2名").per == "batch"
    assert one("每个村帮扶资金不低于5万元").per == "village"
    assert one("每年一批").value == 1


@pytest.mark.parametrize("numeral, value", [("三千", 3000), ("两", 2), ("十", 10), ("二十五", 25), ("一万五千", 15000)])
def test_chinese_numerals(numeral, value):
    assert chinese_to_int(numeral) == value


def test_a_bare_money_word_is_no_quantity():
    assert find_quantities("差额20.7万元。万元，南街街道") and [q.value for q in find_quantities("万元，南街街道")] == []


@pytest.mark.parametrize("text, value, unit", [
    ("全年扩种油菜5万亩", "5", "万亩"),
    ("年出栏肉牛2.4万头以上", "2.4", "万头"),
    ("家禽存栏30万只", "30", "万只"),
    ("粮食总产稳定在8.6万吨", "8.6", "万吨"),
    ("货物吞吐量1.2亿吨", "1.2", "亿吨"),
    ("新建农村公路45公里", "45", "公里"),
    ("印发明白纸2000册", "2000", "册"),
])
def test_wan_and_yi_before_a_measure_word_keep_their_printed_unit(text, value, unit):
    quantity = one(text)
    assert (quantity.value, quantity.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["抽检合格率达97℅以上", "抽检合格率达97﹪以上", "抽检合格率达97％以上"])
def test_percent_signs_extraction_substitutes_read_as_percent(text):
    quantity = one(text)
    assert (quantity.value, quantity.unit, quantity.comparator) == (Decimal("97"), "%", ">=")
