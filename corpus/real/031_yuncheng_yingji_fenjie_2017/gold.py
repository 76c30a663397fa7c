import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# (一)/1./(1) numbering; one "(责任单位:A、B(市、区)C、D)" line closes item 1 and applies to each of
# its sub-items (1)-(4), the finest numbered items. Unit names with inner brackets "各县(市、区)人民政府".
U = ["市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"]
C = "完善应急预案体系"
write(__file__, {"title": "运城市突发事件应急体系建设“十三五”规划责任分解", "issuer": "运城市人民政府办公厅",
                 "issued_on": "2017-04-13", "year": 2017, "references": ["运政办发〔2016〕76号"]}, [
    task("一.1.1", span("加强应急预案管理", "可操作性。"), lead=U, category=C),
    task("一.1.2", span("推进政府及其部门应急预案", "编制全覆盖。"), lead=U, category=C),
    task("一.1.3", span("加强应急预案演练", "强化针对性、实战性。"), lead=U, category=C),
    task("一.1.4", span("加强应急预案的培训宣传", "知晓率。"), lead=U, category=C),
])
