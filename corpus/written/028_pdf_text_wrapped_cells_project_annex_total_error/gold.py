import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, tg, write

load(Path(__file__).parent / "original.txt")
# 下达通知: two body items 一、二、 (units in a closing full-width bracket; only 责任单位 → lead) and an
# annex project table; source.txt is the PDF text layer as extracted (cells run together with spaces,
# long cells wrapped onto the next line, fragments interleaved), original.txt the table as printed.
# Two lists: the body (list null, ref 一/二) and 附件 (ref 1…10). A project row: 项目名称 → text,
# 建设内容及规模 → measures, 实施单位 → lead, 资金 and the scale → targets, 实施地点 is a place, not a
# unit. "2026年10月" → 2026-10-31. Row 6's 300 is kept as printed: the rows add to 7900 while the 合计
# row and the body say 8000 — a deliberate error (NOTES.md). The 合计 equal to the body's 8000 is not
# repeated.
BODY = [
    task("一", span("资金安排。", upto="（责任单位"), lead=["县乡村振兴局", "县财政局"], targets=[
        tg("东西部协作财政援助资金", 8000, "万元"), tg("东西部协作财政援助资金", 4000, "万元", assignee="临港县"),
        tg("东西部协作财政援助资金", 4000, "万元", assignee="石塘县"), tg("实施项目", 10, "个")]),
    task("二", span("实施要求。", upto="（责任单位"), lead=["各项目实施单位", "各乡镇人民政府"], deadline_text="11月底前",
         deadline="2026-11-30", targets=[tg("开工率", 100, "%"), tg("资金支出进度", 100, "%")]),
]
NY = "县农业农村局"
END = {"2026年8月": "2026-08-31", "2026年9月": "2026-09-30", "2026年10月": "2026-10-31", "2026年11月": "2026-11-30"}
def p(ref, name, content, money, lead, dt, scale=None):
    targets = [tg("财政援助资金", money, "万元")] + ([tg(*scale)] if scale else [])
    return task(ref, name, lead=lead, measures=content, deadline_text=dt, deadline=END[dt], targets=targets, lst="附件")
ANNEX = [
    p("1", "茶叶加工园标准化厂房（二期）", "新建标准化厂房1.2万平方米", 1500, ["县工业园区管委会"], "2026年10月",
      ("新建标准化厂房", 1.2, "万平方米")),
    p("2", "高山茶园提质改造", "改造低效茶园3000亩", 600, [NY], "2026年11月", ("改造低效茶园", 3000, "亩")),
    p("3", "中药材种植基地", "建设中药材种植基地2000亩", 500, [NY], "2026年11月", ("中药材种植基地", 2000, "亩")),
    p("4", "食用菌产业大棚", "新建食用菌大棚120个", 800, ["青溪镇人民政府"], "2026年9月", ("新建食用菌大棚", 120, "个")),
    p("5", "农产品冷链物流中心", "新建冷库5000立方米", 1000, ["县商务局"], "2026年11月", ("新建冷库", 5000, "立方米")),
    p("6", "就业帮扶车间", "新建或提升就业帮扶车间6个", 300, ["县人社局"], "2026年8月", ("新建或提升就业帮扶车间", 6, "个")),
    p("7", "农村集中供水工程", "新建集中供水工程4处", 900, ["县水务局"], "2026年10月", ("新建集中供水工程", 4, "处")),
    p("8", "乡村振兴示范村建设", "打造乡村振兴示范村3个", 1200, ["县乡村振兴局"], "2026年11月", ("乡村振兴示范村", 3, "个")),
    p("9", "农村劳动力技能培训", "培训农村劳动力1500人次", 300, ["县人社局"], "2026年11月", ("培训农村劳动力", 1500, "人次")),
    p("10", "学校和卫生院设备购置", "购置教学和医疗设备", 800, ["县教育局", "县卫生健康局"], "2026年8月"),
]
write(__file__, {"title": "关于下达2026年东西部协作财政援助资金项目计划的通知", "doc_number": "青协组〔2026〕2号",
                 "issuer": "青溪县东西部协作工作领导小组", "issued_on": "2026-03-31", "year": 2026}, BODY + ANNEX)
