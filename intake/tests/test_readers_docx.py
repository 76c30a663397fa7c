"""The Word reader on the seed documents and on files made here with python-docx."""

import io
import re

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from intake.document import Paragraph, Table
from intake.errors import IntakeError
from intake.readers.docx import read_docx
from intake.readers.docx_numbering import chinese_number, format_number
from intake.readers.sniff import read_document

from .conftest import seed


def _read_seed(seeds, number):
    path = seed(seeds, "docx", number)
    return read_docx(path.read_bytes(), path.name)


def _row(table: Table, first: str):
    return next(r for r in table.rows if r.cells[0].text == first)


# -- seeds -------------------------------------------------------------------


def test_000_two_tables_with_header_and_split_row_merged(seeds):
    document = _read_seed(seeds, "000")
    assert document.kind == "docx"
    assert len(document.tables) == 2
    first, second = document.tables
    # The header spans two grid columns over 类别 and 任务: repeated in both.
    assert first.header == ["序号", "2023 年省、市下达任务", "2023 年省、市下达任务",
                            "2024 年拟落实工作措施", "牵头单位", "完成时限"]
    assert first.location == "表1"
    assert [r.cells[0].text for r in first.rows] == [str(n) for n in range(1, 16)]
    assert all(len(r.cells) == 6 for r in first.rows)
    assert all(len(r.cells) == 5 for r in second.rows)

    row3 = _row(first, "3")
    assert row3.location == "表1 第4行"
    assert row3.cells[1].text == "资金支持"
    assert "落实社会帮扶资金" in row3.cells[2].text
    # The row the page break split in the .txt is one Word row: both halves.
    measures = row3.cells[3].text
    assert "鼓东街道" in measures and "南街街道" in measures
    assert len(row3.cells[3].paragraphs) == 4
    # Units in a cell are separate paragraphs.
    assert row3.cells[4].paragraphs[:3] == ["区民政局 (区乡村振兴局)", "区管委会", "区发改局"]
    # A task cell spanning 类别 and 任务 (gridSpan) fills both positions.
    row1 = _row(first, "1")
    assert row1.cells[1].paragraphs == row1.cells[2].paragraphs
    assert row1.cells[1].paragraphs[0].startswith("各牵头县（市、区）召开闽宁协作工作会议")
    assert not any(r.texts == first.header for r in first.rows)


def test_000_attachment2_category_vertical_merge_repeated(seeds):
    second = _read_seed(seeds, "000").tables[1]
    assert second.header == ["类别", "工作任务", "完成时限", "责任单位", "备注"]
    categories = [r.cells[0].text for r in second.rows]
    assert categories == ["一、 调研互访"] * 2 + ["二、 研学交流"] * 2 + ["三、产业协作"] * 2 + \
        ["四、消费帮扶"] * 4 + ["五、数智治理"] * 2 + ["六、区域合作"] * 3
    education = next(r for r in second.rows if r.cells[1].text.startswith("推动鼓楼区优质教育资源"))
    assert education.cells[0].text == "一、 调研互访"
    assert education.cells[3].paragraphs == ["区教育局"]


def test_000_body_order_and_paragraphs(seeds):
    document = _read_seed(seeds, "000")
    kinds = [type(b).__name__ for b in document.blocks]
    first_table = kinds.index("Table")
    assert document.blocks[first_table - 1].text == "2024 年鼓楼区闽宁协作任务分工表"
    assert document.blocks[first_table + 1].text == "附件 2"
    assert document.paragraphs[1].text == "鼓委振兴办〔2024〕1号"
    assert document.paragraphs[1].location == "第2段"
    assert all(p.text.strip() for p in document.paragraphs)  # empty paragraphs skipped
    assert any("确保不折不扣完成任务" in p.text for p in document.paragraphs)


def test_004_serial_and_unit_vertical_merges_repeated(seeds):
    table = _read_seed(seeds, "004").tables[0]
    assert table.header == ["序号", "责任单位", "列项", "任务内容", "分值", "考核要求"]
    assert len(table.rows) == 44
    assert all(len(r.cells) == 6 for r in table.rows)
    first_two = table.rows[:2]
    assert [r.cells[0].text for r in first_two] == ["1", "1"]
    assert [r.cells[1].text for r in first_two] == ["乡村振兴局", "乡村振兴局"]
    assert [r.cells[2].text for r in first_two] == ["1", "2"]
    qicun = [r for r in table.rows if r.cells[1].text == "齐村镇"]
    assert [r.cells[0].text for r in qicun] == ["18"] * 4
    assert [r.cells[2].text for r in qicun] == ["1", "2", "3", "4"]
    assert [r.cells[4].text for r in qicun] == ["25"] * 4


