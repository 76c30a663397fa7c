import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News: the new pairing sentence ("由A、B结对帮扶X,C结对帮扶Y,…") is one task led by the helping
# counties; the requirements paragraph, a ";"-separated run without 一是/二是 markers, is one task.
# The cumulative 1.59亿元 is history.
write(__file__, {"year": None}, [
    task(1, span("其中由介休市", "榆次区结对帮扶昔阳县。"),
         lead=["介休市", "综改示范区晋中开发区", "灵石县", "寿阳县", "榆次区"]),
    task(2, span("同时,对帮扶工作作出明确规定", "巩固拓展脱贫攻坚成果。"), targets=[
        tg("支持被帮扶县建设特色产业基地", 2, "个", ">="),
        tg("培育农业产业龙头企业或农民专业合作社等新型经营主体", 3, "个", ">="),
        tg("结对帮扶资金", 1000, "万元", ">=", per="year"),
        tg("社会力量帮扶投入", 200, "万元", ">=", per="year")]),
])
