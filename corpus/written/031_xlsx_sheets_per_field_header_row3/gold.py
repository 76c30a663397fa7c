import calendar
import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import tg, task, write
# Excel 任务清单, one sheet per 领域 (产业协作/劳务协作/消费帮扶/人才交流), each with a merged title row,
# a 填报说明 row and the header on row 3; numbers restart on each sheet, so `list` = the sheet's
# 领域 (the sheet name; in the text it is the bracket of the title above each table). One target
# per row: 目标值 + 计量单位 (亿元 → 万元, 名 → 人), metric = 任务名称, assignee null. 责任单位 leads,
# 配合单位 partners ("/" = none; several units in one cell are lines). "2027年12月" → month end.
HERE = Path(__file__).parent
lst, tasks = None, []
for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines():
    m = re.search(r"任务清单（(.+)）$", line)
    if m:
        lst = m[1]
    if "\t" not in line or line.startswith("序号"):
        continue
    n, name, value, unit, lead, partner, dt = line.split("\t")
    v = float(value) if "." in value else int(value)
    if unit == "亿元":
        v, unit = int(v * 10000), "万元"
    unit = "人" if unit == "名" else unit
    dm = re.fullmatch(r"(\d{4})年(\d{1,2})月", dt)
    dl = f"{dm[1]}-{int(dm[2]):02d}-{calendar.monthrange(int(dm[1]), int(dm[2]))[1]}" if dm else None
    tasks.append(task(n, name, lead=[lead], partner=[] if partner == "/" else partner.split(" "), lst=lst,
                      category=lst, deadline_text=dt, deadline=dl, targets=[tg(name, v, unit)]))
assert len(tasks) == 20 and {t["list"] for t in tasks} == {"产业协作", "劳务协作", "消费帮扶", "人才交流"}
write(__file__, {"title": "枫桥区2027年东西部协作任务清单", "issuer": "枫桥区东西部协作工作领导小组办公室",
                 "year": 2027}, tasks)
