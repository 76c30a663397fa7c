import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# A scoring table flattened to space-separated cells: 指标名称 / 单位 / 标准 / 分值 / 折算计分办法,
# the value and its unit in separate columns ("% 15 以上"); the section row carries its total
# (一、生产发展 170 = 60 + 70 + 20 + 20). 折算计分办法 → evidence_required, as for a 评分标准 column.
C = "生产发展"
write(__file__, {"title": "宝鸡市新农村建设升阶晋星测评体系(暂行)"}, [
    task("一.1", "村经济总收入年增长", category=C, score=60, evidence="4×实达标数",
         targets=[tg("村经济总收入年增长", 15, "%", ">=")]),
    task("一.2", "主导产业收入占总收入的比重", category=C, score=70, evidence="1×实达标数",
         targets=[tg("主导产业收入占总收入的比重", 70, "%")]),
    task("一.3", "农村实用人才占总劳力比重", category=C, score=20, evidence="0.57×实达标数",
         targets=[tg("农村实用人才占总劳力比重", 35, "%")]),
    task("一.4", "当年接受技能培训农民占总劳力比重", category=C, score=20, evidence="0.33×实达标数",
         targets=[tg("当年接受技能培训农民占总劳力比重", 60, "%", ">=")]),
])
