"""The PDF reader on the seed PDFs (LibreOffice exports of the seed .docx)
and on PDFs LibreOffice makes here from Word files built in the test."""

import functools
import random
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from pdfplumber.table import edges_to_intersections, merge_edges
from pdfplumber.table import intersections_to_cells as pdfplumber_cells

from intake.readers.docx import read_docx
from intake.readers.pdf import read_pdf
from intake.readers.pdf_tables import intersections_to_cells
from intake.readers.sniff import read_document

from .conftest import seed

SEEDS = ["000", "001", "002", "003", "004"]
PAGE_NUMBER = re.compile(r"[—－-]\s*\d+\s*[—－-]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(seeds, fmt, number):
    return _read_path(seed(seeds, fmt, number))


@functools.cache
def _read_path(path):
    # Each seed PDF is read once for all the tests that look at it.
    reader = read_pdf if path.suffix == ".pdf" else read_docx
    return reader(path.read_bytes(), path.name)


def _logical_rows(table):
    """Rows with the pieces a page break split off joined back, as the
    interpreter does: a row after a break whose first cell is empty, or any
    row after a break in a one-column box (专栏)."""
    rows = []
    for row in table.rows:
        if row.after_page_break and rows and (not row.cells[0].text or len(row.cells) == 1):
            rows[-1] = [a + "".join(b.paragraphs) for a, b in zip(rows[-1], row.cells)]
        else:
            rows.append(["".join(c.paragraphs) for c in row.cells])
    return [[_squash(c) for c in r] for r in rows]


# -- seeds: the PDF says what the Word file says -----------------------------


@pytest.mark.parametrize("number", SEEDS)
def test_seed_paragraphs_match_the_word_file(seeds, number):
    pdf, word = _read(seeds, "pdf", number), _read(seeds, "docx", number)
    # The PDF draws Word's automatic numbers as text: compare with full_text.
    assert [_squash(p.text) for p in pdf.paragraphs] == [_squash(p.full_text) for p in word.paragraphs]
    assert all(re.fullmatch(r"第\d+页", p.location) for p in pdf.paragraphs)
    assert not any(PAGE_NUMBER.fullmatch(p.text) for p in pdf.paragraphs)


@pytest.mark.parametrize("number", SEEDS)
def test_seed_tables_match_the_word_file(seeds, number):
    pdf, word = _read(seeds, "pdf", number), _read(seeds, "docx", number)
    assert len(pdf.tables) == len(word.tables)
    for in_pdf, in_word in zip(pdf.tables, word.tables):
        assert in_pdf.header == in_word.header
        assert _logical_rows(in_pdf) == _logical_rows(in_word)
        # The header repeated on every page is dropped.
        assert not any(r.texts == in_pdf.header for r in in_pdf.rows if in_pdf.header)


def test_000_rows_continue_after_the_page_break(seeds):
    document = _read(seeds, "pdf", "000")
    first = document.tables[0]
    assert first.header[0] == "序号" and len(first.header) == 6
    assert first.location == "表1"
    serials = [r.cells[0].text for r in first.rows if r.cells[0].text]
    assert serials == [str(n) for n in range(1, 16)]  # nothing lost or repeated across pages
    # Row 3 runs over two page breaks. What page 4 holds of it comes as a row
    # with empty leading cells; the paragraph cut at the foot of page 4 is
    # joined back there, which leaves page 5 nothing of row 3.
    index = next(i for i, r in enumerate(first.rows) if r.cells[0].text == "3")
    row3, rest, row4 = first.rows[index:index + 3]
    assert re.fullmatch(r"第3页 表1 第\d+行", row3.location)
    assert "落实社会帮扶资金" in row3.cells[2].text
    assert "具体发改局" in row3.cells[3].text and "鼓东街道" in row3.cells[3].text
    assert rest.after_page_break and rest.cells[0].text == "" and rest.location == "第4页 表1 第2行"
    assert rest.cells[3].paragraphs[-1].startswith("万元，南街街道")
    assert "现需负责筹集 38 万元" in rest.cells[3].paragraphs[-1]  # from page 5
    assert row4.cells[0].text == "4" and row4.after_page_break and row4.location.startswith("第5页")
    # Centred unit names stay separate paragraphs; a wrapped name is joined.
    row1 = next(r for r in first.rows if r.cells[0].text == "1")
    assert row1.cells[4].paragraphs == ["区委办", "区政府办", "区民政局 (区乡村振兴局)"]
    assert row1.cells[1].paragraphs == row1.cells[2].paragraphs  # the task spans two columns


def test_000_merged_category_continues_on_the_next_page(seeds):
    second = _read(seeds, "pdf", "000").tables[1]
    assert second.header == ["类别", "工作任务", "完成时限", "责任单位", "备注"]
    continued = next(r for r in second.rows if r.cells[1].text.startswith("发动福州定有福"))
    # The 类别 cell merged down from page 9 is drawn empty on page 10.
    assert continued.location.startswith("第10页")
    assert continued.cells[0].text == "四、消费帮扶"


def test_000_body_paragraphs_are_joined_lines(seeds):
    paragraphs = [p.text for p in _read(seeds, "pdf", "000").paragraphs]
    assert "各街道党工委和办事处，洪山镇党委和政府，区直各部、委、办、局（公司），福州软件园管委会，各人民团体：" in paragraphs
    # One paragraph running from page 1 onto page 2.
    assert any(p.startswith("请有选派人才任务") and p.endswith("确保不折不扣完成任务。") for p in paragraphs)
    assert paragraphs[0] == "中共福州市鼓楼区委\n扶贫开发成果巩固与\n乡村振兴工作领导小组\n办公室文件"


def test_004_merged_serial_and_unit_repeated(seeds):
    table = _read(seeds, "pdf", "004").tables[0]
    assert table.header == ["序号", "责任单位", "列项", "任务内容", "分值", "考核要求"]
    rows = [r for r in table.rows if r.cells[1].text == "齐村镇"]
    assert [(r.cells[0].text, r.cells[2].text, r.cells[4].text) for r in rows] == \
        [("18", "1", "25"), ("18", "2", "25"), ("18", "3", "25"), ("18", "4", "25")]


def test_003_boxes_are_one_cell_tables(seeds):
    document, word = _read(seeds, "pdf", "003"), _read(seeds, "docx", "003")
    assert len(document.tables) == 4
    assert all(t.header == [] for t in document.tables)
    assert document.tables[0].rows[0].cells[0].paragraphs[0] == "专栏 3 劳务协作任务"
    # One cell each, even the box that runs onto the next page; its
    # paragraphs are the Word paragraphs.
    for box, in_word in zip(document.tables, word.tables):
        assert len(box.rows) == 1 and len(box.rows[0].cells) == 1
        assert [_squash(p) for p in box.rows[0].cells[0].paragraphs] == \
            [_squash(p) for p in in_word.rows[0].cells[0].paragraphs]


@pytest.mark.parametrize("number", SEEDS)
def test_every_seed_pdf_reads_through_the_entry_point(seeds, number):
    path = seed(seeds, "pdf", number)
    assert read_document(path.read_bytes(), path.name).kind == "pdf"


# -- PDFs made here by LibreOffice ---------------------------------------------------

UNITS = ["区民政局", "区委组织部", "区财政局", "区教育局", "区卫健局", "区商务局", "区工商联"]


def _ledger_docx(path, rows=30, long_row=17):
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("关于印发2024年协作帮扶工作任务分工方案的通知").font.size = Pt(20)
    document.add_paragraph("各镇街、区直有关单位：")
    document.add_paragraph("为深入贯彻落实东西部协作工作要求，" * 6 + "现将任务分工印发给你们，请认真贯彻执行。")
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "— 1 —"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "责任单位", "完成时限"]):
        cell.text = text
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for n in range(1, rows + 1):
        row = table.add_row()
        row.cells[0].text = str(n)
        row.cells[1].text = f"开展第{n}项协作帮扶工作，" * (40 if n == long_row else 2) + "确保按时完成。"
        units = row.cells[2]
        units.text = UNITS[n % 7]
        units.add_paragraph(UNITS[(n + 3) % 7])
        for paragraph in units.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        row.cells[3].text = f"{n % 12 + 1}月底前"
    # 完成时限 of rows 1–3 merged into one cell.
    merged = table.cell(1, 3).merge(table.cell(3, 3))
    merged.text = "6月底前"
    document.add_paragraph("表格之后的说明文字。")
    document.save(path)
    return path


