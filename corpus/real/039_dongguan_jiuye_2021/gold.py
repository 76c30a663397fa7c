import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Traditional-script repost of a city 实施意见: 一、/（一）/1. items closed by "(A、B、C負責)" (all lead).
# The dates inside are the policies' 实施期限, not deadlines for doing the task (deadline null);
# "30人(含)以下" is an eligibility threshold, not a target.
C = "減輕企業負擔,穩定就業崗位"
write(__file__, {"title": "東莞市人民政府關于貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見",
                 "doc_number": "東府〔2021〕54號", "issuer": "東莞市人民政府", "year": 2021,
                 "references": ["粵府〔2021〕13號"]}, [
    task("一.一.1", span("按照國家統一部署", "實施期限延長至2022年4月30日。"), category=C,
         lead=["市人力資源社會保障局", "市醫保局", "市財政局", "市稅務局"],
         targets=[tg("階段性下調工傷保險費率", 50, "%")]),
    task("一.一.2", span("繼續按不高于2017年征收標準", "(即征收所屬期為2021年度)。"), category=C,
         lead=["市殘聯", "市財政局", "市稅務局"]),
])
