import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# Headings "(一)…" each followed by a line "责任单位:X"; a table with only 责任单位, so they lead.
write(__file__, {"title": "2023年区《政府工作报告》确定的主要目标任务责任分解方案",
                 "doc_number": "蔡政办〔2023〕1号", "issuer": "蔡甸区人民政府办公室",
                 "issued_on": "2023-01-03", "year": 2023}, [
    task("一.一", "地区生产总值增长7%以上", lead=["区发展和改革局"],
         category="2023年全区经济社会发展的主要预期目标",
         targets=[tg("地区生产总值增长", 7, "%", ">=")]),
    task("一.二", "规上工业增加值增长12%以上", lead=["区科技和经信局"],
         category="2023年全区经济社会发展的主要预期目标",
         targets=[tg("规上工业增加值增长", 12, "%", ">=")]),
    task("一.三", "固定资产投资增长10%以上", lead=["区发展和改革局"],
         category="2023年全区经济社会发展的主要预期目标",
         targets=[tg("固定资产投资增长", 10, "%", ">=")]),
])
