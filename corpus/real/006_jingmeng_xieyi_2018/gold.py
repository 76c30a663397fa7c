import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# News (traditional script) on the 北京–内蒙古 framework agreement; the paragraphs that state what
# the agreement commits to are tasks, numbered by position. Former plans (原計劃…) are not targets.
BJ, NM = "北京市", "內蒙古自治區"
write(__file__, {"title": "京蒙簽下242億扶貧投資訂單 聚焦脫貧攻堅", "issuer": "央廣網",
                 "issued_on": "2018-04-28", "year": 2018}, [
    task(1, span("4月8日,北京市黨政代表團", "并提高了扶貧資金的數額。"), targets=[
        tg("結對幫扶區", 16, "个", assignee=BJ), tg("受幫扶旗縣市", 31, "个", assignee=NM)]),
    task(2, span("“自2018年起", "馬新明說。"), deadline_text="到2020年", deadline="2020-12-31", targets=[
        tg("扶貧協作資金", 3000, "万元", per="county"), tg("三年扶貧協作資金合計", 297500, "万元")]),
    task(3, span("馬新明告訴記者,這份", "因人因戶施策。"), targets=[
        tg("幫扶資金用在與建檔立卡貧困人口緊密聯系的項目上", 80, "%", ">=")]),
])
