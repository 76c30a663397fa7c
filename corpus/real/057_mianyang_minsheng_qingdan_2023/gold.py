import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A news copy of a 民生实事 list (traditional script, simplified-in-traditional garbles such as
# "管網(wǎng)" kept as printed). Under 一、城建綜合治理類 "(11件)", each item is a project name on its
# own line (→ category), a description line (→ text) and a "責任單位:" line (only 責任單位, so they
# lead). The opening lines (6類22件, 28.23億元) describe the list, not a task. "約25公里" etc. are "=".
U = "市住房和城鄉(xiāng)建設委"
write(__file__, {"title": "2023年市級民生實事清單", "year": 2023}, [
    task("一.1", span("建設一座日供水30萬噸", "輸水管道。"), lead=[U, "水務集團"],
         category="綿陽科技城第二水源開茂水庫水廠及配套管網(wǎng)建設項目",
         targets=[tg("建設凈水廠", 1, "座"), tg("凈水廠日供水", 30, "万吨"), tg("建設重力流清水輸水管道", 1, "条"),
                  tg("輸水管道總長度", 25, "公里")]),
    task("一.2", span("新建臨園路下穿通道", "2.4萬平方米)。"), lead=[U, "交發(fā)集團"],
         category="綿陽火車站站前廣場及周邊配套設施建設項目(票決項目)",
         targets=[tg("臨園路下穿通道總長", 1400, "米"), tg("臨園路下穿通道寬", 50, "米"),
                  tg("站前廣場改建占地面積", 2.4, "万平方米")]),
])
