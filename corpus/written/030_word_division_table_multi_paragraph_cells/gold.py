import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# Word 任务分工表: 领域/序号/工作任务/具体措施/牵头单位/配合单位/完成时限. 领域 is merged down (blank
# cells continue the group above) → category; 工作任务 → text; 具体措施 (two paragraphs （1）（2） in
# one cell) → measures, and its quantities are targets too (as 028's 建设内容及规模); several
# 配合单位 in one cell are separate paragraphs (space-separated in the text). Dates as printed.
HERE = Path(__file__).parent
rows = [line.split("\t") for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines() if "\t" in line]
T = {
    1: [tg("两地党政联席会议", 1, "次")],
    2: [],
    3: [tg("宣传稿件", 20, "篇", ">="), tg("典型案例", 3, "个")],
    4: [tg("财政援助资金", 5600, "万元"), tg("用于产业发展和就业帮扶的比例", 65, "%", ">=")],
    5: [tg("社会帮扶资金", 1000, "万元"), tg("捐物折款", 300, "万元", "<=")],
    6: [tg("新增落地项目", 8, "个"), tg("企业考察团赴格桑县考察", 2, "次"), tg("实际到位投资", 30000, "万元", ">=")],
    7: [tg("新引进入园企业", 5, "家"), tg("吸纳当地群众就业", 200, "人", ">=")],
    8: [tg("“飞地”孵化园", 1, "个"), tg("农产品加工企业入驻", 3, "家")],
    9: [tg("到潮音区就业", 1500, "人"), tg("脱贫劳动力", 600, "人"), tg("专场招聘会", 4, "场")],
    10: [tg("职业技能培训", 1000, "人次"), tg("培训后就业率", 80, "%", ">=")],
    11: [tg("帮扶车间", 10, "个"), tg("每个车间吸纳脱贫劳动力", 10, "人", ">=", per="item")],
    12: [tg("采购、销售格桑县农畜产品", 20000, "万元"), tg("机关企事业单位采购", 5000, "万元"),
         tg("电商平台销售", 6000, "万元")],
    13: [tg("农特产品展销馆", 1, "个"), tg("社区专柜", 20, "个")],
    14: [tg("新认定消费帮扶产品", 40, "个"), tg("参加东海市农产品展销会", 2, "次")],
    15: [tg("选派党政干部挂职", 4, "人"), tg("挂职时间", 2, "年", ">=")],
    16: [tg("选派专业技术人才", 60, "人"), tg("教师", 25, "人"), tg("医生", 25, "人"), tg("农技人员", 10, "人"),
         tg("服务时间", 1, "年", ">=")],
    17: [tg("培训干部和专业技术人才", 600, "人次"), tg("乡村振兴专题培训班", 6, "期"), tg("跟岗学习", 30, "人")],
    18: [tg("新增街村结对", 5, "对"), tg("新增村企结对", 10, "对"), tg("每对结对投入帮扶资金", 10, "万元", ">=", per="pair")],
}
def date(s):
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None
tasks, cat = [], None
for row in rows[1:]:
    cat = row[0] or cat
    n = int(row[1])
    tasks.append(task(n, row[2], lead=row[4].split(" "), partner=row[5].split(" "), category=cat,
                      measures=row[3].replace(" ", ""), deadline_text=row[6], deadline=date(row[6]), targets=T[n]))
assert len(tasks) == 18
write(__file__, {"title": "潮音区2027年东西部协作重点任务分工表", "issuer": "潮音区东西部协作工作领导小组办公室",
                 "year": 2027}, tasks)
