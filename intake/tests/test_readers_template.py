"""The template reader on its own: no database, a registry as plain data."""

import io

import openpyxl
import pytest

from intake.api import Registry, parse_document
from intake.errors import IntakeError
from intake.readers import template as layout
from intake.readers.sniff import read_document


def workbook(tasks=(), parts=(), marker=True) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = layout.HELP_SHEET
    plan = book.create_sheet(layout.PLAN_SHEET)
    plan.append(["项目", "内容"])
    for label, value in (("标题", "2026年某区任务分工方案"), ("文号", None), ("发文单位", None), ("发文日期", "2026年3月5日"),
                         ("年度", "2026年"), ("截止年度", None)):
        plan.append([label, value])
    sheet = book.create_sheet(layout.TASK_SHEET)
    sheet.append(layout.TASK_COLUMNS)
    for row in tasks:
        sheet.append([row.get(c) for c in layout.TASK_COLUMNS])
    sheet = book.create_sheet(layout.PART_SHEET)
    sheet.append(layout.PART_COLUMNS)
    for row in parts:
        sheet.append([row.get(c) for c in layout.PART_COLUMNS])
    if marker:
        hidden = book.create_sheet(layout.MARKER_SHEET)
        hidden["A1"], hidden["B1"] = layout.MARKER, layout.VERSION
        hidden.sheet_state = "veryHidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


REGISTRY = Registry(unit_names={"鼓楼区党委、政府", "区民政局", "区教育局"}, aliases={"区乡村振兴局": "区民政局"})


def test_names_holding_a_comma_stay_whole_and_aliases_are_known():
    data = workbook(tasks=[{"序号": 1, "任务": "落实资金。", "牵头单位": "鼓楼区党委、政府、区乡村振兴局",
                            "配合单位": "区教育局；区民政局"}],
                    parts=[{"任务序号": 1, "指标": "资金", "数量": 141.832, "计量单位": "万元", "比较": "≥"}])
    plan_json = parse_document(data, "t.xlsx", REGISTRY)
    task = plan_json["tasks"][0]
    assert plan_json["plan"]["issued_on"] == "2026-03-05" and plan_json["plan"]["year"] == 2026
    assert task["ref"] == "1" and task["lead_units"] == ["鼓楼区党委、政府", "区乡村振兴局"]
    assert task["partner_units"] == ["区教育局", "区民政局"]
    assert [(t["value"], t["comparator"], t["assignee"]) for t in task["targets"]] == [
        (layout.Decimal("141.832"), ">=", None)]


def test_the_same_workbook_without_its_marker_goes_to_the_ledger_reader():
    data = workbook(tasks=[{"序号": 1, "任务": "落实资金。", "牵头单位": "区民政局"}], marker=False)
    with pytest.raises(IntakeError, match="找不到表头"):  # the ledger reader's own complaint about 方案
        read_document(data, "t.xlsx")
    assert read_document(workbook(), "t.xlsx").kind == "template"


def test_a_breakdown_naming_a_missing_part_of_row_is_an_error():
    data = workbook(tasks=[{"序号": "1", "任务": "落实资金。"}],
                    parts=[{"任务序号": "1", "指标": "资金", "承担单位": "区教育局", "数量": 5, "计量单位": "万元",
                            "分解自": "区民政局"}])
    with pytest.raises(IntakeError) as caught:
        parse_document(data, "t.xlsx", REGISTRY)
    assert "工作表“分解”第2行 H列（分解自）：本任务中没有承担单位为“区民政局”、指标为“资金”的行" in caught.value.message


def test_an_empty_task_sheet_is_not_a_plan_with_holes():
    data = workbook(tasks=[{"序号": "1", "分类": "资金"}])
    with pytest.raises(IntakeError) as caught:
        parse_document(data, "t.xlsx", REGISTRY)
    assert "工作表“任务分工表”第2行 C列（任务）：任务内容不能为空" in caught.value.message
