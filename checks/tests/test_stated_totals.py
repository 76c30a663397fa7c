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
    # Against the body's 600 the rows leave 10: said once, naming the body and the annex.
    body = [f for f in findings if f.code == "annex_body"]
    assert [(f.severity, f.expected, f.found) for f in body] == [("error", 600, 590)]
    assert "正文600万元，附表合计行也印600万元，但附表3个单位相加为590万元，相差10万元" in body[0].message
    assert not [f for f in findings if f.code == "breakdown_remainder"]


def test_an_annex_total_that_differs_from_the_body_names_both():
    text = NOTICE.format(first=200).replace("合计\t\t600", "合计\t\t650").replace("南山镇\t200", "南山镇\t250")
    findings = _findings(text)
    body = [f for f in findings if f.code == "annex_body"]
    assert [(f.severity, f.ref, f.expected, f.found) for f in body] == [("error", "一", 600, 650)]
    assert "“消费帮扶”正文600万元，附表合计650万元，相差50万元" in body[0].message
    assert not [f for f in findings if f.code == "annex_total"]  # the rows do add up to 650


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
        against_body = [f for f in findings if f.code == "annex_body"]
        assert [(f.ref, f.expected, f.found) for f in against_body] == [("二", 1400, 1390)], name
        assert "正文1400万元" in against_body[0].message and "相差10万元" in against_body[0].message
        # 社会帮扶资金 380 and 劳务协作 320 agree with the body: nothing said of them.
        assert not [f for f in findings if f.severity == "error" and f.code not in ("annex_total", "annex_body")], name


HEADED = ("北湖区协作办\n关于印发2026年东西部协作工作要点的通知\n"
          "一、产业协作（{score}分）\n"
          "1.引导企业到协作地区投资。（牵头单位：区商务局）\n"
          "二、消费帮扶{total}万元\n"
          "1.区直单位采购农特产品600万元。（牵头单位：区机关事务中心）\n"
          "2.各乡镇（街道）销售农特产品1400万元。（牵头单位：区商务局）\n")


def test_a_heading_stating_a_quantity_against_its_items_figures():
    assert not [f for f in _findings(HEADED.format(score=20, total=2000)) if f.code == "heading_total"]
    wrong = [f for f in _findings(HEADED.format(score=20, total=2100)) if f.code == "heading_total"]
    assert [(f.severity, f.ref, f.expected, f.found) for f in wrong] == [("warning", "二.1", 2100, 2000)]
    assert "标题“消费帮扶2100万元”的2100万元与其下2项任务所列2个数字之和2000万元不符（相差100万元）" in wrong[0].message


def test_a_heading_stating_a_score_against_its_items_scores():
    plan = parse_document(HEADED.format(score=20, total=2000).encode("utf-8"), "要点.txt")
    assert {"field": "score", "value": 20, "list": None, "category": "产业协作（20分）"} in plan["plan"]["stated_totals"]
    plan["tasks"][0]["score"] = 15  # an item's 分值 as a scored list prints it
    wrong = [f for f in check_plan(plan) if f.code == "score_heading"]
    assert [(f.expected, f.found) for f in wrong] == [(20, 15)]
    assert "标题“产业协作（20分）”写20分，其下1项分值相加为15分（相差5分）" in wrong[0].message


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
