import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# 一、 / 1. numbering; each item closed by "(责任单位:X)"; body text broken by stray spaces.
write(__file__, {"title": "关于切实抓好“三农”领域重点工作建设更高质量全面小康社会的意见",
                 "doc_number": "株发〔2020〕1号", "issuer": "中共株洲市委、株洲市人民政府",
                 "issued_on": "2020-03-20", "year": 2020}, [
    task("一.1", span("全面完成脱贫任务。", "力支撑。"), lead=["市扶贫开发领导小组成员单位"],
         category="实现脱贫攻坚战圆满收官", deadline_text="到2020年底", deadline="2020-12-31"),
])
