import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Short story: "与寨坝村、营盘村…分别捐赠帮扶资金5万元" (one target per village named) and
# "普陀区还与…等6个村签订了帮扶协议,捐赠帮扶资金30万元" (set for the donor). Cumulative figures
# since the start of the pairing are history, not tasks.
write(__file__, {}, [
    task(1, span("此次活动中", "捐赠帮扶资金30万元。"), targets=[
        tg("帮扶资金", 5, "万元", assignee="寨坝村"), tg("帮扶资金", 5, "万元", assignee="营盘村"),
        tg("签订帮扶协议的村", 6, "个", assignee="舟山市普陀区"),
        tg("帮扶资金", 30, "万元", assignee="舟山市普陀区")]),
])
