import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A 文库 copy of a 街道 work plan, all in one line: the viewer's page numbers stick to the text
# ("12023年…" is page 1 + "2023年", "增效2一是" page 2) and a rewriting tool swapped words (进展 = 发展,
# 乐观分子 = 积极分子, 效劳 = 服务, 〞 for ”). Under (一) the tasks run on as "一是…二是…三是…" (each a
# task, ref 一.一…, its lead phrase kept in text, as 048). No units, no deadlines. Thresholds are not
# targets ("3年以上不进展党员村", "收入超过10万元" qualifies the 3 villages). "名" → 人.
C = "坚持以党建为统领,为基层建设聚力增效"
write(__file__, {"title": "街道2023年工作规划", "year": 2023}, [
    task("一.一", span("一是聚焦村", "村支部书记5个。"), category=C, targets=[
        tg("五星级村级党组织比例", 50, "%", ">="), tg("消退二星级以下党组织", 5, "个"),
        tg("新增专业化管理村支部书记", 5, "个")]),
    task("一.二", span("二是完成辖区内", "青年志愿效劳队伍。"), category=C, targets=[
        tg("集中公推入党乐观分子", 40, "人"), tg("新进展党员", 20, "人"), tg("选树青年典型的村", 45, "个")]),
    task("一.三", span("三是打好村级集体经济", "合作社示范社。"), category=C, targets=[
        tg("新增村集体收入超过10万元的村", 3, "个"), tg("创办党支部领办合作社", 10, "家", ">="),
        tg("培育市级以上党支部领办合作社示范社", 2, "个")]),
])
