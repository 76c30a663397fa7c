import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Numbered items (heading line + body) closed by the units in brackets "(市发改委)".
# A figure repeated in heading and body is one target. 亿元 → 万元; 万个/亿吨/万标箱 kept as printed.
C = "主要目标"
write(__file__, {"title": "2007年市政府工作主要任务责任分解", "doc_number": "甬政办发〔2007〕106号",
                 "issuer": "宁波市人民政府", "issued_on": "2007-06-04", "year": 2007}, [
    task("一.1", span("地区生产总值增长12%。\n全市", upto="(市发改委)"), lead=["市发改委"], category=C, targets=[
        tg("生产总值", 32600000, "万元"), tg("地区生产总值增长", 12, "%"),
        tg("一产增加值", 1470000, "万元"), tg("一产增加值增长", 5, "%"),
        tg("二产增加值", 18000000, "万元"), tg("二产增加值增长", 12, "%"),
        tg("三产增加值", 13130000, "万元"), tg("三产增加值增长", 13, "%")]),
    task("一.2", span("财政一般预算收入增长12%,其中", upto="(市财政局)"), lead=["市财政局"], category=C, targets=[
        tg("财政一般预算收入", 6230000, "万元"), tg("财政一般预算收入增长", 12, "%"),
        tg("一般预算收入", 1116200, "万元", assignee="市本级"),
        tg("一般预算收入增长", 10, "%", assignee="市本级")]),
    task("一.3", span("万元生产总值综合能耗", upto="(市经委、环保局)"), lead=["市经委", "环保局"], category=C, targets=[
        tg("万元生产总值综合能耗下降", 4, "%"), tg("化学需氧排放量下降", 4, "%", ">="),
        tg("二氧化硫排放量下降", 10, "%")]),
    task("一.4", span("全社会固定资产投资增长10%以上。", upto="(市发改委)"), lead=["市发改委"], category=C,
         deadline_text="全年", deadline="2007-12-31", targets=[
        tg("全社会固定资产投资增长", 10, "%", ">="), tg("固定资产投资", 16500000, "万元", ">=")]),
    task("一.5", span("实际利用外资24亿美元", upto="(市外经贸局)"), lead=["市外经贸局"], category=C, targets=[
        tg("实际利用外资", 24, "亿美元"), tg("外贸进出口总额增长", 15, "%"), tg("出口增长", 15, "%")]),
    task("一.6", span("社会消费零售总额增长13%。", upto="(市贸易局)"), lead=["市贸易局"], category=C, targets=[
        tg("社会消费零售总额增长", 13, "%")]),
    task("一.7", span("港口集装箱吞吐量增长20%。", upto="(市交通局)"), lead=["市交通局"], category=C, targets=[
        tg("港口集装箱吞吐量增长", 20, "%"), tg("港口货物吞吐量", 3.2, "亿吨"),
        tg("集装箱吞吐量", 820, "万标箱")]),
    task("一.8", span("城镇居民人均可支配收入和农民人均纯收入增长8%。", upto="(市发改委)"), lead=["市发改委"], category=C, targets=[
        tg("城镇居民人均可支配收入增长", 8, "%"), tg("农民人均纯收入增长", 8, "%"),
        tg("城镇居民人均可支配收入比上年增加", 0.153, "万元"), tg("城镇居民人均可支配收入", 2.12, "万元"),
        tg("农民人均纯收入比上年增加", 0.066, "万元"), tg("农民人均纯收入", 0.95, "万元")]),
    task("一.9", span("城镇新增就业岗位10万个以上,城镇登记失业率控制在4.5%以内。\n", upto="(市劳动保障局)"),
         lead=["市劳动保障局"], category=C, deadline_text="全年", deadline="2007-12-31", targets=[
        tg("城镇新增就业岗位", 10, "万个", ">="), tg("城镇登记失业率", 4.5, "%", "<=")]),
])
