import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of five pairing agreements, one paragraph each "根据X帮扶协议,Y将…": Y leads. Per-year ranges
# "每年至少派出1至2名" → 1 人 >= max 2 per year. No year is printed, so "全年" cannot be resolved.
write(__file__, {}, [
    task(1, span("根据教育帮扶协议", "提升普安县的办学水平。"), lead=["南明区教育局"], targets=[
        tg("结对优质校(园)", 18, "所", assignee="南明区"), tg("结对校(园)", 18, "所", assignee="普安县")]),
    task(2, span("根据就业帮扶协议", "提供培训服务。"), lead=["南明区人社局"], deadline_text="全年", targets=[
        tg("推送岗位信息", 2, "万个", ">=")]),
    task(3, span("根据医疗帮扶协议", "进修学习。"), lead=["南明区卫健局"], targets=[
        tg("派出临床医务人员到普安县人民医院", 1, "人", ">=", max=2, per="year"),
        tg("接收普安县人民医院临床医师进修", 1, "人", ">=", max=2, per="year")]),
])
