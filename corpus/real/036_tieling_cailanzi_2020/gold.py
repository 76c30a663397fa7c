import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# The stored page has the city's name replaced by gambling spam ("日博体育,日博注册"), kept as printed.
# 具体目标 → 1. 生产能力 → "——指标。…必保完成X,力争提高N个百分点,达到Y。" dash bullets, numbered by
# position. Each bullet has two levels of one quantity (必保 / 力争) and the step between them.
# (一)总体目标 is a general statement without figures, not a task.
C = "生产能力"
def bullet(n, start, end, name, floor, pts, aim, unit):
    return task(f"一.二.1.{n}", span(start, end), category=C, targets=[
        tg(f"{name}(必保)", floor, unit), tg(f"{name}力争提高", pts, "个百分点"), tg(f"{name}(力争)", aim, unit)])
write(__file__, {"title": "2020年日博体育,日博注册落实“菜篮子”市长负责制工作方案", "issued_on": "2020-07-18",
                 "year": 2020, "references": ["辽农市〔2020〕53号"]}, [
    bullet(1, "蔬菜播种面积。蔬菜播种面积(含食用菌", "达到28.77万亩。", "蔬菜播种面积", 27.4, 5, 28.77, "万亩"),
    bullet(2, "蔬菜产量。蔬菜产量必保", "达到80.72万吨。", "蔬菜产量", 76.88, 5, 80.72, "万吨"),
    bullet(3, "肉类总产量。猪、牛、羊、禽", "达到48.36万吨。", "肉类总产量", 47.41, 2, 48.36, "万吨"),
    bullet(4, "水产品产量。水产品产量必保", "达到1.92万吨。", "水产品产量", 1.86, 3, 1.92, "万吨"),
])
