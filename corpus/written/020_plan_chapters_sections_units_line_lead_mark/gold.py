import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, tg, write

load(Path(__file__).parent / "source.txt")
# 规划: 第N章 / 第N节 / 1.–8. running on across chapters → ref = the item number; category = the
# 节 title, or the chapter title where the chapter has no 节. Units on their own line
# "责任单位：X（牵头），Y、Z": X leads, Y、Z partners. A 专栏's figures go to the task printed just
# before it (专栏1 → 2, 专栏2 → 5); its text is not task text. 第一章's past figures are not targets.
# 到2030年 → 2030-12-31; 每年… → per "year", no deadline.
def t(ref, cat, first, lead, partner, dt=None, dl=None, targets=()):
    return task(ref, span(first, upto="责任单位："), lead=lead, partner=partner, category=cat,
                deadline_text=dt, deadline=dl, targets=targets)
E = "到2030年"; D = "2030-12-31"; RS = "县人力资源社会保障局"
write(__file__, {"title": "青溪县东西部协作“十五五”规划（2026—2030年）", "doc_number": None,
                 "issuer": "青溪县人民政府", "issued_on": "2026-02-26", "year": 2026}, [
    t("1", "共建产业园区", "建设临港·石塘·青溪协作产业园。", ["县工业园区管委会"], ["县发改局", "县投资促进局"], E, D, [
        tg("园区入驻东部企业", 40, "家"), tg("园区年产值", 200000, "万元", ">="), tg("带动就业", 3000, "人", ">=")]),
    t("2", "共建产业园区", "打造特色农业产业链。", ["县农业农村局"], ["县林业局", "各乡镇人民政府"], E, D, [
        tg("高标准茶叶、中药材基地", 5000, "亩", per="year"), tg("农业产业化龙头企业", 15, "家"),
        tg("引导企业落地投资", 3, "家", ">=", assignee="临港县", per="year"),
        tg("引导企业落地投资", 3, "家", ">=", assignee="石塘县", per="year"),
        tg("实际到位投资（累计）", 300000, "万元"), tg("协作资金产业项目占比", 60, "%", ">=")]),
    t("3", "推进招商引资", "开展精准招商。", ["县投资促进局"], ["县商务局"], E, D, [
        tg("招商推介活动", 4, "次", ">=", per="year"), tg("累计引进协作项目", 50, "个")]),
    t("4", "深化劳务协作", "稳定转移就业规模。", [RS], ["各乡镇人民政府"], targets=[
        tg("到东部地区就业", 2000, "人", ">=", per="year"), tg("脱贫劳动力", 800, "人", ">=", per="year")]),
    t("5", "深化劳务协作", "提升劳动者技能。", [RS], ["县教育局", "县职业中学"], E, D, [
        tg("累计技能培训", 10000, "人次"), tg("培训后就业率", 80, "%", ">="),
        tg("驻点劳务工作站", 1, "个", assignee="临港县"), tg("驻点劳务工作站", 1, "个", assignee="石塘县"),
        tg("新建就业帮扶车间", 30, "个"), tg("帮扶车间吸纳就业", 1500, "人")]),
    t("6", "拓展消费协作", "扩大消费帮扶规模。", ["县商务局"], ["县农业农村局", "县供销社"], E, D, [
        tg("年销售青溪县农特产品", 50000, "万元"), tg("“青溪好物”直营店", 10, "家")]),
    t("7", "加强人才交流", "用好东部帮扶人才。", ["县委组织部"], ["县教育局", "县卫生健康局"], targets=[
        tg("接收专业技术人才", 60, "人", ">=", per="year"), tg("帮扶时间", 1, "年", ">=")]),
    t("8", "加强人才交流", "推进干部双向挂职。", ["县委组织部"], ["县直有关单位"], targets=[
        tg("选派党政干部挂职", 20, "人", per="year"), tg("挂职时间", 6, "个月")]),
])
