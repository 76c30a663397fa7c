#!/usr/bin/env python
"""How fast the importer reads documents, per format.

    .venv/bin/python scripts/bench_import.py [--repeat N]

Prints documents per second for each seed format (../shared/seeds, when
present) and the time to import a generated 30-page Word plan (and its PDF,
when LibreOffice is installed). Goal: a 30-page Word plan in under a second.

Then documents per minute on one core for the seed PDFs and the corpus PDFs
(corpus/real, corpus/written): each import is single-threaded, and its CPU
time (time.process_time) is what one core spends, whatever else the machine
runs at the time; the wall-clock rate is printed beside it. Goal (issue 14):
≥ 1,000 seed PDFs a minute on one core.
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("XIEZUO_SHARED", ROOT.parent / "shared"))

from intake.api import parse_document  # noqa: E402
from intake.errors import IntakeError  # noqa: E402
from intake.seeds import FORMATS, seed_files  # noqa: E402

UNITS = ["区委办", "区政府办", "区民政局", "区教育局", "区卫健局", "区商务局", "区人社局", "十街镇"]
TASK = (
    "推动消费帮扶，拓宽销售渠道，建立健全消费帮扶工作进展情况定期调度通报制度。帮助固原销售农副产品{n}万元以上，"
    "具体任务是：马尾区、闽侯县、福清市各900万元，鼓楼区、长乐区、仓山区、晋安区、台江区、连江县各800万元。"
)
MEASURE = "区发改局统计数据不低于100万元；区商务局统计超市、电商、专区，数据不低于900万元；区财政局统计832平台，数据不低于30万元。"


def generated_plan(rows: int) -> bytes:
    """A Word plan in the seeds' shape: notice, then a task table of `rows` rows."""
    from docx import Document
    from docx.oxml import OxmlElement

    document = Document()
    for line in ("中共福州市鼓楼区委乡村振兴工作领导小组办公室文件", "鼓委振兴办〔2026〕9号", "关于做好2026年鼓楼区乡村振兴重点工作通知"):
        document.add_paragraph(line)
    document.add_paragraph("各街道党工委和办事处，区直各部门：现将重点工作任务预分解给你们，请认真落实。" * 3)
    document.add_paragraph("2026年4月19日")
    document.add_paragraph("附件 1")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"  # ruled, as issued plans are
    header = table.rows[0]
    for cell, text in zip(header.cells, ["序号", "任务", "2026 年拟落实工作措施", "牵头单位", "完成时限"]):
        cell.text = text
    marker = OxmlElement("w:tblHeader")
    header._tr.get_or_add_trPr().append(marker)
    for n in range(1, rows + 1):
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = TASK.format(n=7000 + n)
        cells[2].text = MEASURE
        cells[3].text = "\n".join(UNITS[n % 4: n % 4 + 4])
        cells[4].text = f"{n % 12 + 1}月底前"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timed(data: bytes, name: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parse_document(data, name)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pages_of_pdf(data: bytes) -> int:
    import pypdfium2

    with pypdfium2.PdfDocument(data) as pdf:
        return len(pdf)


def _import(data: bytes, name: str) -> None:
    """One import; a refusal (a corpus document with no task the importer
    recognises yet) is an answer too, and took its time."""
    try:
        parse_document(data, name)
    except IntakeError:
        pass


def per_minute(files: list[Path], repeat: int) -> tuple[float, float, int]:
    """Documents a minute on one core (CPU time) and by the wall clock, the
    best of `repeat` passes over the files after one warm-up pass; and the pages."""
    documents = [(path.read_bytes(), path.name) for path in files]
    for data, name in documents:
        _import(data, name)
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        for data, name in documents:
            _import(data, name)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    pages = sum(pages_of_pdf(data) for data, _ in documents)
    return len(documents) / best_cpu * 60, len(documents) / best_wall * 60, pages


def pdf_rates(repeat: int) -> None:
    sets = []
    if (SHARED / "seeds").is_dir():
        sets.append(("seed PDFs", seed_files(SHARED / "seeds", "pdf")))
    corpus = sorted((ROOT / "corpus").glob("*/*/*.pdf"))
    if corpus:
        sets.append(("corpus PDFs", corpus))
    for label, files in sets:
        if not files:
            continue
        cpu, wall, pages = per_minute(files, repeat)
        print(f"{label:<12} {len(files):3} files {pages:4} pages  {cpu:7.0f} documents/min on one core (CPU time)"
              f"  {wall:7.0f} documents/min wall clock")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, median of {args.repeat} runs")
    if (SHARED / "seeds").is_dir():
        for fmt in FORMATS:
            files = seed_files(SHARED / "seeds", fmt)
            if not files:
                continue
            total = sum(timed(path.read_bytes(), path.name, args.repeat) for path in files)
            print(f"seeds .{fmt:<4}  {len(files)} files  {total * 1000:7.1f} ms  {len(files) / total:7.1f} documents/s")
    else:
        print(f"(no seeds at {SHARED / 'seeds'}; set XIEZUO_SHARED to include them)")

    plan = generated_plan(rows=120)
    seconds = timed(plan, "generated.docx", args.repeat)
    pages = "?"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdf_seconds = None
    if soffice:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder, "generated.docx")
            source.write_bytes(plan)
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                           capture_output=True, check=True, timeout=180)
            pdf = Path(folder, "generated.pdf").read_bytes()
            pages = pages_of_pdf(pdf)
            pdf_seconds = timed(pdf, "generated.pdf", args.repeat)
    print(f"generated Word plan: 120 task rows, {pages} pages as PDF, {len(plan) // 1024} KB: {seconds * 1000:.0f} ms")
    if pdf_seconds is not None:
        print(f"the same plan as PDF ({pages} pages): {pdf_seconds * 1000:.0f} ms")
    pdf_rates(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
