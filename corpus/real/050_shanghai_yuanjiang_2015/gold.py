import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A reposted news item (援疆网 via 中国日报网) about a year's aid plan: only the paragraph that sets the
# 2015 plan (122 projects, 21.0196亿元 → 210196 万元, and what they go to) is a task; the survey visit,
# the meeting and the progress paragraph are not. The repeated headline lines are page furniture.
# A repost, so its date is not the document's; the year 2015 is printed.
write(__file__, {"title": "2015年上海对口援助新疆 共安排122个项目", "year": 2015}, [
    task(1, span("2015年上海援疆共安排122个项目,资金", "人力资源开发等。"), targets=[
        tg("援疆项目", 122, "个"), tg("援疆资金", 210196, "万元")]),
])
