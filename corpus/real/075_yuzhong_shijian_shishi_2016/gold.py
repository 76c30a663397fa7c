import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county news item in traditional script: "這十件實事是:1.…。2.…。…10.…。" — ten numbered items run
# together in one paragraph → ten tasks, ref as printed. The news dateline "1月20日" with "2016年"
# (the congress meeting's day, also the page's date path) → issued_on 2016-01-20. No units or
# deadlines. "2億元" → 20000 万元; "10萬畝" keeps 万 in the unit (NOTES 数量); "800人(次)" → 人次.
def t(n, start, end, targets=()):
    return task(n, span(start, end), targets=targets)
write(__file__, {"title": "榆中縣確定2016年縣委縣政府為民興辦10件實事", "issued_on": "2016-01-20", "year": 2016}, [
    t(1, "新修高標準基本農田10萬畝。", "新修高標準基本農田10萬畝。", [tg("新修高標準基本農田", 10, "万亩")]),
    t(2, "引入社會資金2億元", "縣城九年制學校。", [tg("引入社會資金", 20000, "万元"), tg("建成縣城九年制學校", 1, "所")]),
    t(3, "完成縣城小學新建", "40所標準化學校。", [tg("建成標準化學校", 40, "所")]),
    t(4, "改造農村危舊房1320戶", "家庭建房100戶。", [tg("改造農村危舊房", 1320, "户"), tg("計生“兩戶”家庭建房", 100, "户")]),
    t(5, "實施光網榆中項目建設", "寬帶全覆蓋。"),
    t(6, "新增城鎮就業2300人", "800人(次)。", [tg("新增城鎮就業", 2300, "人"), tg("職業技能培訓", 800, "人次")]),
    t(7, "改造路網及村內道路160公里。", "改造路網及村內道路160公里。", [tg("改造路網及村內道路", 160, "公里")]),
    t(8, "實施光伏扶貧項目", "光伏發電2100戶。", [tg("推廣光伏發電", 2100, "户")]),
    t(9, "建成南坡灣、潘家坪調蓄水庫及水廠。", "建成南坡灣、潘家坪調蓄水庫及水廠。"),
    t(10, "完成興隆山水源涵養區保護工程。", "完成興隆山水源涵養區保護工程。"),
])
