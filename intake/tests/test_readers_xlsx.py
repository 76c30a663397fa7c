"""The Excel reader on the seed ledgers and on workbooks made here with openpyxl."""

import datetime as dt
import io
import time
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Alignment

from intake.document import Paragraph, Table
from intake.errors import IntakeError
from intake.readers.sniff import read_document
from intake.readers.xlsx import HEADER_WORDS, format_number, read_xlsx

from .conftest import seed


def _read_seed(seeds, number):
    path = seed(seeds, "xlsx", number)
    return read_xlsx(path.read_bytes(), path.name)


# -- seeds -------------------------------------------------------------------


def test_000_two_sheets_title_header_and_merges(seeds):
    document = _read_seed(seeds, "000")
    assert document.kind == "xlsx"
    assert [type(b) for b in document.blocks] == [Paragraph, Table, Paragraph, Table]
    title, first, title2, second = document.blocks
    assert title.text == "2024 年鼓楼区闽宁协作任务分工表"
    assert title.location == "工作表“附件1 闽宁协作任务分工表”第1行"
    assert title2.text == "鼓楼区 2024 年山海协作(武夷山市)工作任务清单"
    # The header cell merged over 类别 and 任务 is repeated in both columns.
    assert first.header == ["序号", "2023 年省、市下达任务", "2023 年省、市下达任务",
                            "2024 年拟落实工作措施", "牵头单位", "完成时限"]
    assert first.location == "工作表“附件1 闽宁协作任务分工表”"
    assert [r.cells[0].text for r in first.rows] == [str(n) for n in range(1, 16)]  # 1, not 1.0
    assert first.rows[0].location == "工作表“附件1 闽宁协作任务分工表”第3行"
    row1 = first.rows[0]
    assert row1.cells[1].text == row1.cells[2].text  # B3:C3 merged
    # Wrapped text: each line of the cell is a paragraph.
    assert row1.cells[4].paragraphs == ["区委办", "区政府办", "区民政局 (区乡村振兴局)"]
    row3 = first.rows[2]
    assert row3.cells[1].text == "资金支持"
    assert "鼓东街道" in row3.cells[3].text and "南街街道" in row3.cells[3].text
    assert [r.cells[0].text for r in second.rows][:4] == ["一、 调研互访", "一、 调研互访", "二、 研学交流", "二、 研学交流"]


def test_004_group_merges_and_clean_numbers(seeds):
    [title, table] = _read_seed(seeds, "004").blocks
    assert isinstance(title, Paragraph) and title.text.endswith("协作帮扶工作清单")
    assert table.header == ["序号", "责任单位", "列项", "任务内容", "分值", "考核要求"]
    assert len(table.rows) == 44
    qicun = [r for r in table.rows if r.cells[1].text == "齐村镇"]
    assert [(r.cells[0].text, r.cells[2].text, r.cells[4].text) for r in qicun] == \
        [("18", "1", "25"), ("18", "2", "25"), ("18", "3", "25"), ("18", "4", "25")]
    assert all(not c.text.endswith(".0") for r in table.rows for c in r.cells)


def test_001_matches_the_word_table(seeds):
    from intake.readers.docx import read_docx

    ledger = _read_seed(seeds, "001").tables[0]
    word_path = seed(seeds, "docx", "001")
    word = read_docx(word_path.read_bytes(), word_path.name).tables[0]
    assert ledger.header == word.header
    assert [r.texts for r in ledger.rows] == [r.texts for r in word.rows]


@pytest.mark.parametrize("number", ["000", "001", "004"])
def test_every_seed_ledger_reads_through_the_entry_point(seeds, number):
    path = seed(seeds, "xlsx", number)
    assert read_document(path.read_bytes(), path.name).kind == "xlsx"


# -- workbooks made here -----------------------------------------------------------


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ledger():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "附件1"
    ws["A1"] = "2024年协作帮扶任务清单"
    ws.merge_cells("A1:E1")
    ws.append(["序号", "工作任务", "责任单位", "完成时限", "分值"])
    ws.append([1, "召开联席会议", "区民政局\n区财政局", dt.date(2024, 12, 31), 25.499999999999996])
    ws.append([None, "选派专业技术人才", "区委组织部", "10月底前", 3.0])
    ws.merge_cells("A3:A4")  # 序号 1 groups two tasks
    ws["C3"].alignment = Alignment(wrap_text=True)
    ws.append(["二、产业协作"])
    ws.merge_cells("A5:E5")  # a section title across the whole table
    ws.append([2, "引进企业", "区商务局", "全年", 0.255])
    ws["E6"].number_format = "0.0%"
    ws.append([None, None, None, None, None])  # an empty row is skipped
    ws.append([3, "跨两列的任务", None, "12月底前", 1e-05])
    ws.merge_cells("B8:C8")
    return book


