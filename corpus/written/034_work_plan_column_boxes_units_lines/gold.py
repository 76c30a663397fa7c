import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# 工作方案: 二、重点任务 （一）…（五） with 1.—16. running on, ref = the number. Items closed by
# "（牵头单位：X；配合单位：Y）" (not text). Items 1, 4, 7, 13 carry no clause: each points to the
# 专栏 box after it ("主要指标见专栏N"), whose lines hold the item's quantities and whose last line
# "责任单位：X（牵头），Y、Z" names the item's units (X leads, the rest partner). The box is not
# text; its figures are targets of the item before it (as 006/020).
LINES = (Path(__file__).parent / "source.txt").read_text(encoding="utf-8").splitlines()
def text(n):
    line = next(x for x in LINES if x.startswith(f"{n}."))
    return re.sub(r"（牵头单位：[^）]*）$", "", line[len(str(n)) + 1:])
CAT = {1: "推动产业协作", 4: "深化劳务协作", 7: "扩大消费帮扶", 10: "加强人才交流", 13: "推进乡村建设"}
def t(n, lead, partner, dt, dl, targets=()):
    cat = CAT[max(k for k in CAT if k <= n)]
    return task(n, text(n), lead=lead, partner=partner, category=cat, deadline_text=dt, deadline=dl, targets=targets)
RS, NY, SW, ZZ, XZ = "县人社局", "县农业农村局", "县商务局", "县委组织部", "各乡镇人民政府"
write(__file__, {"title": "白塔县2027年携手促振兴工作方案", "doc_number": "白政办发〔2027〕8号",
                 "issuer": "白塔县人民政府办公室", "issued_on": "2027-03-18", "year": 2027}, [
    t(1, ["县投资促进局"], ["县工业和信息化局"], None, None, [
        tg("引进南湾县企业落地项目", 6, "个"), tg("实际到位投资", 24000, "万元", ">="),
        tg("新建帮扶车间", 5, "个"), tg("吸纳农村劳动力就业", 300, "人", ">=")]),
    t(2, ["县发改局"], ["县自然资源局"], None, None, [
        tg("新引进入园企业", 4, "家"), tg("新建标准化厂房", 1.5, "万平方米")]),
    t(3, [NY], [XZ], "10月底前", "2027-10-31", [
        tg("青稞标准化种植基地", 2, "万亩"), tg("牦牛养殖合作社", 10, "个")]),
    t(4, [RS], [XZ], None, None, [
        tg("农村劳动力转移就业", 4000, "人"), tg("到南湾县稳定就业", 1200, "人"),
        tg("脱贫劳动力", 500, "人", ">="), tg("务工人员服务站", 2, "个")]),
    t(5, [RS], ["县教育局"], None, None, [tg("订单式培训", 800, "人次"), tg("培训后就业率", 75, "%", ">=")]),
    t(6, [RS], ["县财政局", XZ], None, None, [
        tg("乡村公益性岗位", 600, "个"), tg("每人每月补贴", 0.08, "万元", per="month")]),
    t(7, [SW], [NY, "县供销社"], None, None, [
        tg("销往南湾县农畜产品", 15000, "万元"), tg("机关企事业单位采购", 3000, "万元"),
        tg("展销中心", 1, "个"), tg("专柜专区", 10, "个"), tg("新增“白塔优品”认证产品", 30, "个")]),
    t(8, [SW], ["县交通运输局"], "8月底前", "2027-08-31", [tg("产地冷链仓", 1, "个"), tg("库容", 5000, "吨")]),
    t(9, [SW], ["团县委"], None, None, [tg("农村电商主体", 50, "家"), tg("电商销售额", 8000, "万元", ">=")]),
    t(10, [ZZ], ["县教育局", "县卫生健康局"], None, None, [
        tg("挂职干部", 3, "人"), tg("专业技术人才", 45, "人"), tg("“师带徒”结对关系", 90, "对")]),
    t(11, [ZZ], [], "9月底前", "2027-09-30", [tg("跟岗学习", 20, "人"), tg("跟岗时间", 3, "个月", ">=")]),
    t(12, [NY], [ZZ], None, None, [tg("培训乡村振兴带头人", 300, "人次")]),
    t(13, ["县乡村振兴局"], ["县交通运输局", NY, XZ], "11月底前", "2027-11-30", [
        tg("协作示范村", 4, "个"), tg("每村投入协作资金", 300, "万元", ">=", per="village"),
        tg("村内道路硬化", 40, "公里"), tg("改造农村户厕", 1500, "户")]),
    t(14, [NY], ["县工商联"], "年内", "2027-12-31", [tg("新增镇村结对", 6, "对"), tg("新增村企结对", 12, "对")]),
    t(15, ["县乡村振兴局"], ["县财政局"], "6月底前", "2027-06-30", [
        tg("财政援助资金", 4200, "万元"), tg("社会帮扶资金", 800, "万元"), tg("项目开工率", 100, "%")]),
    t(16, ["县委宣传部"], [], None, None, [tg("宣传稿件", 40, "篇", ">=")]),
])
