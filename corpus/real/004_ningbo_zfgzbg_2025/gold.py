import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# Items under "一、X市长牵头重点工作"; 牵头单位 / 配合单位 each on its own line.
# "X、Y等市级有关部门" is read as X, Y and the group 市级有关部门.
G = ["各区(县、市)政府", "开发园区管委会"]
write(__file__, {"title": "2025年政府工作报告目标任务分解清单", "issuer": "宁波市人民政府办公厅",
                 "issued_on": None, "year": 2025}, [
    task("一.1", "一般公共预算收入增长2%。", lead=["市财政局"], category="汤飞帆市长牵头重点工作",
         partner=["市住建局", "市自然资源规划局", "市级有关部门", "宁波海关", "宁波市税务局",
                  "中国人民银行宁波市分行"] + G,
         targets=[tg("一般公共预算收入增长", 2, "%")]),
    task("一.2", "探索设立产业链集群发展基金。", lead=["市财政局"], category="汤飞帆市长牵头重点工作",
         partner=["市发改委", "市经信局", "市国资委", "市级有关部门", "宁波证监局"] + G),
    task("二.1", "地区生产总值增长5.5%以上。", lead=["市发改委"], category="赵海滨常务副市长牵头重点工作",
         partner=["市经济运行监测联席会议其他成员单位"] + G,
         targets=[tg("地区生产总值增长", 5.5, "%", ">=")]),
    task("二.2", "城乡居民人均可支配收入与经济增长同步。", lead=["市发改委"], category="赵海滨常务副市长牵头重点工作",
         partner=["市人力社保局", "市农业农村局", "市级有关部门"] + G),
    task("二.3", "固定资产投资增长5.5%。", lead=["市发改委"], category="赵海滨常务副市长牵头重点工作",
         partner=["市经信局", "市科技局", "市生态环境局", "市住建局", "市交通局", "市水利局", "市级有关部门"] + G,
         targets=[tg("固定资产投资增长", 5.5, "%")]),
    task("二.4", "居民消费价格涨幅2%左右。", lead=["市发改委"], category="赵海滨常务副市长牵头重点工作",
         partner=["市农业农村局", "市商务局", "市级有关部门"] + G,
         targets=[tg("居民消费价格涨幅", 2, "%")]),
])
