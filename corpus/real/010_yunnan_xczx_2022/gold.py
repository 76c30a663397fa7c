import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Chapters without numbers (a bold heading line), items "(一)标题。正文" numbered across chapters;
# no units named. "各10万亩" for three crops gives three targets.
C = "坚决扛牢粮食安全和重要农产品供给政治责任"
write(__file__, {"title": "中共云南省委 云南省人民政府关于做好2022年全面推进乡村振兴重点工作的实施意见",
                 "issuer": "中共云南省委、云南省人民政府", "year": 2022}, [
    task("一", span("稳定全年粮食播种面积和产量。", "深入推进优质粮食工程。"), category=C,
         deadline_text="全年", deadline="2022-12-31", targets=[
        tg("粮食播种面积", 6287, "万亩", ">="), tg("粮食产量", 1930, "万吨", ">="),
        tg("推广杂交稻旱种", 50, "万亩"), tg("稻谷示范基地", 10, "万亩"),
        tg("玉米示范基地", 10, "万亩"), tg("马铃薯示范基地", 10, "万亩")]),
    task("二", span("扩大大豆和油料生产。", "木本油料的开发利用。"), category=C),
    task("三", span("保障重要农产品供给。", "积极发展菌草产业。"), category=C),
])
