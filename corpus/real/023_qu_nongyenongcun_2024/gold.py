import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A district bureau's plan reposted with an outline (提纲) that repeats the headings and lists
# "1.续建项目…2.计划开工项目…" — a table of contents, not tasks. Placeholders "X亿元"/"XX亿"
# give no figure. "分别新增省级、市级…基地1个、2个" pairs the levels with the numbers in order.
write(__file__, {"title": "区农业农村局2024年工作计划", "year": 2024}, [
    task("一", span("巩固提升农业产业发展。大力发展", "年营业收入超X亿元。"), targets=[
        tg("农产品加工产业园累计入驻农产品加工企业", 80, "家", ">="), tg("其中食品企业", 68, "家"),
        tg("农产品加工业产值累计增速", 13.6, "%"),
        tg("新增市级农业产业化联合体", 1, "家"), tg("新增省级农业产业化联合体", 1, "家"),
        tg("新增省级长三角绿色农产品生产加工供应基地", 1, "个"),
        tg("新增市级长三角绿色农产品生产加工供应基地", 2, "个"),
        tg("创建省级长三角绿色农产品生产加工供应基地", 1, "个")]),
])
