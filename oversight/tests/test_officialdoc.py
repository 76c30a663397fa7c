"""The 公文 writer: the saved .docx read back with python-docx, then laid out by LibreOffice and
measured in the PDF it prints (page numbers, 版心, line pitch, repeated table header)."""

import datetime
import io
import os
import shutil
import subprocess

import docx
import pdfplumber
import pytest
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu

from conftest import ARTIFACTS
from oversight import officialdoc as od

MM = 72 / 25.4  # PDF points per millimetre
TEXT_TOP_MM, TEXT_BOTTOM_MM, TEXT_LEFT_MM, TEXT_RIGHT_MM = 37, 297 - 35, 28, 210 - 26

BODY = "截至10月底，全区东西部协作各项任务总体推进有序，社会帮扶资金、消费帮扶销售额等指标均高于时序进度。"


def reopen(doc):
    return docx.Document(io.BytesIO(od.to_bytes(doc)))


def effective(paragraph, run, read):
    """A run property as Word resolves it: run, then the paragraph style chain, then docDefaults."""
    for r_pr in [run._r.rPr] + [style.element.rPr for style in _style_chain(paragraph.style)]:
        value = read(r_pr) if r_pr is not None else None
        if value is not None:
            return value
    defaults = paragraph.part.package.main_document_part.styles.element.find(qn("w:docDefaults"))
    return read(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def east_asian_font(r_pr):
    fonts = r_pr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def size_pt(r_pr):
    size = r_pr.find(qn("w:sz"))
    return None if size is None else int(size.get(qn("w:val"))) / 2


def sample(table_rows=4):
    doc = od.new_document()
    od.add_masthead(doc, "东西部协作工作通报")
    od.add_issue_line(doc, "第11期")
    od.add_issue_line(doc, "鼓楼区东西部协作办公室", right="2026年11月30日")
    od.add_red_rule(doc)
    od.add_title(doc, "关于2026年10月东西部协作\n重点任务推进情况的通报")
    od.add_paragraph(doc, "各有关单位：")
    od.add_paragraph(doc, BODY * 2)
    od.add_heading(doc, "一、总体进展", 1)
    od.add_paragraph(doc, BODY)
    od.add_heading(doc, "（一）资金项目", 2)
    od.add_paragraph(doc, BODY)
    od.add_table(
        doc,
        ["序号", "责任单位", "目标（万元）", "完成（万元）", "完成率"],
        [[str(n), f"鼓东街道第{n}组", "1,200.00", "987.50", "82.3%"] for n in range(1, table_rows + 1)],
        widths_mm=[16, 56, 30, 30, 24],
        numeric_columns=(2, 3, 4),
    )
    od.add_signature(doc, "鼓楼区东西部协作办公室", datetime.date(2026, 11, 30))
    return doc


# --- the .docx ---------------------------------------------------------------------------


def test_page_is_a4_with_the_standard_margins_and_odd_even_footers():
    doc = reopen(od.new_document())
    section = doc.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210, 297)
    assert round(section.top_margin.mm, 1) == 37
    assert round(section.bottom_margin.mm, 1) == 35
    assert round(section.left_margin.mm, 1) == 28
    assert round(section.right_margin.mm, 1) == 26
    # 版心 156 × 225 mm
    assert round(Emu(section.page_width - section.left_margin - section.right_margin).mm, 1) == 156
    assert round(Emu(section.page_height - section.top_margin - section.bottom_margin).mm, 1) == 225
    assert doc.settings.odd_and_even_pages_header_footer


def test_title_body_and_headings_carry_the_standard_fonts_and_sizes():
    doc = reopen(sample())
    paragraphs = {p.text: p for p in doc.paragraphs}

    title = paragraphs["关于2026年10月东西部协作\n重点任务推进情况的通报"]
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.paragraph_format.first_line_indent == 0
    assert title.style.element.pPr.ind.get(qn("w:firstLineChars")) == "0"  # not Normal's 200
    run = title.runs[0]
    assert effective(title, run, east_asian_font) == "方正小标宋简体"
    assert effective(title, run, size_pt) == 22
    assert len(title._p.findall(".//" + qn("w:br"))) == 1  # wraps where the caller said

    body = paragraphs[BODY * 2]
    run = body.runs[0]
    assert effective(body, run, east_asian_font) == "仿宋_GB2312"
    assert effective(body, run, size_pt) == 16
    fmt = body.style.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert round(fmt.line_spacing.pt, 2) == 28.95
    assert fmt.first_line_indent.pt == 32  # two 三号 characters
    assert body.style.element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY

    for text, font in (("一、总体进展", "黑体"), ("（一）资金项目", "楷体_GB2312")):
        heading = paragraphs[text]
        assert effective(heading, heading.runs[0], east_asian_font) == font
        assert effective(heading, heading.runs[0], size_pt) == 16

    issue = paragraphs["第11期"]
    assert issue.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert effective(issue, issue.runs[0], east_asian_font) == "仿宋_GB2312"

    issuer_line = paragraphs["鼓楼区东西部协作办公室\t2026年11月30日"]
    [stop] = issuer_line.paragraph_format.tab_stops
    assert round(stop.position.mm) == 156 - 6  # the date ends one character in from the right edge

    masthead = paragraphs["东西部协作工作通报"]
    assert str(masthead.runs[0].font.color.rgb) == "FF0000"
    rule = next(p for p in doc.paragraphs if p._p.find(".//" + qn("w:pBdr")) is not None)
    assert rule._p.find(".//" + qn("w:bottom")).get(qn("w:color")) == "FF0000"


