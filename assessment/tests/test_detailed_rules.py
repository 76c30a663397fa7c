"""A 考核细则 read from real .xlsx and .docx files (built here with openpyxl and python-docx):
categories with their totals, merged cells inherited, 评分部门, bonus and veto rows, 评分标准
read where a known form is printed; then imported into a scheme, and through the page."""

import base64
import io
from decimal import Decimal

import docx
import openpyxl
import pytest
from django.urls import reverse

from assessment.detailed_rules import (
    DetailedRulesError,
    parse_detailed_rules,
    parse_rule,
)
from assessment.errors import AssessmentError
from assessment.importing import do_import_detailed_rules
from assessment.models import Item, Scheme
from intake.readers.sniff import read_document
from orgs.models import Unit

HEADER = ["序号", "类别", "考核项目", "考核内容", "分值", "评分标准", "评分部门"]
ROWS = [
    ["1", "巩固拓展脱贫攻坚成果（60分）", "产业帮扶", "完成年度产业帮扶项目。", "40", "完成得满分，未完成按完成比例得分", "区民政局"],
    ["2", "", "宣传报道", "刊发帮扶宣传稿件。", "20", "每少1篇扣1分，最多扣完本项分值", "区委宣传部"],
    ["3", "乡村振兴（40分）", "人才交流", "选派干部挂职。", "40", "视工作成效酌情评分", ""],
    ["4", "加分项", "创新举措", "工作经验获上级推广。", "5", "每项加1分，最多加5分", ""],
    ["5", "一票否决", "安全事故", "发生重大安全责任事故。", "", "发生即否决", ""],
]


def xlsx_bytes():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年度东西部协作考核细则"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("B3:B4")  # the first category spans its two items, as printed
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes():
    document = docx.Document()
    document.add_paragraph("2026年度东西部协作考核细则")
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for c, title in enumerate(HEADER):
        table.cell(0, c).text = title
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name, build", [("细则.xlsx", xlsx_bytes), ("细则.docx", docx_bytes)])
def test_a_detailed_rules_table_is_read_from_a_real_file(name, build):
    parsed = parse_detailed_rules(read_document(build(), name))
    assert [(c.name, c.points) for c in parsed.categories] == [
        ("巩固拓展脱贫攻坚成果", Decimal(60)), ("乡村振兴", Decimal(40)), ("加分项", None), ("一票否决", None)]
    first, second, third, bonus, veto = parsed.items
    assert (first.category, first.text, first.max_points, first.rule, first.scorer) == (
        "巩固拓展脱贫攻坚成果", "产业帮扶：完成年度产业帮扶项目。", Decimal(40), "proportional", "区民政局")
    # The merged category cell is inherited by the row below it.
    assert (second.category, second.rule, second.rule_step, second.rule_points, second.rule_cap) == (
        "巩固拓展脱贫攻坚成果", "per_shortfall", Decimal(1), Decimal(1), Decimal(20))
    assert (third.rule, third.rule_text, third.scorer) == ("manual", "视工作成效酌情评分", "")
    assert (bonus.kind, bonus.max_points, bonus.rule) == ("bonus", Decimal(5), "manual")
    assert (veto.kind, veto.max_points) == ("veto", Decimal(0))
    assert second.understood == "每少1扣1分，最多扣20分"


def test_rule_forms():
    assert parse_rule("完成得满分", Decimal(10))[0] == "full_when_met"
    assert parse_rule("每少2个项目扣3分，最多扣6分", Decimal(10)) == ("per_shortfall", Decimal(2), Decimal(3), Decimal(6))
    assert parse_rule("每缺一篇扣0.5分", Decimal(10)) == ("per_shortfall", Decimal(1), Decimal("0.5"), None)
    assert parse_rule("由评分部门综合评定", Decimal(10)) == ("manual", None, None, None)


def test_a_file_without_the_table_says_what_is_missing():
    with pytest.raises(DetailedRulesError, match="没有找到带“考核项目/分值”表头的考核细则表"):
        parse_detailed_rules(read_document("只是一段说明文字。".encode(), "说明.txt"))


@pytest.fixture
def detailed(scheme, publicity):
    parsed = parse_detailed_rules(read_document(xlsx_bytes(), "细则.xlsx"))
    return {**scheme, "parsed": parsed, "publicity": publicity}


