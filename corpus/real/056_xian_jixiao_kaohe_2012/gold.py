import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, task, write
load(Path(__file__).parent / "source.txt")
# A 考核项目表 flattened with "|" between cells and one cell per line; merged cells appear once (the
# rows 二.2 and 二.3 show only their name and 总牵头单位: 赋分办法 "按排名赋分" and the 考核责任单位
# are merged down from 二.1). Columns: 项目名称及分值 (two cells: 项目, 分项) / 赋分办法 / 总牵头单位 /
# 考核责任单位; 三.x rows carry an extra "——" cell. 分项 name → text (its "(30分)" → score),
# 赋分办法 → evidence_required, 总牵头单位 → lead. 考核责任单位 is who scores the item (县考核办…), not
# a unit doing it, so it is not recorded (as "由X考评" in 016).
# (一)重点工作 lists only blank placeholder rows "1." … "5." "……" (filled in by each unit), so (一)
# is one task with its 500 points. Section totals agree: 30+20+50=100, 100+50+50+100+100=400.
C2, C3 = "“五型”机关创建", "综合评价"
R, S = "按排名赋分", "按实绩赋分"
OFFICES = ["县委办", "县府办"]
write(__file__, {"title": "2012年度工作绩效考核项目表", "year": 2012}, [
    task("一", "重点工作", lead=OFFICES, score=500, evidence=S),
    task("二.1", "责任型和服务型机关创建", lead=["县直机关工委"], category=C2, score=30, evidence=R),
    task("二.2", "学习型机关创建", lead=["县委宣传部"], category=C2, score=20, evidence=R),
    task("二.3", "效率型和廉洁型机关创建", lead=["县纪委", "县财政局", "县审计局"], category=C2, score=50,
         evidence=R),
    task("三.1", "县四套班子领导评价", lead=OFFICES, category=C3, score=100, evidence=R),
    task("三.2", "街道(乡镇)党政主要领导评价", lead=OFFICES, category=C3, score=50, evidence=R),
    task("三.3", "互学互比", lead=OFFICES, category=C3, score=50, evidence=S),
    task("三.4", "督考综评", lead=["县考核办"], category=C3, score=100, evidence=S),
    task("三.5", "民意调查", lead=["县发改局"], category=C3, score=100, evidence=S),
])
