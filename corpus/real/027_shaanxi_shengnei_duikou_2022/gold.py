import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of a provincial notice: the notice's 主要任务 and 要求 paragraphs are tasks, and each line of
# the pairing list "A、B帮扶C" is a task led by the helping units. The summary sentence is not.
write(__file__, {"title": "省内区域对口帮扶名单确定,汉中这两个县在列"}, [
    task(1, span("通知明确,省内区域对口帮扶的主要任务", "人才交流。")),
    task(2, span("通知要求,每个帮扶区每年", "消费帮扶等活动。"), targets=[
        tg("每个帮扶区帮扶资金", 300, "万元", ">=", per="year")]),
    task(3, "西安市灞桥区、国际港务区帮扶汉中市略阳县", lead=["西安市灞桥区", "国际港务区"]),
    task(4, "西安市阎良区、航空基地帮扶汉中市镇巴县", lead=["西安市阎良区", "航空基地"]),
])
