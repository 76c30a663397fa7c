import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A province-level work list copied onto a city page: unnumbered paragraphs, each one task, numbered by
# position; the commentary paragraph ("这是今年以及…工作重点…重点推动以下几方面工作") is not a task.
# "实施山海协作平台提升计划。聚焦…" is a short directive of its own, its park paragraphs follow as tasks.
# "力争9个园区…较2019年均提高10%以上": two % targets (the 9 parks are the scope, not a target).
# The page is a repost (no title, issuer or date of its own); the year 2020 is printed.
write(__file__, {"year": 2020}, [
    task(1, span("深刻领会习近平总书记", "两个规划的编制工作。")),
    task(2, span("组织开展一批新的课题研究工作。", "前期课题研究工作。")),
    task(3, span("研究谋划重大工程和项目。", "特殊类型地区振兴的政策支持。")),
    task(4, span("实施山海协作平台提升计划。", "打造山海协作特色亮点。")),
    task(5, span("工业产业园以构建", "提高10%以上;"), targets=[
        tg("亩均税收较2019年提高", 10, "%", ">="), tg("亩均增加值较2019年提高", 10, "%", ">=")]),
    task(6, span("文旅产业园立足", "推动建设一批重大旅游项目;")),
])
