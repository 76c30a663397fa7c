import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# Traditional-script repost without a title line; item ends "(A、B牽頭,C及D按職責分工負責)":
# A, B lead, C and D (joined by 及) are partners. Deadline inside the text.
write(__file__, {"year": 2022}, [
    task("一.1", span("全面實施行政許可事項清單管理。", "工程建設項目審批事項清單的銜接。"),
         category="堅持系統集成,推動審批全鏈條最佳化",
         lead=["市政府辦公室", "市行政審批制度改革工作領導小組辦公室"], partner=["市級各有關部門", "各縣市區政府"],
         deadline_text="2022年10月底前", deadline="2022-10-31"),
])
