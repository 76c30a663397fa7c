import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county site's news page whose text comes before its own title (page chrome "|" lines, the title
# and "时间:2020-05-11" after the body): "重点抓好15件大事和民生实事。分别是: (1)…。 (2)…。 … (15)…。" —
# fifteen announced, fifteen "(n)" items in one line → fifteen tasks, ref n; each item's text is copied
# between its "(n)" and the next. No units or deadlines ("秋季投入使用" is not a date). The news date
# 2020-05-11 (the meeting opened 5月10日). "总投资7.58亿元的县医院迁建项目" → 75800 万元 (the project's
# size, as 057); "1000名以上" → 人 ">="; "不少于740个" ">="; "60岁以上老年人" is who, not a target.
line = next(ln for ln in Path(__file__).parent.joinpath("source.txt").read_text(encoding="utf-8").splitlines()
            if "(1)" in ln)
parts = re.split(r"\((\d+)\)", line)[1:]
items = {int(parts[i]): parts[i + 1].strip().rstrip("|").strip() for i in range(0, len(parts), 2)}
assert sorted(items) == list(range(1, 16))
T = {1: [tg("县医院迁建项目总投资", 75800, "万元")],
     8: [tg("新建行政村公共厕所", 120, "座"), tg("新建旅游厕所", 8, "座"), tg("新建农村户用厕所", 14500, "座")],
     9: [tg("建成农村生活垃圾处理站", 5, "个"), tg("建成农村生活污水处理站", 5, "个")],
     10: [tg("城区新建便民市场", 5, "处")],
     11: [tg("“一事一议”硬化村内巷道", 37.5, "万平方米")],
     12: [tg("建成“一村一场”体育惠民工程", 15, "个"), tg("建成乡镇健身中心", 2, "处")],
     13: [tg("引导高校毕业生到基层、到企业就业", 1000, "人", ">="), tg("开发公益性岗位", 740, "个", ">=")],
     14: [tg("城区新建生态停车场", 2, "处"), tg("新增停车位", 400, "个", ">=")],
     15: [tg("贫困残疾人家庭家居无障碍改造", 62, "户"), tg("适龄农村妇女免费“两癌”检查", 5000, "人")]}
write(__file__, {"title": "【直击两会】甘谷县政府2020年将为民办好15件大事和民生实事", "issued_on": "2020-05-11",
                 "year": 2020},
      [task(n, span(items[n]), targets=T.get(n, ())) for n in range(1, 16)])
