import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A document-site copy of a district table, every cell glued to the next with no separator and the
# site's page marks "1、" "2、" dropped in mid-cell ("高新园(邹区镇\n2、)各街道"): 序号 / 项目名称 /
# 主要内容 / 区政府分管领导 / 牵头单位 / 配合单位. The leader's name (何海平, 芮春祥, 张菁) is a person, not
# a unit. Projects 3 and 4 take several 主要内容 rows (as 067: one task per numbered project, rows
# joined; 3's two rows have their own lead and partners, all kept in printed order). The first unit
# after the leader is the 牵头 column, the rest 配合. "高新园(邹区镇)": the town is the park's other
# name (园镇合一) → 高新园 (PLAN_JSON X（Y）). "IO(X)人" is a garbled number → no target.
# "其中" parts kept with the totals (7+4+1=12, 420+4580=5000). "控制在3%以内" is "<=". District not
# named in the stored part (only the cut-off item 5 says 幸福钟楼) → issuer null; no date printed.
write(__file__, {"title": "2021年重大民生实事项目目标任务责任分解表", "year": 2021}, [
    task(1, span("实施新建、改扩建学校重点建设项目12个", "中小学4580个。"), lead=["教育局"],
         partner=["经开区", "高新园", "各街道", "市国有公司"], category="增加教育资源供给", targets=[
             tg("新建、改扩建学校重点建设项目", 12, "个"), tg("计划竣工学校重点建设项目", 3, "个"),
             tg("学校重点建设项目:幼儿园", 7, "个"), tg("学校重点建设项目:小学", 4, "个"),
             tg("学校重点建设项目:初中", 1, "个"), tg("增加学位", 5000, "个"),
             tg("增加学位:幼儿园", 420, "个"), tg("增加学位:中小学", 4580, "个")]),
    task(2, span("落实就业优先战略。", "职业技能补贴培训10000人次。"), lead=["人社局"], partner=["高新园", "各街道"],
         category="促进就业稳定增长", targets=[
             tg("城镇新增就业", 15000, "人"), tg("失业人员再就业", 5800, "人"), tg("新增参保大学生", 5400, "人"),
             tg("城镇登记失业率", 3, "%", "<="), tg("支持成功自主创业", 2000, "人"), tg("支持大学生创业", 240, "人"),
             tg("职业技能补贴培训", 10000, "人次")]),
    task(3, span("完成瞿秋白纪念馆整体提升工程对外开放", "修缮展陈。") + span("推进大庙弄核心区改造", "老城厢道路整治。"),
         lead=["文体旅局", "住建局"], partner=["晋陵公司", "轨道公司", "五星街道", "南大街街道", "荷花池街道"],
         category="老城厢复兴发展"),
    task(4, span("为全区23000名老年人提供居家上门服务。") + span("提升改造8家", "康复辅具社区租赁服务。"),
         lead=["民政局"], partner=["高新园", "各街道"], category="优化养老服务", targets=[
             tg("提供居家上门服务的老年人", 23000, "人"), tg("提升改造城乡社区居家养老服务中心(站)", 8, "家"),
             tg("居家适老化改造困难老人家庭", 300, "户")]),
])