def test_own_pdf_from_libreoffice(tmp_path, to_pdf):
    pdf_path = to_pdf(_ledger_docx(tmp_path / "台账.docx"))
    document = read_document(pdf_path.read_bytes(), pdf_path.name)
    assert document.kind == "pdf"
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "关于印发2024年协作帮扶工作任务分工方案的通知"
    assert texts[2].startswith("为深入贯彻落实") and texts[2].endswith("请认真贯彻执行。")
    assert texts[-1] == "表格之后的说明文字。"
    assert not any("— 1 —" in t for t in texts)  # the footer is page furniture
    [table] = document.tables
    assert table.header == ["序号", "工作任务", "责任单位", "完成时限"]
    assert [r.cells[0].text for r in table.rows if r.cells[0].text] == [str(n) for n in range(1, 31)]
    assert not any(r.texts == table.header for r in table.rows)
    pages = {int(re.match(r"第(\d+)页", r.location).group(1)) for r in table.rows}
    assert len(pages) >= 3
    assert all(re.fullmatch(r"第\d+页 表1 第\d+行", r.location) for r in table.rows)
    first_on_each_page = [next(r for r in table.rows if r.location.startswith(f"第{p}页")) for p in sorted(pages)[1:]]
    assert all(r.after_page_break for r in first_on_each_page)
    assert sum(r.after_page_break for r in table.rows) == len(first_on_each_page)
    # Row 17 runs over two page breaks and row 8 over one; the pieces of
    # their paragraphs are joined back, which leaves no row of its own.
    assert all(any(r.texts) for r in table.rows)
    by_serial = {r.cells[0].text: r for r in table.rows if r.cells[0].text}
    assert by_serial["17"].cells[1].paragraphs == ["开展第17项协作帮扶工作，" * 40 + "确保按时完成。"]
    assert by_serial["8"].cells[1].paragraphs == ["开展第8项协作帮扶工作，" * 2 + "确保按时完成。"]
    by_serial = {r.cells[0].text: r for r in table.rows if r.cells[0].text}
    assert by_serial["1"].cells[2].paragraphs == [UNITS[1], UNITS[4]]
    assert [by_serial[n].cells[3].text for n in "123"] == ["6月底前"] * 3  # merged cell repeated
    assert by_serial["4"].cells[3].text == "5月底前"


