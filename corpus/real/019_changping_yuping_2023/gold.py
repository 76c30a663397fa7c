import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of village-to-village pairing agreements: 16 pairs, "分别…捐赠帮扶资金5万元,共计80万元"
# (16 × 5 = 80, consistent). The opening sentence only summarises; the official's quote is not a task.
write(__file__, {"title": "东西部协作|常平组团向玉屏捐赠帮扶资金80万元"}, [
    task(1, span("会上,来自常平镇", "共计80万元。"), targets=[
        tg("结对企业和行政村(社区)", 16, "个", assignee="常平组团"),
        tg("结对行政村", 16, "个", assignee="玉屏县"),
        tg("帮扶资金", 5, "万元", per="village"), tg("帮扶资金", 80, "万元")]),
    task(2, span("常平组团表示", "实现合作互惠共赢。"), targets=[
        tg("协作帮扶村", 16, "个", assignee="玉屏县")]),
])
