import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A tag page in traditional script: one article's headline and lead, the lead printed twice (the list
# repeats it; the copy is not a second task), then a line from another article (not a task). The lead's
# requirement is one task: helping places put in 0.5% or 0.3% of last year's budget revenue (two tiers,
# both recorded) and finish their plans "3月中旬前" (the middle third ends on the 20th).
write(__file__, {"title": "省內對口幫扶幫受雙方全面啟動2022年度幫扶計畫製定各地幫扶計畫3月中旬前完成",
                 "year": 2022}, [
    task(1, span("今年,我省明確各幫扶地", "3月中旬前完成。"), deadline_text="3月中旬前", deadline="2022-03-20",
         targets=[tg("幫扶資金占上年地方一般公共預算收入", 0.5, "%"),
                  tg("幫扶資金占上年地方一般公共預算收入", 0.3, "%")]),
])
