import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A short news item with two paragraphs, each a task by position. The first mixes this year's progress
# (4.66亿元, 52个项目 — not targets) with next year's plan (62项, 5.2亿元 → 52000 万元, the two provinces
# together). The second is a run of requirements; its first sentence names its actor ("昌吉州各部门将…",
# as 032). No year is printed, so "明年开春" cannot be resolved; no title or date on the page.
write(__file__, {}, [
    task(1, span("山西省援疆前方指挥部总指挥", "援疆资金增长到5.2亿元。"), deadline_text="明年", targets=[
        tg("援建项目", 62, "项"), tg("援疆资金", 52000, "万元")]),
    task(2, span("昌吉州党委书记李建国介绍", "基层专业人才短缺的问题。"), lead=["昌吉州各部门"],
         deadline_text="明年开春"),
])