def test_own_tagged_pdf_uses_the_paragraph_tags(tmp_path, to_pdf):
    # Unit names exactly as wide as the cell: only tags tell them apart.
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).text = "责任单位"
    table.cell(1, 0).text = "1"
    cell = table.cell(1, 1)
    names = ["鼓楼区区委、政府", "晋安区区委、政府", "仓山区区委、政府"]
    cell.text = names[0]
    for name in names[1:]:
        cell.add_paragraph(name)
    for row in table.rows:
        row.cells[1].width = Pt(10.5 * 8 + 11)
    path = tmp_path / "标记.docx"
    document.save(path)
    tagged = to_pdf(path, 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
    result = read_pdf(tagged.read_bytes(), tagged.name)
    assert result.tables[0].rows[-1].cells[1].paragraphs == names


# -- the table finder's faster cell search ------------------------------------


def _ruled_grid(rng) -> list[dict]:
    """Ruling lines of a random table: cells merged (inner segments left
    out), lines drawn whole or cell by cell, borders of two strokes."""
    xs = sorted(rng.sample(range(50, 550, 7), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(50, 750, 9), rng.randint(2, 10)))
    edges = []

    def add(x0, top, x1, bottom):
        edges.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
                      "height": bottom - top, "orientation": "h" if top == bottom else "v"})

    for lines, across, horizontal in ((ys, xs, True), (xs, ys, False)):
        for n, at in enumerate(lines):
            border = n in (0, len(lines) - 1)
            if border and rng.random() < 0.5:
                runs = [(across[0], across[-1])]
            else:
                runs = [(a, b) for a, b in zip(across, across[1:]) if border or rng.random() < 0.8]
            for a, b in runs:
                shift = rng.choice((0, 0, 0.5))  # a second stroke half a point off
                for offset in {0, shift}:
                    add(a, at + offset, b, at + offset) if horizontal else add(at + offset, a, at + offset, b)
    return edges


def test_cell_search_finds_pdfplumbers_cells():
    rng = random.Random(14)
    for _ in range(300):
        edges = merge_edges(_ruled_grid(rng), 3, 3, 3, 3)
        intersections = edges_to_intersections(edges, 3, 3)
        assert intersections_to_cells(intersections) == pdfplumber_cells(intersections)
