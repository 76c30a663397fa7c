import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# Notice + three-year plan; the 总体目标 paragraph carries the end-of-plan figures ("到2025年", a
# "其中" part) and is a task; "7600多名持证残疾人" describes the population, not a target.
write(__file__, {"title": "东阳市促进残疾人就业行动实施方案(2023—2025年)", "issuer": "东阳市人民政府办公室",
                 "issued_on": "2023-03-13", "year": 2023,
                 "references": ["浙政办发〔2022〕59号", "金政办发〔2022〕50号"]}, [
    task("一", span("围绕“扩中”“提低”", "良好社会环境。"), category="总体目标",
         deadline_text="到2025年", deadline="2025-12-31", targets=[
        tg("新增残疾人就业", 800, "人", ">="), tg("残疾人职业技能培训", 1300, "人次", ">="),
        tg("新增残疾人公益性岗位", 70, "个", ">="), tg("劳动年龄段持证残疾人就业率", 60, "%", ">="),
        tg("其中有就业意愿应届残疾人大学生就业率", 100, "%")]),
])
