import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A township plan reposted on a 范文 site: 一、指导思想 (no task) and 二、工作任务 with (一)(二) paragraphs
# that carry their own requirement (tasks 二.一, 二.二) followed by 1. 2. sub-items. The actors are roles
# (连片领导, 工作队队长), not units. Visit counts are per month; "每次…不得少于6户/1天" are per visit
# ("per": "visit"); "不得低于半天" has no digit and is not recorded. The stored copy is cut before 二.二's
# first sub-item. The site's upload time is not the plan's date.
write(__file__, {"title": "干部驻村帮扶工作具体实施方案"}, [
    task("二.一", span("注重抓好领导挂联。", "驻村帮扶工作队队长的汇报。")),
    task("二.一.1", span("连片领导要坚持每月", "走访贫困户不得少于6户。"), targets=[
        tg("连片领导到挂联贫困村指导和督促检查", 4, "次", ">=", per="month"),
        tg("走访贫困户", 6, "户", ">=", per="visit")]),
    task("二.一.2", span("驻村帮扶工作队队长和协助驻村乡干部", "走访贫困户不得少于10户。"), targets=[
        tg("到帮扶贫困村指导和督促检查", 6, "次", ">=", per="month"),
        tg("每次停留时间", 1, "天", ">=", per="visit"),
        tg("走访贫困户", 10, "户", ">=", per="visit")]),
    task("二.二", span("聚力抓实单位帮扶。", "不脱贫不脱钩。")),
])
