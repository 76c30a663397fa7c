import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of a district's village-team rules: "一是…。二是…。" each opening its own paragraph, the lead phrase
# in the same paragraph (so it stays in text). "要求9个贫困村驻村工作队" is the scope, not a target;
# "每个月有2/3以上的时间吃在村" is a share with no exact number, not recorded. The fourth point is cut
# off by the stored copy and left out. The news date is printed; no plan year.
write(__file__, {"title": "大足区进一步压实驻村帮扶职责巩固脱贫成果", "issued_on": "2017-06-12"}, [
    task("一", span("一是完善组织机构。", "对不适宜的帮扶人员进行调整。")),
    task("二", span("二是明确工作职责。", "以及其他相关任务。")),
    task("三", span("三是加强日常管理。", "帮就业、帮创业。"), targets=[
        tg("结对帮扶干部入户帮扶", 4, "次", ">=", per="year"),
        tg("结对帮扶干部电话回访", 1, "次", ">=", per="month")]),
])
