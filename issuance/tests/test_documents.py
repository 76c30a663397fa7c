"""The issued files read back: the 通知 .docx with python-docx, the .xlsx with openpyxl, and the
.docx printed through LibreOffice to PDF, pages saved as PNG in test-artifacts/."""

import io
import os
import shutil
import subprocess
from decimal import Decimal

import docx
import openpyxl
import pypdfium2
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from conftest import ARTIFACTS
from issuance import services
from issuance.division_table import division_table
from issuance.notice import is_landscape, title_lines
from issuance.snapshot import take_snapshot
from oversight import officialdoc
from plans.models import Assignment, Target, Task

MM = 72 / 25.4


def read_docx(version):
    with version.notice.open("rb") as handle:
        return docx.Document(io.BytesIO(handle.read()))


def many_tasks(work, count):
    """`count` more tasks for the streets, so the 附件 runs over several pages."""
    units = work["units"]
    for number in range(3, 3 + count):
        task = Task.objects.create(plan=work["plan"], ref=str(number), position=number, category="人才交流",
                                   text=f"第{number}项：选派专业技术人才到协作地区开展帮扶，做好跟踪管理和服务保障工作。",
                                   deadline_text="12月底前")
        Assignment.objects.create(task=task, unit=units["区民政局"], role=Assignment.Role.LEAD)
        Assignment.objects.create(task=task, unit=units["鼓东街道"], role=Assignment.Role.PARTNER)
        Target.objects.create(task=task, metric="选派专技人才", quantity=Decimal(number), unit="人",
                              assignee=units["鼓东街道"])


def test_the_notice_has_title_doc_number_and_the_division_table_on_a_landscape_annex(issued_work):
    version = services.do_issue_plan(issued_work["people"]["office"], issued_work["plan"], doc_number="鼓协办〔2026〕5号")
    doc = read_docx(version)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "区民政局文件"  # 版头: the office (its 全称 when it has one)
    assert texts[1] == "鼓协办〔2026〕5号"
    title = next(p for p in doc.paragraphs if p.style.name == officialdoc.TITLE_STYLE)
    assert title.text == "关于印发《2026年测试方案》的通知"
    assert "各责任单位：" in texts
    assert "附件：2026年测试方案任务分工表" in texts
    assert "2026年11月20日" in texts

    # The 附件: a section of its own, landscape (the table needs more than 156 mm), the table's
    # header row repeated on every page.
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    annex = doc.sections[1]
    assert (round(annex.page_width.mm), round(annex.page_height.mm)) == (297, 210)
    assert annex.page_width.mm - annex.left_margin.mm - annex.right_margin.mm == pytest.approx(225, abs=0.5)
    # Both sections print the "— 1 —" page numbers.
    assert all(s._sectPr.findall(qn("w:footerReference")) for s in doc.sections)
    [table] = doc.tables
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["序号", "类别", "任务内容", "牵头单位", "配合单位", "目标任务", "完成时限"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == [
        "1", "", "落实社会帮扶资金100万元。", "区民政局", "三街镇",
        "社会帮扶资金：合计100万元\n社会帮扶资金：鼓东街道33.3万元\n社会帮扶资金：鼓西街道33.3万元\n社会帮扶资金：洪山镇33.3万元", ""]
    assert [c.text for c in table.rows[2].cells] == [
        "2", "消费帮扶", "组织教育系统开展消费帮扶。", "区教育局", "", "消费帮扶金额：区教育局不低于20万元", "12月底前"]
    widths = [round(int(col.get(qn("w:w"))) / 20 / MM) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == pytest.approx(225, abs=2)


def test_a_long_title_breaks_between_words_on_two_even_lines():
    assert title_lines("关于印发《2026年测试方案》的通知") == "关于印发《2026年测试方案》的通知"  # fits one line
    assert title_lines("关于印发《2026年鼓楼区闽宁协作任务分工方案》的通知") == "关于印发《2026年鼓楼区\n闽宁协作任务分工方案》的通知"
    assert title_lines("关于调整《2026年鼓楼区闽宁协作任务分工方案》有关任务的通知") == (
        "关于调整《2026年鼓楼区\n闽宁协作任务分工方案》有关任务的通知")


def test_several_lists_get_a_column_of_their_own(issued_work):
    issued_work["second"].list_name = "附件2"
    issued_work["second"].save()
    table = division_table(take_snapshot(issued_work["plan"]))
    assert table.header[:2] == ["清单", "序号"] and [row[:2] for row in table.rows] == [["", "1"], ["附件2", "2"]]


def test_a_narrow_table_stays_portrait(issued_work):
    plan = issued_work["plan"]
    Task.objects.filter(plan=plan).exclude(pk=issued_work["task"].pk).delete()
    Target.objects.filter(task__plan=plan).delete()
    Assignment.objects.filter(task__plan=plan, role=Assignment.Role.PARTNER).delete()
    Assignment.objects.create(task=issued_work["task"], unit=issued_work["units"]["鼓东街道"], role=Assignment.Role.LEAD)
    table = division_table(take_snapshot(plan))
    assert table.header == ["序号", "任务内容", "牵头单位", "完成时限"] and not is_landscape(table)
    version = services.do_issue_plan(issued_work["people"]["office"], plan)
    doc = read_docx(version)
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT]


def test_an_adjustment_notice_lists_the_changes(issued_work):
    office, plan = issued_work["people"]["office"], issued_work["plan"]
    services.do_issue_plan(office, plan)
    Target.objects.filter(task__plan=plan, assignee=issued_work["units"]["洪山镇"]).update(quantity=Decimal("30"))
    version = services.do_issue_adjustment(office, plan, reason="洪山镇任务调减")
    texts = [p.text for p in read_docx(version).paragraphs]
    assert "关于调整《2026年测试方案》有关任务的通知" in texts
    at = texts.index("一、调整原因")
    assert texts[at:at + 4] == ["一、调整原因", "洪山镇任务调减", "二、调整内容",
                                "1. 修改任务“1. 落实社会帮扶资金100万元”：社会帮扶资金（洪山镇）：33.3万元 → 30万元"]


def test_the_workbook_holds_the_same_table_and_the_figures_as_numbers(issued_work):
    version = services.do_issue_plan(issued_work["people"]["office"], issued_work["plan"])
    with version.table.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()))
    assert book.sheetnames == ["任务分工表", "指标分解"]
    sheet = book["任务分工表"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    table = division_table(version.snapshot)
    assert rows[0] == table.header
    assert rows[1:] == [[cell or None for cell in row] for row in table.rows]
    assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2"
    figures = [[c.value for c in row] for row in book["指标分解"].iter_rows()]
    assert figures[0] == ["序号", "指标", "承担单位", "比较", "数量", "上年缺口结转", "合计", "计量单位", "周期"]
    assert figures[2] == ["1", "社会帮扶资金", "鼓东街道", "等于", 33.3, None, 33.3, "万元", None]
    assert figures[-1] == ["2", "消费帮扶金额", "区教育局", "不低于", 20, None, 20, "万元", None]


# --- printed through LibreOffice -------------------------------------------------------------

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""


def print_to_pdf(data: bytes, tmp_path, name: str):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "找不到 soffice（LibreOffice），无法打印通知"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # The test machine has Noto CJK, not the government fonts: mapped so the PDF has real CJK metrics.
    aliases = "\n  ".join(
        f'<alias binding="same"><family>{font}</family><prefer><family>{noto}</family></prefer></alias>'
        for font, noto in ((officialdoc.FANGSONG, "Noto Serif CJK SC"), (officialdoc.KAITI, "Noto Serif CJK SC"),
                           (officialdoc.XIAOBIAOSONG, "Noto Serif CJK SC"), (officialdoc.SONGTI, "Noto Serif CJK SC"),
                           (officialdoc.HEITI, "Noto Sans CJK SC")))
    (tmp_path / "fonts.conf").write_text(FONTCONFIG.format(aliases=aliases), encoding="utf-8")
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    command = [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmp_path), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")})
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.exists(), f"LibreOffice 没有生成 PDF：{result.stdout}{result.stderr}"
    return pdf


def test_the_notice_prints_with_its_annex_landscape_and_the_header_repeated(issued_work, tmp_path):
    many_tasks(issued_work, 14)
    version = services.do_issue_plan(issued_work["people"]["office"], issued_work["plan"], doc_number="鼓协办〔2026〕5号")
    with version.notice.open("rb") as handle:
        pdf_path = print_to_pdf(handle.read(), tmp_path, "notice")
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf_path, ARTIFACTS / "issuance-notice.pdf")
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    pages = [pdf[i] for i in range(len(pdf))]
    texts = [page.get_textpage().get_text_range().replace(" ", "") for page in pages]
    for number, page in enumerate(pages[:3], start=1):
        page.render(scale=110 / 72).to_pil().save(ARTIFACTS / f"issuance-notice-page{number}.png")
    # The notice on a portrait page, the 附件 landscape from the next page on, over more than one page.
    assert (round(pages[0].get_width() / MM), round(pages[0].get_height() / MM)) == (210, 297)
    assert all((round(p.get_width() / MM), round(p.get_height() / MM)) == (297, 210) for p in pages[1:])
    assert len(pages) >= 3
    assert "关于印发《2026年测试方案》" in texts[0] and "鼓协办〔2026〕5号" in texts[0] and "—1—" in texts[0]
    assert "附件" in texts[1] and "任务分工表" in texts[1]
    for text in texts[1:]:  # the header row on every page of the table
        assert "序号" in text and "牵头单位" in text and "目标任务" in text
    assert "第16项" in texts[-1]


