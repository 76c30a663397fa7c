import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county news item: "这10件实事分别为:一是…;二是…;…十是…。" — ten announced, ten "一是…十是" in one
# paragraph → ten tasks, ref 一…十 (as 025's 一是). One line break splits 五 ("加大\n医疗卫生投入";
# span drops it). The closing sentence "支持乡镇办好…实事,每个乡镇不少于2件" is a further commitment
# after the ten: task by position "11", "per": "town". No units, no deadlines ("年度实施10所以上" is
# this year's amount, not a date). Year 2015 from the page's date path (201501) and "今年"; the day is
# not printed → issued_on null. The "新闻推荐" lines at the end are another article, not tasks.
def t(ref, start, end, targets=()):
    return task(ref, span(start, end), targets=targets)
write(__file__, {"title": "旌德确定今年为民十件实事", "year": 2015}, [
    t("一", "实施白沙水库水源地环境综合整治", "建设县城第二水源地"),
    t("二", "实施污水处理厂二期工程", "加快老城区污水管网建设"),
    t("三", "加快推进老城区老旧小区", "背街小巷综合治理"),
    t("四", "加快推进全县中小学薄弱学校改造工程", "年度实施10所以上",
      [tg("中小学薄弱学校改造", 10, "所", ">=")]),
    task("五", span("加大\n医疗卫生投入", "实施创甲升级计划")),
    t("六", "完成县乡道升级改造", "不少于50公里", [tg("县乡道升级改造和“村村通”延伸工程", 50, "公里", ">=")]),
    t("七", "继续加大城区社会停车场建设", "改扩建城区公交站台10对",
      [tg("新增停车位", 300, "个"), tg("改扩建城区公交站台", 10, "对")]),
    t("八", "建成城区养老服务中心", "床位不少于150个", [tg("养老服务中心床位", 150, "个", ">=")]),
    t("九", "实施“菜篮子”扩面工程", "时令蔬菜700亩种植",
      [tg("大棚蔬菜种植", 700, "亩"), tg("时令蔬菜种植", 700, "亩")]),
    t("十", "大力推进城区粉尘", "大气污染综合治理工作"),
    t("11", "支持乡镇办好辖区群众呼声较高的实事", "每个乡镇不少于2件",
      [tg("乡镇办好实事", 2, "件", ">=", per="town")]),
])
