"""Task tables of other layouts (intake.interpret.tables / table_tasks): section rows
across the table, 考核细则 without 序号, Excel sheets split at their section rows."""

import io

import openpyxl

from intake.api import parse_document
from intake.document import Cell, Row
from intake.interpret.table_tasks import heading_title, spanning_heading

RULES_TXT = (
    "北湖区2026年协作工作考核细则\n"
    "考核项目\t考核内容\t分值\t评分标准\t评分部门\n"
    "一、组织领导（10分）\t\t\t\t\n"
    "高层互访\t区主要领导赴结对县调研对接\t6\t未调研的扣3分\t区委办、区政府办\n"
    "共建园区\t支持协作产业园建设，推动企业入园\t4\t每少1家扣2分\t区发改局\n"
    "二、资金支持（10分）\t\t\t\t\n"
    "财政援助\t按时足额拨付财政援助资金\t10\t每推迟1个月扣2分\t区财政局\n"
    "合计\t\t20\t\t\n"
)


def _row(*texts):
    return Row([Cell.of(t) for t in texts])


def test_a_heading_across_the_row_is_a_section_not_a_task():
    assert spanning_heading(_row("一、组织领导（15分）", "", "", "")) == "一、组织领导（15分）"
    assert spanning_heading(_row("（二）产业协作", "（二）产业协作", "（二）产业协作")) == "（二）产业协作"
    # A merged cell unnumbered over the whole row is a heading too; one cell alone is not
    # (it may be a row's first cell continued after a page break).
    assert spanning_heading(_row("产业协作", "产业协作", "产业协作")) == "产业协作"
    assert spanning_heading(_row("产业协作", "", "")) is None
    assert spanning_heading(_row("1", "召开联席会议", "区委办", "")) is None
    assert spanning_heading(_row("一、召开联席会议，研究部署工作", "", "")) is None  # a sentence
    assert heading_title("一、组织领导（15分）") == "组织领导"


def test_assessment_rules_without_numbers_in_text():
    plan = parse_document(RULES_TXT.encode("utf-8"), "细则.txt")
    tasks = plan["tasks"]
    assert [t["ref"] for t in tasks] == ["1", "2", "3"]
    assert [t["category"] for t in tasks] == ["高层互访", "共建园区", "财政援助"]
    assert [t["score"] for t in tasks] == [6, 4, 10]
    assert tasks[0]["lead_units"] == ["区委办", "区政府办"]
    # "共建园区" ends like a unit name but stands in the 考核项目 column: the row is read in place.
    assert tasks[1]["lead_units"] == ["区发改局"]
    assert tasks[1]["text"] == "支持协作产业园建设，推动企业入园"


def test_an_excel_sheet_split_at_its_section_rows_is_one_list():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["北湖区2026年协作工作考核细则"])
    ws.append(["考核项目", "考核内容", "分值", "评分标准", "评分部门"])
    for line in RULES_TXT.splitlines()[2:]:
        ws.append([c or None for c in line.split("\t")])
    for row in (3, 6):
        ws.merge_cells(f"A{row}:E{row}")
    buffer = io.BytesIO()
    book.save(buffer)
    plan = parse_document(buffer.getvalue(), "细则.xlsx")
    assert [(t["ref"], t["category"], t["score"]) for t in plan["tasks"]] == [
        ("1", "高层互访", 6), ("2", "共建园区", 4), ("3", "财政援助", 10)]
    sections = [s for s in plan["plan"]["stated_totals"] if "refs" in s]
    assert [(s["section"], s["refs"]) for s in sections] == [("组织领导", ["1", "2"]), ("资金支持", ["3"])]


NOTICE_WITH_ANNEX = (
    "关于下达2026年消费帮扶任务的通知\n"
    "1.消费帮扶。全年采购农特产品3000万元，各镇（街道）机关食堂采购不低于三成。(责任单位:县商务局)\n"
    "2.镇村结对。新增镇村结对2对。(责任单位:县农业农村局)\n"
    "附件\n"
    "序号\t镇（街道）\t消费帮扶（万元）\t\t镇村结对（对）\n"
    "\t\t任务数\t其中：机关食堂采购\t\n"
    "1\t港城街道\t350\t110\t1\n"
    "2\t海西镇\t280\t90\t1\n"
    "合计\t\t630\t200\t2\n"
)


def test_a_breakdown_under_a_two_row_header_is_read_per_town_not_as_tasks():
    plan = parse_document(NOTICE_WITH_ANNEX.encode("utf-8"), "通知.txt")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]  # "任务数" holds figures: no task table
    first, second = plan["tasks"]
    town = {(t["metric"], t["assignee"]): t["value"] for t in first["targets"] if t.get("from_annex")}
    # Under "消费帮扶（万元）": 任务数 is the column itself, 其中：机关食堂采购 a part with its own name.
    assert town == {("消费帮扶", "港城街道"): 350, ("消费帮扶", "海西镇"): 280,
                    ("机关食堂采购", "港城街道"): 110, ("机关食堂采购", "海西镇"): 90}
    # A 合计 the body does not state is the towns' figure as a group, their parts pointing to it.
    group = [(i, t) for i, t in enumerate(first["targets"]) if t["assignee"] == "各镇（街道）"]
    assert [(t["metric"], t["value"]) for _, t in group] == [("消费帮扶", 630), ("机关食堂采购", 200)]
    # 对 is a column's measure: 镇村结对（对） goes to the task naming it; 2 = the body's 2对.
    assert [(t["assignee"], t["value"], t["unit"]) for t in second["targets"] if t.get("from_annex")] == [
        ("港城街道", 1, "对"), ("海西镇", 1, "对")]


