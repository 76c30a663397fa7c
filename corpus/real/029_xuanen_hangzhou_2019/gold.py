import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# County news: the 下达 of 16 projects / 1410万元, the year's plan, and a ";"-separated run of
# measures (one task). The 2018 paragraph reports results.
write(__file__, {"year": 2019}, [
    task(1, span("4月1日,记者从县精准扶贫指挥部办公室获悉", "帮扶资金1410万元。"), targets=[
        tg("项目", 16, "个"), tg("帮扶资金", 1410, "万元")]),
    task(2, span("为进一步深化协作,2019年", "增收致富。")),
    task(3, span("同时,加强人才支援力度", "“万企帮万村”行动。")),
])
