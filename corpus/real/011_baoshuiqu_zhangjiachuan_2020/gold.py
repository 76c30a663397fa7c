import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Short wire story on a county-level framework agreement; no headline in the stored copy.
write(__file__, {"issuer": "新华社", "year": 2020}, [
    task(1, span("日前,天津港保税区与", "助力东西部携手奔小康。"), targets=[
        tg("财政资金", 4000, "万元", assignee="天津港保税区")]),
    task(2, span("据悉,今年两地的", "互利共赢。")),
])
