#!/usr/bin/env python3
"""Build the binary forms (.docx / .pdf / .xlsx) of the real documents from their source.txt.

Usage: .venv/bin/python corpus/tools/make_binaries.py [DIR ...]   (default: every corpus/real/*/)

Each document's layout.json says which forms to build and how:
  {"formats": ["docx", "pdf", "xlsx"],          # pdf is the docx converted by LibreOffice
   "title": "line printed as the title",        # centred, bold (optional)
   "centre": ["line", ...],                     # other centred lines: 文号, 发文机关 (optional)
   "drop": ["line", ...],                       # web-page chrome left out of the Word file (optional)
   "tables": [{"from": "first line", "to": "last line",   # source lines replaced by a Word table
               (“__END__”: to the end of the text; "caption": a table title on those lines)
               "header": [...], "rows": [[...], ...]}],
   "xlsx": {"title": "...", "header": [...], "rows": [[...], ...], "sheet": "...",
            "merge": [[first_row, column, last_row], ...]}}   # cells merged down a column (0-based)
Wording and numbers are the source's: every table or sheet cell (header labels aside) (whitespace removed) must occur in
source.txt (whitespace removed), else the build stops and names the cell.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

REAL = Path(__file__).resolve().parent.parent / "real"


def squash(s):
    return re.sub(r"\s+", "", s)


def check_cells(src, cells, where):
    flat = squash(src)
    for c in cells:
        if c and squash(c) not in flat:
            sys.exit(f"{where}: cell not in source.txt: {c!r}")


def set_font(run, size=None, bold=False):
    run.font.name = "仿宋"
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(doc, spec):
    rows = spec["rows"]
    table = doc.add_table(rows=1 + len(rows), cols=len(spec["header"]))
    table.style = "Table Grid"
    for i, h in enumerate(spec["header"]):
        cell = table.rows[0].cells[i]
        cell.text = ""
        set_font(cell.paragraphs[0].add_run(h), 11, bold=True)
    repeat_header(table.rows[0])
    for r, row in enumerate(rows, start=1):
        for i, value in enumerate(row):
            cell = table.rows[r].cells[i]
            cell.text = ""
            parts = value.split("\n") if value else [""]
            for k, part in enumerate(parts):  # several paragraphs in one cell stay separate
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                set_font(p.add_run(part), 11)


def build_docx(d, src, layout):
    doc = Document()
    lines = [ln.strip() for ln in src.splitlines()]
    drop = set(layout.get("drop", []))
    centre = set(layout.get("centre", []))
    tables = {t["from"]: t for t in layout.get("tables", [])}
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln in tables:
            spec = tables[ln]
            j = len(lines) - 1 if spec["to"] == "__END__" else lines.index(spec["to"], i)
            if spec.get("caption"):  # a table title printed on the replaced line(s)
                cap = doc.add_paragraph()
                cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
                set_font(cap.add_run(spec["caption"]), 14, bold=True)
            add_table(doc, spec)
            i = j + 1
            continue
        i += 1
        if not ln or ln in drop:
            continue
        p = doc.add_paragraph()
        if ln == layout.get("title"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(ln), 18, bold=True)
        elif ln in centre:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(ln), 14)
        else:
            p.paragraph_format.first_line_indent = Pt(28)
            set_font(p.add_run(ln), 14)
    out = d / "source.docx"
    doc.save(out)
    return out


def build_pdf(docx_path):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless",
                        "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)],
                       check=True, capture_output=True, timeout=180)
    return docx_path.with_suffix(".pdf")


def build_xlsx(d, spec):
    wb = Workbook()
    ws = wb.active
    ws.title = spec.get("sheet", "Sheet1")
    n = len(spec["header"])
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(1, 1, spec["title"]).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    for i, h in enumerate(spec["header"], start=1):
        c = ws.cell(2, i, h)
        c.font = Font(bold=True)
        c.border = box
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(spec["rows"], start=3):
        for i, value in enumerate(row, start=1):
            c = ws.cell(r, i, value if value != "" else None)
            c.border = box
            c.alignment = Alignment(vertical="center", wrap_text=True)
    for first, col, last in spec.get("merge", []):  # data rows counted from 0, as in "rows"
        ws.merge_cells(start_row=first + 3, start_column=col + 1, end_row=last + 3, end_column=col + 1)
    for i in range(1, n + 1):
        letter = ws.cell(2, i).column_letter
        longest = max(len(str(ws.cell(r, i).value or "")) for r in range(2, ws.max_row + 1))
        ws.column_dimensions[letter].width = min(60, max(8, longest * 1.6))
    out = d / "source.xlsx"
    wb.save(out)
    return out


def build(d):
    layout_path = d / "layout.json"
    if not layout_path.exists():
        return []
    layout = json.loads(layout_path.read_text(encoding="utf-8"))
    src = (d / "source.txt").read_text(encoding="utf-8")
    for t in layout.get("tables", []):
        check_cells(src, [t.get("caption", "")] + [c for row in t["rows"] for c in row], d.name)
    if "xlsx" in layout:
        x = layout["xlsx"]
        check_cells(src, [x["title"]] + [c for row in x["rows"] for c in row], d.name)
    made = []
    fmts = layout["formats"]
    if "docx" in fmts or "pdf" in fmts:
        docx_path = build_docx(d, src, layout)
        if "pdf" in fmts:
            made.append(build_pdf(docx_path))
        if "docx" in fmts:
            made.append(docx_path)
        else:
            docx_path.unlink()
    if "xlsx" in fmts:
        made.append(build_xlsx(d, layout["xlsx"]))
    return made


def main():
    dirs = [Path(a).resolve() for a in sys.argv[1:]] or sorted(p for p in REAL.iterdir() if p.is_dir())
    for d in dirs:
        for f in build(d):
            print(f.relative_to(REAL))


if __name__ == "__main__":
    main()
