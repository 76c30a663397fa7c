import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Numbers run on across sections (1.–9. under 一、, 10. under 二、(一)), so ref is the number.
# "责任单位:" lines; the standing note in item 4 — "除标注“分别牵头”外,列第一位为牵头或汇总单位,下同" —
# makes the first unit lead and the rest partners; "A、B分别牵头" makes both lead.
C1, C2 = "全市经济社会发展主要预期目标", "全力以赴拼经济稳增长促发展"
write(__file__, {"title": "市政府工作报告重点工作责任分解(2023年)", "issuer": "丽水市政府", "year": 2023}, [
    task(1, "生产总值增长6%以上,高质量前提下能快则快。", lead=["市发改委"], category=C1,
         targets=[tg("生产总值增长", 6, "%", ">=")]),
    task(2, "规上工业增加值增长8%。", lead=["市经信局"], category=C1, targets=[tg("规上工业增加值增长", 8, "%")]),
    task(3, "研发投入强度达到2.3%。", lead=["市科技局"], category=C1, targets=[tg("研发投入强度", 2.3, "%")]),
    task(4, "固定资产投资增长10%。", lead=["市发改委"], category=C1,
         partner=["市经信局", "市科技局", "市财政局", "市自然资源局", "市生态环境局", "市建设局", "市交通运输局",
                  "市水利局", "市农业农村局", "市文广旅体局", "市卫生健康委"],
         targets=[tg("固定资产投资增长", 10, "%")]),
    task(5, "社会消费品零售总额增长5%,外贸出口增长5%。", lead=["市商务局"], category=C1,
         targets=[tg("社会消费品零售总额增长", 5, "%"), tg("外贸出口增长", 5, "%")]),
    task(6, "城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。", lead=["市人力社保局", "市农业农村局"], category=C1),
    task(7, "一般公共预算收入与经济增长基本同步。", lead=["市财政局"], category=C1),
    task(8, "居民消费价格涨幅控制在3%以内。", lead=["市发改委"], category=C1,
         targets=[tg("居民消费价格涨幅", 3, "%", "<=")]),
    task(9, "城镇新增就业、节能减排降碳完成省定任务。", lead=["市人力社保局", "市发改委"], category=C1),
    task(10, span("实施招商引资“百千”行动", "制造业投资1000亿元以上。"), lead=["市双招双引办"], category=C2,
         partner=["市发改委", "市经信局", "各县(市、区)政府", "丽水开发区管委会"], targets=[
        tg("招引亿元以上制造业项目", 100, "个", per="year"), tg("带动未来五年制造业投资", 10000000, "万元", ">=")]),
])
