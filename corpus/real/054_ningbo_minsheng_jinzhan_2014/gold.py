import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# A progress notice printed as one paragraph: each item "N.任务。 牵头领导:人名 责任单位:X 项目责任人:人名
# 配合单位:Y 实际完成情况:…". 牵头领导/项目责任人 are people, not units. With no 牵头单位, the
# 责任单位 leads and 配合单位 are partners. 实际完成情况 and the "实际完成" rows are progress, not targets.
# Item 3 carries a flattened per-district table (header 鄞州 / 海曙、江东、江北 / 镇海 / 北仑 / 合计); the
# 年度目标 rows are targets per district (2+5+1+2=10, 6+9+1+4=20, both match the 合计 and the item text).
D = ["鄞州", "海曙、江东、江北", "镇海", "北仑"]
NEW, ADJ = [2, 5, 1, 2], [6, 9, 1, 4]
write(__file__, {"title": None, "year": 2014}, [
    task(1, "轨道交通1号线一期工程投入试运营。", lead=["市轨道交通工程建设指挥部"]),
    task(2, "新增安装300套路口交通信息视频采集设备。", lead=["市公安局"], partner=["市城管局", "市财政局"],
         targets=[tg("新增安装路口交通信息视频采集设备", 300, "套")]),
    task(3, "新辟公交线路10条,优化调整20条。", lead=["市交通委"], partner=["市公安局", "市城管局", "各区政府"],
         targets=[tg("新辟公交线路", 10, "条"), *[tg("新辟公交线路", v, "条", assignee=d) for d, v in zip(D, NEW)],
                  tg("优化调整公交线路", 20, "条"),
                  *[tg("优化调整公交线路", v, "条", assignee=d) for d, v in zip(D, ADJ)]]),
])
