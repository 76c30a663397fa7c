import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# 印发通知 + 工作要点 on a government page: the notice's date prints as "2021731日" (年 and 月 lost in
# the page) and is read as 2021-07-31. 一、 heading on its own line (→ category), （一） item with its
# title in the same paragraph (kept in text). The stored copy ends inside （二）, so one task.
write(__file__, {"title": "黔西南州2021年东西部协作工作要点", "doc_number": "州乡振指通〔2021〕5号",
                 "issuer": "黔西南州乡村振兴指挥部", "issued_on": "2021-07-31", "year": 2021}, [
    task("一.一", span("做细工作交接。", "争取支持,巩固成果。"), category="有效衔接新一轮东西部协作结对关系"),
])