def test_missing_gb2312_fonts_fall_back_to_the_windows_ones():
    doc = reopen(od.new_document())
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    from lxml import etree

    fonts = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in etree.fromstring(part.blob).findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert fonts["仿宋_GB2312"] == "仿宋"
    assert fonts["楷体_GB2312"] == "楷体"


def test_footers_hold_a_page_field_between_em_dashes_odd_right_even_left():
    doc = reopen(od.new_document())
    section = doc.sections[0]
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == alignment
        element = paragraph._p
        assert [c.get(qn("w:fldCharType")) for c in element.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
        assert [t.text.strip() for t in element.iter(qn("w:instrText"))] == ["PAGE"]
        assert paragraph.text == "— 1 —"  # the dashes around the field's shown result
        run = paragraph.runs[0]
        assert effective(paragraph, run, east_asian_font) == "宋体"
        assert effective(paragraph, run, size_pt) == 14
    assert section.footer.paragraphs[0].paragraph_format.right_indent.pt == 14  # 空一字
    assert section.even_page_footer.paragraphs[0].paragraph_format.left_indent.pt == 14


def test_table_is_ruled_with_a_repeating_bold_header_and_right_aligned_numbers():
    doc = reopen(sample())
    table = doc.tables[0]
    header, first = table.rows[0], table.rows[1]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for cell in first.cells for run in cell.paragraphs[0].runs)
    alignments = [cell.paragraphs[0].alignment for cell in first.cells]
    assert alignments[2:] == [WD_ALIGN_PARAGRAPH.RIGHT] * 3
    assert WD_ALIGN_PARAGRAPH.RIGHT not in alignments[:2]
    assert all(cell.vertical_alignment == WD_CELL_VERTICAL_ALIGNMENT.CENTER for row in table.rows for cell in row.cells)
    assert [round(cell.width.mm) for cell in first.cells] == [16, 56, 30, 30, 24]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders} == dict.fromkeys(
        ["top", "left", "bottom", "right", "insideH", "insideV"], "single"
    )
    cell = first.cells[1].paragraphs[0]
    assert effective(cell, cell.runs[0], east_asian_font) == "仿宋_GB2312"
    assert effective(cell, cell.runs[0], size_pt) == 12  # 小四


def test_table_refuses_rows_and_widths_that_do_not_match_the_header():
    doc = od.new_document()
    with pytest.raises(ValueError, match="这一行有 1 个单元格"):
        od.add_table(doc, ["单位", "完成率"], [["鼓东街道"]])
    with pytest.raises(ValueError, match="给了 1 个列宽"):
        od.add_table(doc, ["单位", "完成率"], [], widths_mm=[156])
    # Without widths the columns share the 版心.
    table = od.add_table(doc, ["单位", "完成率"], [["鼓东街道", "82.3%"]])
    assert [round(cell.width.mm) for cell in table.rows[0].cells] == [78, 78]


def test_heading_levels_other_than_one_and_two_are_refused():
    with pytest.raises(ValueError, match="层级"):
        od.add_heading(od.new_document(), "1.资金", 3)


def test_dates_are_written_in_full_without_leading_zeros():
    assert od.format_date(datetime.date(2026, 1, 5)) == "2026年1月5日"
    assert od.format_date(datetime.date(2026, 11, 30)) == "2026年11月30日"


def test_signature_places_the_date_two_characters_right_of_the_issuer():
    def indents(issuer, date):
        doc = od.new_document()
        issuer_p, date_p = od.add_signature(doc, issuer, date)
        assert issuer_p.alignment == date_p.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        return issuer_p.paragraph_format.right_indent.pt / 16, date_p.paragraph_format.right_indent.pt / 16

    # Issuer (11 characters) longer than the date (7: digits are half width): issuer 空二字.
    issuer_right, date_right = indents("鼓楼区东西部协作办公室", datetime.date(2026, 11, 30))
    assert (issuer_right, date_right) == (2, 4)
    assert (issuer_right + 11) - (date_right + 7) == 2  # the date's first character two to the right
    # Short issuer: the date keeps 空二字 and the issuer moves right.
    assert indents("区民政局", "2026年11月30日") == (7, 2)  # issuer starts at 11, date at 9


