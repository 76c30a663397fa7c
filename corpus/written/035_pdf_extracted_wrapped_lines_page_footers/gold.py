import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# 实施方案 received as a PDF's text layer (source.txt): lines broken every ~28 characters in the
# middle of sentences and numbers, the page footers "— n —" between lines (one inside item （五）).
# The answer is read from original.txt, the same document unbroken. （一）…（十六） run on across the
# sections 一、…五、, so ref = 一…十六 (as 002). Each item ends in an unbracketed sentence
# "牵头单位：X；配合单位：Y。" (and once "完成时限：长期坚持。"): units, not text.
LINES = (Path(__file__).parent / "original.txt").read_text(encoding="utf-8").splitlines()
CN = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六".split()
def text(ref):
    line = next(x for x in LINES if x.startswith(f"（{ref}）"))
    return line[len(ref) + 2:line.index("牵头单位：")]
CAT = {1: "加强组织领导", 3: "深化产业协作", 7: "加强劳务协作", 10: "扩大消费帮扶", 13: "强化人才支撑"}
def t(n, lead, partner, dt, dl, targets=()):
    cat = CAT[max(k for k in CAT if k <= n)]
    return task(CN[n - 1], text(CN[n - 1]), lead=lead, partner=partner, category=cat, deadline_text=dt,
                deadline=dl, targets=targets)
RS, NY, SW, ZZ = "区人社局", "区农业农村局", "区商务局", "区委组织部"
write(__file__, {"title": "枫桥区2027年东西部协作工作实施方案", "doc_number": "枫协组〔2027〕2号",
                 "issuer": "枫桥区东西部协作工作领导小组", "issued_on": "2027-02-26", "year": 2027}, [
    t(1, ["区委办"], ["区政府办"], "4月底前", "2027-04-30", [tg("两地党政联席会议", 1, "次")]),
    t(2, [NY], ["区级有关部门"], "长期坚持", None, [tg("向区委常委会报告", 1, "次", per="quarter")]),
    t(3, ["区财政局"], [NY], "6月底前", "2027-06-30", [tg("财政援助资金", 6000, "万元")]),
    t(4, ["区投资促进局"], ["区发改局", "区经信局", SW], "全年", "2027-12-31", [
        tg("落地项目", 10, "个"), tg("实际到位投资", 40000, "万元")]),
    t(5, ["区发改局"], ["区经信局"], "11月底前", "2027-11-30", [tg("新引进入园企业", 6, "家")]),
    t(6, ["区经信局"], [RS], "9月底前", "2027-09-30", [tg("新建帮扶车间", 8, "个")]),
    t(7, [RS], ["各街道", "区总工会"], "11月底前", "2027-11-30", [
        tg("到枫桥区就业", 1800, "人"), tg("脱贫劳动力", 700, "人")]),
    t(8, [RS], ["区教育局"], "10月底前", "2027-10-31", [tg("职业技能培训", 1200, "人次")]),
    t(9, [RS], ["区总工会"], None, None, [tg("劳务工作站", 2, "个"), tg("专场招聘会", 6, "场")]),
    t(10, [SW], ["区机关事务管理中心", "区国资办", NY], None, None, [
        tg("采购、销售河源县农特产品", 25000, "万元"), tg("机关企事业单位采购", 6000, "万元")]),
    t(11, [SW], ["区供销社", "各街道"], "9月底前", "2027-09-30", [
        tg("农特产品展销馆", 1, "个"), tg("消费帮扶专柜专区", 25, "个")]),
    t(12, [NY], ["区市场监管局"], "8月底前", "2027-08-31", [tg("认定消费帮扶产品", 50, "个")]),
    t(13, [ZZ], [], "4月底前", "2027-04-30", [tg("选派党政干部挂职", 4, "人")]),
    t(14, [ZZ], ["区教育局", "区卫生健康局", NY], "8月底前", "2027-08-31", [
        tg("选派专业技术人才", 70, "人"), tg("教师", 30, "人"), tg("医生", 30, "人"), tg("农技人员", 10, "人")]),
    t(15, [ZZ], [RS], None, None, [tg("培训干部和专业技术人才", 800, "人次"), tg("跟岗学习", 40, "人")]),
    t(16, [NY], ["各街道", "区工商联"], "12月底前", "2027-12-31", [
        tg("新增街村结对", 6, "对"), tg("每对结对投入帮扶资金", 10, "万元", ">=", per="pair")]),
])
