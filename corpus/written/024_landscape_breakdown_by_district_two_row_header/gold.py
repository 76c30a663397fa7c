import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import task, tg, write

# Landscape indicator table, two-row header (分解到区县 over 望潮区/白沙区/临港县/石塘县), the value
# columns separate from 计量单位, 类别 merged down. Each row is a task: 指标名称 → text, 市级牵头单位 →
# lead, the 全市目标 → target with assignee null, each district's figure → a target with that district
# as assignee. 亿元 → 万元. Every row adds up (NOTES.md). Deadlines in 2026 (the 注 says so).
HERE = Path(__file__).parent
D = ["望潮区", "白沙区", "临港县", "石塘县"]
END = {"12月底前": "2026-12-31", "6月底前": "2026-06-30", "5月底前": "2026-05-31", "10月底前": "2026-10-31",
       "11月底前": "2026-11-30", "9月底前": "2026-09-30", "3月底前": "2026-03-31"}
LEAD = {"市农业农村局（市乡村振兴局）": "市农业农村局"}
def quantity(value, unit):
    v = float(value) * (10000 if unit == "亿元" else 1)
    return (int(v) if v == int(v) else v), ("万元" if unit == "亿元" else unit)
tasks, category = [], None
for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines():
    cells = line.split("\t")
    if len(cells) != 11 or not cells[0].isdigit():
        continue
    ref, cat, name, unit, total, *parts = cells[:9]
    lead, deadline = cells[9], cells[10]
    category = cat or category
    metric = name.removeprefix("其中：")
    targets = [tg(metric, *quantity(total, unit))] + [tg(metric, *quantity(v, unit), assignee=d) for d, v in zip(D, parts)]
    tasks.append(task(ref, name, lead=[LEAD.get(lead, lead)], category=category, deadline_text=deadline,
                      deadline=END[deadline], targets=targets))
assert len(tasks) == 20
write(__file__, {"title": "江澜市2026年东西部协作主要指标分解表", "year": 2026}, tasks)
