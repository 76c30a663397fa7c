import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# 二、 / (一) / 1. numbering; the item holds "2019年任务:一是…二是…三是…2020年任务:一是4月底前…二是10月底前…"
# and closes with "(牵头单位:A、B、C)". The container 二、主要工作和目标任务 is not part of ref.
# Deadline: the last dated step (2020年 10月底前); the 2019 steps carry no date.
write(__file__, {"title": "西安市深入实施乡村振兴战略促进城乡融合发展工作三年(2019—2021年)行动方案",
                 "year": 2019}, [
    task("一.1", span("坚持城乡统一规划", "质量安全工作。"), category="优化城乡结构布局",
         lead=["市资源规划局", "市发改委", "市住建局"], deadline_text="10月底前", deadline="2020-10-31",
         targets=[tg("已编制村庄规划评估率", 50, "%"), tg("新编制村庄规划", 144, "个"),
                  tg("修编村庄规划", 518, "个"), tg("行政村规划编制率", 100, "%")]),
])
