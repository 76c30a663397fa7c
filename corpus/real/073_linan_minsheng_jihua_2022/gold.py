import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A district's own-site table, " | " between cells: 序号 / 实事项目 / 工作举措及实施计划 / 责任单位 / 配合单位
# (after the site's 索引号 rows). Only 责任单位 and 配合单位 → 责任 lead, 配合 partners (PLAN_JSON).
# 实事项目 → text; 工作举措及实施计划 is the local measures column → measures (PLAN_JSON). The plan's
# dated steps: deadline = the last ("11月底前", NOTES 多个期限), year 2022 from the 发文日期; the
# steps' own counts ("3月底前新建成2家", "9月底前完成500个托位") are stages of the totals, not targets
# (as 058). Units split at "、" and ","; "各镇(街道)" one group. No title in the stored part.
write(__file__, {"issuer": "区政府", "issued_on": "2022-07-14", "year": 2022}, [
    task(1, span("新建成公办中小学、幼儿园7所", "公办学位6800个。"),
         lead=["教育局"], partner=["发改局", "住建局", "财政局", "规划和自然资源分局", "国兴集团", "新锦集团",
                                  "科投集团", "锦城街道", "锦北街道", "锦南街道", "青山湖街道", "昌化镇", "天目山镇"],
         deadline_text="11月底前", deadline="2022-11-30", targets=[
             tg("新建成公办中小学、幼儿园", 7, "所"), tg("新增中小学、幼儿园公办学位", 6800, "个")])
    | {"measures": span("1.4月底前职教中心", "天目山镇中心幼儿园竣工交付。")},
    task(2, span("新建成婴幼儿照护服务成长驿站7家", "1万例以上。"),
         lead=["卫生健康局"], partner=["财政局", "教育局", "规划和自然资源分局", "医疗保障分局", "民政局", "妇联",
                                      "各镇(街道)"],
         deadline_text="11月底前", deadline="2022-11-30", targets=[
             tg("新建成婴幼儿照护服务成长驿站", 7, "家"), tg("新增婴幼儿照护服务托位", 500, "个"),
             tg("胃肠癌联合筛查", 1, "万例", ">=")])
    | {"measures": span("1.婴幼儿照护服务成长驿站:", "完成胃肠癌联合筛查工作。")},
])
