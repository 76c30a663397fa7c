import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# 协议书 between two sides: 第二条 甲方责任 1.—10., 第三条 乙方责任 1.—8., 第四条 共同责任 1.—3.; the
# numbers restart under each article, so ref = article.number with 第…条 dropped (二.1, 三.1, 四.1).
# Each side's items are led by that side (甲方 = 南湾县人民政府, 乙方 = 白塔县人民政府), the 共同
# items by both; quantities are the item's own (assignee null). 第一条 and 第五条 are not tasks.
LINES = (Path(__file__).parent / "source.txt").read_text(encoding="utf-8").splitlines()
ITEMS, art = {}, None
for line in LINES:
    if line.startswith("第") and "条" in line[:4]:
        art = line[1:line.index("条")]
    elif line[:1].isdigit() and "." in line[:3]:
        n, rest = line.split(".", 1)
        ITEMS[f"{art}.{n}"] = rest
A, B = "南湾县人民政府", "白塔县人民政府"
SIDE = {"二": ([A], "甲方责任"), "三": ([B], "乙方责任"), "四": ([A, B], "共同责任")}
def t(ref, dt, dl, targets=()):
    lead, cat = SIDE[ref.split(".")[0]]
    return task(ref, ITEMS[ref], lead=lead, category=cat, deadline_text=dt, deadline=dl, targets=targets)
tasks = [
    t("二.1", "6月底前", "2027-06-30", [tg("财政援助资金", 4200, "万元"), tg("用于产业发展的比例", 60, "%", ">=")]),
    t("二.2", None, None, [tg("捐款捐物折合资金", 800, "万元")]),
    t("二.3", None, None, [tg("新增落地项目", 6, "个"), tg("实际到位投资", 24000, "万元", ">=")]),
    t("二.4", "年内", "2027-12-31", [tg("引进入园企业", 4, "家")]),
    t("二.5", None, None, [tg("到甲方稳定就业", 1200, "人"), tg("脱贫劳动力", 500, "人", ">=")]),
    t("二.6", None, None, [tg("技能培训", 800, "人次")]),
    t("二.7", None, None, [tg("采购、销售乙方农畜产品", 15000, "万元"), tg("展销中心", 1, "个"), tg("专柜专区", 10, "个")]),
    t("二.8", "8月底前", "2027-08-31", [tg("选派党政干部", 3, "人"), tg("专业技术人才", 45, "人")]),
    t("二.9", None, None, [tg("培训", 500, "人次", ">=")]),
    t("二.10", "年内", "2027-12-31", [tg("新增镇村结对", 6, "对"), tg("新增村企结对", 12, "对")]),
    t("三.1", "年底前", "2027-12-31", [tg("资金支付率", 95, "%", ">=")]),
    t("三.2", None, None, []),
    t("三.3", "全年", "2027-12-31", [tg("转移就业", 4000, "人")]),
    t("三.4", None, None, [tg("帮扶车间", 5, "个"), tg("吸纳农村劳动力就业", 300, "人", ">=")]),
    t("三.5", "8月底前", "2027-08-31", [tg("新增“白塔优品”认证产品", 30, "个"), tg("产地冷链仓", 1, "个")]),
    t("三.6", None, None, [tg("“师带徒”结对关系", 90, "对")]),
    t("三.7", None, None, [tg("跟岗学习", 20, "人"), tg("跟岗时间", 3, "个月", ">=")]),
    t("三.8", "11月底前", "2027-11-30", [tg("协作示范村", 4, "个"),
                                        tg("每村投入协作资金", 300, "万元", ">=", per="village")]),
    t("四.1", "年内", "2027-12-31", [tg("联席会议", 1, "次", ">=")]),
    t("四.2", None, None, [tg("工作调度会", 1, "次", per="quarter")]),
    t("四.3", "年内", "2027-12-31", [tg("宣传稿件", 30, "篇", ">=")]),
]
assert len(tasks) == len(ITEMS) == 21
write(__file__, {"title": "南湾县—白塔县2027年东西部协作协议书", "issued_on": "2027-03-08", "year": 2027}, tasks)
