import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A news item quoting the 2012 十大實事 分解表 (traditional script with pinyin garbles kept as
# printed). Items carry no numbers (ref by position); each is a task line followed by lines
# 主管領導:人名 / 責任單位:X / 主要責任人:人名 / 進度安排:…. Only 責任單位 names a unit, so it leads.
# 進度安排 lists steps; deadline = the last ("12月底前" → 2012-12-31). The interim step counts
# ("6月底前,爭取在市區開工10所、六縣(市)開工4所") are stages of the task's own total, not extra targets.
# 市區 / 六縣(市)城區 are places in the metric, not units.
C = "教育"
write(__file__, {"title": None, "year": 2012}, [
    task(1, "市區(qū)新增優(yōu)質(zhì)中小學(xué)招生學(xué)位2.36萬(wàn)個(gè)。", lead=["市教育局"], category=C,
         deadline_text=span("6月底前基本完成", "實(shí)現(xiàn)招生。"), deadline="2012-12-31",
         targets=[tg("市區新增優質中小學招生學位", 2.36, "万个")]),
    task(2, span("市區(qū)新建、改擴(kuò)建中小學(xué)校30所", "10所以上。"), lead=["市教育局"], category=C,
         deadline_text=span("6月底前,爭(zhēng)取", "全部開工。"), deadline="2012-12-31",
         targets=[tg("市區新建、改擴建中小學校", 30, "所"), tg("六縣(市)城區新建、改擴建中小學校", 10, "所", ">=")]),
])
