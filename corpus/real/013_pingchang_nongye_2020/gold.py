import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A bureau's own plan: "(一)标题。正文" items, no units (the bureau itself), many quantities.
write(__file__, {"title": "平昌县农业农村局2020年工作计划", "issuer": "平昌县农业农村局",
                 "issued_on": "2019-12-25", "year": 2020}, [
    task("一", span("推动农业产业高质量发展。", "新增“三品一标”10个。"), targets=[
        tg("茶叶投产面积增长", 10, "%", ">="), tg("茶叶综合产值增长", 15, "%", ">="),
        tg("新(改、扩)建生猪标准化规模养殖场", 5, "个"),
        tg("畜禽粪污资源化利用率超全省平均水平", 3, "个百分点", ">="),
        tg("新建农产品加工厂房", 10, "个"), tg("培育壮大农业品牌", 5, "个"), tg("新增“三品一标”", 10, "个")]),
    task("二", span("取得人居环境整治新成绩。", "村容村貌显著提升。"), targets=[
        tg("生活垃圾得到治理的村", 90, "%", ">="), tg("卫生厕所普及率", 85, "%"),
        tg("农村生活污水得到有效治理的行政村", 35, "%", ">=")]),
])