def _sheets_workbook(names):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, tasks in names.items():
        ws = book.create_sheet(name)
        ws.append([f"2027年协作任务清单（{name}）"])
        ws.append(["填报说明：目标值为年度任务数。"])
        ws.append(["序号", "任务名称", "目标值", "计量单位", "责任单位", "完成时限"])
        for number, (task, value, unit, lead) in enumerate(tasks, start=1):
            ws.append([number, task, value, unit, lead, "2027年12月"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_several_lists_each_numbered_from_one_take_their_own_names():
    data = _sheets_workbook({
        "产业协作": [("引导企业投资落地项目", 10, "个", "区投资促进局"), ("新建帮扶车间", 8, "个", "区经信局")],
        "劳务协作": [("帮助农村劳动力就业", 1800, "人", "区人社局")],
    })
    plan = parse_document(data, "清单.xlsx")
    assert [(t["list"], t["ref"], t["category"]) for t in plan["tasks"]] == [
        ("产业协作", "1", "产业协作"), ("产业协作", "2", "产业协作"), ("劳务协作", "1", "劳务协作")]
    # The same lists as text: each name is the word bracketed at the end of the title above it.
    text = ("2027年协作任务清单（产业协作）\n序号\t任务名称\t责任单位\t完成时限\n1\t引导企业投资落地项目\t区投资促进局\t12月底前\n\n"
            "2027年协作任务清单（劳务协作）\n填报说明：每月报送。\n序号\t任务名称\t责任单位\t完成时限\n1\t帮助农村劳动力就业\t区人社局\t11月底前\n")
    plan = parse_document(text.encode("utf-8"), "清单.txt")
    assert [(t["list"], t["ref"]) for t in plan["tasks"]] == [("产业协作", "1"), ("劳务协作", "1")]


def test_lists_numbered_on_from_each_other_keep_no_name():
    data = _sheets_workbook({"产业协作": [("引导企业投资落地项目", 10, "个", "区投资促进局")]})
    plan = parse_document(data, "清单.xlsx")
    assert plan["tasks"][0]["list"] is None


def test_a_two_row_header_flattened_in_html_order_puts_the_lower_names_in_place():
    lines = ["2026年协作重点任务清单", "现将任务清单公布如下。",
             "序号", "工作任务", "目标值", "计量单位", "责任单位", "完成时限", "牵头单位", "配合单位",
             "1", "向结对县拨付区级财政援助资金", "6000", "万元", "区财政局", "区农业农村局", "5月底前",
             "2", "引导区内企业到结对县落地投资项目", "8", "个", "区投资促进局", "区商务局", "区发改局", "12月底前",
             "3", "帮助农村劳动力稳定就业", "1200", "人", "区人社局", "各街道", "11月底前"]
    plan = parse_document("\n".join(lines).encode("utf-8"), "清单.txt")
    got = [(t["ref"], t["lead_units"], t["partner_units"], t["deadline_text"]) for t in plan["tasks"]]
    assert got == [("1", ["区财政局"], ["区农业农村局"], "5月底前"),
                   ("2", ["区投资促进局"], ["区商务局", "区发改局"], "12月底前"),
                   ("3", ["区人社局"], ["各街道"], "11月底前")]
    assert [(t["value"], t["unit"]) for t in plan["tasks"][0]["targets"]] == [(6000, "万元")]


def test_unnumbered_qizhong_rows_of_a_ledger_are_parts_of_the_task_above():
    text = ("2026年协作项目任务台账\n"
            "序号\t任务名称\t目标值\t计量单位\t责任单位\t完成时限\n"
            "1\t实施协作资金项目\t24\t个\t县乡村振兴局\t2026年12月31日\n"
            "\t其中：产业发展类项目\t16\t个\t\t\n"
            "\t其中：乡村建设类项目\t8\t个\t\t\n"
            "2\t开展劳务技能培训\t1500\t人次\t县人社局\t2026年10月31日\n")
    plan = parse_document(text.encode("utf-8"), "台账.txt")
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]
    first = plan["tasks"][0]["targets"]
    assert [(t["metric"], t["value"], t.get("part_of")) for t in first] == [
        ("", 24, None), ("产业发展类项目", 16, 0), ("乡村建设类项目", 8, 0)]


def test_a_scored_list_without_units_is_a_task_table_numbered_within_its_merged_groups():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "考核细则"
    ws.append(["考核项目", "考核内容", "分值", "评分标准"])
    ws.append(["组织领导", "建立扶贫工作组织机构，制定工作计划。", 6, "每缺少一项扣2分。"])
    ws.append([None, "每月召开扶贫专题工作会议，有会议记录。", 4, "每缺少一项扣2分。"])
    ws.append(["信息系统", "基础信息与扶贫手册保持一致。", 5, "发现一处错误扣2分。"])
    ws.merge_cells("A2:A3")
    buffer = io.BytesIO()
    book.save(buffer)
    plan = parse_document(buffer.getvalue(), "细则.xlsx")
    assert [(t["ref"], t["category"], t["score"]) for t in plan["tasks"]] == [
        ("1.1", "组织领导", 6), ("1.2", "组织领导", 4), ("2.1", "信息系统", 5)]
    # Each 考核项目 on a row of its own: the rows are numbered by position (see RULES_TXT).
    assert [t["ref"] for t in parse_document(RULES_TXT.encode("utf-8"), "细则.txt")["tasks"]] == ["1", "2", "3"]
