import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A 行动方案 from a 范文 site: 一、 section, items "1.标题。正文" (title in the same paragraph → part of
# text); no units anywhere; deadlines and quantities inside the sentences, digits set off by spaces
# ("12 月底前", "50个,约 605 万平方米"); a page break splits item 3 mid-word ("生活\n\n 服务设施").
# The plan year is not printed ("对 2020 年已达标的…" hints at 2021 but is not stated), so year is
# null and "12 月底前" cannot be resolved: deadline null, deadline_text kept (the last one, as 多个期限).
C = "开展拆违拆临和改造整治专项行动"
write(__file__, {"title": "魅力文明城市创建行动方案"}, [
    task("一.1", span("加大违建整治力度。", "比例达到 50%以上。"), category=C, deadline_text="12 月底前", targets=[
        tg("无违建街(镇)占全市街(镇)总数", 80, "%"), tg("提档升级街(镇)比例", 50, "%", ">=")]),
    task("一.2", span("强力推进风景区周边建筑整治。", "开展专项整治。"), category=C),
    task("一.3", span("加快老旧小区整治改造。", "做好长效管理工作。"), category=C, deadline_text="12 月底前", targets=[
        tg("开工老旧小区改造项目", 50, "个"), tg("老旧小区改造面积", 605, "万平方米"), tg("涉及居民", 6.2, "万户"),
        tg("新开工安置房", 15546, "套"), tg("既有住宅增设电梯开工建设", 200, "部")]),
])
