import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Yearbook entry: the agreement's points are inline "协议明确:1.…2.…3.…" in one paragraph.
# The 概述 paragraph reports what was done in 2012 (results, not tasks).
write(__file__, {"title": "天津市——甘肃省东西扶贫协作", "year": 2012}, [
    task(1, span("天津市对口帮扶甘肃省资金由", "集中用于支持藏区。"), targets=[
        tg("对口帮扶甘肃省资金", 6000, "万元", assignee="天津市", per="year"),
        tg("帮扶资金年递增比例", 8, "%", assignee="天津市", per="year"),
        tg("资金集中用于支持藏区", 80, "%")]),
    task(2, span("两省市共同编制", "(2012—2020年)》。")),
    task(3, span("双方成立东西扶贫协作工作领导小组办公室", "建立联席会制度。")),
])
