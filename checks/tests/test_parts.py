"""其中: parts by kind against their whole."""

from decimal import Decimal

from checks.rules import check_plan
from intake.api import parse_document

PARTS_CODES = ("parts_over", "parts_under", "breakdown_over", "breakdown_remainder")


def _findings(sentence: str) -> list:
    text = f"北湖区协作办\n关于2026年协作任务的通知\n（一）目标任务。{sentence}（牵头单位：区农业农村局）\n"
    return [f for f in check_plan(parse_document(text.encode("utf-8"), "通知.txt")) if f.code in PARTS_CODES]


def test_parts_that_add_up_are_not_flagged():
    assert _findings("社会帮扶资金500万元，其中县直单位120万元，各乡镇（街道）380万元。") == []


def test_a_single_part_is_held_only_to_be_no_larger():
    assert _findings("就业500人，其中脱贫劳动力150人。") == []
    over = _findings("就业500人，其中脱贫劳动力650人。")
    assert [(f.severity, f.code, f.expected, f.found) for f in over] == [("error", "parts_over", 500, 650)]
    assert over[0].ref == "一"
    assert "就业500人，其中脱贫劳动力650人，比总数多150人" in over[0].message


def test_parts_larger_than_their_whole_are_an_error_unless_they_may_overlap():
    over = _findings("社会帮扶资金500万元，其中各乡镇（街道）380万元、区直单位600万元。")
    assert [(f.severity, f.expected, f.found) for f in over] == [("error", 500, 980)]
    assert "2项合计980万元，比总数多480万元" in over[0].message
    # Each part within the whole: 脱贫劳动力 may also be among those 到东部就业.
    maybe = _findings("就业500人，其中脱贫劳动力300人、到东部就业300人。")
    assert [(f.severity, f.expected, f.found) for f in maybe] == [("warning", 500, 600)]
    assert "比总数多100人（除非各项有交叉）" in maybe[0].message


def test_parts_short_of_a_floor_are_only_noted():
    # corpus/real/014: 1.78 + 0.9 + 0.9 + 0.11 = 3.69 < 4.2万亩以上.
    found = _findings("全镇完成秋冬种面积4.2万亩以上,其中油菜1.78万亩、绿肥0.9万亩、蔬菜0.9万亩、马铃薯0.11万亩。")
    assert [(f.severity, f.code, f.expected, f.found) for f in found] == [
        ("note", "parts_under", Decimal("4.2"), Decimal("3.69"))]
    assert "其中油菜、绿肥、蔬菜、马铃薯4项合计3.69万亩，比总数少0.51万亩（总数是下限" in found[0].message


def test_a_part_by_kind_beside_an_annex_by_town_are_two_breakdowns():
    # corpus/written/033: "其中…采购5000万元" and the towns' annex both break down the 2亿元.
    text = ("北湖区协作办\n关于下达2026年消费帮扶任务的通知\n"
            "（一）消费帮扶。全年销售农特产品900万元，其中通过消费帮扶专馆销售300万元，各乡镇任务见附表。（牵头单位：区商务局）\n"
            "附表\n序号\t乡镇（街道）\t销售农特产品（万元）\n1\t东街街道\t500\n2\t南山镇\t400\n合计\t\t900\n")
    plan = parse_document(text.encode("utf-8"), "通知.txt")
    parents = [t.get("part_of") for t in plan["tasks"][0]["targets"]]
    assert parents.count(0) == 3  # 300 by kind, 500 and 400 by town
    assert not [f for f in check_plan(plan) if f.code in PARTS_CODES + ("annex_total", "annex_body")]
