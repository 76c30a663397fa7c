import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of a three-county "飞地" agreement: the paragraph on the agreement and the one on its
# expected returns are tasks; the opening (ground broken) is a report, not a task.
write(__file__, {}, [
    task(1, span("今年5月,嘉善县与庆元县", "负责该项目的组织实施。"), targets=[
        tg("规划面积", 300, "亩"), tg("首期面积", 73.6, "亩"), tg("总投资", 22800, "万元"),
        tg("德国工业标准厂房", 58000, "平方米")]),
    task(2, span("据介绍,该项目首期建成", "携手深化东西部合作和山海协作的一个缩影。"), targets=[
        tg("收益", 2200, "万元", per="year"),
        tg("推动薄弱村增强“造血”功能", 83, "个", assignee="庆元县"),
        tg("推动贫困村增强“造血”功能", 48, "个", assignee="九寨沟县")]),
])
