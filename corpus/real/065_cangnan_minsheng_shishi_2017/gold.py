import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county people's congress announcement listing the year's ten 民生实事, numbered 一、…十、, one
# paragraph each (title and body in one sentence → all of it is text). No unit clauses at all (the
# 县政府 carries them; not printed per item) → no lead/partner units. "全年" in 九 → 2017-12-31.
# "以上"/"不少于" → ">="; "基本消除45个" is "=". "劣Ⅴ类""一级A" are grades, not quantities.
write(__file__, {"title": "苍南县第十届人民代表大会第一次会议公告", "doc_number": "第8号",
                 "issuer": "苍南县第十届人民代表大会第一次会议主席团",
                 "issued_on": "2017-02-20", "year": 2017}, [
    task("一", span("实施城镇道路畅通工程", "公共自行车1000辆。"), targets=[
        tg("新建改造道路", 10, "条"), tg("打通断头路", 10, "条"), tg("新增专用停车位", 1000, "个"),
        tg("新增公共停车位", 200, "个"), tg("新增景区停车位", 300, "个"), tg("新增公共自行车", 1000, "辆")]),
    task("二", span("完成D级危房", "地质灾害隐患点。"), targets=[tg("消除地质灾害隐患点", 45, "个")]),
    task("三", span("推进城镇公交经营体制改革", "公交首末站2个。"), targets=[
        tg("新增公交车辆", 20, "辆"), tg("新增公交站点", 30, "个"), tg("新增公交运营线路", 30, "公里"),
        tg("新增公交首末站", 2, "个")]),
    task("四", span("全面消除劣Ⅴ类水体", "一级A排放标准。")),
    task("五", span("推进学前教育发展", "等级幼儿园7所以上。"), targets=[
        tg("新(改、扩)建幼儿园", 10, "所"), tg("新增普惠性幼儿园", 45, "所", ">="),
        tg("新增等级幼儿园", 7, "所", ">=")]),
    task("六", span("全面淘汰(改造)燃煤小锅炉", "着力改善空气环境质量。")),
    task("七", span("加大农村公路建设力度", "港湾式停靠站10个。"), targets=[
        tg("建成联网公路与改造提升", 55, "公里"), tg("实施路面大中修", 40, "公里"),
        tg("实施安保工程", 30, "公里"), tg("建成港湾式停靠站", 10, "个")]),
    task("八", span("大力推进养老事业发展", "享有养老服务补贴。"), targets=[
        tg("新增农村居家养老服务照料中心", 30, "家"), tg("享有养老服务补贴的老年人比例", 2.5, "%", ">=")]),
    task("九", span("切实加强食品安全监管", "新设乡镇改造全覆盖。"), deadline_text="全年", deadline="2017-12-31",
         targets=[tg("改造提升农贸市场", 24, "家"), tg("农贸市场改造面积", 3, "万平方米")]),
    task("十", span("创建100个安全生产示范村居", "“智慧式”用电。"), targets=[
        tg("创建安全生产示范村居", 100, "个"), tg("推广安装“智慧式”用电", 5000, "套")]),
])