def test_the_adjustment_notice_prints_its_change_list(issued_work, tmp_path):
    office, plan, units = issued_work["people"]["office"], issued_work["plan"], issued_work["units"]
    services.do_issue_plan(office, plan)
    Target.objects.filter(task__plan=plan, assignee=units["洪山镇"]).update(quantity=Decimal("30"), carried_over=Decimal("2.5"))
    Assignment.objects.create(task=issued_work["second"], unit=units["鼓西街道"], role=Assignment.Role.PARTNER)
    version = services.do_issue_adjustment(office, plan, reason="洪山镇任务调减，鼓西街道配合消费帮扶",
                                           doc_number="鼓协办〔2026〕9号")
    with version.notice.open("rb") as handle:
        pdf_path = print_to_pdf(handle.read(), tmp_path, "adjustment")
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    for number in (1, 2):
        pdf[number - 1].render(scale=110 / 72).to_pil().save(ARTIFACTS / f"issuance-adjustment-page{number}.png")
    # The notice takes two pages here; its last item goes over with the signature, never the signature alone.
    text = "".join(pdf[i].get_textpage().get_text_range() for i in (0, 1)).replace(" ", "").replace("\r\n", "")
    assert "关于调整《2026年测试方案》有关任务的通知" in text
    assert "社会帮扶资金（洪山镇）：33.3万元→32.5万元（含上年缺口2.5万元）" in text
    assert "配合单位：（无）→鼓西街道" in text
    second = pdf[1].get_textpage().get_text_range().replace(" ", "")
    assert "配合单位" in second and "2026年11月20日" in second
