import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import task, write
# 考核办法 (印发通知 + 第一条…第七条) with the 评分细则 in the annex. The articles are rules, not
# tasks; the annex rows 1–18 are. Section rows "一、组织领导（15分）" state subtotals (15+25+30+30 =
# 100 = 合计; checked in NOTES.md). 加分项/扣分项 rows 15–18 are items of the 细则 too, but their 分值
# cell is empty (the points are in 评分标准), so score = null. 考核项目 → category, 考核内容 → text,
# 评分标准 → evidence_required, 评分部门 → lead units (as 010/022). No quantities: targets empty.
HERE = Path(__file__).parent
rows = [line.split("\t") for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines() if "\t" in line]
SCORES = {1: 5, 2: 5, 3: 5, 4: 10, 5: 10, 6: 5, 7: 10, 8: 5, 9: 10, 10: 5, 11: 10, 12: 5, 13: 8, 14: 7}
tasks = []
for row in rows[1:]:
    if not row[0].isdigit():
        continue  # section rows and 合计
    n = int(row[0])
    tasks.append(task(n, row[2], lead=row[5].split("、"), category=row[1], score=SCORES.get(n), evidence=row[4]))
assert len(tasks) == 18 and sum(SCORES.values()) == 100
write(__file__, {"title": "河源县东西部协作工作考核办法（试行）", "doc_number": "河政办发〔2027〕12号",
                 "issuer": "河源县人民政府办公室", "issued_on": "2027-03-10", "year": 2027}, tasks)
