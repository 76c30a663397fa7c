"""A 合计 row against its items: an annex's breakdown column and a scored list's 分值."""

from pathlib import Path

from checks.rules import check_plan
from intake.api import parse_document

ROOT = Path(__file__).resolve().parents[2]

NOTICE = """北湖区协作办
关于下达2026年消费帮扶任务的通知
（一）消费帮扶。全年销售农特产品900万元，各乡镇（街道）合计600万元（分解见附表），年底前完成。（牵头单位：区商务局；责任单位：各乡镇（街道））
2026年3月2日
附表
序号\t乡镇（街道）\t消费帮扶（万元）\t劳务协作（人）
1\t东街街道\t{first}\t20
2\t南山镇\t200\t15
3\t北岭乡\t200\t15
合计\t\t600\t50
"""


def _findings(text: str) -> list:
    return check_plan(parse_document(text.encode("utf-8"), "通知.txt"))


def test_an_annex_column_is_read_as_parts_of_the_body_figure():
    plan = parse_document(NOTICE.format(first=200).encode("utf-8"), "通知.txt")
    task = plan["tasks"][0]
    towns = [(t["assignee"], t["value"]) for t in task["targets"] if t.get("from_annex")]
    assert towns == [("东街街道", 200), ("南山镇", 200), ("北岭乡", 200)]
    body = next(i for i, t in enumerate(task["targets"]) if t["value"] == 600 and not t.get("from_annex"))
    assert {t.get("part_of") for t in task["targets"] if t.get("from_annex")} == {body}
    # 劳务协作 is named by no task: its column is left alone.
    assert not any(t["unit"] == "人" for t in task["targets"])
    assert not [f for f in check_plan(plan) if f.code in ("annex_total", "breakdown_remainder", "quota_unit_not_assigned")]


def test_an_annex_column_that_does_not_add_up_to_its_total_row_is_an_error():
    findings = _findings(NOTICE.format(first=190))
    total = [f for f in findings if f.code == "annex_total"]
    assert len(total) == 1 and total[0].severity == "error"
    assert (total[0].expected, total[0].found) == (600, 590)
    assert "合计行印为600万元" in total[0].message
    # Against the body's 600 the parts leave 10 unassigned.
    assert [f.found for f in findings if f.code == "breakdown_remainder"] == [590]


def test_a_scored_list_whose_items_do_not_add_up_to_its_total_row():
    table = ("北湖区协作考核细则\n序号\t考核项目\t考核内容\t分值\t评分标准\t评分部门\n"
             "1\t组织领导\t召开联席会议研究协作工作\t6\t召开得6分\t区委办\n"
             "2\t资金支持\t按时拨付财政援助资金\t10\t按时拨付得10分\t区财政局\n"
             "合计\t\t\t{total}\t\t\n")
    assert not [f for f in _findings(table.format(total=16)) if f.code == "score_total_row"]
    wrong = [f for f in _findings(table.format(total=20)) if f.code == "score_total_row"]
    assert len(wrong) == 1 and (wrong[0].expected, wrong[0].found) == (20, 16)


def test_the_written_corpus_document_with_a_deliberate_error_is_caught_in_every_format():
    folder = next((ROOT / "corpus" / "written").glob("008_*"))
    for name in ("source.txt", "source.docx", "source.pdf"):
        findings = check_plan(parse_document((folder / name).read_bytes(), name))
        errors = [f for f in findings if f.code == "annex_total"]
        assert [(f.expected, f.found) for f in errors] == [(1400, 1390)], name


ASSESSMENT = ("北湖区协作考核细则\n考核项目\t考核内容\t分值\t评分标准\t评分部门\n"
              "一、组织领导（{first}分）\t\t\t\t\n"
              "高层互访\t召开联席会议研究协作工作\t6\t召开得6分\t区委办\n"
              "工作专班\t建立工作专班按月调度\t4\t建立得4分\t区农业农村局\n"
              "二、资金支持（10分）\t\t\t\t\n"
              "财政援助\t按时拨付财政援助资金\t10\t按时拨付得10分\t区财政局\n"
              "合计\t\t20\t\t\n")


def test_a_section_heading_states_its_items_subtotal():
    plan = parse_document(ASSESSMENT.format(first=10).encode("utf-8"), "细则.txt")
    assert [t["score"] for t in plan["tasks"]] == [6, 4, 10]
    sections = [s for s in plan["plan"]["stated_totals"] if "refs" in s]
    assert [(s["section"], s["value"], s["refs"]) for s in sections] == [("组织领导", 10, ["1", "2"]), ("资金支持", 10, ["3"])]
    assert not [f for f in check_plan(plan) if f.code == "score_total_row"]
    wrong = [f for f in _findings(ASSESSMENT.format(first=12)) if f.code == "score_total_row"]
    # The heading's 12 against its items' 10; the 合计 row's 20 still matches all items.
    assert [(f.expected, f.found) for f in wrong] == [(12, 10)]
    assert "“组织领导”下2项分值相加为10分" in wrong[0].message
