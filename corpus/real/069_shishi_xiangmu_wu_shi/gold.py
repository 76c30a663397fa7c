import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# The second page of a law-database copy of a city's 实事项目 notice: it opens at "(五)" (items
# (一)–(四), the title and the date are on page one, not stored) and runs to (十). Each item is one
# paragraph whose first sentence is its heading → all of it is text. The parent heading is not in the
# stored part, so ref is the printed "(五)" → 五. No unit clauses (the notice's 二、 says 牵头部门 are
# set elsewhere). No year printed → "全年" cannot be dated (deadline null, as 060). "2.5万场(次)" keeps
# 万 in the unit (NOTES 数量). "300个以上截污纳管": 以上 → ">=".
write(__file__, {"title": None}, [
    task("五", span("全年空气质量优良天数达85%以上。", "全部执行国Ⅳ标准。"), deadline_text="全年",
         targets=[tg("空气质量优良天数比例", 85, "%", ">=")]),
    task("六", span("推进食品安全整治。", "不得上市制度。")),
    task("七", span("提升老小区人居环境。", "天然气管道进户工程。"), targets=[
        tg("庭院改善房屋", 1200, "幢"), tg("背街小巷改善", 100, "条"), tg("危旧房改善", 23.3, "万平方米"),
        tg("老小区物业管理改善", 500, "万平方米"), tg("截污纳管", 300, "个", ">="),
        tg("垃圾中转站提升改造项目", 20, "个")]),
    task("八", span("丰富基层文化体育生活。", "新建1000个村镇健身点。"), targets=[
        tg("组织“文化下乡”", 2000, "场", ">="), tg("新增公共图书“一证通”服务点", 100, "个"),
        tg("为农民放映电影", 2.5, "万场", ">="), tg("新建村镇健身点", 1000, "个")]),
    task("九", span("加强社区卫生服务机构建设。", "开展公共场所控烟工作。"), targets=[
        tg("新建和改建城乡社区卫生服务站(室)", 900, "家", ">=")]),
    task("十", span("改善农民生产生活环境。", "普及率达80%以上。"), targets=[
        tg("完成环境整治的村", 300, "个"), tg("整乡镇整治", 10, "个"), tg("农村住房改造建设", 3.39, "万户"),
        tg("农村自来水普及率", 99.8, "%"), tg("新增农村无害化厕所", 6, "万座"),
        tg("农村无害化厕所普及率", 80, "%", ">=")]),
])
