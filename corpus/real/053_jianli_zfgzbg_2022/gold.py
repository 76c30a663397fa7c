import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# 一、/(一)/1.: items 1.–6. run on across (一)(二), so ref is the number. Units in a bracket at the
# end of the item "(牵头单位:X;责任单位:Y,Z)": 牵头 lead, 责任 partners. Units are split by both
# "," and "、"; "各乡、镇人民政府" is one group (the 、 is inside the name, = 各乡镇人民政府);
# "人民大垸、荒湖管理区" shares its suffix: 人民大垸管理区 / 荒湖管理区. "左右" is "=".
TOWNS = ["各乡、镇人民政府", "人民大垸管理区", "荒湖管理区", "监利经济开发区"]
C1, C2 = "主要经济指标", "活力后劲指标"
write(__file__, {"title": "《政府工作报告》2022年重点工作及民生实事项目任务分解方案",
                 "issuer": "监利市人民政府办公室", "issued_on": "2021-11-22", "year": 2022}, [
    task(1, "地区生产总值增长10%左右。", lead=["市发改局"], partner=["市统计局", *TOWNS], category=C1,
         targets=[tg("地区生产总值增长", 10, "%")]),
    task(2, "规模以上工业增加值增长15%。", lead=["市科经局"], partner=["市统计局", "市市场监管局", *TOWNS],
         category=C1, targets=[tg("规模以上工业增加值增长", 15, "%")]),
    task(3, "社会消费品零售总额增长10%。", lead=["市商务局"], partner=["市统计局", *TOWNS], category=C1,
         targets=[tg("社会消费品零售总额增长", 10, "%")]),
    task(4, "财政总收入增长10.8%,一般公共预算收入增长10%。", lead=["市财政局"], partner=["市税务局", *TOWNS],
         category=C1, targets=[tg("财政总收入增长", 10.8, "%"), tg("一般公共预算收入增长", 10, "%")]),
    task(5, "固定资产投资增长20%以上。", lead=["市发改局"], partner=["市统计局", "市直各部门", *TOWNS],
         category=C2, targets=[tg("固定资产投资增长", 20, "%", ">=")]),
    task(6, "外贸出口增长10%。", lead=["市商务局"], partner=["市统计局", *TOWNS], category=C2,
         targets=[tg("外贸出口增长", 10, "%")]),
])
