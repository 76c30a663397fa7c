import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A 考核表 flattened one cell (or half a cell) per line: 项目 / 考核点 / 内容要求 / 分值 / 评分标准.
# 考核点 → category, 内容要求 → text, 分值 → score, 评分标准 → evidence_required. No quantities.
write(__file__, {"title": "农村综合改革标准化试点项目目标考核表"}, [
    task("一.1", span("围绕各自试点实施方案", "具体工作规划。"), category="试点目标和规划", score=5,
         evidence=span("1.目标明确", "3分。")),
    task("一.2", "建立标准化试点领导机构和工作机构。", category="组织机构建设", score=4,
         evidence=span("1.机构成立", "人员职责明确, 2分。")),
    task("一.3", span("制定并落实实施方案", "各部分协调配合。"), category="组织管理工作", score=4,
         evidence=span("1.实施方案清晰", "建立明确的监督检查制度,1分。")),
    task("一.4", "试点政策制度健全,资金有保障。", category="保障措施", score=7,
         evidence=span("1.试点工作纳入", "确保试点实施,2分。")),
])
