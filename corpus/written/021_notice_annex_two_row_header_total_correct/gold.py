import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, tg, write

load(Path(__file__).parent / "source.txt")
# 下达通知: tasks 1.–4. under 二、任务分解 (category null, as 008); 一、任务目标 repeats them and is
# not a task. ASCII "(责任单位:X;配合单位:Y,Z)": no 牵头 named, so 责任单位 leads. 各镇(街道) is one
# group unit. The annex (two-row header, 合计 row) breaks the figures down per town: each town's
# number is a target of the body task it belongs to; a 合计 equal to the body's figure (400, 2000,
# 400, 8) is not repeated; the canteen column's 合计 625 is stated nowhere else, so it is kept.
# All columns add up (checked in NOTES.md).
TOWNS = ["港城街道", "临海街道", "海西镇", "白鹭镇", "东岙镇", "大桥镇", "沙岭镇", "南田镇"]
def col(metric, unit, values):
    return [tg(metric, v, unit, assignee=town) for town, v in zip(TOWNS, values)]
G = "各镇（街道）"
def t(ref, first, lead, partner, dt, dl, targets):
    return task(ref, span(first, upto="(责任单位"), lead=lead, partner=partner, deadline_text=dt,
                deadline=dl, targets=targets)
write(__file__, {"title": "关于下达2026年临港县东西部协作社会帮扶、消费帮扶和劳务协作任务的通知",
                 "doc_number": "临协办〔2026〕4号", "issuer": "临港县东西部协作工作领导小组办公室",
                 "issued_on": "2026-03-27", "year": 2026, "references": ["江协办〔2026〕2号"]}, [
    t("1", "社会帮扶资金。", ["县委统战部"], ["县慈善总会", G], "10月底前", "2026-10-31", [
        tg("社会帮扶资金", 600, "万元"), tg("社会帮扶资金", 200, "万元", assignee="县直单位"),
        tg("社会帮扶资金", 400, "万元", assignee=G),
        *col("社会帮扶资金", "万元", [70, 65, 55, 50, 45, 45, 40, 30])]),
    t("2", "消费帮扶。", ["县农业农村局"], ["县商务局", "县国资办", G], "全年", "2026-12-31", [
        tg("采购、销售青溪县农特产品", 3000, "万元"),
        tg("采购、销售青溪县农特产品", 1000, "万元", assignee="县直机关、国有企业"),
        tg("采购、销售青溪县农特产品", 2000, "万元", assignee=G),
        tg("机关食堂采购占任务数的比例", 30, "%", ">=", assignee=G),
        *col("消费帮扶", "万元", [350, 320, 280, 250, 230, 210, 200, 160]),
        *col("机关食堂采购", "万元", [110, 100, 90, 80, 70, 65, 60, 50]),
        tg("机关食堂采购", 625, "万元", assignee=G)]),
    t("3", "劳务协作。", ["县人社局"], ["县经济开发区管委会", G], "11月底前", "2026-11-30", [
        tg("在我县稳定就业", 450, "人"), tg("吸纳就业", 400, "人", assignee=G),
        tg("吸纳就业", 50, "人", assignee="县经济开发区企业"),
        *col("劳务协作", "人", [70, 60, 55, 50, 45, 45, 40, 35])]),
    t("4", "镇村结对。", ["县农业农村局"], ["县工商联", G], "年内", "2026-12-31", [
        tg("新增镇村结对", 8, "对"), tg("新增村企结对", 16, "对"),
        tg("镇村结对投入帮扶资金", 10, "万元", ">=", per="pair"),
        *col("镇村结对", "对", [1] * 8)]),
])
