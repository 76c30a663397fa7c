#!/usr/bin/env python
"""Rebuild the binaries of the written corpus (corpus/written) from their text.

    .venv/bin/python corpus/tools/make_written.py [NNN ...]

Each document's `source.txt` is the text as a clerk would receive it. The
Word, PDF and Excel versions are built from it — or, where the text is an
extraction that lost the table's shape (one cell per line, cells glued), from
`original.txt`, the same document with its table tab-separated — so that all
formats carry exactly the same words and numbers:

- .docx (python-docx): paragraphs, headings by their numbering, every
  tab-separated block a real Word table (ruled, header rows repeated on each
  page, two-row headers merged across and down, group columns merged down),
  专栏 boxes as one-cell tables, landscape where the table is wide;
- .pdf: that .docx converted by LibreOffice (headless, its own profile);
- .xlsx (openpyxl): one sheet per table under a merged title row.

Which formats each document has comes from corpus/written/manifest.json;
how its tables are drawn comes from LAYOUT below.
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRITTEN = HERE.parent / "written"

# Per document (by number): header_rows (rows of the table header), vmerge
# (columns whose blank cells continue the group above), multiline (columns
# whose space-separated units are lines of one cell, as a text extraction
# joins them), landscape, xlsx_titles (lines above a table that become merged
# title rows in Excel), xlsx_gap (blank rows between those titles and the
# header, so the header is well below the first row), span_lone (a body row
# with only its first cell filled — a section heading inside the table such as
# "一、组织领导（20分）" — spans the whole width), narrowest (the least column
# weight, so that a five-digit figure is not broken over two lines), sheet_names (the
# Excel sheets' names, one per table, where a workbook names them by 领域). Others: one header row, portrait.
LAYOUT = {
    "009": {"header_rows": 2, "vmerge": [1], "landscape": True},
    "010": {"vmerge": [1], "landscape": True},
    "011": {"vmerge": [1], "multiline": [5], "landscape": True, "xlsx_titles": 2},
    "021": {"header_rows": 2},
    "022": {"span_lone": True, "landscape": True, "xlsx_titles": 2},
    "023": {"vmerge": [1], "xlsx_titles": 3, "xlsx_gap": 1},
    "024": {"header_rows": 2, "vmerge": [1], "landscape": True, "narrowest": 9},
    "025": {"header_rows": 2, "multiline": [5]},
    "030": {"vmerge": [0], "multiline": [3, 5], "landscape": True, "narrowest": 8},
    "031": {"multiline": [5], "xlsx_titles": 2,
            "sheet_names": ["产业协作", "劳务协作", "消费帮扶", "人才交流"]},
    "032": {"span_lone": True, "landscape": True, "xlsx_titles": 2},
    "037": {"xlsx_titles": 2, "landscape": True},
}

HEADING = [
    (re.compile(r"^第[一二三四五六七八九十]+章"), "Heading 1"),
    (re.compile(r"^[一二三四五六七八九十]+、\S{1,20}$"), "Heading 2"),
    (re.compile(r"^（[一二三四五六七八九十]+）\S{1,16}$"), "Heading 3"),
]


def blocks(text: str) -> list[tuple[str, object]]:
    """Split the text into ("p", line), ("table", rows) and ("box", lines)."""
    out: list[tuple[str, object]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            out.append(("table", [r + [""] * (width - len(r)) for r in rows]))
            continue
        if re.match(r"^专栏\s*\d+", line):
            box = []
            while i < len(lines) and lines[i].strip():
                box.append(lines[i])
                i += 1
            out.append(("box", box))
            continue
        if line.strip():
            out.append(("p", line))
        i += 1
    return out


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    tr_pr.append(marker)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _fill(cell, text: str, multiline: bool = False) -> None:
    """Several units in a cell are separate paragraphs, as in the seeds' Word tables."""
    parts = text.split(" ") if multiline else [text]
    cell.text = parts[0]
    for part in parts[1:]:
        cell.add_paragraph(part)


def _column_widths(document, table, rows: list[list[str]], narrowest: int = 6) -> None:
    """Widths by content, as a clerk drags them: the task column wide, 序号 narrow."""
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    weights = [min(24, max(narrowest, max(len(row[c]) for row in rows))) for c in range(len(rows[0]))]
    table.autofit = False
    for c, weight in enumerate(weights):
        width = int(usable * weight / sum(weights))
        table.columns[c].width = width  # the grid LibreOffice lays out by
        for row in table.rows:
            row.cells[c].width = width


def _word_table(document, rows: list[list[str]], layout: dict) -> None:
    header_rows, vmerge = layout.get("header_rows", 1), layout.get("vmerge", [])
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _fill(table.cell(r, c), text, r >= header_rows and c in layout.get("multiline", []))
    for r in range(header_rows):
        _repeat_header(table.rows[r])
    _column_widths(document, table, rows, layout.get("narrowest", 6))
    if header_rows == 2:
        top, sub = rows[0], rows[1]
        c = 0
        while c < len(top):  # a top cell spans the blank top cells after it
            end = c
            while end + 1 < len(top) and not top[end + 1] and sub[end + 1]:
                end += 1
            if end > c:
                table.cell(0, c).merge(table.cell(0, end))
                table.cell(0, c).text = top[c]
            elif not sub[c]:  # nothing below: the top cell spans both rows
                table.cell(0, c).merge(table.cell(1, c))
                table.cell(0, c).text = top[c]
            c = end + 1
    for c in vmerge:
        r = header_rows
        while r < len(rows):
            end = r
            while end + 1 < len(rows) and not rows[end + 1][c] and rows[end + 1][0] not in ("合计", "总计"):
                end += 1
            if end > r and rows[r][c]:
                merged = table.cell(r, c).merge(table.cell(end, c))
                merged.text = rows[r][c]
            r = end + 1
    if layout.get("span_lone"):
        for r in range(header_rows, len(rows)):
            if _lone(rows[r]):
                merged = table.cell(r, 0).merge(table.cell(r, len(rows[r]) - 1))
                merged.text = rows[r][0]


