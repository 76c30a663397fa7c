import datetime

import pytest

from intake.interpret.deadlines import find_in_text, looks_like_deadline, resolve
from intake.interpret.units import learn_aliases, split_units


@pytest.mark.parametrize("printed, expected", [
    ("12 月底前", datetime.date(2024, 12, 31)),
    ("10月底前 12月底前", datetime.date(2024, 12, 31)),
    ("全年", datetime.date(2024, 12, 31)),
    ("年内", datetime.date(2024, 12, 31)),
    ("2024年12月", datetime.date(2024, 12, 31)),
    ("8月底前到位", datetime.date(2024, 8, 31)),
    ("11月25日前", datetime.date(2024, 11, 25)),
    ("2月底前", datetime.date(2024, 2, 29)),
    ("持续推进", None),
    ("根据市级工作文件要求安排", None),
])
def test_deadlines_resolve_against_plan_year(printed, expected):
    assert resolve(printed, 2024) == expected


def test_deadline_cells_recognised():
    assert looks_like_deadline("10 月底前 12 月底前")
    assert looks_like_deadline("根据市级工作文件要求安排")
    assert not looks_like_deadline("区人社局")


def test_deadline_found_in_running_text():
    assert find_in_text("募集社会帮扶资金300万元以上，于10月底前会同闽侯县拨付") == "10月底前"
    assert find_in_text("确保全年销售宁夏帮扶产品3000万元以上") == "全年"
    assert find_in_text("2021年牵头落实帮助宁夏300名以上") is None


@pytest.mark.parametrize("printed, units", [
    ("区委办 区政府办 区民政局 (区乡村振兴局)", ["区委办", "区政府办", "区民政局"]),
    ("(区民政局 区委统战部 区人社局)", ["区民政局", "区委统战部", "区人社局"]),
    ("马尾区区委、政府 闽侯区委、政府", ["马尾区区委、政府", "闽侯区委、政府"]),
    ("南街街道；鼓东街道公正经合社", ["南街街道", "鼓东街道公正经合社"]),
    ("区委组织部、区人社局;区财政局", ["区委组织部", "区人社局", "区财政局"]),
    ("金山工业园区管委会、福州新区仓山功能区，各镇、街", ["金山工业园区管委会", "福州新区仓山功能区", "各镇、街"]),
    ("市民政局、市总工会 、团委，马尾区党委、马尾区妇联、闽侯县委、福清市党委、政府、政府、政府",
     ["市民政局", "市总工会", "团委", "马尾区党委、政府", "马尾区妇联", "闽侯县委、政府", "福清市党委、政府"]),
    ("/", []),
])
def test_unit_lists_split_one_by_one(printed, units):
    assert split_units(printed) == units


def test_bracketed_alias_pair_folds_with_known_alias():
    assert split_units("(区民政局 区乡村振兴局) 区发改局", {"区乡村振兴局": "区民政局"}) == ["区民政局", "区发改局"]


def test_document_teaches_its_own_aliases():
    assert learn_aliases(["区委办 区民政局 (区乡村振兴局)"]) == {"区乡村振兴局": "区民政局"}


@pytest.mark.parametrize("printed, expected", [
    ("到2026年", datetime.date(2026, 12, 31)),
    ("2027年底前", datetime.date(2027, 12, 31)),
])
def test_a_year_alone_allows_that_whole_year(printed, expected):
    assert resolve(printed, 2024) == expected
