import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# 下达通知: 二、重点任务 （一）…（四） with 1.—15. running on, ref = the number; 一、总体目标 repeats
# figures and is not a task (as 008/021). Clause "（X牵头，Y、Z配合）" closes each item: X leads, the
# rest partner; not text. The annex breaks five body figures down per 乡镇 (one header row, the
# "其中：脱贫劳动力" part as its own column, a 合计 row): each town's figure is a target of its body
# task with the town as assignee; every 合计 equals the body figure, so it is not repeated (NOTES).
LINES = (Path(__file__).parent / "source.txt").read_text(encoding="utf-8").splitlines()
rows = [x.split("\t") for x in LINES if "\t" in x][1:-1]
TOWNS = [r[1] for r in rows]
def col(metric, unit, c):
    return [tg(metric, int(r[c]), unit, assignee=town) for r, town in zip(rows, TOWNS)]
def text(n):
    line = next(x for x in LINES if x.startswith(f"{n}."))
    return re.sub(r"（[^（）]*牵头[^（）]*）$", "", line[len(str(n)) + 1:])
CAT = {1: "产业协作", 5: "劳务协作", 9: "消费帮扶", 12: "乡村建设"}
def t(n, lead, partner, dt, dl, targets=()):
    cat = CAT[max(k for k in CAT if k <= n)]
    return task(n, text(n), lead=lead, partner=partner, category=cat, deadline_text=dt, deadline=dl, targets=targets)
RS, NY, SW, XZ = "县人社局", "县农业农村局", "县商务局", "各乡镇"
write(__file__, {"title": "关于下达2027年格桑县东西部协作重点任务的通知", "doc_number": "格协办〔2027〕3号",
                 "issuer": "格桑县东西部协作工作领导小组办公室", "issued_on": "2027-03-05", "year": 2027}, [
    t(1, ["县乡村振兴局"], ["县财政局", "县发改局"], "6月底前", "2027-06-30", [
        tg("潮音区财政援助资金", 5600, "万元"), tg("用于产业发展和就业帮扶", 3640, "万元", ">=")]),
    t(2, ["县投资促进局"], ["县工业园区管委会"], None, None, [
        tg("引进潮音区企业落地项目", 8, "个"), tg("实际到位投资", 30000, "万元", ">=")]),
    t(3, [RS], [XZ], None, None, [
        tg("新建帮扶车间", 16, "个"), tg("潮音区援建", 10, "个"), tg("吸纳农村劳动力就业", 500, "人", ">="),
        *col("帮扶车间", "个", 5)]),
    t(4, ["县工业园区管委会"], ["县发改局"], "11月底前", "2027-11-30", [
        tg("产业园新入驻企业", 5, "家"), tg("吸纳当地群众就业", 200, "人", ">=")]),
    t(5, [RS], [XZ], "全年", "2027-12-31", [
        tg("农村劳动力转移就业", 3000, "人"), tg("脱贫劳动力", 1200, "人"), tg("到潮音区就业", 1500, "人"),
        *col("转移就业", "人", 2), *col("其中：脱贫劳动力", "人", 3)]),
    t(6, [RS], ["县教育局", XZ], "10月底前", "2027-10-31", [
        tg("职业技能培训", 1600, "人次"), *col("技能培训", "人次", 4)]),
    t(7, [RS], [], "3月底前", "2027-03-31", [tg("驻外劳务工作站", 1, "个"), tg("工作人员", 3, "人")]),
    t(8, [RS], ["县财政局"], None, None, [tg("一次性交通补贴（每人）", 0.1, "万元", per="person")]),
    t(9, [SW], [NY, XZ], "全年", "2027-12-31", [
        tg("销售农特产品", 20000, "万元"), tg("潮音区机关企事业单位采购", 5000, "万元"),
        *col("农特产品销售", "万元", 6)]),
    t(10, [NY], ["县市场监管局"], None, None, [tg("新认定消费帮扶产品", 40, "个"), tg("标准化生产基地", 5, "个")]),
    t(11, [SW], ["县交通运输局"], "9月底前", "2027-09-30", [tg("冷链仓储中心", 1, "个"), tg("乡镇物流服务站", 8, "个")]),
    t(12, ["县乡村振兴局"], ["有关乡镇"], None, None, [
        tg("乡村振兴示范村", 6, "个"), tg("每村投入协作资金", 200, "万元", ">=", per="village")]),
    t(13, [NY], ["县卫生健康局", XZ], "10月底前", "2027-10-31", [
        tg("农村户厕改造", 2400, "户"), *col("户厕改造", "户", 7)]),
    t(14, ["县委组织部"], ["县教育局", "县卫生健康局"], None, None, [
        tg("接收专业技术人才", 60, "人"), tg("教师", 25, "人"), tg("医生", 25, "人"),
        tg("“组团式”帮扶学校", 2, "所"), tg("“组团式”帮扶医院", 1, "所")]),
    t(15, [NY], ["县工商联", XZ], "12月底前", "2027-12-31", [tg("新增村企结对", 10, "对"), tg("新增街村结对", 5, "对")]),
])
