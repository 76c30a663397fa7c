import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# "一是粮食安全行动。" used as a heading on its own line, the body below; no document title
# survives. Headings → category, as in seeds 002.
write(__file__, {"year": 2022}, [
    task("一", span("按照“藏粮于地、藏粮于技”要求", "10.3万吨以上。"), category="粮食安全行动",
         deadline_text="全年", deadline="2022-12-31", targets=[
        tg("扩种大豆", 3, "万亩"), tg("其中宜机化玉米大豆带状复合种植等新技术", 1.2, "万亩"),
        tg("高标准农田建设", 0.41, "万亩"), tg("粮食播种面积", 27, "万亩", ">="), tg("粮食总产", 10.3, "万吨", ">=")]),
    task("二", span("按照生猪产能调控要求", "18.5万头以上。"), category="生猪保障行动", targets=[
        tg("能繁母猪常年存栏", 0.95, "万头"), tg("生猪养殖规模场", 32, "户"), tg("年出栏生猪", 18.5, "万头", ">=")]),
    task("三", span("立足特色产业集群打造", "总产60万吨以上。"), category="产业提升行动", targets=[
        tg("新创产业园区", 3, "个"), tg("园区对乡镇的覆盖率", 80, "%", ">="),
        tg("蔬菜面积", 20, "万亩"), tg("蔬菜总产", 60, "万吨", ">=")]),
])
