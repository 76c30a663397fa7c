import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A 分解表 flattened one row per line, cells split by spaces (a cell's own line breaks also show as
# spaces: "加强水资源保 护", "严守用水 效率控制 红线"): 序号 / 类别 / 主要任务 / 细化措施 / 牵头单位 /
# 参与单位 / 责任单位. Row 2 leaves 类别 empty (merged from row 1). 细化措施 is the row's own content
# → text; 主要任务 → category. 牵头 → lead; 参与 and 责任 → partners (a table with a 牵头 column).
# "市发展改革委、工业和信息化委…农业局等": names as printed (the 市 is not repeated), "等" dropped.
# "城乡一体化示范区、高新区党工委和管委会" shares its suffix (as 053). "到2020年" → 2020-12-31;
# "控制在…以内" is "<="; "分别下降24%、25%以上": 以上 read for both.
P1 = ["市发展改革委", "工业和信息化委", "住房和城乡建设局", "农业局"]
P2 = ["市发展改革委", "工业和信息化委", "住房和城乡建设局"]
R = ["各县(市、区)党委和人民政府", "城乡一体化示范区党工委和管委会", "高新区党工委和管委会"]
write(__file__, {"title": "平顶山市全面推行河长制主要任务分解方案", "issuer": "平顶山市河长制办公室",
                 "issued_on": "2018-07-09", "year": 2018}, [
    task(1, span("实施水资源消耗总量和强度双控行动", "11.88亿立方米以内。"), lead=["市水利局"], partner=P1 + R,
         category="严守水资源开发利用控制红线", deadline_text="到2020年", deadline="2020-12-31",
         targets=[tg("全市用水总量", 11.88, "亿立方米", "<=")]),
    task(2, span("落实万元国内生产总值水耗指标", "25%以上。"), lead=["市水利局"], partner=P2 + R,
         category="严守用水效率控制红线", deadline_text="到2020年", deadline="2020-12-31",
         targets=[tg("万元国内生产总值用水量比2015年下降", 24, "%", ">="),
                  tg("万元工业增加值用水量比2015年下降", 25, "%", ">=")]),
])
