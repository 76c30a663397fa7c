import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A county-level 消费帮扶 实施方案 whose stored copy ends inside the second item's unit bracket, so one
# item is kept. "(A、B、…、E等部门和14个乡镇人民政府负责)": the named units and the towns all lead;
# "等部门" names no further unit. The page prints no title, number, date or year.
write(__file__, {}, [
    task("一.一", span("强化定向采购帮扶。", "引导干部职工自发消费脱贫地区产品和旅游服务。"),
         category="持续扩大产品和服务消费",
         lead=["市财政局", "市教育体育局", "市卫生健康局", "市乡村振兴局", "市总工会", "14个乡镇人民政府"]),
])
