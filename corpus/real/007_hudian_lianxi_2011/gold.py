import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News of the 上海–云南 13th joint-meeting minutes, garbled extraction (each traditional character
# followed by its pinyin in brackets, "????" indents). Paragraphs stating what was agreed are tasks.
write(__file__, {}, [
    task(1, span("根據(jù)會(huì)議紀(jì)要", "怒江獨(dú)龍族幫扶等。"), targets=[
        tg("援助云南省幫扶資金", 10000, "万元", assignee="上海市")]),
    task(2, span("會(huì)上,兩省市教育", "支持云南橋頭堡建設(shè)。")),
    task(3, span("雙方企業(yè)及有關(guān)單位", "協(xié)議引進(jìn)上海資金157億元。"), targets=[
        tg("合作項目協議總金額", 1636000, "万元"), tg("協議引進上海資金", 1570000, "万元")]),
])
