import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A news summary of the 浙江–四川 agreement: each "方面" paragraph is one task, numbered by position.
ZJ, SC = "浙江省", "四川省"
write(__file__, {"title": "浙江与四川签署2022年东西部协作协议", "issuer": "四川日报",
                 "issued_on": "2022-05-23", "year": 2022}, [
    task(1, span("在组织领导方面", "认真组织项目实施。"), targets=[
        tg("结对帮扶县(市、区)", 62, "个", assignee=ZJ),
        tg("被结对帮扶县(市、区)", 68, "个", assignee=SC)]),
    task(2, span("从支持力度来看", "做好搬迁群众后续扶持工作。"), targets=[
        tg("财政援助资金", 331000, "万元", assignee=ZJ),
        tg("选派挂职干部", 113, "人", assignee=ZJ),
        tg("选派专业技术人员", 330, "人", assignee=ZJ),
        tg("选派挂职干部", 76, "人", assignee=SC),
        tg("选派专业技术人员", 163, "人", assignee=SC)]),
    task(3, span("从协作内容来看", "强化脱贫劳动力稳岗就业。"), targets=[
        tg("引导企业到四川省投资兴业", 100, "家"),
        tg("实施产业项目", 68, "个"),
        tg("采购、帮助销售四川省农副产品", 150000, "万元", assignee=ZJ)]),
])
