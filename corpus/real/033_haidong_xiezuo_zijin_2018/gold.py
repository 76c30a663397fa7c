import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# An allocation notice: 二、资金结构 splits 4000万元 over six 县区 ("其中:…;另安排平安区、循化县各100万元"),
# and 三、资金分配情况表, flattened onto one line with its 合计 row, repeats the same figures (not new
# tasks). 819 + 1226 + 600 + 1155 + 100 + 100 = 4000, consistent. The receiving 县区 lead.
F = "东西部扶贫协作资金"
write(__file__, {"issuer": "海东市扶贫开发局", "issued_on": "2018-11-01", "year": 2018}, [
    task("二", span("经海东市人民政府第37次常务会议", "用于巩固提升项目。"), category="资金结构",
         lead=["乐都区", "民和县", "互助县", "化隆县", "平安区", "循化县"], targets=[
        tg(F, 4000, "万元"), tg(F, 819, "万元", assignee="乐都区"), tg(F, 1226, "万元", assignee="民和县"),
        tg(F, 600, "万元", assignee="互助县"), tg(F, 1155, "万元", assignee="化隆县"),
        tg(F, 100, "万元", assignee="平安区"), tg(F, 100, "万元", assignee="循化县")]),
])
