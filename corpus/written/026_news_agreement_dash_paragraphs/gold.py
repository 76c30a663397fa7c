import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, tg, write

load(Path(__file__).parent / "source.txt")
# News summary of an agreement: the six "——X。" paragraphs are the tasks, ref = their position 1…6;
# the text drops the leading dash. Each side's figures carry that side as assignee; the lead units are
# the sides that commit in the paragraph (as 014). The 2025 figures are past, not targets.
# issued_on = the paper's date. 区县级2亿元 is part of 3.6亿元 (the rest is the city's own, 017).
J, Q = "江澜市", "黔川州"
def t(ref, first, end, lead, targets, dt=None, dl=None):
    return task(ref, span(first, end), lead=lead, deadline_text=dt, deadline=dl, targets=targets)
write(__file__, {"title": "江澜市与黔川州签订2026年东西部协作协议", "issued_on": "2026-03-06", "year": 2026}, [
    t("1", "资金支持。江澜市将", "开工率达到100%。", [J, Q], [
        tg("财政援助资金", 36000, "万元", assignee=J), tg("区县级财政援助资金", 20000, "万元", assignee=J),
        tg("协作资金项目开工率", 100, "%", assignee=Q)], "6月底前", "2026-06-30"),
    t("2", "产业协作。江澜市将", "“一站式”服务。", [J, Q], [
        tg("落地投资项目", 30, "个", ">=", assignee=J), tg("实际到位投资", 150000, "万元", ">=", assignee=J),
        tg("新增标准化厂房", 5, "万平方米", assignee=Q)]),
    t("3", "劳务协作。江澜市将", "劳务工作站4个。", [J, Q], [
        tg("帮助黔川州农村劳动力就业", 25000, "人", assignee=J), tg("到江澜市就业", 8000, "人", assignee=J),
        tg("技能培训", 2500, "人次", assignee=Q), tg("劳务工作站", 4, "个", assignee=Q)]),
    t("4", "消费协作。江澜市将", "展销中心1个。", [J, Q], [
        tg("采购、帮助销售黔川州农畜产品", 80000, "万元", ">=", assignee=J),
        tg("新认定消费帮扶产品", 200, "个", assignee=Q), tg("展销中心", 1, "个", assignee=Q)]),
    t("5", "人才交流。江澜市将", "挂职或跟岗学习。", [J, Q], [
        tg("选派党政干部", 26, "人", assignee=J), tg("选派专业技术人才", 320, "人", assignee=J),
        tg("选派干部人才", 340, "人", assignee=Q)]),
    t("6", "社会帮扶。两地将", "5000万元以上。", [J, Q], [
        tg("新增村企结对", 60, "对"), tg("社会帮扶资金", 5000, "万元", ">=", assignee=J)]),
])