def test_003_automatic_numbers_match_the_txt(seeds):
    document = _read_seed(seeds, "003")
    numbered = [p for p in document.paragraphs if p.number]
    assert [p.number for p in numbered] == [f"{n}." for n in (1, 2, 3, 4, 1, 2, 3, 4, 5, 1, 2, 3, 4, 1, 2, 1, 2, 3, 4, 5, 6)]
    assert {p.number for p in numbered} <= {f"{n}." for n in range(1, 7)}
    txt_lines = seed(seeds, "txt", "003").read_text(encoding="utf-8").splitlines()
    for paragraph in numbered:
        # The .txt shows "1. 推进产业合作共赢。…": the number Word draws, a space, the text.
        head = f"{paragraph.number} {paragraph.text[:15]}"
        assert any(line.startswith(head) for line in txt_lines), head
    by_start = {p.text[:6]: p.number for p in numbered}
    assert by_start["推进产业合作"] == "1."
    assert by_start["加大电商产业"] == "4."
    assert by_start["建立贫困劳动"] == "1."  # each chapter's list starts again at 1
    assert by_start["服务稳岗就业"] == "5."
    assert by_start["其他人才支援"] == "4."  # the 专栏 boxes between items do not restart it
    assert by_start["建立考核评估"] == "6."
    assert numbered[0].full_text.startswith("1.推进产业合作共赢")


def test_003_heading_levels_and_boxes(seeds):
    document = _read_seed(seeds, "003")
    levels = {p.text: p.level for p in document.paragraphs if p.level}
    assert levels["第一章 基本情况"] == 1
    assert levels["一、指导思想"] == 2
    assert document.paragraphs[1].level is None  # the Title style is not an outline level
    boxes = document.tables
    assert len(boxes) == 4
    for box in boxes:
        assert box.header == []
        assert len(box.rows) == 1 and len(box.rows[0].cells) == 1
    assert boxes[0].rows[0].cells[0].paragraphs[0] == "专栏 3 劳务协作任务"
    assert len(boxes[0].rows[0].cells[0].paragraphs) > 2


def test_002_heading_levels(seeds):
    document = _read_seed(seeds, "002")
    assert not document.tables
    levels = [(p.level, p.text) for p in document.paragraphs if p.level]
    assert (1, "一、目标要求") in levels
    assert (2, "（一）加强组织领导") in levels


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_seed_reads_through_the_entry_point(seeds, number):
    path = seed(seeds, "docx", number)
    document = read_document(path.read_bytes(), path.name)
    assert document.kind == "docx" and document.paragraphs


# -- files made here ------------------------------------------------------------


def _mark_header(row):
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _to_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_own_table_with_merges_header_and_paragraphs():
    document = docx.Document()
    document.add_heading("一、总体要求", level=1)
    document.add_paragraph("")  # empty: skipped
    document.add_paragraph("正文段落。")
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "责任单位", "完成时限"]):
        cell.text = text
    _mark_header(table.rows[0])
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "召开联席会议"
    units = table.cell(1, 2)
    units.text = "区民政局"
    units.add_paragraph("区财政局")
    units.add_paragraph("")
    units.add_paragraph("区教育局")
    # 责任单位 and 完成时限 of rows 1–2 merged vertically into one cell.
    table.cell(1, 3).text = "12月底前"
    table.cell(1, 3).merge(table.cell(2, 3))
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "选派专业技术人才"
    table.cell(2, 2).text = "区委组织部"
    # Row 3: 工作任务 spans two grid columns.
    table.cell(3, 0).text = "3"
    merged = table.cell(3, 1).merge(table.cell(3, 2))
    merged.text = "跨两列的任务"
    table.cell(3, 3).text = "全年"
    document.add_paragraph("表后的段落")

    result = read_docx(_to_bytes(document), "自制.docx")
    assert [type(b) for b in result.blocks] == [Paragraph, Paragraph, Table, Paragraph]
    heading, body, parsed, after = result.blocks
    assert (heading.text, heading.level) == ("一、总体要求", 1)
    assert (body.text, body.level, body.location) == ("正文段落。", None, "第2段")
    assert after.text == "表后的段落"
    assert parsed.header == ["序号", "工作任务", "责任单位", "完成时限"]
    assert [r.texts for r in parsed.rows] == [
        ["1", "召开联席会议", "区民政局\n区财政局\n区教育局", "12月底前"],
        ["2", "选派专业技术人才", "区委组织部", "12月底前"],
        ["3", "跨两列的任务", "跨两列的任务", "全年"],
    ]
    assert parsed.rows[0].cells[2].paragraphs == ["区民政局", "区财政局", "区教育局"]
    assert [r.location for r in parsed.rows] == ["表1 第2行", "表1 第3行", "表1 第4行"]


