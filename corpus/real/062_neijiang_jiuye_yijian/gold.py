import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# An encyclopedia copy (traditional script) of 內江市 實施意見 on employment: 一、/(一) items with the
# title in the same paragraph (→ part of text) and the units in a bracket at the end "(A、B…等負責,
# 列第一位者為牽頭單位,下同)": the standing note makes the first unit lead and the rest partners, here
# and in later items; "等" is dropped. The page opens with the body: no title, number, date or year.
# (二) "重點發展…等12個領域" counts the fields it lists; not a quantity to deliver.
C = "深入實施就業優先發展戰略"
write(__file__, {"title": None}, [
    task("一.一", span("建立經濟發展與擴大就業聯動機制。", "項目優先安排。"), category=C, lead=["市發展改革委"],
         partner=["市經濟和信息化委", "市財政局", "市人力資源社會保障局", "市商務局", "市地稅局", "市國稅局", "市統計局"]),
    task("一.二", span("發展吸納就業能力強的產業。", "到農村就業創業。"), category=C, lead=["市商務局"],
         partner=["市經濟和信息化委", "市農業局"]),
])
