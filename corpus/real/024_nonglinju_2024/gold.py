import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Inline headings ("一、标题。 正文") are part of the text, as in seeds 003.
# A whole plan on one line ("一、标题。 正文 二、…"), extraction noise in the percent signs
# ("100℅", "98℅", "100﹪" — recorded as %), a range "2-3个". No units named (the bureau's own plan).
write(__file__, {"title": "农林局2024年工作计划", "year": 2024}, [
    task("一", span("完善农产品质量平安监管体系。", "确保全区重大农产品质量平安大事。"), targets=[
        tg("冬春瓜菜品种纳入监测范围", 100, "%"), tg("上市瓜菜抽检合格率", 98, "%", ">=")]),
    task("二", span("加快农业基础设施和生态环境建设。", "亩造林任务。"),
         targets=[tg("造林", 5740, "亩")]),
    task("三", span("进一步稳固“无规定动物疫病区”建设成果。", "使畜禽保持增长态势。"),
         targets=[tg("春季、秋季动物疫病防控免疫率", 100, "%"), tg("新建农村标准化畜禽生态养殖小区项目", 6, "个")]),
    task("四", span("做好渔业平安生产工作和伏季休渔工作。", "严禁渔船出海捕鱼。")),
    task("五", span("连续落实好各项强农惠农富农政策。", "促进农夫增收。")),
    task("六", span("健全农业服务科技服务技术体系。", "大力推广。"), targets=[
        tg("培训人员", 5000, "人次"), tg("印发资料", 1000, "册"), tg("引进新品种", 2, "个", ">=", max=3)]),
    task("七", span("健全农产品信息流通体系。", "落实瓜菜订单。")),
])
