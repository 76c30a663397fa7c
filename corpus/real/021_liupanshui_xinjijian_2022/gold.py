import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A three-year plan whose 主要目标 paragraph sets yearly and end-of-plan quantities (kept as one
# task, like a 工作目标 paragraph); (一) is a section intro whose numbered items fall after the cut.
# issued_on is the catalogue's 生成日期.
write(__file__, {"title": "六盘水市新型基础设施建设三年行动方案(2022—2024年)", "doc_number": "六盘水府办发〔2022〕10号",
                 "issuer": "六盘水市人民政府办公室", "issued_on": "2022-12-02", "year": 2022,
                 "references": ["黔府办发〔2022〕25号"]}, [
    task("一", span("2022年,全市新建5G基站", "新型基础设施体系。"), category="主要目标",
         deadline_text="到2024年", deadline="2024-12-31", targets=[
        tg("新建5G基站", 2600, "个", ">="), tg("新建市级及以上创新平台", 15, "个", ">="),
        tg("累计建成5G基站", 1, "万个"), tg("累计新建市级及以上创新平台", 50, "个", ">=")]),
    task("二.一", span("推进大数据基础设施建设。", "创建省级“千兆城市”。"), category="重点任务"),
])
