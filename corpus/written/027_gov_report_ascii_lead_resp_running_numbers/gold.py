import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, tg, write

load(Path(__file__).parent / "source.txt")
# 政府工作报告 task division: 一、 sections, items 1.–12. running on → ref = item number, category =
# section. ASCII "(牵头单位:X;责任单位:Y,Z)": X leads, Y、Z partners; "(责任单位:X,Y)" alone: they lead.
# 县农业农村局(县乡村振兴局) keeps the first name. Growth rates are % targets; 元 → 万元 (38600元 →
# 3.86); 12万人 → 120000 人; "控制在…以内" → "<="; "左右" → "=". 一、主要预期目标 has figures and units,
# so its items are tasks. No deadline unless printed (全年, 年底前, 年内, 6月底前, 长期坚持 → null).
def t(ref, cat, first, lead, partner=(), dt=None, dl=None, targets=()):
    return task(ref, span(first, upto="(牵头单位" if "(牵头单位" in span_to_paren(first) else "(责任单位"),
                lead=lead, partner=partner, category=cat, deadline_text=dt, deadline=dl, targets=targets)
def span_to_paren(first):
    return span(first, ")")
NY = "县农业农村局"; RS = "县人力资源社会保障局"; XZ = "各乡镇"
A, B, C, D = "主要预期目标", "巩固拓展脱贫攻坚成果", "推动产业振兴", "增进民生福祉"
write(__file__, {"title": "云岭县2026年《政府工作报告》重点工作任务分工", "doc_number": "云政发〔2026〕3号",
                 "issuer": "云岭县人民政府", "issued_on": "2026-02-20", "year": 2026}, [
    t("1", A, "地区生产总值增长6.5%左右", ["县发改局"], ["县统计局", "县工信局"], targets=[
        tg("地区生产总值增长", 6.5, "%"), tg("规模以上工业增加值增长", 8, "%"), tg("固定资产投资增长", 7, "%")]),
    t("2", A, "一般公共预算收入增长5%", ["县财政局"], ["县税务局"], targets=[
        tg("一般公共预算收入增长", 5, "%"), tg("一般公共预算收入", 68000, "万元")]),
    t("3", A, "城镇居民人均可支配收入增长6%", ["县发改局"], [RS, NY], targets=[
        tg("城镇居民人均可支配收入增长", 6, "%"), tg("城镇居民人均可支配收入", 3.86, "万元"),
        tg("农村居民人均可支配收入增长", 8, "%"), tg("农村居民人均可支配收入", 1.68, "万元")]),
    t("4", B, "守牢不发生规模性返贫底线。", [NY], [XZ], targets=[
        tg("集中排查", 1, "次", per="quarter"), tg("监测对象帮扶措施落实率", 100, "%")]),
    t("5", B, "深化东西部协作。", ["县乡村振兴局"], ["县财政局", RS, "县商务局"], targets=[
        tg("望潮区财政援助资金", 12000, "万元"), tg("协作项目", 40, "个"), tg("到望潮区就业", 1500, "人"),
        tg("在望潮区销售农特产品", 22000, "万元")]),
    t("6", B, "发展壮大村级集体经济。", [NY, XZ], [], "年底前", "2026-12-31", [
        tg("村级集体经济收入", 10, "万元", ">=", per="village"), tg("集体经济收入50万元以上的村", 20, "个")]),
    t("7", C, "做强茶叶产业。", [NY], ["县林业局", "县市场监管局", XZ], targets=[
        tg("新建高标准茶园", 1, "万亩"), tg("茶叶综合产值", 300000, "万元", ">=")]),
    t("8", C, "推进园区提质。", ["县工业园区管委会"], ["县发改局", "市生态环境局云岭分局"], "6月底前", "2026-06-30", [
        tg("工业园区新入驻企业", 15, "家"), tg("园区规模以上工业产值增长", 12, "%")]),
    t("9", C, "扩大有效投资。", ["县发改局"], ["县财政局", "县直有关单位"], "全年", "2026-12-31", [
        tg("争取中央预算内投资和专项债券资金", 150000, "万元", ">="), tg("重点项目", 120, "个"),
        tg("完成投资", 850000, "万元")]),
    t("10", D, "稳定扩大就业。", [RS], [XZ], targets=[
        tg("城镇新增就业", 3200, "人"), tg("城镇调查失业率", 5.5, "%", "<="),
        tg("农村劳动力转移就业", 120000, "人", ">=")]),
    t("11", D, "办好民生实事。", ["县政府办"], ["县直有关单位", XZ], "年内", "2026-12-31", [
        tg("民生实事", 10, "件")]),
    t("12", D, "提升教育医疗水平。", ["县教育局", "县卫生健康局"], [], "长期坚持", None, [
        tg("新建、改扩建中小学校", 6, "所")]),
])