def _lone(row: list[str]) -> bool:
    return bool(row[0]) and not any(row[1:])


def _page_numbers(document) -> None:
    """Official-document page numbers "— n —" in the footer, as on the seed PDFs."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" —")


def build_docx(text: str, layout: dict, target: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Sans CJK SC")
    if layout.get("landscape"):
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _page_numbers(document)
    for kind, content in blocks(text):
        if kind == "table":
            _word_table(document, content, layout)
            document.add_paragraph("")
        elif kind == "box":
            box = document.add_table(rows=1, cols=1)
            box.style = "Table Grid"
            cell = box.cell(0, 0)
            cell.text = content[0]
            for line in content[1:]:
                cell.add_paragraph(line)
            document.add_paragraph("")
        else:
            line = content
            for pattern, name in HEADING:
                if pattern.match(line):
                    document.add_paragraph(line, style=name)
                    break
            else:
                paragraph = document.add_paragraph(line)
                if len(line) <= 40 and not re.search(r"[。；：:]", line) and not re.match(r"^[（(]?[一二三四五六七八九十\d]", line):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)


def build_pdf(docx: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("找不到 LibreOffice（soffice），无法生成 PDF")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / (docx.stem + ".pdf")), target)


def build_xlsx(text: str, layout: dict, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    header_rows = layout.get("header_rows", 1)
    items = blocks(text)
    for n, (kind, rows) in enumerate(items):
        if kind != "table":
            continue
        before = [c for k, c in items[:n] if k == "p"]
        titles = before[-layout.get("xlsx_titles", 1):] if before else []
        annex = re.match(r"附件\s*\d+", titles[0]) if titles else None
        names = layout.get("sheet_names")
        if names:
            title = names[len(workbook.sheetnames)]
        else:
            title = annex.group(0) if annex else f"表{len(workbook.sheetnames) + 1}"
        sheet = workbook.create_sheet(title=title)
        width = len(rows[0])
        for i, title in enumerate(titles, start=1):
            sheet.cell(i, 1, title).font = Font(bold=(i == 1), size=14 if i == 1 else 11)
            sheet.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
        top = len(titles) + 1 + layout.get("xlsx_gap", 0)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if r >= header_rows and c in layout.get("multiline", []):
                    value = value.replace(" ", "\n")
                cell = sheet.cell(top + r, c + 1, _xlsx_value(value))
                cell.alignment = wrap
                cell.border = border
        if header_rows == 2:
            head, sub = rows[0], rows[1]
            c = 0
            while c < width:
                end = c
                while end + 1 < width and not head[end + 1] and sub[end + 1]:
                    end += 1
                if end > c:
                    sheet.merge_cells(start_row=top, start_column=c + 1, end_row=top, end_column=end + 1)
                elif not sub[c]:
                    sheet.merge_cells(start_row=top, start_column=c + 1, end_row=top + 1, end_column=c + 1)
                c = end + 1
        for c in layout.get("vmerge", []):
            r = header_rows
            while r < len(rows):
                end = r
                while end + 1 < len(rows) and not rows[end + 1][c] and rows[end + 1][0] not in ("合计", "总计"):
                    end += 1
                if end > r and rows[r][c]:
                    sheet.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + end, end_column=c + 1)
                r = end + 1
        if layout.get("span_lone"):
            for r in range(header_rows, len(rows)):
                if _lone(rows[r]):
                    sheet.merge_cells(start_row=top + r, start_column=1, end_row=top + r, end_column=width)
        for c in range(width):
            longest = max(len(row[c]) for row in rows)
            sheet.column_dimensions[chr(ord("A") + c)].width = min(50, max(6, longest * 1.6))
        sheet.print_title_rows = f"{top}:{top + header_rows - 1}"
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)


def _xlsx_value(value: str):
    """Numbers typed in a ledger are numbers in Excel, as a clerk's sheet has them."""
    if re.fullmatch(r"\d+", value):
        return int(value)
    if re.fullmatch(r"\d+\.\d+", value):
        return float(value)
    return value


def build(entry: dict) -> None:
    folder = WRITTEN / entry["dir"]
    number = entry["dir"][:3]
    layout = LAYOUT.get(number, {})
    original = folder / "original.txt"
    text = (original if original.exists() else folder / "source.txt").read_text(encoding="utf-8")
    stem = folder / "source"
    formats = set(entry["formats"])
    if formats & {"docx", "pdf"}:
        build_docx(text, layout, stem.with_suffix(".docx"))
    if "pdf" in formats:
        build_pdf(stem.with_suffix(".docx"), stem.with_suffix(".pdf"))
        if "docx" not in formats:
            stem.with_suffix(".docx").unlink()
    if "xlsx" in formats:
        build_xlsx(text, layout, stem.with_suffix(".xlsx"))
    print(f"{entry['dir']}: {', '.join(sorted(formats))}")


def main() -> int:
    manifest = json.loads((WRITTEN / "manifest.json").read_text(encoding="utf-8"))
    wanted = set(sys.argv[1:])
    for entry in manifest:
        if not wanted or entry["dir"][:3] in wanted or entry["id"] in wanted:
            build(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
