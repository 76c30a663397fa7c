import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county news page (2014-03, page 2 of the series) reporting the 2013 民生实事: each item is a
# heading line (→ category) followed by 【目标要求】 (the task → text), 【实事剪影】 (a story) and
# 【完成情况】 (what was done: progress, not targets). No units are printed. Items are unnumbered on
# this page, ref by position. The inline <image> line is page residue.
write(__file__, {"title": None, "year": 2013}, [
    task(1, span("续建3000平方米的人才公寓", "公共租赁住房。"), category="人才公寓", targets=[
        tg("续建人才公寓", 3000, "平方米"), tg("新建公共租赁住房", 1500, "平方米")]),
    task(2, span("完成村庄整治40个村", "改造2000户。"), category="农村环境", targets=[
        tg("村庄整治", 40, "个"), tg("农村危旧房改造", 2000, "户")]),
])
