import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# 通知 with two annexes: 附件1 the 重点任务表 (the tasks, list "附件1"), 附件2 a 联系人名单 (names and
# telephone numbers — not tasks). The body paragraphs are unnumbered requirements, not tasks.
# 附件1: one target per row (目标值 + 计量单位; 亿元 → 万元, 名 → 人), metric = 任务名称, assignee null;
# 牵头单位 leads and, a 牵头 being named, 责任单位 are partners. The shared suffix
# "格桑县、河源县、白塔县人民政府" expands to full names. Dates as printed.
HERE = Path(__file__).parent
rows = []
for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("附件2"):
        break
    if "\t" in line and not line.startswith("序号"):
        rows.append(line.split("\t"))
def units(cell):
    out = []
    for u in cell.split("、"):
        out.append(u if u.startswith(("州", "各")) or u.endswith("人民政府") else u + "人民政府")
    return out
tasks = []
for n, name, value, unit, lead, resp, dt in rows:
    v = float(value) if "." in value else int(value)
    if unit == "亿元":
        v, unit = round(v * 10000), "万元"
    unit = "人" if unit == "名" else unit
    y, m, d = dt.replace("年", "-").replace("月", "-").rstrip("日").split("-")
    tasks.append(task(n, name, lead=[lead], partner=units(resp), lst="附件1", deadline_text=dt,
                      deadline=f"{y}-{int(m):02d}-{int(d):02d}", targets=[tg(name, v, unit)]))
assert len(tasks) == 16
assert tasks[0]["partner_units"] == ["格桑县人民政府", "河源县人民政府", "白塔县人民政府"]
write(__file__, {"title": "关于抓好2027年东西部协作重点任务落实的通知", "doc_number": "雪协办〔2027〕6号",
                 "issuer": "雪原州东西部协作工作领导小组办公室", "issued_on": "2027-03-22", "year": 2027}, tasks)