@pytest.mark.django_db
def test_the_office_imports_the_items_with_a_reason(detailed):
    s, office = detailed["scheme"], detailed["people"]["office"]
    before = s.items.count()
    created = do_import_detailed_rules(office, s, detailed["parsed"], "导入2026年度考核细则", Unit.Kind.TOWN)
    assert len(created) == 5 and s.items.count() == before + 5
    first = created[0]
    assert (first.category.name, first.category.points, first.unit_kind, first.scoring_unit.name) == (
        "巩固拓展脱贫攻坚成果", Decimal(60), Unit.Kind.TOWN, "区民政局")
    assert created[1].scoring_unit == detailed["publicity"][0] and created[1].rule == Item.Rule.PER_SHORTFALL
    assert created[2].scoring_unit is None and "评分标准：视工作成效酌情评分" in created[2].text
    assert [c.kind for c in created[3:]] == [Item.Kind.BONUS, Item.Kind.VETO]
    assert first.history.first().history_change_reason == "导入2026年度考核细则"
    assert first.category.history.first().history_change_reason == "导入2026年度考核细则"
    # The same file again (a second press of 导入) is refused, not doubled.
    with pytest.raises(AssessmentError, match="请勿重复导入"):
        do_import_detailed_rules(office, s, detailed["parsed"], "再次导入", Unit.Kind.TOWN)
    assert s.items.count() == before + 5


@pytest.mark.django_db
def test_an_unknown_scoring_department_is_named_and_nothing_is_written(detailed):
    s, office, parsed = detailed["scheme"], detailed["people"]["office"], detailed["parsed"]
    parsed.items[2].scorer = "区文明办"
    before = s.items.count()
    with pytest.raises(AssessmentError, match="评分部门“区文明办”在本办公室的单位中找不到"):
        do_import_detailed_rules(office, s, parsed, "导入", Unit.Kind.TOWN)
    assert s.items.count() == before and not s.categories.filter(name="乡村振兴").exists()


@pytest.mark.django_db
def test_refused_once_the_scheme_is_open(detailed):
    s, office = detailed["scheme"], detailed["people"]["office"]
    Scheme.objects.filter(pk=s.pk).update(state=Scheme.State.OPEN)
    with pytest.raises(AssessmentError, match="只有编制中的方案可以修改项目"):
        do_import_detailed_rules(office, s, detailed["parsed"], "导入", Unit.Kind.TOWN)
    with pytest.raises(AssessmentError, match="请写明修改原因"):
        do_import_detailed_rules(office, s, detailed["parsed"], " ", Unit.Kind.TOWN)


@pytest.mark.django_db
def test_the_page_previews_then_imports(client, detailed):
    s, office = detailed["scheme"], detailed["people"]["office"]
    client.force_login(office)
    url = reverse("assessment:import_rules", args=[s.pk])
    before = s.items.count()
    upload = io.BytesIO(xlsx_bytes())
    upload.name = "细则.xlsx"
    preview = client.post(url, {"file": upload}).content.decode()
    assert "每少1扣1分，最多扣20分" in preview and "按完成比例得分" in preview and "一票否决" in preview
    assert s.items.count() == before  # the preview writes nothing
    data = base64.b64encode(xlsx_bytes()).decode()
    missing = client.post(url, {"name": "细则.xlsx", "data": data, "confirm": "1", "unit_kind": "town"}).content.decode()
    assert "请写明修改原因" in missing and s.items.count() == before
    done = client.post(url, {"name": "细则.xlsx", "data": data, "confirm": "1", "unit_kind": "town",
                             "reason": "导入细则"}, follow=True).content.decode()
    assert "已从“细则.xlsx”导入5个考核项目" in done and s.items.count() == before + 5


def test_an_empty_category_cell_takes_the_one_above_and_a_row_across_the_table_is_a_heading():
    from intake.document import Cell, Document, Paragraph, Row, Table

    table = Table(header=["考核内容", "分值", "类别"], rows=[
        Row([Cell.of("开展消费帮扶。"), Cell.of("10"), Cell.of("")], "第3行"),
        Row([Cell.of("组织劳务协作。"), Cell.of("10"), Cell.of("劳务协作")], "第4行"),
        Row([Cell.of("转移就业。"), Cell.of("5"), Cell.of("")], "第5行"),
    ])
    parsed = parse_detailed_rules(Document("细则", "xlsx", [Paragraph("一、消费帮扶（10分）"), table]))
    assert [(i.category, i.max_points) for i in parsed.items] == [
        ("一、消费帮扶", Decimal(10)), ("劳务协作", Decimal(10)), ("劳务协作", Decimal(5))]
    assert parsed.categories[0].points == Decimal(10)
