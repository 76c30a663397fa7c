import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# Items end in "〔责任单位:A、B、C、D按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕":
# the four named units lead; the standing note adds 相关市(州)人民政府 to every item ("下同").
C = "深化现代流通市场化改革"
CITY = ["相关市(州)人民政府"]
write(__file__, {"title": "四川省“十四五”现代流通体系建设实施方案", "issuer": "四川省发展和改革委员会",
                 "issued_on": "2022-10-18", "year": 2022}, [
    task("一.一", span("加强市场体系建设。", "综合改革试点。"), category=C,
         lead=["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"], partner=CITY),
    task("一.二", span("优化市场准入环境。", "等新制度。"), category=C, lead=["省市场监管局"], partner=CITY),
])
