import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of a county's rules for village teams: "一是…二是…三是…四是…" run on inside ONE paragraph (each a
# task, its lead phrase kept in text). "达到100%" are = targets; "全市最高之一" has no number;
# "每月驻村工作时间不少于20天" is per month; "一年累计请假超过30天的…召回" is a threshold, not a target.
# The fourth point is cut off by the stored copy and left out. The news date is printed.
write(__file__, {"title": "白河县印发《建档立卡贫困村驻村工作队管理办法》为驻村工作队明职责定方向",
                 "issued_on": "2017-05-15"}, [
    task("一", span("一是优选派。", "专职从事驻村帮扶工作。")),
    task("二", span("二是明目标。", "建强组织等工作。"), targets=[
        tg("贫困户识别准确率", 100, "%"), tg("贫困人口退出准确率", 100, "%")]),
    task("三", span("三是严监管。", "召回并重新选派。"), targets=[
        tg("每月驻村工作时间", 20, "天", ">=", per="month")]),
])
