"""A 工作台账's target columns read back as targets (intake.interpret.ledger),
on workbooks typed here the way an office would: task cells repeated, not
merged; no 指标编号; the comparator in words."""

import io
from decimal import Decimal

import openpyxl

from intake.api import parse_document
from intake.interpret.ledger import target_from_row, targets_from_rows

LEDGER_HEADER = ["序号", "类别", "任务内容", "牵头单位", "责任单位（配合）", "完成时限", "考核要求",
                 "指标", "承担单位", "目标值", "计量单位", "比较", "周期", "其中上年结转", "1月累计", "佐证材料"]


def workbook(header, rows, title="2026年鼓楼区闽宁协作任务分工方案工作台账", sheet="附件1") -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_repeated_task_cells_make_one_task_with_a_target_a_row():
    data = workbook(LEDGER_HEADER, [
        [1, "资金支持", "落实社会帮扶资金2700万元。", "区民政局", "鼓东街道\n鼓西街道", "12月底前", "提供回单",
         "社会帮扶资金", "鼓楼区", 441.832, "万元", "=", None, 141.832, 120, "回单.pdf"],
        [1, "资金支持", "落实社会帮扶资金2700万元。", "区民政局", "鼓东街道\n鼓西街道", "12月底前", "提供回单",
         "社会帮扶资金", "鼓东街道", 25.5, "万元", "不低于", None, None, 10, "照片"],
        [2, None, "举办劳务技能培训班。", "区人社局", None, "持续推进", None,
         "劳务技能培训", None, 2, "期", "≥", "每年", None, None, None],
        [2, None, "举办劳务技能培训班。", "区人社局", None, "持续推进", None,
         None, None, None, None, None, None, None, None, "培训照片"],  # a row for a second evidence link only
    ])
    plan = parse_document(data, "台账.xlsx")
    assert plan["plan"]["year"] == 2026 and plan["plan"]["title"] is None  # "…工作台账" is no plan title
    funds, training = plan["tasks"]
    assert (funds["ref"], funds["list"], funds["lead_units"], funds["partner_units"]) == (
        "1", "附件1", ["区民政局"], ["鼓东街道", "鼓西街道"])
    # 佐证材料 holds links in a ledger, not what the task asks for: 考核要求 stays as printed.
    assert funds["evidence_required"] == "提供回单"
    # The targets are the columns', not the text's 2700万元.
    assert funds["targets"] == [
        {"metric": "社会帮扶资金", "value": Decimal("300.000"), "unit": "万元", "comparator": "=", "assignee": "鼓楼区",
         "carried_over": Decimal("141.832")},
        {"metric": "社会帮扶资金", "value": Decimal("25.5"), "unit": "万元", "comparator": ">=", "assignee": "鼓东街道"},
    ]
    # An empty 类别 under a filled one is empty: a ledger repeats every cell it means.
    assert training["category"] is None
    assert training["deadline_text"] == "持续推进" and training["deadline"] is None
    assert training["targets"] == [
        {"metric": "劳务技能培训", "value": 2, "unit": "期", "comparator": ">=", "assignee": None, "per": "year"}]


def test_codes_link_parts_to_their_totals():
    rows = [{"target_code": "1", "metric": "选派专技人才", "target_value": "11", "target_unit": "人", "assignee": "鼓楼区"},
            {"target_code": "1.1", "metric": "选派专技人才", "target_value": "4", "target_unit": "人", "assignee": "区教育局"},
            {"target_code": "2", "metric": "宣传报道", "target_value": "10", "target_unit": "篇"},
            {"target_code": "1.1.1", "metric": "选派专技人才", "target_value": "1", "target_unit": "人"},
            {"target_code": "3.1", "metric": "无上级", "target_value": "1", "target_unit": "个"},  # its total is missing
            {"target_code": "9"}]  # a row with a code and nothing else is no target
    assert [t.get("part_of") for t in targets_from_rows(rows)] == [None, 0, None, 1, None]


def test_a_figure_that_is_no_number_is_passed_on_for_saving_to_refuse():
    for printed in ("三百万", "约300", "300万"):
        target = target_from_row({"metric": "社会帮扶资金", "target_value": printed, "target_unit": "万元"})
        assert target["value"] == printed
    typed = target_from_row({"metric": "社会帮扶资金", "target_value": "8,500.5", "target_unit": "万元"})
    assert typed["value"] == Decimal("8500.5")
    assert target_from_row({"metric": "", "target_value": "", "assignee": "鼓楼区"}) is None


def test_a_table_without_a_target_value_column_is_read_as_before():
    """指标 and 佐证材料 in an issued list are not a ledger's: targets come from the text, 佐证材料 is what is asked."""
    data = workbook(["序号", "工作任务", "牵头单位", "指标", "佐证材料"], [
        [1, "落实社会帮扶资金300万元。", "区民政局", "资金", "捐赠凭证"],
        [1, "组织劳务培训100人以上。", "区人社局", "培训", "培训名单"],
    ], title="2026年鼓楼区闽宁协作任务分工方案")
    first, second = parse_document(data, "清单.xlsx")["tasks"]
    assert first["evidence_required"] == "捐赠凭证"
    assert [(t["value"], t["unit"]) for t in first["targets"]] == [(300, "万元")]
    assert (second["ref"], second["text"]) == ("1", "组织劳务培训100人以上。")  # two tasks, as printed
