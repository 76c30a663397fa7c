import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county 意见 without its heading in the stored copy: (二)目标任务 with a "其中" split
# (814.5 + 50.5 = 865, consistent) and a pointer to a per-乡镇 annex (附件1, not in the copy);
# 主要政策 items name "各乡镇人民政府" as the acting unit.
write(__file__, {"year": 2023}, [
    task("一.二", span("2023年,全县种植烟叶", "达到全州平均水平。"), category="目标任务", targets=[
        tg("种植烟叶", 6.4, "万亩"), tg("收购烟叶", 865, "万公斤"), tg("其中指令性计划", 814.5, "万公斤"),
        tg("其中出口备货", 50.5, "万公斤"), tg("上等烟比例", 70, "%", ">="),
        tg("烟叶收购等级合格率", 80, "%", ">="), tg("综合等级纯度", 90, "%", ">=")]),
    task("二.一", span("各乡镇人民政府要严格执行", "县人民政府将实行问责。"), category="确保栽足种实",
         lead=["各乡镇人民政府"]),
    task("二.二", span("各乡镇人民政府要依据市场需求", "县人民政府将实行问责。"), category="强化质量管控",
         lead=["各乡镇人民政府"]),
])
