"""Time limits in the wording real plans use, resolved against the plan's year (never today's)."""

import datetime

import pytest

from intake.interpret.deadlines import find_in_text, looks_like_deadline, resolve


@pytest.mark.parametrize("printed, expected", [
    ("6月底前", datetime.date(2026, 6, 30)),
    ("年底前", datetime.date(2026, 12, 31)),
    ("2027年6月底前", datetime.date(2027, 6, 30)),
    ("3月中旬前", datetime.date(2026, 3, 20)),  # 中旬 ends on the 20th
    ("5月上旬前", datetime.date(2026, 5, 10)),
    ("第一季度", datetime.date(2026, 3, 31)),
    ("三季度末", datetime.date(2026, 9, 30)),
    ("上半年", datetime.date(2026, 6, 30)),
    ("下半年", datetime.date(2026, 12, 31)),
    ("2022年—2024年", datetime.date(2024, 12, 31)),
    ("2027.6", datetime.date(2027, 6, 30)),  # a 完成时间 cell "2027.6"
    ("2027年年内", datetime.date(2027, 12, 31)),
    ("每季度", None),  # recurring: no last day
    ("长期坚持", None),
    ("实施期限至2027年12月31日", None),  # how long a policy runs
])
def test_printed_limits_resolve(printed, expected):
    assert resolve(printed, 2026) == expected


def test_without_the_plans_year_only_a_limit_naming_its_year_resolves():
    assert resolve("到2030年", None) == datetime.date(2030, 12, 31)
    assert resolve("12月底前", None) is None
    assert resolve("全年", None) is None


@pytest.mark.parametrize("cell", ["第一季度", "上半年", "3月中旬前", "2027.6"])
def test_more_deadline_cells_recognised(cell):
    assert looks_like_deadline(cell)


def test_the_last_of_several_steps_in_running_text():
    text = "1.4月底前主体完工。2.8月底前竣工交付。3.11月底前全部投入使用。"
    assert find_in_text(text, 2026) == "11月底前"
    assert find_in_text("到2030年，全县用水总量控制在1亿立方米以内", 2026) == "到2030年"
    assert find_in_text("政策实施期限至2027年年底前") is None
    assert find_in_text("2027年年内完成结对", 2026) == "2027年年内"


def test_a_schedule_line_is_the_items_time_limit():
    from intake.interpret.clauses import deadline_line
    assert deadline_line("进度安排：6月底前开工；12月底前全部完工。") == "6月底前开工；12月底前全部完工。"
    assert deadline_line("进(jìn)度安排:12月底前完成") == "12月底前完成"  # a page's pinyin gloss


@pytest.mark.parametrize("cell, cell_is_deadline", [
    ("9月投入使用", True), ("5月底前动工", True), ("县住建局", False), ("2026年新增就业", False),
])
def test_a_month_limit_with_the_words_of_what_is_due(cell, cell_is_deadline):
    assert looks_like_deadline(cell) is cell_is_deadline
    if cell_is_deadline:
        assert resolve(cell, 2026) is not None
