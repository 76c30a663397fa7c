import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import task, tg, write  # noqa: F401  (no targets: a 考核细则 sets points, not quantities)

# 考核细则 table with no 序号: each content row is a task, ref = its position 1…13; the section rows
# "一、组织领导（15分）" are headings, not tasks (their subtotals all add up, NOTES.md). 考核项目 →
# category, 考核内容 → text, 分值 → score, 评分标准 → evidence_required, 评分部门 → lead units
# (as 010). No quantities: 评分标准 figures (扣3分, 每推迟1个月) are scoring rules, not targets.
HERE = Path(__file__).parent
rows = [line.split("\t") for line in (HERE / "source.txt").read_text(encoding="utf-8").splitlines() if "\t" in line]
LEADS = {  # 评分部门 as printed, split at 、; 区农业农村局（区委农办） keeps the first name
    "高层互访": ["区委办", "区政府办"], "工作机制": ["区农业农村局"], "宣传报道": ["区委宣传部"],
    "财政援助资金": ["区财政局"], "资金项目管理": ["区农业农村局", "区财政局"], "招商引资": ["区投资促进局"],
    "共建园区": ["区发改局"], "转移就业": ["区人力社保局"], "技能培训": ["区人力社保局", "区教育局"],
    "消费帮扶": ["区商务局", "区机关事务管理中心"], "展销专区": ["区商务局"], "选派人才": ["区委组织部"],
    "结对帮扶": ["区农业农村局", "区工商联"]}
SCORES = {"高层互访": 5, "工作机制": 5, "宣传报道": 5, "财政援助资金": 10, "资金项目管理": 10, "招商引资": 12,
          "共建园区": 8, "转移就业": 8, "技能培训": 7, "消费帮扶": 10, "展销专区": 5, "选派人才": 8, "结对帮扶": 7}
tasks = []
for row in rows[1:]:
    item = row[0]
    if item not in LEADS:
        continue  # section heading rows and 合计
    tasks.append(task(len(tasks) + 1, row[1], lead=LEADS[item], category=item, score=SCORES[item], evidence=row[3]))
assert len(tasks) == 13 and sum(SCORES.values()) == 100
write(__file__, {"title": "望潮区2026年东西部协作工作考核细则", "year": 2026}, tasks)