# --- laid out by LibreOffice -------------------------------------------------------------

# The test machine has Noto CJK, not the Windows fonts; map them so the PDF has real CJK metrics.
FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""


@pytest.fixture
def to_pdf(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "找不到 soffice（LibreOffice）：请运行 make test（会安装 libreoffice-writer-nogui），无法检查公文的版面"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    aliases = "\n  ".join(
        f'<alias binding="same"><family>{font}</family><prefer><family>{noto}</family></prefer></alias>'
        for font, noto in ((od.FANGSONG, "Noto Serif CJK SC"), (od.KAITI, "Noto Serif CJK SC"),
                           (od.XIAOBIAOSONG, "Noto Serif CJK SC"), (od.SONGTI, "Noto Serif CJK SC"),
                           (od.HEITI, "Noto Sans CJK SC"))
    )
    (tmp_path / "fonts.conf").write_text(FONTCONFIG.format(aliases=aliases), encoding="utf-8")

    def convert(doc, name):
        source = tmp_path / f"{name}.docx"
        source.write_bytes(od.to_bytes(doc))
        # Its own profile: a LibreOffice already running for someone else would swallow the job.
        command = [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                   "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
        env = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")}
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice 没有生成 PDF：{result.stdout}{result.stderr}"
        return pdf

    return convert


def save_png(pdf_path, page_number, name):
    """Page as PNG in test-artifacts/: pdftoppm where poppler is installed, else pdfplumber's renderer."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", "-f", str(page_number), "-l", str(page_number),
                        str(pdf_path), str(target.with_suffix(""))], check=True, timeout=60)
    else:
        with pdfplumber.open(pdf_path) as pdf:
            pdf.pages[page_number - 1].to_image(resolution=110).save(target)
    return target


def test_libreoffice_lays_it_out_on_the_gbt9704_grid(to_pdf):
    pdf_path = to_pdf(sample(table_rows=24), "bulletin")
    save_png(pdf_path, 1, "officialdoc-page1")
    save_png(pdf_path, 2, "officialdoc-page2")
    shutil.copy(pdf_path, ARTIFACTS / "officialdoc-bulletin.pdf")

    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) == 2
        first, second = pdf.pages
        assert (round(first.width / MM), round(first.height / MM)) == (210, 297)
        assert "— 1 —" in first.extract_text()
        assert "— 2 —" in second.extract_text()
        assert "— 1 —" not in second.extract_text()

        for page, odd in ((first, True), (second, False)):
            dashes = [c for c in page.chars if c["text"] == "—"]
            assert len(dashes) == 2
            # 一字线 7 mm below the 版心 …
            for dash in dashes:
                middle = (dash["top"] + dash["bottom"]) / 2 / MM
                assert middle - TEXT_BOTTOM_MM == pytest.approx(7, abs=0.5)
            # … one 4号 character (4.9 mm) in from the right edge on odd pages, the left on even ones.
            if odd:
                assert TEXT_RIGHT_MM - max(d["x1"] for d in dashes) / MM == pytest.approx(4.9, abs=0.6)
            else:
                assert min(d["x0"] for d in dashes) / MM - TEXT_LEFT_MM == pytest.approx(4.9, abs=0.6)

        # Body text: inside the 版心, lines 28.95 pt apart, 28 characters to a full line.
        body = [c for c in first.chars if c["size"] == pytest.approx(16) and c["top"] / MM > TEXT_TOP_MM]
        assert min(c["x0"] for c in body) / MM == pytest.approx(TEXT_LEFT_MM, abs=0.3)
        assert max(c["x1"] for c in body) / MM <= TEXT_RIGHT_MM + 0.3
        lines = {}
        for char in body:
            lines.setdefault(round(char["top"], 1), []).append(char)
        tops = sorted(lines)
        gaps = [round(b - a, 1) for a, b in zip(tops, tops[1:])]
        assert gaps.count(29.0) + gaps.count(28.9) >= 8, gaps
        full = [line for line in lines.values() if all("\u4e00" <= c["text"] <= "\u9fff" or c["text"] in "，。、" for c in line)]
        assert 28 in {len(line) for line in full}, [len(line) for line in full]

        # The table runs onto page 2 and its header row is printed again there.
        assert first.extract_text().count("责任单位") == 1
        assert "序号 责任单位" in second.extract_text()
        assert "鼓楼区东西部协作办公室\n2026年11月30日" in second.extract_text().replace(" ", "")

        title = [c for c in first.chars if c["size"] == pytest.approx(22)]
        assert title, "标题应是二号（22 磅）"
        centre = (min(c["x0"] for c in title) + max(c["x1"] for c in title)) / 2 / MM
        assert centre == pytest.approx((TEXT_LEFT_MM + TEXT_RIGHT_MM) / 2, abs=3)
