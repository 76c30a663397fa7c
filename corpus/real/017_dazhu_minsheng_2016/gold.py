import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, tg, task, write
load(Path(__file__).parent / "source.txt")
# Notice + 附件 table flattened to one cell per line (序号 / 民生实事 / 责任单位 / 完成时限); a cell
# with several units gives one line each; row 5 has two sub-rows sharing 序号 and 责任单位 (5.1, 5.2).
# Only a 责任单位 column, so the units lead.
Y = "2016-12-31"
write(__file__, {"title": "2016年民生实事目标任务分解表", "doc_number": "竹府办〔2016〕20号",
                 "issuer": "大竹县人民政府办公室", "issued_on": "2016-02-26", "year": 2016}, [
    task(1, "启动建设东柳河城区段综合治理工程和东湖湿地公园。", lead=["县水务局", "县住建局", "县护城河指挥部"],
         deadline_text="12月底前", deadline=Y),
    task(2, "新建2座人行天桥。", lead=["县住建局"], deadline_text="9月投入使用", deadline="2016-09-30",
         targets=[tg("新建人行天桥", 2, "座")]),
    task(3, "启动县图书馆新馆建设。", lead=["县文体广新局", "县代建中心"], deadline_text="12月底前", deadline=Y),
    task(4, "建成县残疾人综合服务中心。", lead=["县残联"], deadline_text="5月底前动工", deadline="2016-05-31"),
    task("5.1", "开工建设县老年养护楼。", lead=["县民政局"], deadline_text="5月底前动工", deadline="2016-05-31"),
    task("5.2", "开工建设老年大学。", lead=["县民政局"], deadline_text="12月底前", deadline=Y),
    task(6, "迁建县政务服务中心。", lead=["县政务服务中心", "县代建中心"], deadline_text="12月底前", deadline=Y),
    task(7, "加快推进土地滩水库建设。", lead=["县水务局"], deadline_text="12月底前", deadline=Y),
    task(8, "启动大竹县第十二小学建设,新建中心幼儿园2所。", lead=["县教科局", "县代建中心"],
         deadline_text="12月底前", deadline=Y, targets=[tg("新建中心幼儿园", 2, "所")]),
    task(9, "完成棚户区改造2836户。", lead=["县住建局"], deadline_text="12月底前", deadline=Y,
         targets=[tg("棚户区改造", 2836, "户")]),
    task(10, "城区再新建1个农贸市场。", lead=["县商务局"], deadline_text="12月底前", deadline=Y,
         targets=[tg("新建农贸市场", 1, "个")]),
])
