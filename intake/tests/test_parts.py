"""其中: the figures after it are parts of the figure before it."""

from decimal import Decimal

from intake.interpret.targets import Context
from intake.interpret.tasks import targets_for

CONTEXT = Context(known_units={"县直单位"}, groups={}, parties=[])


def linked(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t.get("part_of")) for t in targets_for([[text]], CONTEXT)]


def test_a_part_after_qizhong_points_at_the_figure_before_it():
    assert linked("社会帮扶资金500万元，其中各乡镇（街道）380万元。") == [(500, "万元", None), (380, "万元", 0)]
    assert linked("就业500人，其中脱贫劳动力150人。") == [(500, "人", None), (150, "人", 0)]


def test_every_part_of_a_list_after_qizhong_up_to_the_end_of_the_sentence():
    text = "全镇完成秋冬种面积4.2万亩以上,其中油菜1.78万亩、绿肥0.9万亩、蔬菜0.9万亩、马铃薯0.11万亩;县级冬种高产示范片2个以上。"
    assert linked(text) == [
        (Decimal("4.2"), "万亩", None), (Decimal("1.78"), "万亩", 0), (Decimal("0.9"), "万亩", 0),
        (Decimal("0.9"), "万亩", 0), (Decimal("0.11"), "万亩", 0), (2, "个", None)]


def test_another_measure_or_another_sentence_ends_the_parts():
    assert linked("就业500人，其中脱贫劳动力150人，培训200人次，新增岗位30人。") == [
        (500, "人", None), (150, "人", 0), (200, "人次", None), (30, "人", None)]
    assert linked("就业500人。其中脱贫劳动力150人。") == [(500, "人", None), (150, "人", None)]


def test_rates_and_shortfalls_are_not_broken_down():
    assert all(p is None for *_, p in linked("合格率达到90%以上，其中优良率60%。"))
    assert all(p is None for *_, p in linked("总任务46.2万元，其中上年差额20.7万元。"))


def test_the_unit_breakdown_links_stay_as_they_were():
    # "其中县直单位120万元" was already linked by unit; both readings agree.
    assert linked("全县募集社会帮扶资金500万元，其中县直单位负责120万元，各乡镇（街道）负责380万元。") == [
        (500, "万元", None), (120, "万元", 0), (380, "万元", 0)]


def test_a_clause_stating_something_else_or_a_threshold_is_no_part():
    # corpus/real/025: 0.41 and 27万亩 are other targets, not parts of the 3万亩.
    text = "全年扩种大豆3万亩,其中宜机化玉米大豆带状复合种植等新技术1.2万亩,完成高标准农田建设0.41万亩,确保粮食播种面积在27万亩以上。"
    assert [p for *_, p in linked(text)] == [None, 0, None, None]
    # corpus/written/027: "50万元以上的村" says which villages are counted.
    assert all(p is None for *_, p in linked("村级集体经济收入全部达到10万元以上，其中50万元以上的村达到20个。"))