def test_own_ledger_title_merges_numbers_and_section_rows():
    document = read_xlsx(_save(_ledger()), "台账.xlsx")
    kinds = [type(b) for b in document.blocks]
    assert kinds == [Paragraph, Table, Paragraph, Table]
    title, first, section, second = document.blocks
    assert title.text == "2024年协作帮扶任务清单"
    assert section.text == "二、产业协作"
    assert section.location == "工作表“附件1”第5行"
    assert first.header == second.header == ["序号", "工作任务", "责任单位", "完成时限", "分值"]
    assert [r.texts for r in first.rows] == [
        ["1", "召开联席会议", "区民政局\n区财政局", "2024年12月31日", "25.5"],
        ["1", "选派专业技术人才", "区委组织部", "10月底前", "3"],
    ]
    assert first.rows[0].cells[2].paragraphs == ["区民政局", "区财政局"]
    assert [r.location for r in first.rows] == ["工作表“附件1”第3行", "工作表“附件1”第4行"]
    assert [r.texts for r in second.rows] == [
        ["2", "引进企业", "区商务局", "全年", "25.5%"],
        ["3", "跨两列的任务", "跨两列的任务", "12月底前", "0.00001"],
    ]
    assert second.rows[1].location == "工作表“附件1”第8行"


def test_sheet_without_header_names_the_sheet():
    book = _ledger()
    other = book.create_sheet("Sheet1")
    other.append(["张三", "李四"])
    other.append(["王五", "赵六"])
    with pytest.raises(IntakeError) as caught:
        read_xlsx(_save(book), "台账.xlsx")
    assert "工作表“Sheet1”中找不到表头" in caught.value.message
    assert "序号" in caught.value.message
    assert "Sheet1" in caught.value.where


def test_empty_hidden_and_note_sheets():
    book = _ledger()
    book.create_sheet("空白")
    hidden = book.create_sheet("下拉选项")
    hidden.append(["区民政局", "区财政局"])
    hidden.append(["区教育局", "区卫健局"])
    hidden.sheet_state = "hidden"
    notes = book.create_sheet("填表说明")
    notes["A1"] = "请于每月25日前报送进度。"
    document = read_xlsx(_save(book), "台账.xlsx")
    assert len(document.tables) == 2
    assert document.blocks[-1].text == "请于每月25日前报送进度。"
    assert document.blocks[-1].location == "工作表“填表说明”第1行"


def test_workbook_with_nothing_in_it():
    with pytest.raises(IntakeError) as caught:
        read_xlsx(_save(openpyxl.Workbook()), "空.xlsx")
    assert "没有内容" in caught.value.message


def test_header_found_below_several_title_rows():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["附件2"])
    ws.append(["关于任务分工的说明"])
    ws.append(["编号", "工作内容", "牵头部门", "配合部门"])
    ws.append([1, "任务甲", "区民政局", "区财政局"])
    ws.append(["编号", "工作内容", "牵头部门", "配合部门"])  # repeated, as when pasted from a printout
    ws.append([2, "任务乙", "区教育局", None])
    document = read_xlsx(_save(book), "表.xlsx")
    assert [p.text for p in document.paragraphs] == ["附件2", "关于任务分工的说明"]
    assert document.tables[0].header == ["编号", "工作内容", "牵头部门", "配合部门"]
    assert document.tables[0].rows[0].location == "工作表“Sheet”第4行"
    assert [r.cells[0].text for r in document.tables[0].rows] == ["1", "2"]


def _patch_sheet(data: bytes, old: bytes, new: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            body = source.read(member)
            if member.filename.startswith("xl/worksheets/"):
                body = body.replace(old, new)
            archive.writestr(member, body)
    return out.getvalue()


def test_merge_over_whole_columns_is_refused_before_loading():
    # A few bytes in the file; openpyxl would build 17 billion cells for it.
    data = _patch_sheet(_save(_ledger()), b'ref="A1:E1"', b'ref="A1:XFD1048576"')
    started = time.monotonic()
    with pytest.raises(IntakeError) as caught:
        read_document(data, "台账.xlsx")
    assert time.monotonic() - started < 5
    assert "单元格（含合并单元格）超过" in caught.value.message


def test_stray_cell_far_to_the_right_is_refused():
    book = _ledger()
    book.active.cell(row=3, column=500, value="误填")
    with pytest.raises(IntakeError) as caught:
        read_xlsx(_save(book), "台账.xlsx")
    assert "用到了第 500 列" in caught.value.message and "附件1" in caught.value.where


def test_title_merged_over_two_rows_is_one_paragraph():
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "任务清单"
    ws.merge_cells("A1:C2")
    for column, (label, value) in enumerate(zip(["序号", "工作任务", "责任单位"], [1, "召开会议", "区民政局"]), 1):
        ws.cell(row=3, column=column, value=label)
        ws.cell(row=4, column=column, value=value)
    document = read_xlsx(_save(book), "表.xlsx")
    assert [p.text for p in document.paragraphs] == ["任务清单"]
    assert document.tables[0].rows[0].texts == ["1", "召开会议", "区民政局"]


def test_format_number_and_header_words():
    assert format_number(25.499999999999996) == "25.5"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(3.0) == "3"
    assert format_number(1e16) == "10000000000000000"
    assert format_number(141.832) == "141.832"
    assert {"序号", "任务", "单位", "时限", "类别", "分值", "列项", "牵头", "责任", "配合"} <= set(HEADER_WORDS)
