import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# "1.目标。" then "牵头单位:X" and "责任单位:A,B、C" on their own lines; with a 牵头 line present,
# 责任单位 are partners. Units separated by both "," and "、".
C = "经济社会发展的主要预期目标"
write(__file__, {"title": "立山区政府2023年重点工作任务分解和责任分工方案", "doc_number": "鞍立政发〔2023〕2号",
                 "issuer": "立山区人民政府", "issued_on": "2023-03-28", "year": 2023}, [
    task("一.1", "努力实现地区生产总值增长6.2%左右。", lead=["区发改局"], category=C,
         partner=["立山经济开发区", "全区经济运行各专班"], targets=[tg("地区生产总值增长", 6.2, "%")]),
    task("一.2", "规模上工业增加值增长5%左右。", lead=["区工信局"], category=C,
         partner=["立山经济开发区"], targets=[tg("规模上工业增加值增长", 5, "%")]),
    task("一.3", "固定资产投资增长15%左右。", lead=["区发改局"], category=C,
         partner=["立山经济开发区", "各街道", "区直各部门"], targets=[tg("固定资产投资增长", 15, "%")]),
    task("一.4", "社会消费品零售总额增长9%左右。", lead=["区商务局"], category=C,
         partner=["各街道", "区市场局"], targets=[tg("社会消费品零售总额增长", 9, "%")]),
    task("一.5", "一般公共预算收入增长8%左右。", lead=["区财政局"], category=C,
         partner=["立山经济开发区", "各街道", "税务局"], targets=[tg("一般公共预算收入增长", 8, "%")]),
    task("一.6", "居民收入增长与经济增长基本同步。", lead=["区发改局"], category=C,
         partner=["各街道", "各相关单位"]),
])