def test_own_table_without_header_row_and_nested_table():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外表"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "内表文字"
    result = read_docx(_to_bytes(document), "嵌套.docx")
    assert [t.header for t in result.tables] == [[], []]
    assert result.tables[0].rows[0].cells[0].text == "外表"
    assert result.tables[1].rows[0].cells[0].text == "内表文字"
    assert result.tables[1].location == "表2"


def _add_list(document, fmt: str, text: str, count: int):
    """A numbering definition with one level of `fmt`, applied to `count` paragraphs."""
    numbering = document.part.numbering_part.element
    abstract_id = 100 + len(numbering.findall(qn("w:abstractNum")))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        "</w:abstractNum>")
    numbering.insert(0, abstract)
    num_id = abstract_id
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    paragraphs = []
    for i in range(count):
        p = document.add_paragraph(f"条目{i + 1}")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        paragraphs.append(p)
    return num_id


def test_own_chinese_and_circled_numbering():
    document = docx.Document()
    _add_list(document, "chineseCountingThousand", "%1、", 12)
    num_id = _add_list(document, "decimalEnclosedCircle", "%1", 3)
    sub = document.add_paragraph("子条目")
    sub._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>'))
    result = read_docx(_to_bytes(document), "编号.docx")
    numbers = [p.number for p in result.paragraphs]
    assert numbers[:12] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、"]
    assert numbers[12:15] == ["①", "②", "③"]
    # A level-2 label quotes the level-1 counter in that level's own format, as Word draws it.
    assert numbers[15] == "③.1"
    assert result.paragraphs[0].full_text == "一、条目1"


def test_own_style_numbering_from_list_number_style():
    document = docx.Document()
    for text in ("甲项", "乙项"):
        document.add_paragraph(text, style="List Number")
    result = read_docx(_to_bytes(document), "样式编号.docx")
    assert [p.number for p in result.paragraphs] == ["1.", "2."]


def test_number_formats():
    assert [chinese_number(n, "〇一二三四五六七八九", "十百千") for n in (1, 10, 11, 20, 21, 100, 101, 110)] == \
        ["一", "十", "十一", "二十", "二十一", "一百", "一百〇一", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(14, "lowerRoman") == "xiv"
    assert format_number(12, "chineseLegalSimplified") == "拾贰"
    assert format_number(7, "decimalZero") == "07"


def test_own_docx_is_recognised_by_content_not_name():
    document = docx.Document()
    document.add_paragraph("内容才算数")
    result = read_document(_to_bytes(document), "改了扩展名.pdf")
    assert result.kind == "docx"
    assert result.paragraphs[0].text == "内容才算数"


def test_locations_are_readable():
    document = docx.Document()
    document.add_paragraph("一")
    document.add_table(rows=2, cols=2).cell(1, 1).text = "x"
    result = read_docx(_to_bytes(document), "a.docx")
    assert re.fullmatch(r"表1 第2行", result.tables[0].rows[1].location)


def test_table_claiming_a_million_columns_is_refused():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    tc_pr = table.cell(0, 1)._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="1000000000"/>'))
    with pytest.raises(IntakeError) as caught:
        read_docx(_to_bytes(document), "坏表.docx")
    assert "超过 200 列上限" in caught.value.message
    assert caught.value.where == "坏表.docx 表1"
