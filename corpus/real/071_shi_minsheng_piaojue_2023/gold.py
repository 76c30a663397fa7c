import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A city news item (traditional script with pinyin garbles "項(xiàng)" kept as printed): "最終票決出:A;B;
# …;J,為我市2023年市政府10項民生實事項目。" — ten announced and the ";"-list has exactly ten → each is
# a task, ref by position (as 064). The items are copied out of the list between its markers and
# split at ";" (the text as printed). No units, no deadlines; "3月22日" is the meeting's date, the
# news date is not printed → issued_on null; the city is not named. "名/人" → 人; "(帶)" is part of
# the thing counted. Metric names in the page's traditional script.
items = span("創(chuàng)建智慧康養(yǎng)", upto=",為我市").split(";")
assert len(items) == 10, items
T = {5: [tg("專業培訓數字服務業勞動者", 10000, "人"), tg("創造就業崗位", 5000, "个")],
     7: [tg("優化交通信號燈配時的主城區路口", 426, "个"), tg("施劃錯時錯峰停車位(帶)", 8000, "个")],
     9: [tg("建設公辦幼兒園", 10, "所")]}
write(__file__, {"title": "我市票決產生2023年市政府10項民生實事項目", "year": 2023},
      [task(n, items[n - 1], targets=T.get(n, ())) for n in range(1, 11)])
