import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# 一、/1./(1)/① numbering; each problem closed by "(牵头单位:X;责任单位:Y)" and followed by an
# "整改措施:" paragraph (→ measures). The container 一、整改内容 is not part of ref.
write(__file__, {"title": "2017年度脱贫攻坚成效考核反馈问题整改实施方案", "issuer": "广元市昭化区射箭乡人民政府",
                 "issued_on": "2018-09-05", "year": 2018, "references": ["川委厅〔2018〕29号"]}, [
    task("1.1", span("将脱贫人口指标集中安排给当年计划退出村", "有指标的未达标也想办法退出。"),
         category="专项整改问题", lead=["扶贫办"], partner=["各村支部"],
         measures=span("继续坚持采取", "想办法退出的现象发生。")),
])
